/**
 * The search page's widgets: InstantSearch's connectors (the widget logic: state, refinements, URLs,
 * show-more, pagination) with our own few lines of DOM each, in place of InstantSearch's Preact
 * components. They render the same markup and class names (ais-…), so the style sheet and the tests
 * read them as before; the page's script no longer carries Preact, htm and the components
 * (~20 KB gzip of 66). Every text from the index goes through esc(); highlighted values come escaped
 * by InstantSearch (escapeHTML), with only its <mark> tags as markup.
 */
import connectCurrentRefinements from 'instantsearch.js/es/connectors/current-refinements/connectCurrentRefinements.js';
import connectHierarchicalMenu from 'instantsearch.js/es/connectors/hierarchical-menu/connectHierarchicalMenu.js';
import connectHits from 'instantsearch.js/es/connectors/hits/connectHits.js';
import connectPagination from 'instantsearch.js/es/connectors/pagination/connectPagination.js';
import connectRefinementList from 'instantsearch.js/es/connectors/refinement-list/connectRefinementList.js';
import connectSearchBox from 'instantsearch.js/es/connectors/search-box/connectSearchBox.js';
import connectSortBy from 'instantsearch.js/es/connectors/sort-by/connectSortBy.js';
import connectStats from 'instantsearch.js/es/connectors/stats/connectStats.js';
import { t } from './i18n.ts';

/** Text as HTML: every value from the index goes through here. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const host = (selector: string): HTMLElement => {
  const node = document.querySelector<HTMLElement>(selector);
  if (!node) throw new Error(`search page: no ${selector}`);
  return node;
};

/** Clicks inside `root` on elements with data-action, handled by `handlers[action](element)`. */
function delegate(
  root: HTMLElement,
  handlers: Record<string, (el: HTMLElement, event: Event) => void>,
) {
  root.addEventListener('click', (event) => {
    const el = (event.target as HTMLElement).closest<HTMLElement>('[data-action]');
    if (!el || !root.contains(el)) return;
    handlers[el.dataset.action!]?.(el, event);
  });
}

/** Renders happen on every search; the DOM is written only when the markup changed. */
function write(root: HTMLElement, html: string) {
  if (root.dataset.rendered !== html) {
    root.innerHTML = html;
    root.dataset.rendered = html;
  }
}

export const searchBox = connectSearchBox<{ container: string; placeholder: string }>(
  (r, first) => {
    const root = host(r.widgetParams.container);
    if (first) {
      root.innerHTML = `<div class="ais-SearchBox"><form class="ais-SearchBox-form" role="search" novalidate action=""><input class="ais-SearchBox-input" type="search" autocomplete="off" autocorrect="off" autocapitalize="off" spellcheck="false" maxlength="512" aria-label="${esc(r.widgetParams.placeholder)}" placeholder="${esc(r.widgetParams.placeholder)}"></form></div>`;
      const input = root.querySelector('input')!;
      input.addEventListener('input', () => r.refine(input.value));
      root.querySelector('form')!.addEventListener('submit', (event) => {
        event.preventDefault();
        input.blur();
      });
      // A search opened from a link or a bookmark shows its words (the box has focus from here on).
      input.value = r.query;
      input.focus();
    }
    const input = root.querySelector('input')!;
    // Never rewrite what the reader is typing; follow the state otherwise (back button, a removed refinement).
    if (document.activeElement !== input && input.value !== r.query) input.value = r.query;
  },
);

export const stats = connectStats<{ container: string }>((r) => {
  write(
    host(r.widgetParams.container),
    `<div class="ais-Stats">${esc(t('search.found'))} <strong>${r.nbHits}</strong> ${esc(t('search.foundTime', { ms: r.processingTimeMS }))}</div>`,
  );
});

