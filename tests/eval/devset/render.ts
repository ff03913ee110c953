/**
 * The dev-set renderer: each source page (tests/fixtures/devset/pages/*.json) printed in each layout a
 * newspaper's text arrives in, with the gold lines that label it (../shared/gold/README.md format).
 *
 *   clean         e-paper text: titles flush left, everything else indented (two U+3000 or two spaces,
 *                 chosen per page), one blank line between articles, on some pages also between paragraphs
 *   pdf           PDF-style: titles unwrapped, body lines hard-wrapped at 12–24 cells (per article), a
 *                 blank line after every paragraph and title block, now and then a column break mid-paragraph
 *   titles-after  PDF reading order: the byline at the top of each article, the wrapped body, then the titles
 *   markdown      `#`…`####` all meaning "a title", a 引题 plain above the 主标题 or a heading of its own,
 *                 unwrapped paragraphs, on some pages half-width punctuation
 *   plain         e-paper text that lost its indentation (copied from a web page): the clean layout with
 *                 every line flush left, one paragraph a line
 *
 * Every choice (widths, indentation, where captions and credits go) comes from a random source seeded by
 * layout and page id: the output is the same on every run, and one page's choices never move another's.
 * Test and development tooling only: nothing under src/ imports it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GoldRecord } from '../../../src/eval/gold.ts';
import { normText } from '../../../src/eval/score-extraction.ts';
import { DevPage, DevPapers, type DevArticle, type DevPaper } from './schema.ts';
import { rngFor, wrap, type Rng } from './text.ts';

export const LAYOUTS = ['clean', 'pdf', 'titles-after', 'markdown', 'plain'] as const;
export type Layout = (typeof LAYOUTS)[number];

/** How many characters of the first and last paragraph the gold's first/last snippets hold. */
export const SNIPPET_LENGTH = 14;

export interface DevSource {
  papers: DevPaper[];
  pages: { id: string; page: DevPage }[];
}

/** A file of a rendered layout folder, by its path inside that folder. */
export interface RenderedFile {
  path: string;
  content: string;
}

export interface RenderedLayout {
  layout: Layout;
  files: RenderedFile[];
  gold: GoldRecord[];
  pages: number;
}

export interface RenderOptions {
  /**
   * Whether papers.json may declare a paper without a region (a national paper). When it may not (the
   * schema of src/model/paper.ts today requires one), such a paper's pages are written outside any paper
   * folder, with their date and page in a sidecar: the extractor then reads them as pages of no paper.
   */
  regionOptional: boolean;
}

/** Read and validate the source folder; every problem is listed (file and field), nothing is dropped silently. */
export function loadDevSource(dir: string): { source: DevSource; problems: string[] } {
  const problems: string[] = [];
  const papersParsed = DevPapers.safeParse(
    JSON.parse(readFileSync(join(dir, 'papers.json'), 'utf8')),
  );
  const papers = papersParsed.success ? papersParsed.data.papers : [];
  if (!papersParsed.success)
    problems.push(
      ...papersParsed.error.issues.map((i) => `papers.json: ${i.path.join('.')}: ${i.message}`),
    );
  const pages: DevSource['pages'] = [];
  for (const name of readdirSync(join(dir, 'pages'))
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const id = name.replace(/\.json$/, '');
    if (!/^[a-z0-9][a-z0-9-]*$/.test(id))
      problems.push(`pages/${name}: page id must be lower-case letters, digits and "-"`);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(join(dir, 'pages', name), 'utf8'));
    } catch (error) {
      problems.push(`pages/${name}: not JSON (${(error as Error).message})`);
      continue;
    }
    const parsed = DevPage.safeParse(json);
    if (!parsed.success) {
      problems.push(
        ...parsed.error.issues.map((i) => `pages/${name}: ${i.path.join('.')}: ${i.message}`),
      );
      continue;
    }
    problems.push(...checkPage(id, parsed.data, papers));
    pages.push({ id, page: parsed.data });
  }
  return { source: { papers, pages }, problems };
}

