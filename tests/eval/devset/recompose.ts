/**
 * The corpus-derived part of the dev set, made at test or bench time from ../shared (never committed:
 * the corpus is for measuring, never for shipping). Each labelled article of a PDF-style corpus page is
 * found by its gold (title lines, then the first and last snippets), its paragraphs are taken from the
 * page, and the page is printed again in another layout with the same renderer as the dev set; the
 * gold lines stay as they are, with the new file name. An article that cannot be found exactly (title
 * block not printed as labelled, snippet not unique, extents overlapping) is left out of the recomposed
 * page, and counted.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GoldRecord } from '../../../src/eval/gold.ts';
import { parseGold } from '../../../src/eval/gold.ts';
import { normText } from '../../../src/eval/score-extraction.ts';
import { renderPage, type Layout } from './render.ts';
import type { DevArticle, DevPage } from './schema.ts';

export const DERIVED_LAYOUTS = ['titles-after', 'markdown'] as const satisfies readonly Layout[];
export type DerivedLayout = (typeof DERIVED_LAYOUTS)[number];

export interface CorpusPage {
  /** File name, as the gold has it (rmrb_20190201_p04.txt). */
  file: string;
  text: string;
  gold: GoldRecord[];
}

interface Block {
  lines: string[];
  /** Offset of the block in the page's normalised text. */
  start: number;
  norm: string;
}

export interface LocatedArticle {
  gold: GoldRecord;
  titles: string[];
  paragraphs: string[];
  firstBlock: number;
  lastBlock: number;
}

function pageBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let cur: string[] = [];
  let offset = 0;
  const flush = () => {
    if (!cur.length) return;
    const norm = normText(cur.join(''));
    blocks.push({ lines: cur, start: offset, norm });
    offset += norm.length;
    cur = [];
  };
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    if (line.trim() === '') flush();
    else cur.push(line);
  }
  flush();
  return blocks;
}

