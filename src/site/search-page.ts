/**
 * The search page in the browser: read the runtime search config, then start InstantSearch with the
 * routing (search-routing.ts), the widgets (search-widgets.ts) and the hits (search-hits.ts).
 */
import { instantMeiliSearch } from '@meilisearch/instant-meilisearch';
import instantsearch from 'instantsearch.js';
import { searchHits } from './search-hits.ts';
import { searchRouting } from './search-routing.ts';
import type { SearchConfig } from './search-state.ts';
import { searchWidgets } from './search-widgets.ts';

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

/** Search is down: say so, and point to the browse pages (the notice is in src/pages/index.astro). */
function showDown() {
  document.getElementById('search-down')?.classList.remove('hidden');
}

export async function startSearch() {
  const config = await loadSearchConfig();
  if (!config) {
    showDown();
    return;
  }
  const { searchClient } = instantMeiliSearch(config.host, config.apiKey, { placeholderSearch: true, primaryKey: 'id', keepZeroFacets: false });
  const search = instantsearch({
    indexName: config.index,
    searchClient,
    routing: searchRouting(config.index) as never,
    future: { preserveSharedStateOnUnmount: true },
  });
  search.on('error', () => showDown());
  search.addWidgets([...searchWidgets(config.index), searchHits('#hits')]);
  search.start();
}
