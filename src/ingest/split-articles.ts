import type { Byline } from '../model/article.ts';
import type { Segmenter } from '../text/segmenter.ts';
import { isCaption } from './captions.ts';
import { CLOSING_DATELINE, closesArticle, startsWithDateline, DATE_LINE, headlineShaped, NOTICE_TITLE, numberedSubhead, titleLike } from './line-shapes.ts';
import { blockWidths, isCellBlock, medianWidth, pageLayout, toBlocks, widthsDiffer, type Block, type PageLayout } from './page-blocks.ts';
import type { PageLine } from './page-lines.ts';
import { ENDS_SENTENCE } from './reflow.ts';

export { headlineShaped, titleLike } from './line-shapes.ts';

/** An article as cut from a page, before its text is reflowed into paragraphs. */
export interface RawArticle {
  kind: 'article' | 'brief' | 'notice';
  /** Title lines in printed order (引题, 主标题, 副题). */
  titles: string[];
  titleLines: number[];
  section: string | null;
  bylines: Byline[];
  source: string | null;
  /** Body lines in reading order, tables included as text; blank lines kept (they mark paragraphs). */
  body: PageLine[];
  tables: string[][][];
}

export interface SplitResult {
  articles: RawArticle[];
  /** Lines that belong to no article, with why. */
  leftovers: { line: number; text: string; why: string }[];
  /** 'after' when the page prints headlines after their body (PDF reading order). */
  order: 'before' | 'after';
  layout: PageLayout;
}

/** Tuning values of article splitting. */
export const splitDefaults = {
  /** Most printed title lines one article has (引题, 主标题, 副题, and a deck). */
  maxTitleLines: 3,
  /** On an indented page flush-left title blocks may run longer: a deck of several sentences. */
  maxIndentedTitleLines: 4,
  /** A blank-line gap this wide (where paragraphs are one blank apart) sets a title apart. */
  wideGap: 2,
};

/** What every title decision on one page needs to know. */
interface PageView {
  blocks: Block[];
  layout: PageLayout;
  /** Wrap width of each block (null: not a wrapped paragraph). */
  widths: (number | null)[];
  /** The widest wrapped paragraph: a line longer than this cannot be body text. */
  widest: number;
  /** Paragraphs were re-wrapped exactly, at more than one width: each article keeps its own. */
  perArticleWidths: boolean;
}

function viewOf(blocks: Block[], layout: PageLayout): PageView {
  const widths = blockWidths(blocks, layout);
  const widest = Math.max(0, ...widths.filter((w): w is number => w !== null));
  const distinct = new Set(widths.filter((w) => w !== null));
  return { blocks, layout, widths, widest, perArticleWidths: layout.wrapped === 'exact' && distinct.size >= 2 };
}

function endsSentence(block: Block | undefined): boolean {
  const last = block?.lines[block.lines.length - 1]?.text ?? '';
  return ENDS_SENTENCE.test(last);
}

function blockText(block: Block | undefined): string {
  return block ? block.lines.map((l) => l.text).join('') : '';
}

/** A credit in parentheses alone on a line, readable or not: (山山山). */
function closesWithParenthesis(block: Block | undefined): boolean {
  const last = block?.lines[block.lines.length - 1]?.text ?? '';
  return block?.lines.length === 1 && /^[(（][^()（）]{1,20}[)）]$/.test(last);
}

/** A block that ends the article it sits in: a closing credit or dateline, a layout credit. */
function closingBlock(block: Block | undefined): boolean {
  if (!block) return false;
  if (block.kind === 'byline') return block.byline!.closing;
  const last = block.lines[block.lines.length - 1]?.text ?? '';
  return closesArticle(last) || block.endsWithCredit === true;
}

/** A line longer than any wrapped paragraph of the page is not body text: it was never wrapped. */
function unwrapped(text: string, view: PageView): boolean {
  return view.layout.wrapped !== null && view.widest > 0 && text.length > view.widest + 2;
}

