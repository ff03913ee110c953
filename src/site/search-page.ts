import instantsearch from 'instantsearch.js';
import { history } from 'instantsearch.js/es/lib/routers';
import { connectRange } from 'instantsearch.js/es/connectors';
import {
  configure,
  currentRefinements,
  hierarchicalMenu,
  hits,
  pagination,
  refinementList,
  searchBox,
  sortBy,
  stats,
} from 'instantsearch.js/es/widgets';
import { instantMeiliSearch } from '@meilisearch/instant-meilisearch';
import { dateToNum, numToDate, parseSearchParams, toSearchParams, type SearchRequest } from '../search/query.ts';
import { fromUiState, inputDate, LIST_FACETS, PLACES, sortIndex, toUiState, type SearchConfig, type UiState } from './search-state.ts';

const KIND_LABELS: Record<string, string> = { article: '文章', brief: '简讯', notice: '公告' };

/** The runtime search configuration; null when the site has none (search not set up or down). */
export async function loadSearchConfig(): Promise<SearchConfig | null> {
  try {
    const res = await fetch('/search-config.json', { cache: 'no-store' });
    if (!res.ok) return null;
    const config = (await res.json()) as SearchConfig;
    return config.host && config.index && config.apiKey ? config : null;
  } catch {
    return null;
  }
}

function showDown() {
  document.getElementById('search-down')?.classList.remove('hidden');
}

/**
 * InstantSearch's state ↔ the URL, through the one SearchRequest codec: the route state is a
 * SearchRequest, written and read by toSearchParams/parseSearchParams, and search-state.ts says
 * which widget shows which of its fields.
 */
