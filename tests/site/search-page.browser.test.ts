import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureSearchKey } from '../../src/search/keys.ts';
import { indexArticles, testClient, uniqueUid } from '../helpers/meili.ts';
import { fixtureArticles } from './fixtures/articles.ts';
import { buildSite, launchBrowser, searchConfig, serve } from '../helpers/site.ts';

const root = resolve(import.meta.dirname, '../..');
const artifacts = join(root, 'test-artifacts');
const articles = fixtureArticles();
const uid = uniqueUid('site');
let dist: string;
let site: { url: string; server: Server; close(): Promise<void> };
let browser: Browser;
let searchKey: string;

beforeAll(async () => {
  dist = buildSite(articles);
  await indexArticles(uid, articles);
  searchKey = await ensureSearchKey(testClient(), uid);
  writeFileSync(
    join(dist, 'search-config.json'),
    searchConfig(uid, [{ name: 'main', apiKey: searchKey }]),
  );
  site = await serve(dist);
  browser = await launchBrowser();
  mkdirSync(artifacts, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await testClient().deleteIndex(uid).waitTask();
});

async function open(path: string, width = 1280): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, acceptDownloads: true });
  page.on('dialog', (d) => void d.dismiss());
  await page.goto(`${site.url}${path}`);
  return page;
}

const resultTitles = (page: Page) => page.locator('.ais-Hits-item h3').allTextContents();
const hitCount = async (page: Page) =>
  Number((await page.locator('#stats strong').textContent()) ?? NaN);