/** Whether a block may hold title lines under the page's layout. */
function titleCandidate(block: Block, view: PageView, options: typeof splitDefaults): boolean {
  if (block.kind === 'heading') return true;
  if (block.kind !== 'text') return false;
  const texts = block.lines.map((l) => l.text);
  if (texts.some((t) => closesArticle(t) || numberedSubhead(t) || startsWithDateline(t))) return false;
  if (view.layout.indented) {
    if (block.indented || texts.length > options.maxIndentedTitleLines) return false;
    // Flush-left lines on an indented page are titles; a deck of whole sentences may sit among them.
    // Flush-left lines on an indented page are titles: a kicker may trail off (……) or exclaim (向上！);
    // only a line that ends with a full stop reads as text set flush by mistake.
    return texts.some((t) => titleLike(t) || /[…！？!?]["”’」』）)]*$/.test(t) || (t.length > 40 && t.length <= 80 && !ENDS_SENTENCE.test(t))) && !/[。；;]["”’」』）)]*$/.test(texts[0]!);
  }
  if (texts.length > options.maxTitleLines) return false;
  if (view.layout.wrapped !== null) {
    if (view.widths[view.blocks.indexOf(block)] !== null) return false;
    // A deck of whole sentences may share the title block; a first line too long for a column is a title too.
    const first = texts[0]!;
    const opens = titleLike(first) || (unwrapped(first, view) && !/[。；;，,、]$/.test(first));
    return opens && texts.every((t) => titleLike(t) || unwrapped(t, view));
  }
  return texts.length <= 2 && texts.every((t) => titleLike(t));
}

/** The wrap width of the nearest wrapped paragraph before `i` (exclusive) and from `j` on. */
function widthBefore(view: PageView, i: number): number | null {
  for (let k = i - 1; k >= 0; k--) if (view.widths[k] !== null) return view.widths[k]!;
  return null;
}
function widthFrom(view: PageView, j: number): number | null {
  for (let k = j; k < view.blocks.length; k++) if (view.widths[k] !== null) return view.widths[k]!;
  return null;
}

function opensWithDateline(block: Block | undefined): boolean {
  return block?.kind === 'text' && startsWithDateline(block.lines[0]!.text);
}

/**
 * Title groups of a page whose titles come before their body: headings, and runs of title-like
 * blocks that something anchors as the start of an article — a byline or dateline after them, the
 * top of the page, a closing credit before them, a change of column width around them (PDF text keeps
 * each article's width), flush-left lines above indented paragraphs. Title-like lines that nothing
 * anchors are 小标题 inside a body.
 */
/**
 * Where a page's articles begin: title groups (a block range) and breaks (an untitled article — a
 * brief — begins at that block), and the page banner if there is one.
 */
interface Cuts {
  groups: { start: number; end: number }[];
  breaks: Set<number>;
  banner: number | null;
}

/** Indented paragraphs that follow each other without blank lines: there a blank line ends an article. */
function tightParagraphs(view: PageView): boolean {
  if (!view.layout.indented) return false;
  let pairs = 0;
  let spaced = 0;
  for (let i = 1; i < view.blocks.length; i++) {
    const [a, b] = [view.blocks[i - 1]!, view.blocks[i]!];
    if (a.kind !== 'text' || b.kind !== 'text' || !a.indented || !b.indented) continue;
    pairs++;
    if (b.gapBefore >= 1) spaced++;
  }
  return pairs >= 3 && spaced < pairs * 0.6;
}

