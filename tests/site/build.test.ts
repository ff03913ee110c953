import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSearchParams, toSearchParams, URL_PARAMS } from '../../src/search/query.ts';
import { buildSite } from '../helpers/site.ts';
import { fixtureArticles } from './fixtures/articles.ts';

// The static build alone, no browser and no search server: what the site is when search is down.
describe('the static site built from a fixture articles file', () => {
  let dist = '';
  const articles = fixtureArticles();
  const html = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');

  beforeAll(() => {
    dist = buildSite(articles);
  }, 180_000);
  afterAll(() => {
    if (dist) rmSync(dirname(dist), { recursive: true, force: true });
  });

  it('writes one page per article', () => {
    for (const a of articles)
      expect(existsSync(join(dist, 'a', a.id, 'index.html')), a.id).toBe(true);
    expect(readdirSync(join(dist, 'a'))).toHaveLength(articles.length);
  });

  it('writes the search page and every browse page', () => {
    for (const path of [
      '',
      'districts',
      'dates',
      'reporters',
      'papers',
      'coverage',
      'corrections',
    ]) {
      expect(existsSync(join(dist, path, 'index.html')), `/${path}/`).toBe(true);
    }
  });

  it('shows a headline and body holding <script> and <img> as escaped text', () => {
    const page = html('a/e2e-hostile');
    expect(page).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;标题注入测试');
    expect(page).not.toContain('<script>window.__pwned');
    expect(page).toContain('&lt;img src=x onerror=');
    // Inside a quoted attribute (the meta description) `<` is plain text; outside one it would be a tag.
    const outsideAttributes = page.replace(/="[^"]*"/g, '=""');
    expect(outsideAttributes).not.toMatch(/<img/);
    expect(outsideAttributes).not.toMatch(/<script>window/);
    expect(page).toContain('&lt;em&gt;假高亮&lt;/em&gt;');
  });

  it('lists each district on the district page with its article count', () => {
    const page = html('districts');
    for (const d of ['上城区', '拱墅区', '钱塘区', '滨江区', '余杭区']) expect(page).toContain(d);
  });

  it('puts the article headline, paper and citation on its page', () => {
    const page = html('a/e2e-smart-seal');
    expect(page).toContain('智慧印章上线');
    expect(page).toContain('城西报');
    expect(page).toMatch(/何佳\. .*智慧印章上线\[N\]\. 城西报, 2023-08-01\(2\)\./);
  });

  it('copies data/search.json in as /search-config.json exactly when it exists', () => {
    expect(existsSync(join(dist, 'search-config.json'))).toBe(existsSync('data/search.json'));
  });

  it('writes every link into search in the one request format the search page reads', () => {
    const pages = (readdirSync(dist, { recursive: true }) as string[]).filter((f) =>
      f.endsWith('.html'),
    );
    const links = new Set<string>();
    for (const page of pages) {
      for (const m of readFileSync(join(dist, page), 'utf8').matchAll(/href="(\/\?[^"]*)"/g))
        links.add(m[1]!.replace(/&amp;/g, '&'));
    }
    const known = new Set<string>(Object.values(URL_PARAMS));
    const used = new Set<string>();
    for (const link of links) {
      const params = new URLSearchParams(link.slice(2));
      for (const name of params.keys()) used.add(name);
      expect(
        [...params.keys()].filter((k) => !known.has(k)),
        link,
      ).toEqual([]);
      expect(toSearchParams(parseSearchParams(params)).toString(), link).toBe(params.toString());
    }
    // Reporter pages, district and street lists, district months, the coverage map, keywords and paper pages all link in.
    expect([...used].sort()).toEqual([
      'district',
      'from',
      'month',
      'paper',
      'person',
      'q',
      'sort',
      'street',
      'to',
    ]);
  });

  it('ships no schema library to the browser: the search page and export menu import only pure helpers', () => {
    const scripts = readdirSync(join(dist, '_astro')).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const f of scripts)
      expect(readFileSync(join(dist, '_astro', f), 'utf8'), f).not.toMatch(/ZodError|\$ZodType/);
  });
});