/** What the schema cannot see: unknown papers, names not printed, snippets that are not unique on the page. */
export function checkPage(id: string, page: DevPage, papers: DevPaper[]): string[] {
  const problems: string[] = [];
  const at = (i: number) => `pages/${id}.json: articles.${i}`;
  if (!papers.some((p) => p.slug === page.paper))
    problems.push(`pages/${id}.json: paper "${page.paper}" is not in papers.json`);
  const printed = page.articles.map((a) => normText(printedText(a)));
  page.articles.forEach((a, i) => {
    const text = printedText(a);
    for (const name of [...a.bylines.map((b) => b.name), ...a.bylines_ok]) {
      if (!text.includes(name))
        problems.push(`${at(i)}: byline name "${name}" is not printed in the article`);
    }
    const first = normText(firstSnippet(a));
    printed.forEach((other, j) => {
      if (j !== i && other.includes(first))
        problems.push(
          `${at(i)}: its first snippet "${firstSnippet(a)}" is also printed in article ${j}`,
        );
    });
  });
  return problems;
}

/** papers.json as committed: one paper a line. */
export function formatPapers(papers: DevPaper[]): string {
  return `{\n  "papers": [\n${papers.map((p) => `    ${JSON.stringify(p).replace(/","/g, '", "').replace(/":"/g, '": "').replace(/^\{"/, '{"')}`).join(',\n')}\n  ]\n}\n`;
}

/** Everything printed for an article, in one string (for checks). */
function printedText(a: DevArticle): string {
  return [
    ...a.titles,
    a.byline ?? '',
    a.dateline ?? '',
    ...a.paragraphs.map((p) => (typeof p === 'string' ? p : p.subhead)),
    a.credit ?? '',
    ...a.captions,
  ].join('\n');
}

const bodyParagraphs = (a: DevArticle) =>
  a.paragraphs.filter((p): p is string => typeof p === 'string');

function firstSnippet(a: DevArticle): string {
  return [...bodyParagraphs(a)[0]!].slice(0, SNIPPET_LENGTH).join('').trim();
}

function lastSnippet(a: DevArticle): string {
  return [...bodyParagraphs(a).at(-1)!].slice(-SNIPPET_LENGTH).join('').trim();
}

/** The gold line of an article as printed in `file`. */
export function goldFor(a: DevArticle, file: string, banner: string | null): GoldRecord {
  const g: GoldRecord = {
    file,
    kind: a.kind,
    titles: a.titles,
    first: firstSnippet(a),
    last: lastSnippet(a),
    bylines: a.bylines,
    districts: a.districts,
  };
  if (a.bylines_ok.length) g.bylines_ok = a.bylines_ok;
  if (a.districts_ok.length) g.districts_ok = a.districts_ok;
  if (a.source !== null) g.source = a.source;
  if (banner !== null) g.section = banner;
  // Key order as in ../shared/gold/seeds.gold.jsonl.
  return Object.fromEntries(
    (
      [
        'file',
        'kind',
        'titles',
        'first',
        'last',
        'bylines',
        'bylines_ok',
        'districts',
        'districts_ok',
        'source',
        'section',
      ] as const
    )
      .filter((k) => g[k] !== undefined)
      .map((k) => [k, g[k]]),
  ) as GoldRecord;
}

/** One element of an article's body in reading order. */
interface Element {
  kind: 'para' | 'subhead' | 'caption' | 'credit' | 'dateline';
  text: string;
}

const PARENTHESISED = /^[（(].*[）)]$/u;

/**
 * The body in reading order: the dateline starts the first paragraph (or, with `datelineLine`, stands on a
 * line of its own), captions sit between paragraphs or after the last one, the credit closes the article —
 * on its own line, or run into the last paragraph when it is a parenthesised name and `inlineCredit` allows.
 */
function bodyElements(
  a: DevArticle,
  rng: Rng,
  options: { inlineCredit: boolean; datelineLine: boolean },
): Element[] {
  const els: Element[] = [];
  let datelineDone = a.dateline === null;
  for (const p of a.paragraphs) {
    if (typeof p !== 'string') {
      els.push({ kind: 'subhead', text: p.subhead });
      continue;
    }
    if (!datelineDone) {
      datelineDone = true;
      if (options.datelineLine)
        els.push({ kind: 'dateline', text: a.dateline! }, { kind: 'para', text: p });
      else
        els.push({
          kind: 'para',
          text: /[）)]$/u.test(a.dateline!) ? a.dateline + p : `${a.dateline} ${p}`,
        });
      continue;
    }
    els.push({ kind: 'para', text: p });
  }
  for (const caption of a.captions) {
    // After one of the paragraphs (never before the first): where the picture stood in the column.
    const paraIdx = els.map((e, i) => (e.kind === 'para' ? i : -1)).filter((i) => i >= 0);
    const after = rng.pick(paraIdx);
    els.splice(after + 1, 0, { kind: 'caption', text: caption });
  }
  if (a.credit !== null) {
    const last = els.at(-1)!;
    if (
      options.inlineCredit &&
      PARENTHESISED.test(a.credit) &&
      last.kind === 'para' &&
      rng.chance(0.5)
    )
      last.text += a.credit;
    else els.push({ kind: 'credit', text: a.credit });
  }
  return els;
}

/** The 主标题's index when the lines say which one it is (3 lines; a ——副题; a kicker ending in ：/——), else null. */
function mainTitleIndex(titles: string[]): number | null {
  if (titles.length === 1) return 0;
  if (titles.length === 3) return 1;
  if (titles.length === 2) {
    if (/^[—-]/u.test(titles[1]!)) return 0;
    if (/[：:—]$/u.test(titles[0]!)) return 1;
  }
  return null;
}

/** Blocks separated by one blank line, ending in a newline. */
const blocks = (bs: string[][]) => `${bs.map((b) => b.join('\n')).join('\n\n')}\n`;

/** Hard-wrapped lines of a body element, with an occasional column break (a blank line) inside a long paragraph. */
function wrappedBlocks(e: Element, width: number, kinsoku: boolean, rng: Rng): string[][] {
  if (e.kind === 'subhead' || e.kind === 'dateline') return [[e.text]];
  const lines = wrap(e.text, width, kinsoku);
  if (e.kind === 'para' && lines.length >= 4 && rng.chance(0.12)) {
    const cut = rng.int(1, lines.length - 1);
    return [lines.slice(0, cut), lines.slice(cut)];
  }
  return [lines];
}

function renderClean(page: DevPage, rng: Rng, flush = false): string {
  const indent = flush ? '' : rng.pick(['\u3000\u3000', '  ']);
  const spaced = rng.chance(0.35);
  const out: string[][] = [];
  if (page.banner) out.push([page.banner]);
  for (const a of page.articles) {
    const lines = [...a.titles];
    const body: string[] = [];
    if (a.byline) body.push(indent + a.byline);
    for (const e of bodyElements(a, rng, { inlineCredit: true, datelineLine: false }))
      body.push(indent + e.text);
    if (spaced) {
      // Blank lines between paragraphs too: only the flush-left titles mark where an article starts.
      out.push([...lines, body[0]!], ...body.slice(1).map((l) => [l]));
    } else out.push([...lines, ...body]);
  }
  return blocks(out);
}

/**
 * PDF-style text: each article wrapped at a width of its own (as the benchmark corpus is); with
 * `sharedWidth` > 0, an article takes the width of the one before it with that chance (1: the whole
 * page in one column width, as a PDF's columns are).
 */
function renderPdf(page: DevPage, rng: Rng, sharedWidth = 0): string {
  const out: string[][] = [];
  if (page.banner) out.push([page.banner]);
  let previous = 0;
  for (const a of page.articles) {
    const own = rng.int(12, 24);
    const width = previous > 0 && sharedWidth > 0 && rng.chance(sharedWidth) ? previous : own;
    previous = width;
    const kinsoku = rng.chance(0.7);
    const bylineFirst = a.byline !== null && a.titles.length > 0 && rng.chance(0.15);
    if (bylineFirst) out.push([a.byline!]);
    if (a.titles.length) out.push([...a.titles]);
    if (a.byline && !bylineFirst) out.push([a.byline]);
    for (const e of bodyElements(a, rng, {
      inlineCredit: true,
      datelineLine: a.dateline !== null && rng.chance(0.3),
    }))
      out.push(...wrappedBlocks(e, width, kinsoku, rng));
  }
  return blocks(out);
}

function renderTitlesAfter(page: DevPage, rng: Rng): string {
  const out: string[][] = [];
  if (page.banner) out.push([page.banner]);
  for (const a of page.articles) {
    const width = rng.int(12, 24);
    const kinsoku = rng.chance(0.7);
    if (a.byline) out.push([a.byline]);
    for (const e of bodyElements(a, rng, { inlineCredit: true, datelineLine: false }))
      out.push(...wrappedBlocks(e, width, kinsoku, rng));
    if (a.titles.length) {
      if (rng.chance(0.5)) out.push(...a.titles.map((t) => [t]));
      else out.push([...a.titles]);
    }
  }
  return blocks(out);
}

const HALF_WIDTH: Record<string, string> = {
  '，': ',',
  '（': '(',
  '）': ')',
  '：': ':',
  '；': ';',
  '？': '?',
  '！': '!',
};

function renderMarkdown(page: DevPage, rng: Rng): string {
  const level = rng.pick(['#', '##', '##', '###', '####']);
  const halfWidth = rng.chance(0.5);
  const out: string[][] = [];
  if (page.banner) out.push([page.banner]);
  for (const a of page.articles) {
    const mark = rng.chance(0.8) ? level : rng.pick(['#', '##', '###', '####']);
    const main = mainTitleIndex(a.titles);
    // Either every title line is a heading (levels mean nothing), or only the 主标题 is and the 引题/副题 are plain lines.
    const onlyMain = main !== null && a.titles.length > 1 && rng.chance(0.5);
    a.titles.forEach((t, i) => {
      if (onlyMain && i !== main) out.push([t]);
      else
        out.push([
          `${i === main || main === null ? mark : rng.pick(['#', '##', '###', '####'])} ${t}`,
        ]);
    });
    if (a.byline) out.push([a.byline]);
    for (const e of bodyElements(a, rng, { inlineCredit: true, datelineLine: false }))
      out.push([e.text]);
  }
  const text = blocks(out);
  return halfWidth ? text.replace(/[，（）：；？！]/gu, (c) => HALF_WIDTH[c]!) : text;
}

const RENDERERS: Record<Layout, (page: DevPage, rng: Rng) => string> = {
  clean: renderClean,
  pdf: renderPdf,
  'titles-after': renderTitlesAfter,
  markdown: renderMarkdown,
  plain: (page, rng) => renderClean(page, rng, true),
};

/** One page's text in one layout, its choices seeded by layout and `seed` (the page id). */
export function renderPage(layout: Layout, page: DevPage, seed: string, sharedWidth = 0): string {
  if (sharedWidth > 0 && layout === 'pdf')
    return renderPdf(page, rngFor(layout, seed), sharedWidth);
  return RENDERERS[layout](page, rngFor(layout, seed));
}

/**
 * Render every page in every layout (or those given): the files of each layout folder (a content
 * folder) and its gold. `sharedWidth`: see renderPdf.
 */
export function renderDevset(
  source: DevSource,
  options: RenderOptions,
  layouts: readonly Layout[] = LAYOUTS,
  sharedWidth = 0,
): RenderedLayout[] {
  const declared = source.papers.filter((p) => options.regionOptional || p.region !== undefined);
  const papersJson = `${JSON.stringify({ papers: declared }, null, 2)}\n`;
  return layouts.map((layout) => {
    const files: RenderedFile[] = [{ path: 'papers.json', content: papersJson }];
    const gold: GoldRecord[] = [];
    for (const { id, page } of source.pages) {
      const ext = layout === 'markdown' ? 'md' : 'txt';
      const file = `${id}.${ext}`;
      const inPaperFolder = declared.some((p) => p.slug === page.paper);
      const dir = inPaperFolder ? `${page.paper}/${page.date}/` : '';
      let text = renderPage(layout, page, id, sharedWidth);
      // The page number travels in the sidecar (or front matter), and the date too when there is no paper folder.
      const meta: Record<string, string> = inPaperFolder
        ? { page: page.page }
        : { date: page.date, page: page.page };
      if (ext === 'md')
        text = `---\n${Object.entries(meta)
          .map(([k, v]) => `${k}: "${v}"`)
          .join('\n')}\n---\n\n${text}`;
      else files.push({ path: `${dir}${id}.meta.json`, content: `${JSON.stringify(meta)}\n` });
      files.push({ path: `${dir}${file}`, content: text });
      gold.push(...page.articles.map((a) => goldFor(a, file, page.banner)));
    }
    files.push({ path: 'gold.jsonl', content: gold.map((g) => `${JSON.stringify(g)}\n`).join('') });
    return { layout, files, gold, pages: source.pages.length };
  });
}