function findTitleGroups(view: PageView, options: typeof splitDefaults): Cuts {
  const { blocks, layout } = view;
  const groups: { start: number; end: number }[] = [];
  const breaks = new Set<number>();
  const tight = tightParagraphs(view);
  let articleHasBody = false;
  let afterCredit = false;
  let banner: number | null = null;
  let seenBody = false;
  let afterClosing = false;
  // Between two wrapped paragraphs, a change of width marks one boundary, not one per title-like line.
  let widthBoundaryTaken = false;
  // Every article has a body: title-like lines right after a title group are a deck or a box label.
  let bodySinceGroup = true;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (view.widths[i] !== null) widthBoundaryTaken = false;
    if (block.kind === 'heading') {
      let j = i;
      while (blocks[j + 1]?.kind === 'heading') j++;
      groups.push({ start: i, end: j });
      i = j;
      afterClosing = afterCredit = articleHasBody = false;
      continue;
    }
    if (block.kind === 'byline') {
      afterClosing = true;
      // After finished text it is a closing credit; after a subhead it opens the part below.
      afterCredit = articleHasBody && endsSentence(blocks[i - 1]);
      continue;
    }
    // An untitled brief: text right after a closing credit, a paragraph that opens with a dateline
    // (本报讯…; see datelineOpensBrief), or text after a blank line where paragraphs are otherwise set
    // without one.
    const bodyText = block.kind === 'text' && !titleCandidate(block, view, options);
    const paragraph = bodyText && !isCaption(blockText(block)) && (ENDS_SENTENCE.test(block.lines[block.lines.length - 1]!.text) || block.endsWithCredit === true);
    if (
      articleHasBody &&
      ((paragraph && ((afterCredit && (layout.wrapped !== 'exact' || widthBefore(view, i) !== view.widths[i])) || (tight && block.indented && block.gapBefore >= 1))) ||
        (bodyText && opensWithDateline(block) && datelineOpensBrief(view, i)))
    ) {
      breaks.add(i);
      articleHasBody = false;
    }
    if (!seenBody && groups.length === 0 && banner === null && isBanner(view, i, options)) {
      banner = i;
      continue;
    }
    // A notice's signature (the organisation above its date) is not a title.
    const signature = DATE_LINE.test(blocks[i + 1]?.lines[0]?.text ?? '') && !NOTICE_TITLE.test(block.lines[0]!.text);
    if (bodySinceGroup && !signature && titleCandidate(block, view, options)) {
      const j = extendRun(view, i, options);
      let k = j + 1;
      while (blocks[k]?.kind === 'byline' && !blocks[k]!.byline!.closing) k++;
      const next = blocks[j + 1];
      const body = blocks[k];
      const bylineNext = next?.kind === 'byline' && !next.byline!.closing;
      const textNext = next?.kind === 'text' || next?.kind === 'table' || next?.kind === 'caption';
      const notice = block.lines.length === 1 && NOTICE_TITLE.test(block.lines[0]!.text);
      let anchored = bylineNext || opensWithDateline(next) || (!seenBody && textNext) || (afterClosing && textNext) || (notice && textNext);
      if (layout.indented) {
        anchored ||= body !== undefined && (body.indented || body.kind === 'table' || body.kind === 'caption');
      } else if (layout.wrapped !== null) {
        const before = widthBefore(view, i);
        const after = widthFrom(view, j + 1);
        const changes = before !== null && after !== null && widthsDiffer(before, after, layout);
        if (changes && !widthBoundaryTaken && textNext) anchored = !laterTitleInGap(view, j + 1, options);
        // Text re-wrapped one width per article: the same width on both sides says one article unless
        // something stronger says a new one starts — a closing credit before, a dateline or a byline
        // after (one article in thirteen shares its neighbour's width by chance; a feature's sub-stories
        // with bylines of their own are cut apart too, which costs less than merging real articles).
        else if (view.perArticleWidths && before !== null && after !== null && !changes) anchored = (afterClosing && textNext) || opensWithDateline(next) || bylineNext;
        // Where widths say nothing (an article of short paragraphs), fall back to the shape of the text.
        if (!anchored && (before === null || after === null) && textNext) anchored = looksLikeNewTitle(view, i, j, options);
      } else if (textNext) {
        anchored ||= looksLikeNewTitle(view, i, j, options);
      }
      if (anchored) {
        groups.push({ start: i, end: j });
        if (layout.wrapped !== null) widthBoundaryTaken = true;
        i = j;
        afterClosing = false;
        afterCredit = false;
        bodySinceGroup = false;
        articleHasBody = false;
        continue;
      }
    }
    if (block.kind === 'text' || block.kind === 'table') seenBody = bodySinceGroup = articleHasBody = true;
    // A paragraph that ends with a credit, "……贡献力量。 (于文)", closes its article.
    afterClosing = closingBlock(block) || (block.kind === 'caption' && CLOSING_DATELINE.test(block.lines[0]!.text));
    // A reporter's credit after the text (……。（记者 X）, 记者 X) ends an article; a picture credit does not.
    afterCredit = block.endsWithCredit === true;
  }
  return { groups, breaks, banner };
}

/**
 * Whether a paragraph opening with a dateline, past the start of an article, starts an untitled
 * brief. A roundup prints several datelined items as one article; a briefs column prints them as
 * briefs. Re-wrapped text tells them apart by the column width (a brief has its own); e-paper text
 * cannot (its blank lines decide, see tightParagraphs); other text takes the dateline at its word.
 */
function datelineOpensBrief(view: PageView, i: number): boolean {
  if (view.layout.indented) return false;
  if (view.perArticleWidths) {
    const width = view.widths[i] ?? widthFrom(view, i);
    const before = widthBefore(view, i);
    return width !== null && before !== null && width !== before;
  }
  return true;
}

