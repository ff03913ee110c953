/**
 * Pages whose titles follow their text (the reading order of a laid-out PDF page): telling them from
 * ordinary pages, and cutting them — an opening byline starts an article, the titles after its text
 * close it.
 */
import { isCaption } from './captions.ts';
import { DATE_LINE, NOTICE_TITLE } from './line-shapes.ts';
import { isCellBlock, widthsDiffer, type Block } from './page-blocks.ts';
import { closesArticle } from './line-shapes.ts';
import {
  blockText,
  closingBlock,
  endsSentence,
  isTitleBlock,
  opensWithDateline,
  widthBefore,
  widthFrom,
  type PageView,
} from './page-view.ts';
import { addBody, addByline, newArticle, setTitles, type RawArticle } from './raw-article.ts';

/**
 * Whether a page prints each headline after its text (PDF reading order of a laid-out page). In the
 * middle of a page both orders look alike (text, a title, text); the page's edges tell them apart:
 * it ends with a title after finished text, and begins with text (a short banner above it aside).
 */
export function titlesAfterText(content: Block[]): boolean {
  const last = content[content.length - 1];
  const beforeLast = content[content.length - 2];
  if (!last || !beforeLast || !isTitleBlock(last) || closesArticle(blockText(last))) return false;
  // A notice's heading under the notice's date is a title printed after its text, however short.
  const noticeLast =
    NOTICE_TITLE.test(blockText(last)) && beforeLast.lines.some((l) => DATE_LINE.test(l.text));
  // A headline is never wholly in parentheses: that is a credit or a source, (综合…报道).
  if ((blockText(last).length < 4 && !noticeLast) || /^[(（].*[)）]$/.test(blockText(last)))
    return false;
  // What the last title follows must be finished: a sentence, a credit or source in parentheses
  // (（据新华社）, directions), a closing line (a service line wrapped over two lines counts whole), a
  // signature or date, or other titles.
  const finished =
    endsSentence(beforeLast) ||
    isTitleBlock(beforeLast) ||
    closingBlock(beforeLast) ||
    closesArticle(blockText(beforeLast)) ||
    /[)）]$/.test(beforeLast.lines[beforeLast.lines.length - 1]!.text);
  if (!finished) return false;
  if (!isTitleBlock(content[0]!)) return true;
  // A short label above text may be a banner over titles-after text, or the first of ordinary
  // headlines: only a real headline at the page's end (not 广告) says which. A longer label (a
  // slogan banner, 共富路上 桐庐奋进) needs a full headline at the end, alone after finished text —
  // not a run of picture labels (题名（中国画）).
  const label = content[0]!.lines.length === 1 ? content[0]!.lines[0]!.text.length : 99;
  if (content.length <= 2 || label > 16) return false;
  if (isTitleBlock(content[1]!) && !/[:：]$/.test(blockText(content[1]))) return false;
  const lastHeadline = blockText(last).replace(/[(（][^()（）]*[)）]$/, '');
  if (label <= 8) return noticeLast || lastHeadline.length >= 5 || blockText(last).length >= 5;
  return lastHeadline.length >= 8 && !isTitleBlock(beforeLast);
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
  if (previous.kind === 'byline') return closingByline(blocks, i - 1) || !opening;
  // A picture's caption under its credit (记者 X 摄 / 图为…): the credit closed the article.
  let k = i - 1;
  const captionAt = (b: Block) =>
    b.kind === 'caption' || (b.kind === 'text' && isCaption(blockText(b)));
  while (k > 0 && captionAt(blocks[k]!)) k--;
  if (k < i - 1 && blocks[k]!.kind === 'byline' && closingByline(blocks, k)) return true;
  if (previous.endsWithCredit || closingBlock(previous)) return true;
  if (!(endsSentence(previous) || previous.kind === 'table')) return false;
  let j = i;
  while (blocks[j + 1] && isTitleBlock(blocks[j + 1]!)) j++;
  const next = blocks[j + 1];
  // Lines above a date are a notice's or letter's signature, not titles.
  if (next?.lines.some((l) => DATE_LINE.test(l.text))) return false;
  // The next article opens right after the titles: with its byline, its dateline, or its own width.
  if (!next || next.kind === 'byline' || opensWithDateline(next)) return true;
  const before = widthBefore(view, i);
  const after = widthFrom(view, j + 1);
  if (view.layout.wrapped === 'exact' && before !== null && after !== null)
    return widthsDiffer(before, after, view.layout);
  return !opening;
}