export const sortBy = connectSortBy<{ container: string }>((r, first) => {
  const root = host(r.widgetParams.container);
  if (first) {
    root.innerHTML = `<div class="ais-SortBy"><select class="ais-SortBy-select sort-select" aria-label="${esc(t('search.sort.relevance'))}">${r.options.map((o) => `<option value="${esc(o.value)}">${esc(o.label)}</option>`).join('')}</select></div>`;
    root
      .querySelector('select')!
      .addEventListener('change', (event) => r.refine((event.target as HTMLSelectElement).value));
  }
  root.querySelector('select')!.value = r.currentRefinement;
});

/** Labels of refinements the reader sees, by attribute and value (search-widgets.ts supplies them). */
export type RefinementLabel = (
  attribute: string,
  refinement: { label: string; value: unknown; operator?: string },
) => string;

export const currentRefinements = connectCurrentRefinements<{
  container: string;
  attributeLabel: (attribute: string, fallback: string) => string;
  valueLabel: RefinementLabel;
}>((r, first) => {
  const root = host(r.widgetParams.container);
  const { attributeLabel, valueLabel } = r.widgetParams;
  if (first) {
    delegate(root, {
      remove: (el) => {
        const item = r.items[Number(el.dataset.item)]!;
        item.refine(item.refinements[Number(el.dataset.refinement)]!);
      },
    });
  }
  const items = r.items.map(
    (item, i) =>
      `<li class="ais-CurrentRefinements-item"><span class="ais-CurrentRefinements-label">${esc(attributeLabel(item.attribute, item.label))}:</span>${item.refinements
        .map(
          (ref, j) =>
            `<span class="ais-CurrentRefinements-category"><span class="ais-CurrentRefinements-categoryLabel">${esc(valueLabel(item.attribute, ref))}</span><button type="button" class="ais-CurrentRefinements-delete" data-action="remove" data-item="${i}" data-refinement="${j}" aria-label="${esc(t('refinement.remove'))}">✕</button></span>`,
        )
        .join('')}</li>`,
  );
  write(
    root,
    `<div class="ais-CurrentRefinements${items.length ? '' : ' ais-CurrentRefinements--noRefinement'}"><ul class="ais-CurrentRefinements-list">${items.join('')}</ul></div>`,
  );
  // A button that was just clicked is gone: keep the focus on the row.
  if (first) root.setAttribute('tabindex', '-1');
});

const showMoreButton = (prefix: string, canToggle: boolean, isShowingMore: boolean) =>
  `<button type="button" class="ais-${prefix}-showMore${canToggle ? '' : ` ais-${prefix}-showMore--disabled`}" data-action="more"${canToggle ? '' : ' disabled'}>${esc(isShowingMore ? t('search.less') : t('search.more'))}</button>`;

export const refinementList = connectRefinementList<{
  container: string;
  labelOf?: (value: string) => string;
}>((r, first) => {
  const root = host(r.widgetParams.container);
  if (first) {
    root.addEventListener('change', (event) => {
      const box = event.target as HTMLInputElement;
      if (box.dataset.value !== undefined) r.refine(box.dataset.value);
    });
    delegate(root, { more: () => r.toggleShowMore() });
  }
  const label = r.widgetParams.labelOf ?? ((v: string) => v);
  const items = r.items.map(
    (item) =>
      `<li class="ais-RefinementList-item${item.isRefined ? ' ais-RefinementList-item--selected' : ''}"><label class="ais-RefinementList-label"><input type="checkbox" class="ais-RefinementList-checkbox" data-value="${esc(item.value)}"${item.isRefined ? ' checked' : ''}><span class="ais-RefinementList-labelText">${esc(label(item.label))}</span><span class="ais-RefinementList-count">${item.count}</span></label></li>`,
  );
  write(
    root,
    `<div class="ais-RefinementList${items.length ? '' : ' ais-RefinementList--noRefinement'}"><ul class="ais-RefinementList-list">${items.join('')}</ul>${r.canToggleShowMore || r.isShowingMore ? showMoreButton('RefinementList', r.canToggleShowMore, r.isShowingMore) : ''}</div>`,
  );
});