describe('the search page in a real browser', () => {
  it('shows the expected article first as the reader types', async () => {
    const page = await open('/');
    await page.locator('input[type="search"]').fill('智慧印章');
    await expect.poll(() => resultTitles(page)).toEqual(['余杭区:智慧印章上线']);
    const marked = (
      await page
        .locator('.ais-Hits-item h3 mark, .ais-Hits-item h3 .ais-Highlight-highlighted')
        .allTextContents()
    ).join('');
    expect(marked).toContain('智慧');
    expect(marked).toContain('印章');
    // The snippet is cut and marked in the browser (src/search/snippet.ts), around the match.
    const snippet = page.locator('.ais-Hits-item p:not(.muted)').first();
    expect((await snippet.locator('mark').allTextContents()).join('')).toContain('智慧印章');
    await page.close();
  });

  it('shows the words of a search opened from a link in the search box', async () => {
    const page = await open(`/?q=${encodeURIComponent('智慧印章')}`);
    await expect.poll(() => resultTitles(page)).toEqual(['余杭区:智慧印章上线']);
    expect(await page.locator('input[type="search"]').inputValue()).toBe('智慧印章');
    await page.close();
  });

  it('narrows by a district facet and the count matches the facet', async () => {
    const page = await open('/');
    await page.locator('input[type="search"]').fill('邻里节');
    await expect.poll(() => hitCount(page)).toBe(20);
    const item = page
      .locator('#facet-district .ais-HierarchicalMenu-item', { hasText: '拱墅区' })
      .first();
    const facetCount = Number(
      await item.locator('.ais-HierarchicalMenu-count').first().textContent(),
    );
    await item.locator('a').first().click();
    await expect.poll(() => hitCount(page)).toBe(facetCount);
    expect(facetCount).toBe(articles.filter((a) => a.districts[0] === '拱墅区').length);
    await expect.poll(() => decodeURIComponent(page.url())).toContain('district=拱墅区');
    await page.close();
  });

  it('gives the same results when the URL of a filtered search is opened in a new page', async () => {
    const page = await open(
      '/?q=%E9%82%BB%E9%87%8C%E8%8A%82&district=%E4%B8%8A%E5%9F%8E%E5%8C%BA&sort=newest',
    );
    await expect.poll(() => hitCount(page)).toBe(5);
    const first = await resultTitles(page);
    const again = await open(new URL(page.url()).pathname + new URL(page.url()).search);
    await expect.poll(() => resultTitles(again)).toEqual(first);
    expect(await again.locator('select.sort-select').inputValue()).toContain('dateNum:desc');
    await page.close();
    await again.close();
  });

  it("shows the person a reporter page links with as a refinement, and the results are that person's", async () => {
    const page = await open(`/reporters/${encodeURIComponent('孙丽')}/`);
    await page.locator('a', { hasText: '在检索页中查看' }).click();
    await page.waitForURL(/person=/);
    const expected = articles.filter((a) => a.bylines.some((b) => b.name === '孙丽')).length;
    expect(expected).toBeLessThan(articles.length);
    await expect.poll(() => hitCount(page)).toBe(expected);
    const chip = page.locator('#current .ais-CurrentRefinements-item', { hasText: '孙丽' });
    await expect.poll(() => chip.count()).toBe(1);
    expect(await chip.textContent()).toContain('署名');
    expect(
      await page.locator('#facet-person .ais-RefinementList-item--selected').textContent(),
    ).toContain('孙丽');
    await page.close();
  });

  // [what a page links with, the refinement's label, which articles match]. The district menu holds
  // one path, shown as one refinement (拱墅区 > 湖墅街道): removing it removes the street and its district.
  const linked: [string, string, (a: (typeof articles)[number]) => boolean][] = [
    ['district=拱墅区', '拱墅区', (a) => a.districts.includes('拱墅区')],
    [
      'district=拱墅区&street=湖墅街道',
      '湖墅街道',
      (a) => a.streets.some((s) => s.name === '湖墅街道'),
    ],
    ['paper=城东报', '城东报', (a) => a.paperName === '城东报'],
    ['reporter=林晓', '林晓', (a) => a.bylines.some((b) => b.name === '林晓' && b.role === '记者')],
    ['person=孙丽', '孙丽', (a) => a.bylines.some((b) => b.name === '孙丽')],
    ['kind=article', '文章', (a) => a.kind === 'article'],
    ['year=2023', '2023', (a) => a.date!.startsWith('2023')],
    ['month=2023-01', '2023-01', (a) => a.date!.startsWith('2023-01')],
    ['from=2023-03', '从 2023-03', (a) => a.date! >= '2023-03'],
    ['to=2022-12', '到 2022', (a) => a.date! <= '2022-12-31'],
  ];
  it.each(linked)(
    'shows ?%s as a refinement the reader sees and can remove',
    async (query, label, matches) => {
      const page = await open(`/?${query}`);
      await expect.poll(() => hitCount(page)).toBe(articles.filter(matches).length);
      const chip = page
        .locator('#current .ais-CurrentRefinements-category')
        .filter({ hasText: label });
      await expect.poll(() => chip.count()).toBe(1);
      await chip.locator('.ais-CurrentRefinements-delete').click();
      // Gone from the page and from its address, and every article is found again.
      await expect.poll(() => page.url()).toBe(`${site.url}/`);
      await expect.poll(() => chip.count()).toBe(0);
      await expect.poll(() => hitCount(page)).toBe(articles.length);
      await page.close();
    },
  );

  it('works with the keyboard alone', async () => {
    const page = await open('/');
    await page.keyboard.press('Tab'); // skip link
    await page.keyboard.press('Tab');
    // The search box has focus on load; typing goes straight into it.
    await page.locator('input[type="search"]').focus();
    await page.keyboard.type('智慧印章');
    await expect.poll(() => resultTitles(page)).toEqual(['余杭区:智慧印章上线']);
    const link = page.locator('.ais-Hits-item h3 a').first();
    for (let i = 0; i < 60 && !(await link.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/a\/e2e-smart-seal\//);
    await page.close();
  });

  it('shows archive text as text: no script from an article runs, in results or on its page', async () => {
    const page = await open('/?q=%E6%B3%A8%E5%85%A5%E6%B5%8B%E8%AF%95');
    await expect.poll(() => page.locator('.ais-Hits-item').count()).toBe(1);
    expect(await page.locator('.ais-Hits-item h3').textContent()).toContain('<script>');
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    expect(await page.locator('.ais-Hits-item img').count()).toBe(0);
    const article = await open('/a/e2e-hostile/');
    expect(await article.locator('h1').textContent()).toContain(
      '<script>window.__pwned=1</script>',
    );
    expect(
      await article.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    expect(await article.locator('article img').count()).toBe(0);
    await page.close();
    await article.close();
  });

  it('says plainly when search is down and the browse pages still work', async () => {
    const page = await browser.newPage();
    await page.route('**/search-config.json', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ host: 'http://127.0.0.1:9', index: uid, apiKey: searchKey }),
      }),
    );
    await page.goto(`${site.url}/`);
    await expect.poll(() => page.locator('#search-down').isVisible()).toBe(true);
    await page.locator('#search-down a', { hasText: '地区' }).click();
    await page.waitForURL(/\/districts\/$/);
    expect(await page.locator('main').textContent()).toContain('上城区');
    await page.close();
  });

  it('exports the current search in the browser exactly as the CLI does', async () => {
    const page = await open(
      '/?q=%E9%82%BB%E9%87%8C%E8%8A%82&district=%E9%92%B1%E5%A1%98%E5%8C%BA&sort=oldest',
    );
    await expect.poll(() => hitCount(page)).toBe(5);
    await page.locator('#export-menu summary').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#export-menu button[data-format="csv"]').click(),
    ]);
    const browserCsv = readFileSync((await download.path())!, 'utf8');
    expect(download.suggestedFilename()).toMatch(/^报库_邻里节_钱塘区_\d{4}-\d{2}-\d{2}\.csv$/);
    const { host, apiKey } = inject('meili');
    const cli = spawnSync(
      process.execPath,
      [
        join(root, 'scripts/export.ts'),
        '--q',
        '邻里节',
        '--district',
        '钱塘区',
        '--sort',
        'oldest',
        '--format',
        'csv',
        '--index',
        uid,
        '--base-url',
        site.url,
      ],
      {
        cwd: root,
        env: { ...process.env, MEILI_URL: host, MEILI_MASTER_KEY: apiKey },
        encoding: 'utf8',
      },
    );
    expect(cli.status).toBe(0);
    expect(browserCsv).toBe(cli.stdout);
    expect(browserCsv.split('\r\n').filter(Boolean)).toHaveLength(1 + 5);
    await page.close();
  });
});