/** A box label (核心阅读, 编者的话) that sits between a title and its body: never the title itself. */
function boxLabel(block: Block): boolean {
  return block.lines.length === 1 && block.lines[0]!.text.replace(/\s/g, '').length <= 4;
}

/**
 * Whether another title candidate follows in the same gap between wrapped paragraphs: the last one
 * before the body is the title, what comes before it closes the previous article (a slogan, a
 * signature line).
 */
function laterTitleInGap(view: PageView, from: number, options: typeof splitDefaults): boolean {
  for (let k = from; k < view.blocks.length && view.widths[k] === null; k++) {
    const block = view.blocks[k]!;
    if (block.kind === 'byline' || opensWithDateline(block)) return false;
    // A salutation (……全体业主：) opens a letter or notice under its title; it is not a title itself.
    const salutation = /[:：]$/.test(blockText(block)) && view.blocks[k + 1]?.kind === 'text' && !titleCandidate(view.blocks[k + 1]!, view, options);
    if (block.kind === 'text' && !boxLabel(block) && !salutation && titleCandidate(block, view, options)) return true;
    // Text follows first: the candidate before it is its title.
    if (block.kind === 'text' && !boxLabel(block) && !closesArticle(blockText(block)) && block.lines.length > 2) return false;
  }
  return false;
}

/**
 * A page banner (城乡风采 共绘发展新图景) heads every article under it: a title-like line at the top of
 * the page, set apart by a blank line from the first headline, which its own text or byline follows.
 * A kicker (区市场监管局：) or a headline with its subtitle (——…) is not one.
 */
function isBanner(view: PageView, i: number, options: typeof splitDefaults): boolean {
  const { blocks, layout } = view;
  const block = blocks[i]!;
  if (block.kind !== 'text' || block.lines.length !== 1 || !titleCandidate(block, view, options)) return false;
  if (/[:：]$/.test(block.lines[0]!.text)) return false;
  const next = blocks[i + 1];
  if (!next || next.kind !== 'text' || next.gapBefore < 1 || boxLabel(next) || !titleCandidate(next, view, options)) return false;
  if (/^[—－-]{1,2}/.test(next.lines[0]!.text)) return false;
  const j = extendRun(view, i + 1, options);
  const after = blocks[j + 1];
  if (!after) return false;
  if (layout.wrapped === 'exact') return view.widths[j + 1] !== null || opensWithDateline(after) || after.kind === 'byline';
  return after.kind === 'byline' || after.kind === 'table' || (after.kind === 'text' && (!layout.indented || after.indented));
}

/** Title blocks that belong together: consecutive title-like blocks, a subtitle (——…) after a title. */
function extendRun(view: PageView, i: number, options: typeof splitDefaults): number {
  const { blocks, layout } = view;
  let j = i;
  let count = blocks[i]!.lines.length;
  if (layout.indented) return j;
  while (blocks[j + 1] && blocks[j + 1]!.kind === 'text' && titleCandidate(blocks[j + 1]!, view, options) && count + blocks[j + 1]!.lines.length <= options.maxTitleLines) {
    // Re-wrapped text keeps a title's lines in one block; a separate block is only a subtitle.
    if (layout.wrapped === 'exact' && !/^[—－-]{1,2}/.test(blocks[j + 1]!.lines[0]!.text)) break;
    j++;
    count += blocks[j]!.lines.length;
  }
  return j;
}

/**
 * Text-shape evidence for a title where layout gives none: a change of column width right around it,
 * or a headline-shaped line (two phrases set apart by a space) or one set off by a wide gap, after a
 * finished paragraph.
 */
function looksLikeNewTitle(view: PageView, i: number, j: number, options: typeof splitDefaults): boolean {
  const { blocks, layout } = view;
  const block = blocks[i]!;
  const next = blocks[j + 1];
  if (!next || next.kind !== 'text') return false;
  const a = medianWidth(blocks[i - 1]);
  const b = medianWidth(next);
  if (a !== null && b !== null && widthsDiffer(a, b, layout.wrapped ? layout : { ...layout, wrapped: 'rough' })) return true;
  if (j !== i) return false;
  const text = block.lines[0]!.text;
  const settled = endsSentence(blocks[i - 1]) || closesWithParenthesis(blocks[i - 1]);
  const wide = (block.gapBefore ?? 0) >= options.wideGap || (next.gapBefore ?? 0) >= options.wideGap;
  return settled && (headlineShaped(text) || (wide && !/[，,；;。、]/.test(text)));
}

