import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORRECTIONS_LOG } from '../../src/config/index.ts';
import { Correction } from '../../src/corrections/schema.ts';
import { buildSite } from '../helpers/site.ts';
import { correctedFeatures } from './fixtures/features.ts';

// The editors' and researchers' features of the static site, built from the fixture as an ingest with
// corrections leaves it, with a report address and a public site address configured.
const { articles, log } = correctedFeatures();
const REPORT = 'mailto:desk@example.org';
const SITE = 'https://baoku.example.org';
let dist = '';
const html = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');
const text = (path: string) =>
  html(path)
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

beforeAll(() => {
  dist = buildSite(articles, {
    beside: { [CORRECTIONS_LOG]: JSON.stringify(log) },
    env: { BAOKU_REPORT_URL: REPORT, BAOKU_SITE_URL: SITE },
  });
}, 180_000);
afterAll(() => {
  if (dist) rmSync(dirname(dist), { recursive: true, force: true });
});

describe('corrections on the site', () => {
  it('shows the corrected article and marks it as corrected, linking to the log', () => {
    const page = text('a/e2e-typo');
    expect(page).toContain('望江街道开展防汛演练');
    expect(page).not.toContain('防讯');
    expect(html('a/e2e-typo')).toContain('href="/corrections/#a-e2e-typo"');
    expect(existsSync(join(dist, 'corrections/2'))).toBe(false);
  });

  it('answers a withdrawn id with a page that says so and why, not a 404, and without its text', () => {
    const page = text('a/e2e-withdrawn');
    expect(page).toContain('此文已撤下');
    expect(page).toContain('通知内容有误，已撤下');
    expect(page).not.toContain('停水');
  });

  it('answers an id merged into another with a link to it', () => {
    expect(text('a/e2e-cut-2')).toContain('此文已并入另一篇');
    expect(html('a/e2e-cut-2')).toContain('href="/a/e2e-cut-1/"');
    expect(text('a/e2e-cut-1')).toContain('书房每天开放到晚上九点');
  });

  it('leaves withdrawn articles out of every list', () => {
    for (const path of ['districts/钱塘区', 'dates/2023/2023-10-07', 'papers/west']) {
      expect(existsSync(join(dist, path, 'index.html')), path).toBe(true);
      expect(text(path), path).not.toContain('停水');
    }
  });

  it('lists every correction on the log page: what, when, why, and the one that matched no article', () => {
    const page = text('corrections');
    expect(page).toContain('主标题： 望江街道开展防讯演练 → 望江街道开展防汛演练');
    expect(page).toContain('2023-10-09');
    expect(page).toContain('夜班编辑');
    expect(page).toContain('标题错字');
    expect(page).toContain('已撤下的文章 e2e-withdrawn');
    expect(page).toContain('未能对应到现有文章');
    expect(html('corrections').match(/data-status="/g)).toHaveLength(4);
  });

  it('puts 报告错误 on every article page, going to the configured mailto: with the prefilled correction', () => {
    for (const a of articles) {
      const page = html(`a/${a.id}`);
      const href = /id="report-link" href="([^"]+)"/.exec(page)?.[1]?.replace(/&amp;/g, '&');
      expect(href, a.id).toMatch(/^mailto:desk@example\.org\?subject=/);
      const body = decodeURIComponent(new URL(href!).searchParams.get('body') ?? '');
      const line = body.split('\n').find((l) => l.startsWith('{'))!;
      const correction = { ...JSON.parse(line), reason: '测试', date: '2024-01-01' };
      expect(Correction.parse(correction)).toMatchObject({
        action: 'edit',
        id: a.id,
        file: a.file,
        headline: a.headline,
      });
    }
  });
});

/**
 * What RFC 4287 requires of a feed, checked on the parsed XML: the feed and every entry have an id, a
 * title and an updated time; every entry has an author (its own or the feed's) and a link.
 */
