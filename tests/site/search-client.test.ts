import { describe, expect, it } from 'vitest';
import { SearchUnavailableError } from '../../src/errors/index.ts';
import { multiSearchBody } from '../../src/search/federated.ts';
import {
  facetFilter,
  numericFilter,
  searchClient,
  splitIndexName,
} from '../../src/site/search-client.ts';
import { parseSearchConfig } from '../../src/site/search-config.ts';

const one = {
  index: 'articles',
  servers: [{ name: 'main', host: '/meili/main', apiKey: 'k', papers: [] }],
};
const two = {
  index: 'articles',
  servers: [
    { name: 'east', host: '/meili/east', apiKey: 'ke', papers: ['钱塘区报'] },
    { name: 'west', host: '/meili/west', apiKey: 'kw', papers: ['拱墅区报'] },
  ],
};

/** A fetch that records each request and answers with `answer(body, url)`. */
function fakeFetch(
  answer: (body: Record<string, unknown>, url: string) => Response | Promise<Response>,
) {
  const calls: { url: string; body: Record<string, unknown>; headers: Record<string, string> }[] =
    [];
  const doFetch = (async (url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body));
    calls.push({ url, body, headers: init.headers as Record<string, string> });
    return answer(body, url);
  }) as unknown as typeof fetch;
  return { calls, doFetch };
}
const json = (value: unknown, status = 200) =>
  new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json' } });

