/**
 * The search page's URL ↔ InstantSearch, through the one SearchRequest codec: the route state is a
 * SearchRequest, written and read by toSearchParams/parseSearchParams (the format every link into
 * search and the export use), and search-state.ts says which widget shows which of its fields.
 *
 * The router is ours, not InstantSearch's `history()`: that one brings the qs library (and its
 * object-inspect, get-intrinsic …, ~11% of the page's script) for a query string we never let it write;
 * astro.config.mjs leaves it out (src/site/unbundled.ts).
 */
import { parseSearchParams, toSearchParams, type SearchRequest } from '../search/query.ts';
import { fromUiState, toUiState, type UiState } from './search-state.ts';

/** Writes to the address bar wait this long (ms), so typing a query leaves one history entry, not one per key. */
export const WRITE_DELAY_MS = 400;

/** InstantSearch's Router, over window.history with the SearchRequest codec. */
export function requestRouter() {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onPopState: (() => void) | undefined;
  const createURL = (request: SearchRequest) => {
    const query = toSearchParams(request).toString();
    return `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
  };
  return {
    $$type: 'baoku.request',
    read: (): SearchRequest => parseSearchParams(new URLSearchParams(location.search)),
    createURL,
    write(request: SearchRequest) {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const url = createURL(request);
        if (url !== `${location.pathname}${location.search}${location.hash}`)
          history.pushState(null, '', url);
      }, WRITE_DELAY_MS);
    },
    onUpdate(callback: (request: SearchRequest) => void) {
      onPopState = () => {
        clearTimeout(timer);
        callback(parseSearchParams(new URLSearchParams(location.search)));
      };
      window.addEventListener('popstate', onPopState);
    },
    dispose() {
      clearTimeout(timer);
      if (onPopState) window.removeEventListener('popstate', onPopState);
    },
  };
}

export function searchRouting(index: string) {
  return {
    router: requestRouter(),
    stateMapping: {
      stateToRoute: (uiState: Record<string, UiState>) => fromUiState(uiState[index] ?? {}, index),
      routeToState: (request: SearchRequest) => ({ [index]: toUiState(request, index) }),
    },
  };
}
