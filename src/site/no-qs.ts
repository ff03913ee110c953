/**
 * Stands in for the `qs` library in the browser bundle (astro.config.mjs aliases it here). InstantSearch
 * imports qs for its default history router, which the search page never uses: it routes through the
 * SearchRequest codec (search-routing.ts). qs and what it pulls in (side-channel, object-inspect,
 * get-intrinsic) were ~11% of the page's script. Should anything call it, it fails loudly.
 */
const unused = (): never => {
  throw new Error('qs is not bundled: the search page routes with src/site/search-routing.ts');
};
export default { parse: unused, stringify: unused };