describe("the search page's search client", () => {
  it("reads the sort from the index name InstantSearch's sortBy uses", () => {
    expect(splitIndexName('articles')).toEqual({ index: 'articles', sort: [] });
    expect(splitIndexName('articles:dateNum:desc')).toEqual({
      index: 'articles',
      sort: ['dateNum:desc'],
    });
  });

  it('turns facet and numeric filters into Meilisearch filter expressions, quoting values', () => {
    expect(facetFilter('places.lvl1:拱墅区 > 湖墅街道')).toBe('places.lvl1 = "拱墅区 > 湖墅街道"');
    expect(facetFilter('paperName:城东报 "晚刊"')).toBe('paperName = "城东报 \\"晚刊\\""');
    expect(facetFilter('-kind:notice')).toBe('kind != "notice"');
    expect(numericFilter('dateNum>=20230101')).toBe('dateNum >= 20230101');
    expect(() => numericFilter('dateNum>=1 OR 1=1')).toThrow();
  });

  it('sends one multi-search per request: a plain query to one server, federated over several', () => {
    const single = multiSearchBody(
      one,
      { q: '亚运', filter: [] },
      { offset: 20, limit: 10, facets: ['year'] },
    );
    expect(single).toEqual({
      queries: [{ indexUid: 'articles', q: '亚运', offset: 20, limit: 10, facets: ['year'] }],
    });
    const federated = multiSearchBody(
      two,
      { q: '亚运', sort: ['dateNum:desc'] },
      { offset: 0, limit: 10 },
    );
    expect(federated.queries).toEqual([
      {
        indexUid: 'articles',
        q: '亚运',
        sort: ['dateNum:desc'],
        federationOptions: { remote: 'east' },
      },
      {
        indexUid: 'articles',
        q: '亚运',
        sort: ['dateNum:desc'],
        federationOptions: { remote: 'west' },
      },
    ]);
    expect(federated.federation).toEqual({ offset: 0, limit: 10 });
  });

  it('answers InstantSearch in its own terms: pages, counts, facets, highlights, ids', async () => {
    const { calls, doFetch } = fakeFetch(() =>
      json({
        results: [
          {
            hits: [
              {
                id: 'a1',
                headline: '亚运村',
                body: '长文<亚运>长文',
                _federation: { remote: 'east' },
              },
            ],
            estimatedTotalHits: 21,
            facetDistribution: { year: { 2023: 21 } },
            facetStats: { dateNum: { min: 20230101, max: 20231231 } },
            processingTimeMs: 3,
          },
        ],
      }),
    );
    const client = searchClient(one, { fetch: doFetch });
    const { results } = await client.search([
      {
        indexName: 'articles:dateNum:desc',
        params: {
          query: '亚运',
          page: 2,
          hitsPerPage: 10,
          facets: ['year', 'dateNum'],
          facetFilters: [['year:2023', 'year:2022'], 'kind:article'],
          numericFilters: ['dateNum>=20230101'],
          attributesToSnippet: ['body:60'],
          snippetEllipsisText: '…',
          highlightPreTag: '<em>',
          highlightPostTag: '</em>',
        },
      },
    ]);
    expect(calls[0]!.url).toBe('/meili/main/multi-search');
    expect(calls[0]!.headers.Authorization).toBe('Bearer k');
    const query = (calls[0]!.body.queries as Record<string, unknown>[])[0]!;
    expect(query).toMatchObject({
      q: '亚运',
      sort: ['dateNum:desc'],
      filter: ['year = "2023" OR year = "2022"', 'kind = "article"', 'dateNum >= 20230101'],
    });
    // Highlights and snippets are made here, not by the server (src/search/snippet.ts).
    for (const key of ['attributesToHighlight', 'attributesToCrop', 'cropLength'])
      expect(query).not.toHaveProperty(key);
    expect(query).toMatchObject({ offset: 20, limit: 10, facets: ['year', 'dateNum'] });
    expect(calls[0]!.body).not.toHaveProperty('federation');
    const r = results[0]!;
    expect(r).toMatchObject({
      nbHits: 21,
      nbPages: 3,
      page: 2,
      hitsPerPage: 10,
      processingTimeMS: 3,
      facets: { year: { 2023: 21 }, dateNum: {} },
      facets_stats: { dateNum: { min: 20230101, max: 20231231 } },
    });
    expect(r.hits[0]).toMatchObject({
      objectID: 'a1',
      headline: '亚运村',
      _highlightResult: { headline: { value: '<em>亚运</em>村', matchLevel: 'full' } },
      _snippetResult: { body: { value: '长文<<em>亚运</em>>长文' } },
    });
    expect(r.hits[0]).not.toHaveProperty('_formatted');
  });

  it('sends a query from the address as the export does: syntax normalised, whole words as phrases', async () => {
    const { calls, doFetch } = fakeFetch(() =>
      json({ results: [{ hits: [], estimatedTotalHits: 0 }] }),
    );
    const client = searchClient({ ...one, wholeWords: ['湖墅'] }, { fetch: doFetch });
    await client.search([{ indexName: 'articles', params: { query: '湖墅 －拱墅区' } }]);
    const query = (calls[0]!.body.queries as Record<string, unknown>[])[0]!;
    expect(query.q).toBe('"湖墅" -"拱墅区"');
  });

  it('asks the next server as the entry when one does not answer, and says whose papers are missing', async () => {
    const missing: string[][] = [];
    const { calls, doFetch } = fakeFetch((_body, url) =>
      url.startsWith('/meili/east')
        ? json({ message: 'search server "east" did not answer' }, 502)
        : json({
            hits: [],
            estimatedTotalHits: 0,
            remoteErrors: { east: { code: 'remote_could_not_send_request' } },
          }),
    );
    const client = searchClient(two, {
      fetch: doFetch,
      onMissing: (servers) => missing.push(servers.flatMap((s) => s.papers)),
    });
    await client.search([{ indexName: 'articles', params: { query: '亚运', hitsPerPage: 10 } }]);
    expect(calls.map((c) => c.url)).toEqual([
      '/meili/east/multi-search',
      '/meili/west/multi-search',
    ]);
    expect(calls[1]!.headers.Authorization).toBe('Bearer kw');
    expect(missing).toEqual([['钱塘区报']]);
  });

  it('fails with SearchUnavailableError when no server answers (the page then says search is down)', async () => {
    const { doFetch } = fakeFetch(() => {
      throw new TypeError('fetch failed');
    });
    await expect(
      searchClient(two, { fetch: doFetch }).search([
        { indexName: 'articles', params: { query: '' } },
      ]),
    ).rejects.toBeInstanceOf(SearchUnavailableError);
  });

  it('reads the search config with several servers, and the older single-host form', () => {
    expect(
      parseSearchConfig({ index: 'articles', host: 'http://127.0.0.1:7700', apiKey: 'k' }),
    ).toEqual({
      index: 'articles',
      servers: [{ name: 'main', host: 'http://127.0.0.1:7700', apiKey: 'k', papers: [] }],
    });
    expect(parseSearchConfig({ index: 'articles', servers: two.servers })).toEqual(two);
    expect(parseSearchConfig({ index: 'articles', servers: [] })).toBeNull();
    expect(parseSearchConfig(null)).toBeNull();
  });
});
