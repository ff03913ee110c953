import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { meiliClient } from '../../src/search/client.ts';
import { indexSettings } from '../../src/search/settings.ts';
import { syncServers, type SearchConfigJson } from '../../src/search/sync-servers.ts';
import { uniqueUid } from '../helpers/meili.ts';
import { buildSite, launchBrowser, serve } from '../helpers/site.ts';
import { fixtureArticles } from './fixtures/articles.ts';

// The search page over one server and over two (城东报 on one, 城西报 on the other), side by side.
const articles = fixtureArticles();
const uid = uniqueUid('site_fed');
const paperNames = new Map([
  ['east', '城东报'],
  ['west', '城西报'],
]);
let dist: string;
let site: Awaited<ReturnType<typeof serve>>;
let browser: Browser;
let one: SearchConfigJson;
let two: SearchConfigJson;

beforeAll(async () => {
  dist = buildSite(articles);
  const main = inject('meili');
  const [a, b] = inject('meiliPair');
  const publish = (servers: Parameters<typeof syncServers>[0], tag: string) =>
    syncServers(servers, ['east', 'west'], {
      indexUid: uid,
      articles,
      settings: indexSettings(),
      paperNames,
      stateFile: (s) => `${dist}/../state-${tag}-${s}.json`,
      searchUrl: '/meili',
      previous: null,
    });
  one = (await publish([{ name: 'main', papers: null, meili: main }], 'one')).searchConfig;
  two = (
    await publish(
      [
        { name: 'east', papers: ['east'], meili: { host: a!.host, apiKey: a!.apiKey } },
        { name: 'west', papers: ['west'], meili: { host: b!.host, apiKey: b!.apiKey } },
      ],
      'two',
    )
  ).searchConfig;
  site = await serve(dist, [
    { name: 'main', host: main.host },
    { name: 'east', host: a!.host },
    { name: 'west', host: b!.host },
  ]);
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await meiliClient(inject('meili').host, inject('meili').apiKey).deleteIndex(uid).waitTask();
  if (dist) rmSync(dirname(dist), { recursive: true, force: true });
});

/** The search page at `path`, reading `config` as its /search-config.json. */
async function open(config: SearchConfigJson, path: string): Promise<Page> {
  const page = await browser.newPage();
  await page.route('**/search-config.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(config) }),
  );
  await page.goto(`${site.url}${path}`);
  return page;
}

/** What a reader sees: the count, the hits in order, the paper and district facets with their counts. */
async function seen(page: Page) {
  return {
    count: await page.locator('#stats strong').textContent(),
    hits: await page.locator('.ais-Hits-item h3').allTextContents(),
    papers: await page.locator('#facet-paper .ais-RefinementList-item').allTextContents(),
    districts: await page.locator('#facet-district .ais-HierarchicalMenu-item').allTextContents(),
    pages: await page.locator('.ais-Pagination-item--page').allTextContents(),
  };
}

describe('the search page with papers on two servers', () => {
  it.each([
    '/',
    '/?q=%E9%82%BB%E9%87%8C%E8%8A%82',
    '/?q=%E9%82%BB%E9%87%8C%E8%8A%82&sort=newest&page=2',
    '/?district=%E6%8B%B1%E5%A2%85%E5%8C%BA&sort=oldest',
    '/?year=2023&paper=%E5%9F%8E%E4%B8%9C%E6%8A%A5',
  ])('shows what one server shows: %s', async (path) => {
    const a = await open(one, path);
    const b = await open(two, path);
    // Settled: the first answer is in (the widgets render empty before it).
    await expect.poll(async () => (await seen(a)).hits.length).toBeGreaterThan(0);
    await expect.poll(async () => (await seen(a)).count).not.toBe('0');
    const single = await seen(a);
    await expect.poll(() => seen(b)).toEqual(single);
    expect(await b.locator('#search-partial').isVisible()).toBe(false);
    await a.close();
    await b.close();
  });

  it("says which papers are missing when a server is down, and shows the others' articles", async () => {
    process.kill(inject('meiliPair')[0]!.pid, 'SIGKILL');
    const page = await open(two, '/?q=%E9%82%BB%E9%87%8C%E8%8A%82');
    const notice = page.locator('#search-partial');
    await expect.poll(() => notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toContain('城东报');
    const west = String(
      articles.filter((x) => x.paper === 'west' && x.headline.includes('邻里节')).length,
    );
    await expect.poll(async () => (await seen(page)).count).toBe(west);
    const result = await seen(page);
    expect(result.papers.join()).not.toContain('城东报');
    expect(await page.locator('#search-down').isVisible()).toBe(false);
    await page.close();
  });
});
