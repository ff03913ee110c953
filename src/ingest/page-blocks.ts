/**
 * A page as blocks: runs of lines that belong together (a title, a byline, a paragraph, a table), and
 * what the page's layout says about them. Article splitting reads blocks, never raw lines.
 */
import type { Segmenter } from '../text/segmenter.ts';
import { parseBylineLine, parseTrailingCredit, type BylineInfo } from './find-bylines.ts';
import {
  CAPTION,
  cellLike,
  ENDS_SENTENCE,
  NOTICE_TITLE,
  numeric,
  startsWithDateline,
  titleLike,
} from './line-shapes.ts';
import type { PageLine } from './page-lines.ts';

export type BlockKind = 'heading' | 'byline' | 'table' | 'text' | 'caption';

export interface Block {
  kind: BlockKind;
  lines: PageLine[];
  byline?: BylineInfo;
  /** Blank lines printed before the block: a wider gap than usual often separates articles. */
  gapBefore: number;
  /** On an indented page: whether the block starts with an indented line (a paragraph). */
  indented: boolean;
  /** Text that ends with a reporter's credit in parentheses: ……贡献力量。（于文） */
  endsWithCredit?: boolean;
}

/** How a page was set, read from its lines. */
export interface PageLayout {
  /** Paragraphs start with an indent and titles are flush left (e-paper text). */
  indented: boolean;
  /**
   * Body lines are hard-wrapped to one width per article, exactly (text re-wrapped by a tool) or
   * roughly (text from a PDF, where punctuation and digits make lines uneven); null when not wrapped.
   */
  wrapped: 'exact' | 'rough' | null;
  /** How line widths are counted: characters (text re-wrapped by a tool) or ems (text set in a column). */
  measure: 'chars' | 'ems';
  /**
   * Neither indented nor wrapped, one paragraph a line (text copied from a web page): every line is a
   * block of its own, though no blank line sets it apart.
   */
  lineParagraphs?: boolean;
}

/** Tuning values of block and layout detection. */
export const blockDefaults = {
  /** Share of text lines that must be indented for a page to count as indented. */
  indentedShare: 0.25,
  /** Least number of indented lines on an indented page. */
  indentedMin: 3,
  /** Share of multi-line blocks whose lines share one width, for a page to count as hard-wrapped. */
  wrappedShare: 0.5,
  /** Rough wrapping: lines may differ from the block's width by this many characters. */
  roughTolerance: 2,
  /** A run of at least this many table-like cells, this share of them numbers, is a flattened table. */
  tableCells: 5,
  tableNumbers: 0.3,
  /** A byline line is never longer than this. */
  bylineMaxLength: 40,
};

/** The usual length of a block's lines (their median, the last line left out), or null for blocks too short to tell. */
export function medianWidth(block: Block | undefined): number | null {
  if (block?.kind !== 'text' || block.lines.length < 2) return null;
  const lengths = block.lines
    .slice(0, -1)
    .map((l) => l.text.length)
    .sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length / 2)]!;
}

/**
 * The width a block's lines were wrapped at: every line but the last has it, the last is no longer.
 * Two lines alone prove little (a title over two lines looks the same): they count when the second
 * stops inside or at the end of a sentence, or when `neighbours` — the width of the paragraph it
 * belongs with — include the first line's length (a pull quote set in its article's column).
 */
