import type { Byline } from '../model/article.ts';
import { parseBylineLine, parseDateline, parseTrailingCredit, type BylineInfo } from './find-bylines.ts';
import type { PageLine } from './page-lines.ts';
import { ENDS_SENTENCE } from './reflow.ts';

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
}

type BlockKind = 'heading' | 'byline' | 'table' | 'text' | 'caption';

interface Block {
  kind: BlockKind;
  lines: PageLine[];
  byline?: BylineInfo;
  /** Blank lines printed before the block: a wider gap than usual often separates articles. */
  gapBefore?: number;
}

const NOTICE_TITLE = /^(公告|通告|公示|启事|声明|通知|告示|讣告|招聘启事|寻人启事|遗失声明|征集公告|拆迁公告|[\u4e00-\u9fff]{0,8}(公告|通告|公示))$/;
// Captions and notes that belong to a table or picture, not to the titles next to them.
const CAPTION = /^[（(]?(注|说明|备注|统计时间|数据来源|资料来源|来源|制表|制图|图为|摄影|作者单位|作者系|作者为)[:：]|(统计表|一览表|情况表|明细表|示意图|考核表)$|^[（(](本报|新华社)[\u4e00-\u9fff\d]{0,16}电[)）]$/;
// A dateline printed at the end, （本报华盛顿5月6日电）, closes its article like a credit.
const CLOSING_DATELINE = /^[（(](本报|新华社)[\u4e00-\u9fff\d]{0,16}电[)）]$/;
const DATE_LINE = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/;

/** A line that could be a title: short, not a finished sentence, not a number or a list item. */
export function titleLike(text: string): boolean {
  if (text.length < 2 || text.length > 40) return false;
  if (ENDS_SENTENCE.test(text) || /[，,、（(]$/.test(text)) return false;
  if (/^[\d\s.%/\-–~:：]+$/.test(text)) return false;
  if (CAPTION.test(text)) return false;
  return true;
}

function cellLike(text: string): boolean {
  return text.length <= 16 && !ENDS_SENTENCE.test(text) && !/[，,：:]/.test(text);
}

function numeric(text: string): boolean {
  return /\d/.test(text) && text.replace(/[\d.%\s/\-–~元件个家人次分名年月日kgKG万亿]/g, '').length <= 4;
}

function toBlocks(lines: PageLine[]): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  let blanks = 0;
  const start = (block: Block, gap: number, continues: boolean) => {
    block.gapBefore = gap;
    blocks.push(block);
    current = continues ? block : null;
  };
  for (const line of lines) {
    if (!line.text) {
      current = null;
      blanks++;
      continue;
    }
    const gap = blanks;
    blanks = 0;
    const byline = line.heading || line.text.length > 40 ? null : parseBylineLine(line.text);
    if (line.heading) start({ kind: 'heading', lines: [line] }, gap, false);
    else if (byline) start({ kind: 'byline', lines: [line], byline }, gap, false);
    else if (NOTICE_TITLE.test(line.text)) start({ kind: 'text', lines: [line] }, gap, false);
    else if (CAPTION.test(line.text)) start({ kind: 'caption', lines: [line] }, gap, true);
    else if (current && (current as Block).kind === 'text') (current as Block).lines.push(line);
    else start({ kind: 'text', lines: [line] }, gap, true);
  }
  markTables(blocks);
  return blocks;
}

/** Runs of short cells, many of them numbers, are a table flattened into columns. */
function markTables(blocks: Block[]) {
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
    if (cells.length >= 5 && numbers >= cells.length * 0.3) for (let k = i; k < j; k++) blocks[k]!.kind = 'table';
    i = j;
  }
}

function isCellBlock(block: Block): boolean {
  return block.kind === 'text' && block.lines.every((l) => cellLike(l.text));
}

function isTitleBlock(block: Block): boolean {
  return (block.kind === 'text' && block.lines.length <= 2 && block.lines.every((l) => titleLike(l.text))) || block.kind === 'heading';
}

function endsSentence(block: Block | undefined): boolean {
  const last = block?.lines[block.lines.length - 1]?.text ?? '';
  return ENDS_SENTENCE.test(last);
}