function newArticle(kind: RawArticle['kind'] = 'article'): RawArticle {
  return { kind, titles: [], titleLines: [], section: null, bylines: [], source: null, body: [], tables: [] };
}

/**
 * Names of a byline block go to the article's bylines. A credit printed after text has begun (本报记者
 * X摄, 版式设计：Y, 记者 Z) also stays in the body where it was printed; one above the text does not.
 */
function addByline(article: RawArticle, block: Block) {
  const info = block.byline!;
  for (const b of info.bylines) if (!article.bylines.some((x) => x.name === b.name)) article.bylines.push(b);
  if (info.source) article.source = info.source;
  if (article.body.some((l) => l.text)) addBody(article, block);
}

const lastTableBlock = new WeakMap<RawArticle, PageLine>();

function addBody(article: RawArticle, block: Block) {
  const previousLine = article.body[article.body.length - 1];
  if (article.body.length > 0) article.body.push({ n: block.lines[0]!.n, text: '', heading: false, indent: 0, width: 0, displayWidth: 0 });
  if (block.kind === 'table') {
    // Consecutive cell groups are one table flattened into columns: one group a row.
    const continues = previousLine !== undefined && lastTableBlock.get(article) === previousLine;
    if (continues) article.tables[article.tables.length - 1]!.push(block.lines.map((l) => l.text));
    else article.tables.push([block.lines.map((l) => l.text)]);
    lastTableBlock.set(article, block.lines[block.lines.length - 1]!);
  }
  article.body.push(...block.lines);
}

function setTitles(article: RawArticle, blocks: Block[]) {
  const lines = blocks.flatMap((b) => b.lines);
  article.titles = lines.map((l) => l.text);
  article.titleLines = lines.map((l) => l.n);
}

function isEmpty(article: RawArticle): boolean {
  return article.body.every((l) => !l.text) && article.titles.length === 0;
}


/** A title-like block under the old, layout-free reading (pages whose titles come after the body). */
function isTitleBlock(block: Block): boolean {
  return (block.kind === 'text' && block.lines.length <= 2 && block.lines.every((l) => titleLike(l.text))) || block.kind === 'heading';
}

/**
 * Whether a page prints each headline after its text (PDF reading order of a laid-out page). In the
 * middle of a page both orders look alike (text, a title, text); the page's edges tell them apart:
 * it ends with a title after finished text, and begins with text (a short banner above it aside).
 */
function titlesAfterText(content: Block[]): boolean {
  const last = content[content.length - 1];
  const beforeLast = content[content.length - 2];
  if (!last || !beforeLast || !isTitleBlock(last) || closesArticle(blockText(last))) return false;
  if (!(endsSentence(beforeLast) || isTitleBlock(beforeLast) || closingBlock(beforeLast))) return false;
  if (!isTitleBlock(content[0]!)) return true;
  // A short label above text may be a banner over titles-after text, or the first of ordinary
  // headlines: only a real headline at the page's end (not 广告) says which.
  const label = content.length > 2 && content[0]!.lines.length === 1 && content[0]!.lines[0]!.text.length <= 8 && !isTitleBlock(content[1]!);
  return label && blockText(last).length >= 5;
}

/**
 * Cut a page into articles. The page's layout is read first (indented e-paper text, hard-wrapped PDF
 * text, or neither), then its reading order: pages whose headlines come after their body (PDF text of
 * a laid-out page: a byline opens an article, its titles close it) and pages whose headlines come
 * first (typeset, e-paper or markdown-ish text).
 */
