/**
 * The search page's URL ↔ InstantSearch, through the one SearchRequest codec: the route state is a
 * SearchRequest, written and read by toSearchParams/parseSearchParams (the format every link into
 * search and the export use), and search-state.ts says which widget shows which of its fields.
 */
import { history } from 'instantsearch.js/es/lib/routers';
import { parseSearchParams, toSearchParams, type SearchRequest } from '../search/query.ts';
import { fromUiState, toUiState, type UiState } from './search-state.ts';

export function searchRouting(index: string) {
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