/**
 * The common shape of a Chinese headline: two phrases set apart by a space (充电提能 服务三个"一号工程"),
 * with no comma or full stop. A 小标题 inside an article is usually one clause or two joined by a comma.
 */
export function headlineShaped(text: string): boolean {
  return text.length >= 6 && text.length <= 40 && /[\u4e00-\u9fff”"’》」)）][ \u3000]+[“"‘《「(（\u4e00-\u9fff]/.test(text) && !/[，,；;。：:！？]/.test(text);
}

/** Two or more blank lines before a title or after it, where paragraphs are one blank line apart. */
function wideGap(title: Block, next: Block): boolean {
  return (title.gapBefore ?? 0) >= 2 || (next.gapBefore ?? 0) >= 2;
}

/** A credit in parentheses alone on a line, readable or not: (山山山). */
function closesWithParenthesis(block: Block | undefined): boolean {
  const last = block?.lines[block.lines.length - 1]?.text ?? '';
  return block?.lines.length === 1 && /^[(（][^()（）]{1,20}[)）]$/.test(last);
}

/** The usual length of a block's lines (their median), or null for blocks too short to tell. */
function lineWidth(block: Block | undefined): number | null {
  if (!block || block.kind !== 'text' || block.lines.length < 2) return null;
  const lengths = block.lines.slice(0, -1).map((l) => l.text.length).sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length / 2)]!;
}

/**
 * PDF text keeps each article's column width: when the text after a title-like line is set in a
 * clearly different width from the text before it, a new article begins there.
 */
function columnChanges(before: Block | undefined, after: Block | undefined): boolean {
  const a = lineWidth(before);
  const b = lineWidth(after);
  return a !== null && b !== null && Math.abs(a - b) >= Math.max(3, Math.min(a, b) * 0.2);
}

function newArticle(kind: RawArticle['kind'] = 'article'): RawArticle {
  return { kind, titles: [], titleLines: [], section: null, bylines: [], source: null, body: [], tables: [] };
}

function addByline(article: RawArticle, info: BylineInfo) {
  for (const b of info.bylines) if (!article.bylines.some((x) => x.name === b.name)) article.bylines.push(b);
  if (info.source) article.source = info.source;
}

const lastTableBlock = new WeakMap<RawArticle, PageLine>();

function addBody(article: RawArticle, block: Block) {
  const previousLine = article.body[article.body.length - 1];
  if (article.body.length > 0) article.body.push({ n: block.lines[0]!.n, text: '', heading: false });
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

/**
 * Cut a page into articles. Two layouts are told apart first: pages whose headlines come after
 * their body (PDF text of a laid-out page: a byline opens an article, its titles close it) and pages
 * whose headlines come first (typeset or markdown-ish text).
 */
export function splitArticles(lines: PageLine[]): SplitResult {
  const blocks = toBlocks(lines);
  const hasHeadings = blocks.some((b) => b.kind === 'heading');
  const content = blocks.filter((b) => b.kind !== 'byline' && !(b.kind === 'text' && b.lines.length === 1 && NOTICE_TITLE.test(b.lines[0]!.text)));
  const last = content[content.length - 1];
  const beforeLast = content[content.length - 2];
  const order: SplitResult['order'] =
    !hasHeadings && last && beforeLast && isTitleBlock(last) && !isTitleBlock(content[0]!) && (endsSentence(beforeLast) || isTitleBlock(beforeLast)) ? 'after' : 'before';
  const articles = order === 'after' ? splitTitlesAfter(blocks) : splitTitlesBefore(blocks);
  const kept = articles.filter((a) => !isEmpty(a));
  for (const a of kept) {
    if (a.kind === 'article' && a.titles.length === 0 && a.bylines.length === 0) a.kind = 'brief';
  }
  const leftovers = articles
    .filter((a) => isEmpty(a) && (a.bylines.length > 0 || a.source))
    .map((a) => ({ line: 0, text: a.bylines.map((b) => b.name).join(' ') || (a.source ?? ''), why: 'byline without an article' }));
  return { articles: kept, leftovers, order };
}

function splitTitlesAfter(blocks: Block[]): RawArticle[] {
  // Segments: a byline that is not a closing credit opens an article; so does a notice heading.
  const segments: Block[][] = [[]];
  let inNotice = false;
  let noticeSigned = false;
  for (const block of blocks) {
    const text = block.lines[0]!.text;
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
    while (segment[start]?.kind === 'byline') addByline(article, segment[start++]!.byline!);
    const first = segment[start];
    if (first && first.kind === 'text' && first.lines.length === 1 && NOTICE_TITLE.test(first.lines[0]!.text)) {
      article.kind = 'notice';
      setTitles(article, [first]);
      for (const b of segment.slice(start + 1)) b.kind === 'byline' ? addByline(article, b.byline!) : addBody(article, b);
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
      if (b.kind === 'byline') addByline(article, b.byline!);
      else addBody(article, b);
    });
    return article;
  });
}

