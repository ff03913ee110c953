import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CORRECTIONS_LOG } from '../../src/config/index.ts';
import {
  BAOKU_VERSION,
  BUNDLE_FILES,
  MANIFEST_FILE,
  type BundleManifest,
} from '../../src/export/bundle.ts';
import { Correction } from '../../src/corrections/schema.ts';
import { ensureSearchKey } from '../../src/search/keys.ts';
import { indexArticles, testClient, uniqueUid } from '../helpers/meili.ts';
import { buildSite, launchBrowser, serve } from '../helpers/site.ts';
import { correctedFeatures } from './fixtures/features.ts';

// The editors' and researchers' features in a real browser, against a real Meilisearch: the search
// syntax and its help, the research bundle (site and CLI), 报告错误 as text to paste, district labels.
const root = resolve(import.meta.dirname, '../..');
const { articles, log } = correctedFeatures();
const uid = uniqueUid('features');
const dataDir = mkdtempSync(join(tmpdir(), 'baoku-features-data-'));
const INDEX_VERSION = 'fixture-v1';
let dist: string;
let site: { url: string; server: Server };
let browser: Browser;

beforeAll(async () => {
  dist = buildSite(articles, { beside: { [CORRECTIONS_LOG]: JSON.stringify(log) } });
  await indexArticles(uid, articles);
  const searchConfig = JSON.stringify({
    host: inject('meili').host,
    index: uid,
    apiKey: await ensureSearchKey(testClient(), uid),
    indexVersion: INDEX_VERSION,
  });
  // What an ingest leaves: data/search.json, copied beside the site as /search-config.json.
  writeFileSync(join(dataDir, 'search.json'), searchConfig);
  writeFileSync(join(dist, 'search-config.json'), searchConfig);
  site = await serve(dist);
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  site?.server.close();
  await testClient().deleteIndex(uid).waitTask();
  if (dist) rmSync(dirname(dist), { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

async function open(path: string): Promise<Page> {
  const page = await browser.newPage({
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  await page.goto(`${site.url}${path}`);
  return page;
}
const hitCount = async (page: Page) =>
  Number((await page.locator('#stats strong').textContent()) ?? NaN);

/** `npm run export` with the flags given, against the test server and index, reading data/search.json from dataDir. */
function cliExport(args: string[]) {
  const { host, apiKey } = inject('meili');
  const result = spawnSync(
    process.execPath,
    [join(root, 'scripts/export.ts'), ...args, '--data', dataDir, '--base-url', site.url],
    {
      cwd: root,
      env: { ...process.env, MEILI_URL: host, MEILI_MASTER_KEY: apiKey },
      encoding: 'buffer',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (result.status !== 0) throw new Error(`export failed: ${result.stderr.toString()}`);
  return result.stdout;
}

async function download(page: Page, format: string): Promise<{ name: string; bytes: Buffer }> {
  await page.locator('#export-menu summary').click();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`#export-menu button[data-format="${format}"]`).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

describe('the search syntax on the search page', () => {
  const withDistrict = (d: string) =>
    articles.filter((a) => a.headline.includes('邻里节') && a.districts.includes(d)).length;
  const all = articles.filter((a) => a.headline.includes('邻里节')).length;

  it('explains itself in a popover next to the box', async () => {
    const page = await open('/');
    const help = page.locator('#search-help');
    expect(await help.isVisible()).toBe(false);
    await page.locator('button[popovertarget="search-help"]').first().click();
    await expect.poll(() => help.isVisible()).toBe(true);
    const text = await help.textContent();
    for (const example of ['垃圾 分类', '"智慧印章"', '亚运 -拱墅区', '双引号', '减号'])
      expect(text).toContain(example);
    await help.locator('button', { hasText: '关闭' }).click();
    await expect.poll(() => help.isVisible()).toBe(false);
    await page.close();
  });

  it('leaves out what follows "-", typed with either minus, and finds a quoted phrase only as written', async () => {
    const page = await open('/');
    const box = page.locator('input[type="search"]');
    await box.fill('邻里节');
    await expect.poll(() => hitCount(page)).toBe(all);
    await box.fill('邻里节 -拱墅区');
    await expect.poll(() => hitCount(page)).toBe(all - withDistrict('拱墅区'));
    await box.fill('邻里节 －拱墅区 -上城区');
    await expect
      .poll(() => hitCount(page))
      .toBe(all - withDistrict('拱墅区') - withDistrict('上城区'));
    await box.fill('“湖墅街道第2场邻里节”');
    await expect
      .poll(() => page.locator('.ais-Hits-item h3').allTextContents())
      .toEqual(['湖墅街道第2场邻里节']);
    await page.close();
  });

  it('exports the same matches from the site as the CLI does for the same query', async () => {
    const page = await open(`/?q=${encodeURIComponent('邻里节 -拱墅区')}`);
    await expect.poll(() => hitCount(page)).toBe(all - withDistrict('拱墅区'));
    const csv = (await download(page, 'csv')).bytes;
    expect(csv.equals(cliExport(['--q', '邻里节 -拱墅区', '--format', 'csv']))).toBe(true);
    expect(csv.toString('utf8').split('\r\n').filter(Boolean)).toHaveLength(
      1 + all - withDistrict('拱墅区'),
    );
    await page.close();
  });
});

describe('the research bundle', () => {
  const query = `/?q=${encodeURIComponent('邻里节')}&district=${encodeURIComponent('钱塘区')}&sort=oldest`;
  const expected = articles.filter(
    (a) => a.headline.includes('邻里节') && a.districts.includes('钱塘区'),
  ).length;
  // The same search from the command line, in one format.
  const neighbourhoodExport = (format: string) => [
    '--q',
    '邻里节',
    '--district',
    '钱塘区',
    '--sort',
    'oldest',
    '--format',
    format,
  ];

  it('is one ZIP whose data and citation files are byte for byte those of the CLI, with a manifest that differs only in time and origin', async () => {
    const page = await open(query);
    await expect.poll(() => hitCount(page)).toBe(expected);
    const fromSite = await download(page, 'bundle');
    expect(fromSite.name).toMatch(/^报库_邻里节_钱塘区_\d{4}-\d{2}-\d{2}\.zip$/);
    const fromCli = cliExport(neighbourhoodExport('bundle'));
    const site = unzipSync(new Uint8Array(fromSite.bytes));
    const cli = unzipSync(new Uint8Array(fromCli));
    expect(Object.keys(site).sort()).toEqual(
      [...BUNDLE_FILES.map((f) => f.name), MANIFEST_FILE].sort(),
    );
    expect(Object.keys(cli).sort()).toEqual(Object.keys(site).sort());
    for (const { name, format } of BUNDLE_FILES) {
      expect(Buffer.from(site[name]!).equals(Buffer.from(cli[name]!)), name).toBe(true);
      // And each is what the single-format export writes.
      expect(
        Buffer.from(site[name]!).equals(cliExport(neighbourhoodExport(format))),
        `${name} = --format ${format}`,
      ).toBe(true);
    }
    const manifest = (files: Record<string, Uint8Array>) =>
      JSON.parse(strFromU8(files[MANIFEST_FILE]!)) as BundleManifest;
    const a = manifest(site);
    const b = manifest(cli);
    expect([a.exportedFrom, b.exportedFrom]).toEqual(['site', 'cli']);
    const timeless = (m: BundleManifest) => ({
      ...m,
      exportedAt: '',
      exportedFrom: '',
      citation: m.citation.replace(m.exportedAt, ''),
    });
    expect(timeless(a)).toEqual(timeless(b));
    await page.close();
  });

  it('says in its manifest what was searched, where, when, how many, from which index and which baoku', async () => {
    const page = await open(query);
    await expect.poll(() => hitCount(page)).toBe(expected);
    const before = Date.now();
    const zip = unzipSync(new Uint8Array((await download(page, 'bundle')).bytes));
    const m = JSON.parse(strFromU8(zip[MANIFEST_FILE]!)) as BundleManifest;
    expect(m.query).toBe('邻里节');
    expect(m.filters).toMatchObject({ districts: ['钱塘区'], sort: 'oldest' });
    expect(m.searchUrl).toBe(`${site.url}${query}`);
    expect(Date.parse(m.exportedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(m.articles).toBe(expected);
    expect(m.index).toEqual({ name: uid, version: INDEX_VERSION });
    expect(m.baoku.version).toBe(BAOKU_VERSION);
    expect(m.citation).toContain(m.searchUrl);
    const csvRows = strFromU8(zip['matches.csv']!).split('\r\n').filter(Boolean);
    expect(csvRows).toHaveLength(1 + expected);
    expect(strFromU8(zip['matches.jsonl']!).trim().split('\n')).toHaveLength(expected);
    for (const f of m.files) {
      const bytes = zip[f.name]!;
      expect(f.bytes, f.name).toBe(bytes.length);
      const digest = Buffer.from(
        await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>),
      ).toString('hex');
      expect(f.sha256, f.name).toBe(digest);
    }
    await page.close();
  });
});

describe('报告错误 without a report address', () => {
  it("opens the prefilled correction as text to paste: the article's anchor and fields, ready for a reason and date", async () => {
    const article = articles.find((a) => a.id === 'e2e-xihu')!;
    const page = await open(`/a/${article.id}/`);
    const text = page.locator('#report-text');
    expect(await text.isVisible()).toBe(false);
    await page.locator('#report summary', { hasText: '报告错误' }).click();
    await expect.poll(() => text.isVisible()).toBe(true);
    const line = await text.inputValue();
    const correction = Correction.parse({
      ...JSON.parse(line),
      reason: '街道有误',
      date: '2024-01-01',
    });
    expect(correction).toMatchObject({
      action: 'edit',
      id: article.id,
      file: article.file,
      headline: article.headline,
      set: { districts: ['西湖区'], bylines: article.bylines },
    });
    await page.close();
  });
});

describe('a feature whose parts have reporters of their own', () => {
  it('names them on the article page, linked to their reporter page, which lists the article', async () => {
    const page = await open('/a/e2e-xihu/');
    const contributors = page.locator('article .contributors');
    expect(await contributors.textContent()).toBe('分篇作者：记者 柯明远');
    await contributors.locator('a').click();
    await page.waitForURL(/\/reporters\//);
    expect(await page.locator('main').textContent()).toContain('北山街道桂花飘香');
    await page.close();
  });
});

describe('the district facet', () => {
  it('shows the city where a name repeats across the country, and districts by count', async () => {
    const page = await open('/');
    const labels = page.locator(
      '#facet-district .ais-HierarchicalMenu > .ais-HierarchicalMenu-list > .ais-HierarchicalMenu-item > div .ais-HierarchicalMenu-label',
    );
    await expect.poll(() => labels.allTextContents()).toContain('杭州市 · 西湖区');
    const counts = (
      await page
        .locator(
          '#facet-district .ais-HierarchicalMenu > .ais-HierarchicalMenu-list > .ais-HierarchicalMenu-item > div .ais-HierarchicalMenu-count',
        )
        .allTextContents()
    ).map(Number);
    expect(counts.length).toBeGreaterThan(3);
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
    expect(await labels.allTextContents()).toContain('上城区');
    await page.close();
  });
});
