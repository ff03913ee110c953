/** The search page's widgets: box, counts, order, the current refinements, facets and the date range. */
import connectRange from 'instantsearch.js/es/connectors/range/connectRange.js';
import configure from 'instantsearch.js/es/widgets/configure/configure.js';
import { dateToNum, numToDate } from '../search/query.ts';
import { normaliseQuery } from '../search/syntax.ts';
import { kindLabel } from './format.ts';
import { t, type MessageKey } from './i18n.ts';
import { inputDate, LIST_FACETS, PLACES, sortIndex } from './search-state.ts';
import {
  currentRefinements,
  hierarchicalMenu,
  pagination,
  refinementList,
  searchBox,
  sortBy,
  stats,
} from './search-ui.ts';

/** How many facet values show at first, and at most after 更多. */
export const FACET_LIMITS = { list: 10, listMore: 100, places: 20, placesMore: 200 } as const;

/** The label of each refinement in the "current refinements" row, by attribute. */
const REFINEMENT_LABELS: Record<string, MessageKey> = {
  [PLACES]: 'refinement.places',
  [LIST_FACETS.papers]: 'refinement.papers',
  [LIST_FACETS.reporters]: 'refinement.reporters',
  [LIST_FACETS.people]: 'refinement.people',
  [LIST_FACETS.kinds]: 'refinement.kinds',
  [LIST_FACETS.years]: 'refinement.years',
  [LIST_FACETS.months]: 'refinement.months',
  dateNum: 'refinement.dates',
};

// The district facet's labels: the city where a district's name repeats (written by src/pages/index.astro).
let labels: Record<string, string> | null = null;
const districtLabels = () =>
  (labels ??= JSON.parse(document.getElementById('district-labels')?.textContent || '{}') as Record<
    string,
    string
  >);

/** A date-range form bound to the dateNum range (YYYYMMDD numbers) of the index. */
const dateRange = connectRange<{ form: HTMLFormElement }>((renderOptions, isFirstRender) => {
  const { start, refine, widgetParams } = renderOptions;
  const form = widgetParams.form;
  const from = form.elements.namedItem('from') as HTMLInputElement;
  const to = form.elements.namedItem('to') as HTMLInputElement;
  if (isFirstRender) {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      refine([
        from.value ? dateToNum(from.value, 'from') : undefined,
        to.value ? dateToNum(to.value, 'to') : undefined,
      ]);
    });
  }
  const [lo, hi] = start;
  from.value = Number.isFinite(lo) && lo ? inputDate(lo as number, 'from') : '';
  to.value = Number.isFinite(hi) && hi ? inputDate(hi as number, 'to') : '';
});

/** The label a refinement shows in the "current refinements" row. */
function refinementValueLabel(
  attribute: string,
  r: { label: string; value: unknown; operator?: string },
): string {
  if (attribute === 'dateNum')
    return r.operator === '>='
      ? t('refinement.from', { date: numToDate(Number(r.value), 'from') })
      : t('refinement.to', { date: numToDate(Number(r.value), 'to') });
  if (attribute === LIST_FACETS.kinds) return kindLabel(String(r.value));
  return r.label;
}

/** Every widget but the hits, bound to the page's containers (src/pages/index.astro). */
export function searchWidgets(index: string) {
  const facet = (container: string, attribute: string, extra: Record<string, unknown> = {}) =>
    refinementList({
      container,
      attribute,
      limit: FACET_LIMITS.list,
      showMore: true,
      showMoreLimit: FACET_LIMITS.listMore,
      ...extra,
    });
  return [
    configure({
      hitsPerPage: 10,
      attributesToSnippet: ['body:60'],
      snippetEllipsisText: '…',
    } as never),
    // The query goes out as the export sends it (quotes, -exclusions: src/search/syntax.ts).
    searchBox({
      container: '#searchbox',
      placeholder: t('search.placeholder'),
      queryHook: (q: string, search: (q: string) => void) => search(normaliseQuery(q)),
    }),
    stats({ container: '#stats' }),
    sortBy({
      container: '#sort',
      items: [
        { value: sortIndex(index, 'relevance'), label: t('search.sort.relevance') },
        { value: sortIndex(index, 'newest'), label: t('search.sort.newest') },
        { value: sortIndex(index, 'oldest'), label: t('search.sort.oldest') },
      ],
    }),
    currentRefinements({
      container: '#current',
      attributeLabel: (attribute, fallback) =>
        REFINEMENT_LABELS[attribute] ? t(REFINEMENT_LABELS[attribute]!) : fallback,
      valueLabel: refinementValueLabel,
    }),
    hierarchicalMenu({
      container: '#facet-district',
      attributes: [PLACES, 'places.lvl1'],
      // Most articles first; the city where a district's name repeats.
      sortBy: ['count:desc', 'name:asc'],
      transformItems: (items: { value: string; label: string }[]) =>
        items.map((item) => ({ ...item, label: districtLabels()[item.value] ?? item.label })),
      limit: FACET_LIMITS.places,
      showMore: true,
      showMoreLimit: FACET_LIMITS.placesMore,
    } as never),
    facet('#facet-year', LIST_FACETS.years, { sortBy: ['name:desc'] }),
    facet('#facet-month', LIST_FACETS.months, { sortBy: ['name:desc'] }),
    facet('#facet-paper', LIST_FACETS.papers),
    facet('#facet-reporter', LIST_FACETS.reporters),
    facet('#facet-person', LIST_FACETS.people),
    facet('#facet-kind', LIST_FACETS.kinds, { labelOf: kindLabel }),
    dateRange({
      form: document.getElementById('date-range') as HTMLFormElement,
      attribute: 'dateNum',
    }),
    pagination({ container: '#pagination', padding: 2 }),
  ];
}
