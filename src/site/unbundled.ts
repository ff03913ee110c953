/**
 * Stands in, in the browser bundle, for two libraries InstantSearch imports for features the search
 * page does not use (astro.config.mjs aliases them here):
 * - `qs`, for InstantSearch's default history router: the page routes through the SearchRequest codec
 *   (search-routing.ts). qs and what it pulls in (side-channel, object-inspect, get-intrinsic) were
 *   ~11% of the page's script.
 * - `hogan.js`, for string templates (deprecated in InstantSearch 4): every template of the page's
 *   widgets, InstantSearch's defaults and ours, is a function.
 * Should anything call either, it fails loudly instead of misbehaving.
 */
const unused = (what: string) => (): never => {
  throw new Error(`${what} is not bundled with the search page (see src/site/unbundled.ts)`);
};
export default {
  parse: unused('qs'),
  stringify: unused('qs'),
  compile: unused('hogan.js (string templates)'),
};
