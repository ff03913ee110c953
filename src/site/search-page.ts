/**
 * The search page in the browser: read the runtime search config, then start InstantSearch with our
 * search client (search-client.ts: one multi-search per widget request), the routing
 * (search-routing.ts), the widgets (search-widgets.ts) and the hits (search-hits.ts).
 */
import InstantSearch from 'instantsearch.js/es/lib/InstantSearch.js';
import type { SearchServer } from '../search/federated.ts';
import { t } from './i18n.ts';
import { searchClient } from './search-client.ts';
import { loadSearchConfig } from './search-config.ts';
import { searchHits } from './search-hits.ts';
import { searchRouting } from './search-routing.ts';
import { searchWidgets } from './search-widgets.ts';

/** Search is down: say so, and point to the browse pages (the notice is in src/pages/index.astro). */
function showDown() {
  document.getElementById('search-down')?.classList.remove('hidden');
}

/** Some servers did not answer: name the papers whose articles the results lack (or hide the notice). */
function showMissing(missing: SearchServer[]) {
  const notice = document.getElementById('search-partial');
  if (!notice) return;
  notice.classList.toggle('hidden', missing.length === 0);
  const papers = missing.flatMap((s) =>
    s.papers.length ? s.papers : [t('search.partial.server', { server: s.name })],
  );
  notice.textContent = missing.length ? t('search.partial', { papers: papers.join('、') }) : '';
}

export async function startSearch() {
  const config = await loadSearchConfig();
  if (!config) {
    showDown();
    return;
  }
  const search = new InstantSearch({
    indexName: config.index,
    searchClient: searchClient(config, { onMissing: showMissing }) as never,
    routing: searchRouting(config.index) as never,
    future: { preserveSharedStateOnUnmount: true },
  });
  search.on('error', () => showDown());
  search.addWidgets([...searchWidgets(config.index), searchHits('#hits')]);
  search.start();
}