export function splitArticles(lines: PageLine[], segmenter: Segmenter, options = splitDefaults): SplitResult {
  const layout = pageLayout(lines);
  const blocks = toBlocks(lines, layout, segmenter);
  const hasHeadings = blocks.some((b) => b.kind === 'heading');
  const content = blocks.filter((b) => b.kind !== 'byline' && !(b.kind === 'text' && b.lines.length === 1 && NOTICE_TITLE.test(b.lines[0]!.text)));
  const order: SplitResult['order'] = !hasHeadings && !layout.indented && titlesAfterText(content) ? 'after' : 'before';
  const articles = order === 'after' ? splitTitlesAfter(viewOf(blocks, layout)) : splitTitlesBefore(viewOf(blocks, layout), options);
  // Titles with no text under them (an advertisement's label, a headline cut off at the page's end)
  // and bylines with no article are reported, not indexed.
  const hasText = (a: RawArticle) => {
    const lines = a.body.filter((l) => l.text);
    // A lone label (广告) with nothing else is not an article either.
    return lines.length > 0 && (a.titles.length > 0 || lines.length > 1 || !titleLike(lines[0]!.text) || lines[0]!.text.length > 12);
  };
  const kept = articles.filter((a) => hasText(a));
  for (const a of kept) {
    if (a.kind === 'article' && a.titles.length === 0 && a.bylines.length === 0) a.kind = 'brief';
  }
  const leftovers = articles
    .filter((a) => !hasText(a) && (a.titles.length > 0 || a.body.some((l) => l.text) || a.bylines.length > 0 || a.source))
    .map((a) =>
      a.titles.length > 0 || a.body.some((l) => l.text)
        ? { line: a.titleLines[0] ?? a.body.find((l) => l.text)?.n ?? 0, text: [...a.titles, ...a.body.filter((l) => l.text).map((l) => l.text)].join(' '), why: 'title without text under it' }
        : { line: 0, text: a.bylines.map((b) => b.name).join(' ') || (a.source ?? ''), why: 'byline without an article' },
    );
  return { articles: kept, leftovers, order, layout };
}

/**
 * Whether the title-like block at `i` closes the article above it on a page whose titles follow their
 * text: after a reporter's closing credit, or after finished text where the column width changes
 * across it (the next article is set in another width) or no widths are known.
 */
function closingTitles(view: PageView, i: number, opening: boolean): boolean {
  const { blocks } = view;
  const previous = blocks[i - 1];
  if (!previous || !isTitleBlock(blocks[i]!) || blocks[i]!.kind === 'heading') return false;
  if (previous.kind === 'byline') return previous.byline!.closing || !opening;
  if (previous.endsWithCredit) return true;
  if (!(endsSentence(previous) || previous.kind === 'table')) return false;
  let j = i;
  while (blocks[j + 1] && isTitleBlock(blocks[j + 1]!)) j++;
  const next = blocks[j + 1];
  // The next article opens right after the titles: with its byline, its dateline, or its own width.
  if (!next || next.kind === 'byline' || opensWithDateline(next)) return true;
  const before = widthBefore(view, i);
  const after = widthFrom(view, j + 1);
  if (view.layout.wrapped === 'exact' && before !== null && after !== null) return widthsDiffer(before, after, view.layout);
  return !opening;
}

function splitTitlesAfter(view: PageView): RawArticle[] {
  const { blocks } = view;
  // Pages where a byline opens each article (■记者 X above the text) say where articles start.
  const opening = blocks.some((b, i) => b.kind === 'byline' && !b.byline!.closing && i + 1 < blocks.length && blocks[i + 1]!.kind === 'text' && !isTitleBlock(blocks[i + 1]!));
  // Segments: a byline that is not a closing credit opens an article; so does a notice heading, and
  // so does whatever follows the titles that close an article.
  const segments: Block[][] = [[]];
  let inNotice = false;
  let noticeSigned = false;
  let inClosingTitles = false;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const text = block.lines[0]!.text;
    if (inClosingTitles && !isTitleBlock(block)) {
      inClosingTitles = false;
      if (!(block.kind === 'byline' && !block.byline!.closing) && block.kind !== 'caption') segments.push([]);
    } else if (!inClosingTitles && closingTitles(view, i, opening)) inClosingTitles = true;
    const opens = (block.kind === 'byline' && !block.byline!.closing) || (block.kind === 'text' && block.lines.length === 1 && NOTICE_TITLE.test(text));
    const afterNotice = inNotice && noticeSigned && block.kind === 'text' && !DATE_LINE.test(text) && !isCellBlock(block);
    if ((opens || afterNotice) && segments[segments.length - 1]!.length > 0) segments.push([]);
    if (opens || afterNotice) {
      inNotice = NOTICE_TITLE.test(text) && block.kind === 'text';
      noticeSigned = false;
    }
    if (inNotice && (block.lines.some((l) => DATE_LINE.test(l.text)) || block.kind === 'table')) noticeSigned = true;
    segments[segments.length - 1]!.push(block);
  }
  return segments.map((segment) => {
    const article = newArticle();
    let start = 0;
    while (segment[start]?.kind === 'byline') addByline(article, segment[start++]!);
    const first = segment[start];
    if (first && first.kind === 'text' && first.lines.length === 1 && NOTICE_TITLE.test(first.lines[0]!.text)) {
      article.kind = 'notice';
      setTitles(article, [first]);
      for (const b of segment.slice(start + 1)) b.kind === 'byline' ? addByline(article, b) : addBody(article, b);
      return article;
    }
    // The titles are the last run of title-like blocks, followed by nothing or by captions and notes.
    let titleEnd = -1;
    for (let i = segment.length - 1; i >= start; i--) {
      const after = segment[i + 1];
      if (isTitleBlock(segment[i]!) && (!after || after.kind === 'caption')) {
        titleEnd = i;
        break;
      }
    }
    let titleStart = titleEnd;
    if (titleEnd >= 0) {
      let count = segment[titleEnd]!.lines.length;
      while (titleStart - 1 > start && isTitleBlock(segment[titleStart - 1]!) && count + segment[titleStart - 1]!.lines.length <= 3 && (endsSentence(segment[titleStart - 2]) || segment[titleStart - 2]?.kind === 'table')) {
        titleStart--;
        count += segment[titleStart]!.lines.length;
      }
      setTitles(article, segment.slice(titleStart, titleEnd + 1));
    }
    segment.forEach((b, i) => {
      if (i < start || (titleEnd >= 0 && i >= titleStart && i <= titleEnd)) return;
      if (b.kind === 'byline') addByline(article, b);
      else addBody(article, b);
    });
    return article;
  });
}