export function exactWidth(
  block: Block,
  neighbours: readonly number[] = [],
  measure: PageLayout['measure'] = 'chars',
): number | null {
  if (block.kind !== 'text' || block.lines.length < 2) return null;
  // A column is a whole number of ems: a line ending half an em short (an odd count of Latin or
  // digits) left room for no further Han character, so it fills the column rounded up.
  const lengths = block.lines.map((l) => (measure === 'ems' ? Math.ceil(l.displayWidth) : l.width));
  const inner = lengths.slice(0, -1);
  let width = inner[0]!;
  if (measure === 'ems') {
    // Set type keeps punctuation off the start of a line (禁则): a comma is squeezed in at the end or a
    // character pushed down, so a line may be one em longer or shorter than the column.
    // A line one em over the column that ends on punctuation had it squeezed in: it supports the
    // column one em narrower, as much as a line of the column's width does.
    const texts = block.lines.slice(0, -1).map((l) => l.text);
    const counts = new Map<number, number>();
    inner.forEach((w, k) => {
      const squeezed = /[，。、；：！？,.;:!?”’）》」』]$/.test(texts[k]!) && inner.includes(w - 1);
      const column = squeezed ? w - 1 : w;
      counts.set(column, (counts.get(column) ?? 0) + 1);
    });
    width = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
    if (inner.some((w) => Math.abs(w - width) > 1) || counts.get(width)! < inner.length * 0.6)
      return null;
    if (lengths[lengths.length - 1]! > width + 1) return null;
  } else {
    for (const w of inner) if (w !== width) return null;
    if (lengths[lengths.length - 1]! > width) return null;
  }
  const slack = measure === 'ems' ? 1 : 0;
  if (
    lengths.length === 2 &&
    !neighbours.some((n) => Math.abs(n - width) <= slack) &&
    !/[。；;…，,、]$/.test(block.lines[1]!.text)
  )
    return null;
  return width;
}

function roughWidth(block: Block, tolerance: number): number | null {
  if (block.kind !== 'text' || block.lines.length < 3) return null;
  const width = medianWidth(block)!;
  const inner = block.lines.slice(0, -1);
  const near = inner.filter((l) => Math.abs(l.text.length - width) <= tolerance).length;
  return near >= inner.length * 0.75 &&
    block.lines[block.lines.length - 1]!.text.length <= width + tolerance
    ? width
    : null;
}

/**
 * The wrap width of every block under the page's layout (null: not a wrapped paragraph). Paragraphs
 * of three lines or more are judged alone; two-line blocks by the paragraphs around them.
 */
export function blockWidths(blocks: Block[], layout: PageLayout): (number | null)[] {
  if (layout.wrapped === null) return blocks.map(() => null);
  if (layout.wrapped === 'rough')
    return blocks.map((b) => roughWidth(b, blockDefaults.roughTolerance));
  const widths = blocks.map((b) =>
    b.lines.length >= 3 ? exactWidth(b, [], layout.measure) : null,
  );
  return blocks.map((b, i) => {
    if (b.lines.length !== 2) return widths[i]!;
    // Two lines right above a dateline (本报北京2月12日电) are the story's title, whatever their length —
    // unless they are a point of a summary set with a bullet (■…).
    const below = blocks[i + 1];
    const bullet = /^[■□●○▲△◆◇•★☆]/.test(b.lines[0]!.text);
    if (!bullet && below?.kind === 'text' && startsWithDateline(below.lines[0]!.text)) return null;
    // So are two title-like lines of different lengths at the top of the page or after finished text:
    // what a column break cuts off runs on from unfinished text, and fills its lines.
    const above = blocks[i - 1];
    const afterFinished =
      above === undefined ||
      above.kind === 'byline' ||
      ENDS_SENTENCE.test(above.lines[above.lines.length - 1]!.text);
    const [first, second] = b.lines as [PageLine, PageLine];
    if (
      afterFinished &&
      !bullet &&
      first.text.length !== second.text.length &&
      !ENDS_SENTENCE.test(second.text) &&
      titleLike(first.text) &&
      titleLike(second.text)
    )
      return null;
    // A pull quote is set in the column of the text that follows it; a two-line title is not.
    let next: number | null = null;
    for (let k = i + 1; k < blocks.length && next === null; k++) next = widths[k]!;
    let previous: number | null = null;
    for (let k = i - 1; k >= 0 && previous === null; k--) previous = widths[k]!;
    return exactWidth(
      b,
      next !== null ? [next] : previous !== null ? [previous] : [],
      layout.measure,
    );
  });
}