function atomProblems(xml: string): string[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return [`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`];
  const doc = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => ['entry', 'link', 'author', 'category'].includes(name),
  }).parse(xml);
  const feed = doc.feed;
  if (feed?.['@_xmlns'] !== 'http://www.w3.org/2005/Atom') return ['not an Atom feed'];
  const problems: string[] = [];
  const isTime = (v: unknown) =>
    typeof v === 'string' && !Number.isNaN(Date.parse(v)) && /T.*(Z|[+-]\d\d:\d\d)$/.test(v);
  for (const key of ['id', 'title']) if (!feed[key]) problems.push(`feed has no ${key}`);
  if (!isTime(feed.updated)) problems.push('feed has no RFC 3339 updated');
  if (!feed.link?.some((l: Record<string, string>) => l['@_rel'] === 'self'))
    problems.push('feed has no self link');
  for (const [i, entry] of (feed.entry ?? []).entries()) {
    for (const key of ['id', 'title']) if (!entry[key]) problems.push(`entry ${i} has no ${key}`);
    if (!isTime(entry.updated)) problems.push(`entry ${i} has no RFC 3339 updated`);
    if (!entry.link?.length) problems.push(`entry ${i} has no link`);
    if (!entry.author?.length && !feed.author?.length) problems.push(`entry ${i} has no author`);
  }
  return problems;
}

describe('Atom feeds', () => {
  const feeds = () =>
    (readdirSync(join(dist, 'feeds'), { recursive: true }) as string[]).filter((f) =>
      f.endsWith('.atom'),
    );
  const feed = (path: string) => parseFeed(readFileSync(join(dist, 'feeds', path), 'utf8'));
  const ids = (path: string) =>
    feed(path).items.map((i) => i.url!.replace(`${SITE}/a/`, '').replace(/\/$/, ''));
  const dated = articles.filter((a) => a.date);

  it('writes a valid Atom feed for the newest articles and for every district, reporter and paper', () => {
    const names = feeds();
    expect(names).toContain('newest.atom');
    for (const d of new Set(articles.flatMap((a) => a.districts)))
      expect(names).toContain(`districts/${d}.atom`);
    for (const r of new Set(articles.flatMap((a) => a.bylines.map((b) => b.name))))
      expect(names).toContain(`reporters/${r}.atom`);
    for (const p of new Set(articles.map((a) => a.paper)))
      expect(names).toContain(`papers/${p}.atom`);
    for (const name of names) {
      expect(atomProblems(readFileSync(join(dist, 'feeds', name), 'utf8')), name).toEqual([]);
      expect(feed(name).meta, name).toEqual({ type: 'atom', version: '1.0' });
    }
  });

  it('lists the newest dated articles first, with absolute links at the configured site address', () => {
    const newest = feed('newest.atom');
    const expected = [...dated].sort((a, b) => b.date!.localeCompare(a.date!)).slice(0, 3);
    expect(newest.items.slice(0, 3).map((i) => i.title)).toEqual(expected.map((a) => a.headline));
    expect(newest.items[0]!.url).toBe(`${SITE}/a/${expected[0]!.id}/`);
    expect(newest.items[0]!.updated?.toISOString()).toBe(
      new Date(`${expected[0]!.date}T00:00:00+08:00`).toISOString(),
    );
    expect(newest.self).toBe(`${SITE}/feeds/newest.atom`);
    expect(ids('newest.atom')).not.toContain('e2e-undated');
    expect(ids('newest.atom')).not.toContain('e2e-withdrawn');
  });

  it("holds a reporter's, a district's and a paper's articles only", () => {
    expect(ids('reporters/孙丽.atom').sort()).toEqual(
      dated
        .filter((a) => a.bylines.some((b) => b.name === '孙丽'))
        .map((a) => a.id)
        .sort(),
    );
    expect(ids('districts/西湖区.atom')).toEqual(['e2e-xihu']);
    expect(ids('papers/east.atom').sort()).toEqual(
      dated
        .filter((a) => a.paper === 'east')
        .map((a) => a.id)
        .sort(),
    );
    expect(
      feed('reporters/何佳.atom')
        .items.find((i) => i.url!.includes('e2e-xihu'))
        ?.authors.map((a) => a.name),
    ).toEqual(['何佳', '柯明远']);
    // A feature's part credited to a reporter puts the feature in that reporter's feed too.
    expect(ids('reporters/柯明远.atom')).toEqual(['e2e-xihu']);
  });

  it('gives archive text that looks like markup to feed readers as text', () => {
    const xml = readFileSync(join(dist, 'feeds', 'papers/east.atom'), 'utf8');
    expect(xml).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;标题注入测试');
    expect(xml).not.toContain('<script>');
  });

  it('is linked with <link rel="alternate"> from the page it follows, and the newest from every page', () => {
    const alternates = (path: string) =>
      [
        ...html(path).matchAll(
          /<link rel="alternate" type="application\/atom\+xml" href="([^"]+)"/g,
        ),
      ].map((m) => decodeURIComponent(m[1]!));
    expect(alternates('districts/上城区')).toEqual([
      '/feeds/districts/上城区.atom',
      '/feeds/newest.atom',
    ]);
    expect(alternates('reporters/林晓')).toEqual([
      '/feeds/reporters/林晓.atom',
      '/feeds/newest.atom',
    ]);
    expect(alternates('papers/west')).toEqual(['/feeds/papers/west.atom', '/feeds/newest.atom']);
    expect(alternates('')).toEqual(['/feeds/newest.atom']);
    for (const page of ['districts/上城区', 'reporters/林晓', 'papers/west'])
      for (const href of alternates(page)) expect(existsSync(join(dist, href)), href).toBe(true);
  });
});