/** Index of the block holding normalised offset `at`. */
function blockAt(blocks: Block[], at: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (blocks[mid]!.start <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Find each gold article's blocks on a PDF-style page; articles that cannot be found exactly are returned apart. */
export function locateArticles(page: CorpusPage): {
  located: LocatedArticle[];
  dropped: { gold: GoldRecord; why: string }[];
} {
  const blocks = pageBlocks(page.text);
  const stream = blocks.map((b) => b.norm).join('');
  const dropped: { gold: GoldRecord; why: string }[] = [];
  const found: LocatedArticle[] = [];
  for (const g of page.gold) {
    const first = normText(g.first);
    const last = normText(g.last);
    let titleBlock: number | null = null;
    let from = 0;
    if (g.titles.length) {
      const want = normText(g.titles.join(''));
      const candidates = blocks.map((b, i) => (b.norm === want ? i : -1)).filter((i) => i >= 0);
      if (candidates.length !== 1) {
        dropped.push({
          gold: g,
          why: candidates.length
            ? 'title block printed twice'
            : 'no block holds exactly the title lines',
        });
        continue;
      }
      titleBlock = candidates[0]!;
      from = blocks[titleBlock + 1]?.start ?? stream.length;
    }
    const at = stream.indexOf(first, from);
    if (at < 0 || (titleBlock === null && stream.indexOf(first, at + 1) >= 0)) {
      dropped.push({
        gold: g,
        why: at < 0 ? 'first snippet not found after the titles' : 'first snippet not unique',
      });
      continue;
    }
    const bodyStart = blockAt(blocks, at);
    // Between the titles and the first paragraph there may be a byline or dateline block, not more.
    if (titleBlock !== null && bodyStart - titleBlock > 3) {
      dropped.push({ gold: g, why: 'first paragraph far from the titles' });
      continue;
    }
    const end = stream.indexOf(last, at);
    if (end < 0) {
      dropped.push({ gold: g, why: 'last snippet not found after the first' });
      continue;
    }
    const firstBlock = titleBlock ?? bodyStart;
    const lastBlock = blockAt(blocks, end + Math.max(last.length, 1) - 1);
    found.push({
      gold: g,
      titles: g.titles,
      paragraphs: blocks.slice((titleBlock ?? bodyStart - 1) + 1, lastBlock + 1).map((b) =>
        b.lines
          .map((l) => l.trimStart())
          .join('')
          .trim(),
      ),
      firstBlock,
      lastBlock,
    });
  }
  found.sort((a, b) => a.firstBlock - b.firstBlock);
  const located: LocatedArticle[] = [];
  found.forEach((a, i) => {
    const prev = found[i - 1];
    const next = found[i + 1];
    const overlaps =
      (prev && prev.lastBlock >= a.firstBlock) || (next && a.lastBlock >= next.firstBlock);
    const body = normText(a.paragraphs.join(''));
    const others = page.gold.filter(
      (g) =>
        g !== a.gold &&
        normText(g.first) !== normText(a.gold.first) &&
        body.includes(normText(g.first)),
    );
    if (overlaps) dropped.push({ gold: a.gold, why: 'extent overlaps another article' });
    else if (others.length)
      dropped.push({ gold: a.gold, why: 'body holds another article’s first snippet' });
    else located.push(a);
  });
  return { located, dropped };
}

/** A located page as a dev-set page (no paper, no byline lines: the corpus's bylines are datelines inside the text). */
function asDevPage(page: CorpusPage, located: LocatedArticle[]): DevPage {
  const date = /_(\d{4})(\d{2})(\d{2})_/.exec(page.file);
  return {
    paper: 'rmrb',
    date: date ? `${date[1]}-${date[2]}-${date[3]}` : '2019-01-01',
    page: String(/_p0*(\d+)\./.exec(page.file)?.[1] ?? '1'),
    banner: null,
    articles: located.map(
      (a): DevArticle => ({
        kind: a.gold.kind,
        titles: a.titles,
        byline: null,
        dateline: null,
        paragraphs: a.paragraphs,
        credit: null,
        captions: [],
        bylines: a.gold.bylines,
        bylines_ok: a.gold.bylines_ok ?? [],
        districts: a.gold.districts,
        districts_ok: a.gold.districts_ok ?? [],
        source: a.gold.source ?? null,
      }),
    ),
  };
}

export interface DerivedLayoutSet {
  layout: DerivedLayout;
  /** Folder of the recomposed pages (no papers.json: the corpus is a national paper). */
  dir: string;
  gold: GoldRecord[];
  pages: number;
  /** Gold articles of the source pages left out because they could not be found exactly. */
  dropped: number;
  droppedWhy: Map<string, number>;
}

/** Corpus pages of one month folder with their gold (pages without gold are skipped). */
export function loadCorpusPages(
  monthDir: string,
  goldFile: string,
  options: { every?: number } = {},
): CorpusPage[] {
  const every = options.every ?? 1;
  const files = readdirSync(monthDir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const wanted = new Set(files.filter((_, i) => i % every === 0));
  const byFile = new Map<string, GoldRecord[]>();
  for (const g of parseGold(readFileSync(goldFile, 'utf8'), goldFile)) {
    if (!wanted.has(g.file)) continue;
    const list = byFile.get(g.file) ?? [];
    list.push(g);
    byFile.set(g.file, list);
  }
  return [...wanted]
    .filter((f) => byFile.has(f))
    .map((file) => ({
      file,
      text: readFileSync(join(monthDir, file), 'utf8'),
      gold: byFile.get(file)!,
    }));
}

/** Recompose the pages into each derived layout under `outDir/<layout>/`, returning the folders and their gold. */
export function recomposeCorpus(
  pages: CorpusPage[],
  outDir: string,
  layouts: readonly DerivedLayout[] = DERIVED_LAYOUTS,
): DerivedLayoutSet[] {
  const located = pages.map((p) => ({ page: p, ...locateArticles(p) }));
  return layouts.map((layout) => {
    const dir = join(outDir, layout);
    mkdirSync(dir, { recursive: true });
    const gold: GoldRecord[] = [];
    const droppedWhy = new Map<string, number>();
    let dropped = 0;
    let count = 0;
    for (const { page, located: arts, dropped: gone } of located) {
      dropped += gone.length;
      for (const d of gone) droppedWhy.set(d.why, (droppedWhy.get(d.why) ?? 0) + 1);
      if (!arts.length) continue;
      const file = layout === 'markdown' ? page.file.replace(/\.txt$/, '.md') : page.file;
      writeFileSync(join(dir, file), renderPage(layout, asDevPage(page, arts), page.file));
      gold.push(...arts.map((a) => ({ ...a.gold, file })));
      count += 1;
    }
    return { layout, dir, gold, pages: count, dropped, droppedWhy };
  });
}