/** Two widths that tell different columns (or different articles) apart under the page's layout. */
export function widthsDiffer(a: number, b: number, layout: PageLayout): boolean {
  if (layout.wrapped === 'exact') return a !== b;
  return Math.abs(a - b) >= Math.max(3, Math.min(a, b) * 0.2);
}

export function pageLayout(lines: PageLine[], options = blockDefaults): PageLayout {
  const text = lines.filter((l) => l.text && !l.heading);
  const indentedLines = text.filter((l) => l.indent >= 1).length;
  const indented =
    indentedLines >= options.indentedMin &&
    indentedLines >= text.length * options.indentedShare &&
    indentedLines < text.length;
  const blocks = plainBlocks(lines).filter((b) => b.lines.length >= 3);
  const exactIn = (measure: PageLayout['measure']) =>
    blocks.filter((b) => exactWidth(b, [], measure) !== null).length;
  const [chars, ems] = [exactIn('chars'), exactIn('ems')];
  const measure = ems > chars ? 'ems' : 'chars';
  const exact = Math.max(chars, ems);
  const rough = blocks.filter(
    (b) => exactWidth(b, [], measure) === null && roughWidth(b, options.roughTolerance) !== null,
  ).length;
  const wrapped =
    blocks.length >= 2 && exact >= blocks.length * options.wrappedShare
      ? 'exact'
      : blocks.length >= 2 && exact + rough >= blocks.length * options.wrappedShare
        ? 'rough'
        : null;
  // Whole paragraphs on single lines (with or without blank lines between them).
  const long = text.filter((l) => l.text.length >= 20);
  const sentences = long.filter((l) => ENDS_SENTENCE.test(l.text)).length;
  // (Markdown headings already say where articles start.) Wrapped text ends few of its lines on a full
  // stop, so a page of such lines is not wrapped, whatever its title blocks of three lines look like.
  const lineParagraphs =
    !indented &&
    !lines.some((l) => l.heading) &&
    long.length >= 4 &&
    sentences >= long.length * 0.6;
  return lineParagraphs
    ? { indented, wrapped: null, measure, lineParagraphs }
    : { indented, wrapped, measure };
}

// Runs of non-blank lines, no further judgement: what layout detection measures.
function plainBlocks(lines: PageLine[]): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  for (const line of lines) {
    if (!line.text) {
      current = null;
      continue;
    }
    if (!current) {
      current = { kind: 'text', lines: [], gapBefore: 0, indented: false };
      blocks.push(current);
    }
    current.lines.push(line);
  }
  return blocks;
}

/**
 * Blocks of a page: headings, byline lines, notice headings and captions stand alone; other lines
 * join the text block above them until a blank line. On an indented page an indented line starts a
 * paragraph and a flush-left line after a finished paragraph starts a block of its own.
 */
