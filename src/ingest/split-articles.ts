/**
 * Cut a page into articles: read the page's layout and reading order, find where articles begin,
 * and assemble them. The judgements live in page-blocks (layout, blocks), page-view (single blocks),
 * title-groups (titles before text) and titles-after (titles after text).
 */
import type { Segmenter } from '../text/segmenter.ts';
import { isCaption } from './captions.ts';
import { closesArticle, DATE_LINE, NOTICE_TITLE, titleLike } from './line-shapes.ts';
import { pageLayout, toBlocks, type PageLayout } from './page-blocks.ts';
import type { PageLine } from './page-lines.ts';
import { blockText, endsSentence, isTitleBlock, viewOf, type PageView } from './page-view.ts';
import {
  addBody,
  addByline,
  addContributors,
  isEmpty,
  newArticle,
  setTitles,
  type RawArticle,
} from './raw-article.ts';
import { findTitleGroups } from './title-groups.ts';
import { splitTitlesAfter, titlesAfterText } from './titles-after.ts';

export { headlineShaped, titleLike } from './line-shapes.ts';
export type { RawArticle } from './raw-article.ts';

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

function splitTitlesBefore(view: PageView, options: typeof splitDefaults): RawArticle[] {
  const { blocks } = view;
  const { groups, breaks, banner } = findTitleGroups(view, options);
  const articles: RawArticle[] = [];
  let current = newArticle();
  const pending: typeof blocks = [];
  let groupIndex = 0;
  for (let i = 0; i < blocks.length; i++) {
    const group = groups[groupIndex];
    if (group && group.start === i) {
      // Bylines with no text yet (■记者 X above the titles under a banner) are the next article's; a
      // bare name there is more likely the banner itself.
      const carried = isEmpty(current) ? current.bylines.filter((b) => b.role !== '作者') : [];
      if (!isEmpty(current)) articles.push(current);
      current = newArticle();
      current.bylines.push(...carried);
      for (const b of pending.splice(0)) addByline(current, b);
      setTitles(current, blocks.slice(group.start, group.end + 1));
      if (current.titles.length === 1 && NOTICE_TITLE.test(current.titles[0]!))
        current.kind = 'notice';
      // A line ending in a colon after the headline is a letter's salutation (亲爱的祖国母亲：), the
      // first line of the text: a kicker ending in a colon stands above its headline, not below.
      const lines = blocks.slice(group.start, group.end + 1).flatMap((b) => b.lines);
      if (lines.length > 1 && /[:：]$/.test(lines[lines.length - 1]!.text)) {
        current.titles.pop();
        current.titleLines.pop();
        current.body.push(lines[lines.length - 1]!);
      }
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
      // A byline printed above the next article's titles, after finished text, is that article's when
      // it is shaped like an opening one: marked (■), or crediting several people with their roles
      // (记者 X 通讯员 Y). A closing credit names one, or sits in parentheses.
      const info = block.byline!;
      const aboveTitles =
        groups[groupIndex]?.start === i + 1 &&
        !info.closing &&
        (info.marked || info.bylines.length >= 2) &&
        !info.bylines.some((b) => b.role === '摄影') &&
        !/(摄|摄影|报道|整理|采写|供稿)$/.test(block.lines[0]!.text) &&
        current.body.some((l) => l.text) &&
        endsSentence(blocks[i - 1]);
      // After text has begun, a byline between a 小标题 and more text heads a part of the article, a
      // sub-story of a feature: its names are credited for that part, not the whole. (On the corpus's
      // pages such parts are one article in the publisher's records; counted as the article's bylines,
      // their names were a third of the byline errors.)
      const midText =
        current.body.some((l) => l.text) &&
        !info.bylines.some((b) => b.role === '摄影') &&
        blocks[i - 1] !== undefined &&
        blocks[i + 1]?.kind === 'text' &&
        groups[groupIndex]?.start !== i + 1 &&
        !breaks.has(i + 1);
      const opensPart = midText && !info.closing && isTitleBlock(blocks[i - 1]!);
      // So does a note of who wrote a part down (本报记者 X整理) between two stretches of its text.
      const closesPart = midText && /整理$/.test(blockText(block)) && endsSentence(blocks[i - 1]);
      if (aboveTitles) pending.push(block);
      else if (opensPart || closesPart) addContributors(current, block);
      else addByline(current, block);
      continue;
    }
    addBody(current, block);
  }
  if (!isEmpty(current)) articles.push(current);
  // A column label over untitled briefs (简讯) heads them all; it is not the first brief's title.
  if (
    banner === null &&
    groups[0]?.start === 0 &&
    groups[0].end === 0 &&
    breaks.size > 0 &&
    articles.length > 1
  ) {
    const [first, second] = articles;
    if (
      first!.titles.length === 1 &&
      first!.titles[0]!.length <= 6 &&
      second!.titles.length === 0
    ) {
      const label = first!.titles[0]!;
      first!.titles = [];
      first!.titleLines = [];
      for (const a of articles) a.section = label;
      return articles;
    }
  }
  // A lone label above the first titles (一线直击 over markdown headings) is the page's banner
  // already: the first article's titles are all its own.
  const first = groups[0]?.start ?? 0;
  const labelAbove =
    first === 1 &&
    blocks[0]!.kind === 'text' &&
    blocks[0]!.lines.length === 1 &&
    blocks[0]!.lines[0]!.text.length <= 12 &&
    blocks[first]!.kind === 'heading';
  if (banner !== null) {
    const section = blocks[banner]!.lines[0]!.text;
    for (const a of articles) a.section = section;
  } else if (!labelAbove) applyBanner(articles);
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

/** A line that closes an article or sits under its picture: a credit, caption, note or source. */
function tailLine(text: string): boolean {
  return closesArticle(text) || isCaption(text);
}

/**
 * What was cut off after an article's text with only its tail in it — a picture's caption and credit,
 * the page's layout credit, a note on the author, with a subtitle or label above them — is the end of
 * the article before it, not an article: it goes back there, as printed.
 */
function mergeTails(articles: RawArticle[]): RawArticle[] {
  const out: RawArticle[] = [];
  for (const article of articles) {
    const previous = out[out.length - 1];
    const lines = article.body.filter((l) => l.text);
    const tail =
      previous !== undefined &&
      article.kind !== 'notice' &&
      article.titles.length <= 2 &&
      lines.length > 0 &&
      lines.every((l) => tailLine(l.text));
    if (!tail) {
      out.push(article);
      continue;
    }
    const titleLines = article.titles.map((text, k) => ({
      n: article.titleLines[k]!,
      text,
      heading: false,
      indent: 0,
      width: text.length,
      displayWidth: text.length,
    }));
    const blank = (n: number) => ({
      n,
      text: '',
      heading: false,
      indent: 0,
      width: 0,
      displayWidth: 0,
    });
    for (const line of [...titleLines, ...article.body.filter((l) => l.text)]) {
      previous.body.push(blank(line.n), line);
    }
    for (const b of article.bylines)
      if (!previous.bylines.some((x) => x.name === b.name)) previous.bylines.push(b);
  }
  return out;
}

/**
 * Cut a page into articles. The page's layout is read first (indented e-paper text, hard-wrapped PDF
 * text, or neither), then its reading order: pages whose headlines come after their body (PDF text of
 * a laid-out page: a byline opens an article, its titles close it) and pages whose headlines come
 * first (typeset, e-paper or markdown-ish text).
 */
export function splitArticles(
  lines: PageLine[],
  segmenter: Segmenter,
  options = splitDefaults,
): SplitResult {
  const layout = pageLayout(lines);
  const blocks = toBlocks(lines, layout, segmenter);
  const hasHeadings = blocks.some((b) => b.kind === 'heading');
  // Notice headings say nothing of the order (a notice prints its heading first on most pages),
  // unless one stands under its notice's date, as titles after text do.
  const content = blocks.filter(
    (b, i) =>
      b.kind !== 'byline' &&
      !(
        b.kind === 'text' &&
        b.lines.length === 1 &&
        NOTICE_TITLE.test(b.lines[0]!.text) &&
        !blocks[i - 1]?.lines.some((l) => DATE_LINE.test(l.text))
      ),
  );
  const order: SplitResult['order'] =
    !hasHeadings && !layout.indented && titlesAfterText(content) ? 'after' : 'before';
  const articles =
    order === 'after'
      ? splitTitlesAfter(viewOf(blocks, layout))
      : splitTitlesBefore(viewOf(blocks, layout), options);
  // Titles with no text under them (an advertisement's label, a headline cut off at the page's end)
  // and bylines with no article are reported, not indexed.
  const hasText = (a: RawArticle) => {
    const lines = a.body.filter((l) => l.text);
    // A lone label (广告) with nothing else is not an article either.
    return (
      lines.length > 0 &&
      (a.titles.length > 0 ||
        lines.length > 1 ||
        !titleLike(lines[0]!.text) ||
        lines[0]!.text.length > 12)
    );
  };
  const kept = mergeTails(articles.filter((a) => hasText(a)));
  for (const a of kept) {
    if (a.kind === 'article' && a.titles.length === 0 && a.bylines.length === 0) a.kind = 'brief';
  }
  const leftovers = articles
    .filter(
      (a) =>
        !hasText(a) &&
        (a.titles.length > 0 || a.body.some((l) => l.text) || a.bylines.length > 0 || a.source),
    )
    .map((a) =>
      a.titles.length > 0 || a.body.some((l) => l.text)
        ? {
            line: a.titleLines[0] ?? a.body.find((l) => l.text)?.n ?? 0,
            text: [...a.titles, ...a.body.filter((l) => l.text).map((l) => l.text)].join(' '),
            why: 'title without text under it',
          }
        : {
            line: 0,
            text: a.bylines.map((b) => b.name).join(' ') || (a.source ?? ''),
            why: 'byline without an article',
          },
    );
  return { articles: kept, leftovers, order, layout };
}