describe('browse pages without search', () => {
  it('opens an article page with its byline, places, citation and related articles', async () => {
    const page = await open('/a/e2e-01/');
    expect(await page.locator('h1').textContent()).toBe('湖墅街道第2场邻里节');
    const meta = await page.locator('article .meta').first().textContent();
    expect(meta).toContain('林晓');
    expect(await page.locator('#citation').textContent()).toBe(
      '林晓, 孙丽. 湖墅街道第2场邻里节[N]. 城东报, 2022-02-02(2).',
    );
    expect(await page.locator('h2', { hasText: '相关文章' }).count()).toBe(1);
    await page.close();
  });

  it("browses a date: year → day → the issue's pages → an article", async () => {
    const page = await open('/dates/');
    await page.locator('a', { hasText: '2023年' }).click();
    await page.waitForURL(/\/dates\/2023\/$/);
    await page.locator('.calendar a').first().click();
    await page.waitForURL(/\/dates\/2023\/2023-\d\d-\d\d\/$/);
    expect(await page.locator('h3').first().textContent()).toMatch(/第\d+版/);
    await page.locator('.article-list a').first().click();
    await page.waitForURL(/\/a\//);
    await page.close();
  });

  it('lists districts with street counts and reporters with co-authors', async () => {
    const page = await open('/districts/');
    expect(await page.locator('main').textContent()).toContain('四季青街道');
    const reporter = await open(`/reporters/${encodeURIComponent('林晓')}/`);
    expect(await reporter.locator('main').textContent()).toContain('孙丽');
    await page.close();
    await reporter.close();
  });

  it('draws the coverage heatmap with links into the matching search', async () => {
    const page = await open('/coverage/');
    const cell = page.locator('table.heatmap td a').first();
    expect(await cell.getAttribute('href')).toMatch(
      /^\/\?district=.+&from=\d{4}-\d{2}&to=\d{4}-\d{2}$/,
    );
    await page.close();
  });
});

describe('what readers see', () => {
  it('saves screenshots of the search page at desktop and phone widths', async () => {
    for (const [name, width] of [
      ['search-desktop', 1280],
      ['search-phone', 390],
    ] as const) {
      const page = await open('/?q=%E9%82%BB%E9%87%8C%E8%8A%82', width);
      await expect.poll(() => page.locator('.ais-Hits-item').count()).toBeGreaterThan(0);
      await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: false });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth > window.innerWidth + 1,
      );
      expect(overflow).toBe(false);
      await page.close();
    }
  });

  it('keeps the master key out of the built site', () => {
    const { apiKey } = inject('meili');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        if (statSync(join(dir, f)).isDirectory()) walk(join(dir, f));
        else files.push(join(dir, f));
      }
    };
    walk(dist);
    for (const file of files) expect(readFileSync(file, 'utf8').includes(apiKey), file).toBe(false);
    const js = files.filter((f) => f.endsWith('.js')).map((f) => gzipSync(readFileSync(f)).length);
    console.log(
      `site: ${files.length} files, search page JavaScript ${js.reduce((a, b) => a + b, 0)} bytes gzip`,
    );
  });
});