export function toBlocks(
  lines: PageLine[],
  layout: PageLayout,
  segmenter: Segmenter,
  options = blockDefaults,
): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  let blanks = 0;
  const start = (
    block: Omit<Block, 'gapBefore' | 'indented'>,
    line: PageLine,
    gap: number,
    continues: boolean,
  ) => {
    const full: Block = { ...block, gapBefore: gap, indented: layout.indented && line.indent >= 1 };
    blocks.push(full);
    current = continues ? full : null;
  };
  for (const line of lines) {
    if (!line.text) {
      current = null;
      blanks++;
      continue;
    }
    const gap = blanks;
    blanks = 0;
    const open = current as Block | null;
    const previous = open?.lines[open.lines.length - 1];
    // A line inside a running paragraph (the one above it does not end a sentence) is never a
    // byline, however much it looks like a list of names.
    // One paragraph a line: a line after a finished sentence or a short line (a title) starts one.
    const lineStarts =
      layout.lineParagraphs === true &&
      (previous === undefined ||
        ENDS_SENTENCE.test(previous.text) ||
        previous.text.length < 30 ||
        line.text.length < 30);
    const startsParagraph =
      lineStarts || (layout.indented && (line.indent >= 1 || (open !== null && !open.indented)));
    const midParagraph =
      !startsParagraph &&
      open !== null &&
      open.kind === 'text' &&
      previous !== undefined &&
      previous.text.length > 12 &&
      !/[。！？!?…；;”"’）)]$/.test(previous.text);
    const byline =
      line.heading || midParagraph || line.text.length > options.bylineMaxLength
        ? null
        : parseBylineLine(line.text, segmenter);
    const newParagraph =
      (lineStarts && open !== null) ||
      (layout.indented &&
        open !== null &&
        (line.indent >= 1 ||
          (open.indented && previous !== undefined && ENDS_SENTENCE.test(previous.text))));
    if (line.heading) start({ kind: 'heading', lines: [line] }, line, gap, false);
    else if (byline) start({ kind: 'byline', lines: [line], byline }, line, gap, false);
    else if (NOTICE_TITLE.test(line.text)) start({ kind: 'text', lines: [line] }, line, gap, false);
    else if (CAPTION.test(line.text)) start({ kind: 'caption', lines: [line] }, line, gap, true);
    else if (open && open.kind === 'text' && !newParagraph) open.lines.push(line);
    else start({ kind: 'text', lines: [line] }, line, gap, true);
  }
  markTables(blocks, options);
  demoteNameTitles(blocks);
  for (const block of blocks) {
    if (block.kind === 'text')
      block.endsWithCredit =
        parseTrailingCredit(block.lines.map((l) => l.text).join(''), segmenter) !== null;
  }
  return blocks;
}

/**
 * A single bare name (全村福 reads like one) standing between the finished text of one article and the
 * text of the next is a title, not a byline: a byline stands under a title or at the end of the text
 * it signs, not in front of a new article's text.
 */
function demoteNameTitles(blocks: Block[]) {
  for (let i = 1; i + 1 < blocks.length; i++) {
    const block = blocks[i]!;
    const info = block.byline;
    if (
      block.kind !== 'byline' ||
      !info ||
      info.closing ||
      info.source ||
      info.bylines.length !== 1
    )
      continue;
    const text = block.lines[0]!.text.replace(/^[■▲●◆□★☆▇█]\s*/, '');
    if (text !== info.bylines[0]!.name) continue;
    const [before, after] = [blocks[i - 1]!, blocks[i + 1]!];
    // Under a box label (人物, 身边榜样) a bare name is who the box is about, its first line.
    const label = before.lines.length === 1 && before.lines[0]!.text.replace(/\s/g, '').length <= 4;
    if (
      (before.kind === 'text' || before.kind === 'heading') &&
      label &&
      !info.marked &&
      after.kind === 'text'
    ) {
      block.kind = 'text';
      block.byline = undefined;
      continue;
    }
    const finished =
      before.kind === 'text' && ENDS_SENTENCE.test(before.lines[before.lines.length - 1]!.text);
    if (finished && after.kind === 'text' && after.lines.length >= 2) {
      block.kind = 'text';
      block.byline = undefined;
    }
  }
}

/** Runs of short cells, many of them numbers, are a table flattened into columns. */
function markTables(blocks: Block[], options: typeof blockDefaults) {
  let i = 0;
  while (i < blocks.length) {
    if (!isCellBlock(blocks[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j < blocks.length && isCellBlock(blocks[j]!)) j++;
    const cells = blocks.slice(i, j).flatMap((b) => b.lines);
    const numbers = cells.filter((l) => numeric(l.text)).length;
    if (cells.length >= options.tableCells && numbers >= cells.length * options.tableNumbers)
      for (let k = i; k < j; k++) blocks[k]!.kind = 'table';
    i = j;
  }
}

export function isCellBlock(block: Block): boolean {
  return block.kind === 'text' && block.lines.every((l) => cellLike(l.text));
}
