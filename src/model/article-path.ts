/**
 * Where an article's page is on the site: the site's pages, the search hits, CSV and RIS links. Its own
 * module, free of zod, because the search page and the export menu run it in the browser.
 */
export function articlePath(id: string): string {
  return `/a/${id}/`;
}