describe('districts that explain themselves', () => {
  const order = (page: string) =>
    [
      ...html(page).matchAll(
        /<li data-names="[^"]*">\s*<a href="\/districts\/([^/]+)\/">([^<]+)<\/a> <span class="muted">\((\d+)\)/g,
      ),
    ].map((m) => ({ name: decodeURIComponent(m[1]!), label: m[2]!, count: Number(m[3]) }));

  it('lists districts by article count, with the city where the name repeats across the country', () => {
    const list = order('districts');
    expect(list.length).toBe(new Set(articles.flatMap((a) => a.districts)).size);
    expect(list.map((d) => d.count)).toEqual([...list.map((d) => d.count)].sort((a, b) => b - a));
    expect(list.find((d) => d.name === '西湖区')?.label).toBe('杭州市 · 西湖区');
    expect(list.find((d) => d.name === '上城区')?.label).toBe('上城区');
    expect(list[0]!.count).toBe(Math.max(...list.map((d) => d.count)));
  });

  it('says where a district is and that its name repeats', () => {
    const page = text('districts/西湖区');
    expect(page).toContain('浙江省 杭州市');
    expect(page).toContain('全国有 2 个名为“西湖区”的区县，这里指浙江省 杭州市的西湖区');
  });

  it('carries the 2021 renames: the old name on the district, and a page at the old name pointing to it', () => {
    expect(text('districts')).toMatch(/拱墅区 \(\d+\) 旧称：下城区/);
    expect(text('districts/拱墅区')).toContain('旧称：下城区（文中 1 篇）');
    expect(text('districts/下城区')).toContain('“下城区”是旧称（2021年区划调整前');
    expect(html('districts/下城区')).toContain(
      `href="/districts/${encodeURIComponent('拱墅区')}/"`,
    );
    // 江干区 was split between 上城区 and 钱塘区.
    expect(html('districts/江干区')).toContain(`/districts/${encodeURIComponent('上城区')}/`);
    expect(html('districts/江干区')).toContain(`/districts/${encodeURIComponent('钱塘区')}/`);
  });

  it("shows a district's streets and its articles month by month, gaps included, each month linking to search", () => {
    const page = html('districts/上城区');
    expect(text('districts/上城区')).toContain('四季青街道 (5)');
    const months = [...page.matchAll(/<tr data-month="(\d{4}-\d{2})">[\s\S]*?<\/tr>/g)].map(
      (m) => ({ month: m[1]!, count: Number(/>(\d+)<\/a>/.exec(m[0])?.[1] ?? 0) }),
    );
    const mine = articles.filter((a) => a.districts.includes('上城区') && a.date);
    const expected = new Map<string, number>();
    for (const a of mine)
      expected.set(a.date!.slice(0, 7), (expected.get(a.date!.slice(0, 7)) ?? 0) + 1);
    expect(months.filter((m) => m.count > 0)).toEqual(
      [...expected].sort().map(([month, count]) => ({ month, count })),
    );
    expect(months.some((m) => m.count === 0)).toBe(true);
    expect(months.reduce((n, m) => n + m.count, 0)).toBe(mine.length);
    expect(page).toContain(`href="/?district=${encodeURIComponent('上城区')}&amp;month=2022-01"`);
  });

  it('says how many articles have no known date instead of leaving them out silently', () => {
    expect(text('districts/滨江区')).toContain('另有 1 篇的出版日期不详');
    expect(text('coverage')).toContain('另有 1 篇文章的出版日期不详');
  });
});

describe('page sizes', () => {
  it('keeps every page of the fixture site under 200 KB', () => {
    const pages = (readdirSync(dist, { recursive: true }) as string[]).filter((f) =>
      f.endsWith('.html'),
    );
    const big = pages.filter((f) => statSync(join(dist, f)).size > 200_000);
    expect(big).toEqual([]);
  });
});