function routing(index: string) {
  return {
    router: history<SearchRequest>({
      cleanUrlOnDispose: false,
      createURL: ({ routeState, location }) => {
        const query = toSearchParams(routeState).toString();
        return `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
      },
      parseURL: ({ location }) => parseSearchParams(new URLSearchParams(location.search)),
    }),
    stateMapping: {
      stateToRoute: (uiState: Record<string, UiState>) => fromUiState(uiState[index] ?? {}, index),
      routeToState: (request: SearchRequest) => ({ [index]: toUiState(request, index) }),
    },
  };
}

/** A date-range form bound to the dateNum range (YYYYMMDD numbers) of the index. */
const dateRange = connectRange<{ form: HTMLFormElement }>((renderOptions, isFirstRender) => {
  const { start, refine, widgetParams } = renderOptions;
  const form = widgetParams.form;
  const from = form.elements.namedItem('from') as HTMLInputElement;
  const to = form.elements.namedItem('to') as HTMLInputElement;
  if (isFirstRender) {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      refine([from.value ? dateToNum(from.value, 'from') : undefined, to.value ? dateToNum(to.value, 'to') : undefined]);
    });
  }
  const [lo, hi] = start;
  from.value = Number.isFinite(lo) && lo ? inputDate(lo as number, 'from') : '';
  to.value = Number.isFinite(hi) && hi ? inputDate(hi as number, 'to') : '';
});

export async function startSearch() {
  const config = await loadSearchConfig();
  if (!config) {
    showDown();
    return;
  }
  const { searchClient } = instantMeiliSearch(config.host, config.apiKey, { placeholderSearch: true, primaryKey: 'id', keepZeroFacets: false });
  const index = config.index;
  const search = instantsearch({
    indexName: index,
    searchClient,
    routing: routing(index) as never,
    future: { preserveSharedStateOnUnmount: true },
  });
  search.on('error', () => showDown());
  const facet = (container: string, attribute: string, extra: Record<string, unknown> = {}) =>
    refinementList({ container, attribute, limit: 10, showMore: true, showMoreLimit: 100, templates: { showMoreText: ({ isShowingMore }: { isShowingMore: boolean }) => (isShowingMore ? '收起' : '更多') }, ...extra });
  search.addWidgets([
    configure({ hitsPerPage: 10, attributesToSnippet: ['body:60'], snippetEllipsisText: '…' } as never),
    searchBox({ container: '#searchbox', placeholder: '输入关键词，例如：小哥码、智慧印章', autofocus: true, showLoadingIndicator: false, searchAsYouType: true }),
    stats({
      container: '#stats',
      templates: { text: ({ nbHits, processingTimeMS }: { nbHits: number; processingTimeMS: number }, { html }: { html: (s: TemplateStringsArray, ...v: unknown[]) => unknown }) => html`找到 <strong>${nbHits}</strong> 篇，用时 ${processingTimeMS} 毫秒` } as never,
    }),
    sortBy({
      container: '#sort',
      items: [
        { value: index, label: '按相关度' },
        { value: sortIndex(index, 'newest'), label: '最新在前' },
        { value: sortIndex(index, 'oldest'), label: '最早在前' },
      ],
      cssClasses: { select: 'sort-select' },
    }),
    currentRefinements({
      container: '#current',
      transformItems: (items) =>
        items.map((item) => ({
          ...item,
          label: ({ [PLACES]: '地区', [LIST_FACETS.papers]: '报纸', [LIST_FACETS.reporters]: '记者', [LIST_FACETS.people]: '署名', [LIST_FACETS.kinds]: '类型', [LIST_FACETS.years]: '年', [LIST_FACETS.months]: '月', dateNum: '日期' } as Record<string, string>)[item.attribute] ?? item.label,
          refinements: item.refinements.map((r) => ({
            ...r,
            label: item.attribute === 'dateNum' ? r.operator === '>=' ? `从 ${numToDate(Number(r.value), 'from')}` : `到 ${numToDate(Number(r.value), 'to')}` : item.attribute === 'kind' ? (KIND_LABELS[String(r.value)] ?? r.label) : r.label,
          })),
        })),
    }),
    hierarchicalMenu({
      container: '#facet-district',
      attributes: [PLACES, 'places.lvl1'],
      limit: 20,
      showMore: true,
      showMoreLimit: 200,
      templates: { showMoreText: ({ isShowingMore }: { isShowingMore: boolean }) => (isShowingMore ? '收起' : '更多') } as never,
    }),
    facet('#facet-year', LIST_FACETS.years, { sortBy: ['name:desc'] }),
    facet('#facet-month', LIST_FACETS.months, { sortBy: ['name:desc'] }),
    facet('#facet-paper', LIST_FACETS.papers),
    facet('#facet-reporter', LIST_FACETS.reporters),
    facet('#facet-person', LIST_FACETS.people),
    facet('#facet-kind', LIST_FACETS.kinds, { transformItems: (items: { label: string }[]) => items.map((i) => ({ ...i, label: KIND_LABELS[i.label] ?? i.label, highlighted: KIND_LABELS[i.label] ?? i.label })) }),
    dateRange({ form: document.getElementById('date-range') as HTMLFormElement, attribute: 'dateNum' }),
    hits({
      container: '#hits',
      templates: {
        item: (hit: Record<string, unknown>, { html, components }: { html: (s: TemplateStringsArray, ...v: unknown[]) => unknown; components: { Highlight: (p: object) => unknown; Snippet: (p: object) => unknown } }) => {
          const h = hit as { id: string; kicker: string; headline: string; body: string; paperName: string; date: string | null; page: string | null; districts: string[] };
          const date = h.date ? h.date : '日期不详';
          return html`<article class="hit">
            ${h.kicker ? html`<div class="kicker">${components.Highlight({ hit, attribute: 'kicker' })}</div>` : ''}
            <h3><a href=${`/a/${h.id}/`}>${h.headline ? components.Highlight({ hit, attribute: 'headline' }) : h.body.slice(0, 24) + '…'}</a></h3>
            <p class="muted">${[h.paperName, date, h.page ? `第${h.page}版` : '', h.districts.join('、')].filter(Boolean).join(' · ')}</p>
            <p>${components.Snippet({ hit, attribute: 'body' })}</p>
          </article>`;
        },
        empty: (_results: unknown, { html }: { html: (s: TemplateStringsArray, ...v: unknown[]) => unknown }) =>
          html`<div class="notice" role="status">没有找到符合条件的文章。试试换个关键词，或去掉上面的筛选条件（点 × 即可去掉）。</div>`,
      } as never,
    }),
    pagination({ container: '#pagination', padding: 2, showFirst: false, showLast: false }),
  ]);
  search.start();
}
