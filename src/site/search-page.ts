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
import { dateToNum, numToDate, type SearchConfig } from './search-state.ts';

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

type UiState = {
  query?: string;
  page?: number;
  sortBy?: string;
  refinementList?: Record<string, string[]>;
  hierarchicalMenu?: Record<string, string[]>;
  range?: Record<string, string>;
};

/** InstantSearch state ↔ the URL parameters of src/search/query.ts (q, district, street, paper, …). */
function stateMapping(index: string) {
  return {
    stateToRoute(uiState: Record<string, UiState>) {
      const s = uiState[index] ?? {};
      const [district, street] = s.hierarchicalMenu?.['places.lvl0'] ?? [];
      const [lo, hi] = (s.range?.dateNum ?? ':').split(':');
      return {
        q: s.query || undefined,
        district: district || undefined,
        street: street || undefined,
        paper: s.refinementList?.paperName,
        reporter: s.refinementList?.reporters,
        kind: s.refinementList?.kind,
        year: s.refinementList?.year,
        month: s.refinementList?.month,
        from: lo ? numToDate(Number(lo)) : undefined,
        to: hi ? numToDate(Number(hi)) : undefined,
        sort: s.sortBy === `${index}:dateNum:desc` ? 'newest' : s.sortBy === `${index}:dateNum:asc` ? 'oldest' : undefined,
        page: s.page && s.page > 1 ? String(s.page) : undefined,
      };
    },
    routeToState(route: Record<string, string | string[] | undefined>) {
      const list = (v: string | string[] | undefined) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);
      const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
      const district = one(route.district);
      const street = one(route.street);
      const from = one(route.from);
      const to = one(route.to);
      const refinementList: Record<string, string[]> = {};
      for (const [param, attribute] of [['paper', 'paperName'], ['reporter', 'reporters'], ['kind', 'kind'], ['year', 'year'], ['month', 'month']] as const) {
        const values = list(route[param]);
        if (values) refinementList[attribute] = values;
      }
      const sort = one(route.sort);
      const state: UiState = {
        query: one(route.q),
        page: route.page ? Number(one(route.page)) : undefined,
        sortBy: sort === 'newest' ? `${index}:dateNum:desc` : sort === 'oldest' ? `${index}:dateNum:asc` : undefined,
        refinementList,
        hierarchicalMenu: district ? { 'places.lvl0': street ? [district, street] : [district] } : undefined,
        range: from || to ? { dateNum: `${from ? dateToNum(from, 'from') : ''}:${to ? dateToNum(to, 'to') : ''}` } : undefined,
      };
      return { [index]: state };
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
  from.value = Number.isFinite(lo) && lo ? numToDate(lo as number) : '';
  to.value = Number.isFinite(hi) && hi ? numToDate(hi as number) : '';
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
    routing: { router: history({ cleanUrlOnDispose: false }), stateMapping: stateMapping(index) as never },
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
        { value: `${index}:dateNum:desc`, label: '最新在前' },
        { value: `${index}:dateNum:asc`, label: '最早在前' },
      ],
      cssClasses: { select: 'sort-select' },
    }),
    currentRefinements({
      container: '#current',
      transformItems: (items) =>
        items.map((item) => ({
          ...item,
          label: ({ 'places.lvl0': '地区', paperName: '报纸', reporters: '记者', kind: '类型', year: '年', month: '月', dateNum: '日期' } as Record<string, string>)[item.attribute] ?? item.label,
          refinements: item.refinements.map((r) => ({
            ...r,
            label: item.attribute === 'dateNum' ? `${r.operator === '>=' ? '从' : '到'} ${numToDate(Number(r.value))}` : item.attribute === 'kind' ? (KIND_LABELS[String(r.value)] ?? r.label) : r.label,
          })),
        })),
    }),
    hierarchicalMenu({
      container: '#facet-district',
      attributes: ['places.lvl0', 'places.lvl1'],
      limit: 20,
      showMore: true,
      showMoreLimit: 200,
      templates: { showMoreText: ({ isShowingMore }: { isShowingMore: boolean }) => (isShowingMore ? '收起' : '更多') } as never,
    }),
    facet('#facet-year', 'year', { sortBy: ['name:desc'] }),
    facet('#facet-month', 'month', { sortBy: ['name:desc'] }),
    facet('#facet-paper', 'paperName'),
    facet('#facet-reporter', 'reporters'),
    facet('#facet-kind', 'kind', { transformItems: (items: { label: string }[]) => items.map((i) => ({ ...i, label: KIND_LABELS[i.label] ?? i.label, highlighted: KIND_LABELS[i.label] ?? i.label })) }),
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