function splitTitlesBefore(view: PageView, options: typeof splitDefaults): RawArticle[] {
  const { blocks } = view;
  const { groups, breaks, banner } = findTitleGroups(view, options);
  const articles: RawArticle[] = [];
  let current = newArticle();
  let groupIndex = 0;
  for (let i = 0; i < blocks.length; i++) {
    const group = groups[groupIndex];
    if (group && group.start === i) {
      if (!isEmpty(current) || current.bylines.length > 0) articles.push(current);
      current = newArticle();
      setTitles(current, blocks.slice(group.start, group.end + 1));
      if (current.titles.length === 1 && NOTICE_TITLE.test(current.titles[0]!)) current.kind = 'notice';
      i = group.end;
      groupIndex++;
      continue;
    }
    const block = blocks[i]!;
    if (i === banner) continue;
    if (breaks.has(i)) {
      if (!isEmpty(current) || current.bylines.length > 0) articles.push(current);
      current = newArticle();
    }
    if (block.kind === 'byline') {
      addByline(current, block);
      continue;
    }
    addBody(current, block);
  }
  if (!isEmpty(current)) articles.push(current);
  // A column label over untitled briefs (简讯) heads them all; it is not the first brief's title.
  if (banner === null && groups[0]?.start === 0 && groups[0].end === 0 && breaks.size > 0 && articles.length > 1) {
    const [first, second] = articles;
    if (first!.titles.length === 1 && first!.titles[0]!.length <= 6 && second!.titles.length === 0) {
      const label = first!.titles[0]!;
      first!.titles = [];
      first!.titleLines = [];
      for (const a of articles) a.section = label;
      return articles;
    }
  }
  if (banner !== null) {
    const section = blocks[banner]!.lines[0]!.text;
    for (const a of articles) a.section = section;
  } else applyBanner(articles);
  return articles;
}

/**
 * A page banner (杭州 增民生福祉 书发展答卷) sits above the first headline and heads every article
 * below it: when the first article has one title line more than all the others, that line is the
 * section, not a kicker.
 */
function applyBanner(articles: RawArticle[]) {
  const titled = articles.filter((a) => a.titles.length > 0);
  if (titled.length < 3) return;
  const [first, ...rest] = titled;
  if (!first || first.titles.length < 2) return;
  if (!rest.every((a) => a.titles.length === first.titles.length - 1)) return;
  // What stays below a banner must still read as a headline, not a box label (核心阅读).
  if ((first.titles[1] ?? '').length < 6) return;
  // A banner is set apart from the headline under it; a kicker sits right above its headline.
  if (first.titleLines[1]! - first.titleLines[0]! < 2) return;
  const banner = first.titles[0]!;
  first.titles = first.titles.slice(1);
  first.titleLines = first.titleLines.slice(1);
  for (const a of articles) a.section = banner;
}