function splitTitlesBefore(blocks: Block[]): RawArticle[] {
  // Find the title groups first: headings, and runs of title-like lines that a byline, a dateline or
  // the top of the page anchors; unanchored title-like lines inside a body are 小标题 (subheads).
  const groups: { start: number; end: number }[] = [];
  let seenBody = false;
  let afterClosing = false;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.kind === 'heading') {
      let j = i;
      while (blocks[j + 1]?.kind === 'heading') j++;
      groups.push({ start: i, end: j });
      i = j;
      afterClosing = false;
      continue;
    }
    if (block.kind === 'byline') {
      afterClosing = true;
      continue;
    }
    if (isTitleBlock(block)) {
      let j = i;
      let count = block.lines.length;
      while (blocks[j + 1] && blocks[j + 1]!.kind === 'text' && isTitleBlock(blocks[j + 1]!) && count + blocks[j + 1]!.lines.length <= 3) {
        j++;
        count += blocks[j]!.lines.length;
      }
      const next = blocks[j + 1];
      const anchored =
        (next?.kind === 'byline' && !next.byline!.closing) ||
        (next?.kind === 'text' && parseDateline(next.lines.map((l) => l.text).join('')) !== null) ||
        (!seenBody && next?.kind === 'text') ||
        (afterClosing && next?.kind === 'text') ||
        columnChanges(blocks[i - 1], next) ||
        (next?.kind === 'text' && j === i && (endsSentence(blocks[i - 1]) || closesWithParenthesis(blocks[i - 1])) && (headlineShaped(block.lines[0]!.text) || (wideGap(block, next) && !/[，,；;。、]/.test(block.lines[0]!.text))));
      if (anchored) {
        groups.push({ start: i, end: j });
        i = j;
        afterClosing = false;
        continue;
      }
    }
    if (block.kind === 'text' || block.kind === 'table') seenBody = true;
    // A paragraph that ends with a credit, "……贡献力量。 (于文)", closes its article.
    afterClosing =
      (block.kind === 'text' && parseTrailingCredit(block.lines.map((l) => l.text).join('')) !== null) ||
      (block.kind === 'caption' && CLOSING_DATELINE.test(block.lines[0]!.text));
  }

  const articles: RawArticle[] = [];
  let current = newArticle();
  let groupIndex = 0;
  for (let i = 0; i < blocks.length; i++) {
    const group = groups[groupIndex];
    if (group && group.start === i) {
      if (!isEmpty(current) || current.bylines.length > 0) articles.push(current);
      current = newArticle();
      setTitles(current, blocks.slice(group.start, group.end + 1));
      i = group.end;
      groupIndex++;
      continue;
    }
    const block = blocks[i]!;
    if (block.kind === 'byline') {
      addByline(current, block.byline!);
      continue;
    }
    addBody(current, block);
  }
  if (!isEmpty(current)) articles.push(current);
  applyBanner(articles);
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
  const banner = first.titles[0]!;
  first.titles = first.titles.slice(1);
  first.titleLines = first.titleLines.slice(1);
  for (const a of articles) a.section = banner;
}