/** Whether a block may stand right above a title block: it ends what came before. */
function finishedBefore(block: Block | undefined): boolean {
  if (!block) return true;
  if (block.kind === 'byline' || block.kind === 'caption' || block.kind === 'table') return true;
  const last = block.lines[block.lines.length - 1]!.text;
  return endsSentence(block) || closingBlock(block) || /[)）]$/.test(last);
}

/**
 * Whether the byline at `i` closes the article above it rather than opening the next. Titles follow
 * their text here, so a byline after finished text that meets titles before any new text (captions
 * aside) ends the article above: an opening byline is followed by text. So does a picture credit
 * (X 摄) after text.
 */
function closingByline(blocks: Block[], i: number): boolean {
  const block = blocks[i]!;
  if (block.kind !== 'byline') return false;
  if (block.byline!.closing) return true;
  const previous = blocks[i - 1];
  if (previous?.kind !== 'text' || isTitleBlock(previous)) return false;
  if (/摄$/.test(blockText(block))) return true;
  let j = i + 1;
  while (blocks[j]?.kind === 'caption') j++;
  const next = blocks[j];
  return next !== undefined && isTitleBlock(next) && next.kind !== 'heading';
}

export function splitTitlesAfter(view: PageView): RawArticle[] {
  const { blocks } = view;
  // Pages where a byline opens each article (■记者 X above the text) say where articles start.
  const opening = blocks.some(
    (b, i) =>
      b.kind === 'byline' &&
      !closingByline(blocks, i) &&
      i + 1 < blocks.length &&
      blocks[i + 1]!.kind === 'text' &&
      !isTitleBlock(blocks[i + 1]!),
  );
  // Segments: a byline that is not a closing credit opens an article; so does a notice heading, and
  // so does whatever follows the titles that close an article.
  const segments: Block[][] = [[]];
  let inNotice = false;
  let noticeSigned = false;
  let inClosingTitles = false;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const text = block.lines[0]!.text;
    // A notice's heading right under its date (……2023年2月20日 / 公告) closes it, as titles do here.
    const noticeTitle =
      block.kind === 'text' && block.lines.length === 1 && NOTICE_TITLE.test(text);
    const afterDate = blocks[i - 1]?.lines.some((l) => DATE_LINE.test(l.text)) === true;
    // A salutation (……全体业主：) opens the next notice or letter: it ends the titles before it.
    const salutation = /[:：]$/.test(blockText(block));
    if (inClosingTitles && (!isTitleBlock(block) || salutation)) {
      inClosingTitles = false;
      if (!(block.kind === 'byline' && !closingByline(blocks, i)) && block.kind !== 'caption')
        segments.push([]);
    } else if (!inClosingTitles && (closingTitles(view, i, opening) || (noticeTitle && afterDate)))
      inClosingTitles = true;
    const opens =
      (block.kind === 'byline' && !closingByline(blocks, i)) || (noticeTitle && !afterDate);
    const afterNotice =
      inNotice &&
      noticeSigned &&
      !(noticeTitle && afterDate) &&
      block.kind === 'text' &&
      !DATE_LINE.test(text) &&
      !isCellBlock(block);
    if ((opens || afterNotice) && segments[segments.length - 1]!.length > 0) segments.push([]);
    if (opens || afterNotice) {
      inNotice = NOTICE_TITLE.test(text) && block.kind === 'text';
      noticeSigned = false;
    }
    if (inNotice && (block.lines.some((l) => DATE_LINE.test(l.text)) || block.kind === 'table'))
      noticeSigned = true;
    segments[segments.length - 1]!.push(block);
  }
  return segments.map((segment) => {
    const article = newArticle();
    let start = 0;
    while (segment[start]?.kind === 'byline') addByline(article, segment[start++]!);
    const first = segment[start];
    if (
      first &&
      first.kind === 'text' &&
      first.lines.length === 1 &&
      NOTICE_TITLE.test(first.lines[0]!.text)
    ) {
      article.kind = 'notice';
      setTitles(article, [first]);
      for (const b of segment.slice(start + 1))
        b.kind === 'byline' ? addByline(article, b) : addBody(article, b);
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
      // Kicker, headline and subtitle may stand in blocks of their own: take up to three title lines
      // back, then give back any whose block above is unfinished text (the tail of a paragraph).
      let count = segment[titleEnd]!.lines.length;
      while (
        titleStart - 1 > start &&
        isTitleBlock(segment[titleStart - 1]!) &&
        !closingBlock(segment[titleStart - 1]) &&
        count + segment[titleStart - 1]!.lines.length <= 3
      ) {
        titleStart--;
        count += segment[titleStart]!.lines.length;
      }
      while (titleStart < titleEnd && !finishedBefore(segment[titleStart - 1])) titleStart++;
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