type MenuItem = {
  value: string;
  label: string;
  count: number;
  isRefined: boolean;
  data: MenuItem[] | null;
};

export const hierarchicalMenu = connectHierarchicalMenu<{ container: string }>((r, first) => {
  const root = host(r.widgetParams.container);
  if (first) {
    delegate(root, {
      refine: (el, event) => {
        event.preventDefault();
        r.refine(el.dataset.value!);
      },
      more: () => r.toggleShowMore(),
    });
  }
  const list = (items: MenuItem[], child: boolean): string =>
    `<ul class="ais-HierarchicalMenu-list${child ? ' ais-HierarchicalMenu-list--child' : ''}">${items
      .map(
        (item) =>
          `<li class="ais-HierarchicalMenu-item${item.isRefined ? ' ais-HierarchicalMenu-item--selected' : ''}"><div><a class="ais-HierarchicalMenu-link${item.isRefined ? ' ais-HierarchicalMenu-link--selected' : ''}" href="${esc(r.createURL(item.value))}" data-action="refine" data-value="${esc(item.value)}"><span class="ais-HierarchicalMenu-label">${esc(item.label)}</span><span class="ais-HierarchicalMenu-count">${item.count}</span></a></div>${item.data ? list(item.data, true) : ''}</li>`,
      )
      .join('')}</ul>`;
  write(
    root,
    `<div class="ais-HierarchicalMenu${r.items.length ? '' : ' ais-HierarchicalMenu--noRefinement'}">${list(r.items as MenuItem[], false)}${r.canToggleShowMore || r.isShowingMore ? showMoreButton('HierarchicalMenu', r.canToggleShowMore, r.isShowingMore) : ''}</div>`,
  );
});

export const pagination = connectPagination<{ container: string }>((r, first) => {
  const root = host(r.widgetParams.container);
  if (first) {
    delegate(root, {
      page: (el, event) => {
        event.preventDefault();
        r.refine(Number(el.dataset.page));
        window.scrollTo({ top: 0 });
      },
    });
  }
  if (r.nbPages <= 1) return write(root, '');
  const item = (page: number, text: string, kind: string, disabled: boolean, selected = false) =>
    `<li class="ais-Pagination-item ais-Pagination-item--${kind}${selected ? ' ais-Pagination-item--selected' : ''}${disabled ? ' ais-Pagination-item--disabled' : ''}">${
      disabled
        ? `<span class="ais-Pagination-link">${text}</span>`
        : `<a class="ais-Pagination-link" href="${esc(r.createURL(page))}" data-action="page" data-page="${page}"${selected ? ' aria-current="page"' : ''}>${text}</a>`
    }</li>`;
  write(
    root,
    `<div class="ais-Pagination"><ul class="ais-Pagination-list">${item(r.currentRefinement - 1, '‹', 'previousPage', r.isFirstPage)}${r.pages
      .map((p) => item(p, String(p + 1), 'page', false, p === r.currentRefinement))
      .join('')}${item(r.currentRefinement + 1, '›', 'nextPage', r.isLastPage)}</ul></div>`,
  );
});

/** The hits, each rendered by `item` (HTML: escape what it takes from the hit), or `empty` when none. */
export const hits = connectHits<{
  container: string;
  item: (hit: Record<string, unknown>) => string;
  empty: () => string;
}>((r) => {
  const root = host(r.widgetParams.container);
  const items = r.items as unknown as Record<string, unknown>[];
  write(
    root,
    items.length
      ? `<div class="ais-Hits"><ol class="ais-Hits-list">${items.map((h) => `<li class="ais-Hits-item">${r.widgetParams.item(h)}</li>`).join('')}</ol></div>`
      : `<div class="ais-Hits ais-Hits--empty">${r.widgetParams.empty()}</div>`,
  );
});
