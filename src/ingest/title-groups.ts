/**
 * Where articles begin on a page whose titles come before their text: title groups anchored by what
 * surrounds them, untitled briefs, and the page banner.
 */
import {
  CLOSING_DATELINE,
  closesArticle,
  DATE_LINE,
  headlineShaped,
  NOTICE_TITLE,
} from './line-shapes.ts';
import { type Block, medianWidth, widthsDiffer } from './page-blocks.ts';
import {
  blockText,
  boxLabel,
  closesWithParenthesis,
  closingBlock,
  endsSentence,
  opensWithDateline,
  titleCandidate,
  widthBefore,
  widthFrom,
  type PageView,
} from './page-view.ts';
import { ENDS_SENTENCE } from './reflow.ts';
import { isCaption } from './captions.ts';
import { endsWithOwnCredit, placeHeadline, subStoryRun, titleShaped } from './title-evidence.ts';
import type { splitDefaults } from './split-articles.ts';

/**
 * Where a page's articles begin: title groups (a block range) and breaks (an untitled article — a
 * brief — begins at that block), and the page banner if there is one.
 */
export interface Cuts {
  groups: { start: number; end: number }[];
  breaks: Set<number>;
  banner: number | null;
}

/** Indented paragraphs that follow each other without blank lines: there a blank line ends an article. */
function tightParagraphs(view: PageView): boolean {
  if (!view.layout.indented && !view.layout.lineParagraphs) return false;
  // A paragraph: indented on an indented page, a long line where a line is a paragraph.
  const paragraph = (b: Block) =>
    b.kind === 'text' && (view.layout.indented ? b.indented : b.lines[0]!.text.length >= 20);
  let pairs = 0;
  let spaced = 0;
  for (let i = 1; i < view.blocks.length; i++) {
    const [a, b] = [view.blocks[i - 1]!, view.blocks[i]!];
    if (!paragraph(a) || !paragraph(b)) continue;
    pairs++;
    if (b.gapBefore >= 1) spaced++;
  }
  // One paragraph a line: a line that runs on from the one above is a paragraph without a blank line
  // already, so fewer pairs tell.
  return pairs >= (view.layout.lineParagraphs ? 1 : 3) && spaced < pairs * 0.6;
}

/**
 * Title groups of a page whose titles come before their body: headings, and runs of title-like
 * blocks that something anchors as the start of an article — a byline or dateline after them, the
 * top of the page, a closing credit before them, a change of column width around them (PDF text keeps
 * each article's width), flush-left lines above indented paragraphs. Title-like lines that nothing
 * anchors are 小标题 inside a body.
 */
export function findTitleGroups(view: PageView, options: typeof splitDefaults): Cuts {
  const { blocks, layout } = view;
  const groups: { start: number; end: number }[] = [];
  const breaks = new Set<number>();
  const tight = tightParagraphs(view);
  let articleHasBody = false;
  let afterCredit = false;
  let banner: number | null = null;
  let seenBody = false;
  let afterClosing = false;
  // Whether the article being read has a byline right under its titles.
  let openedWithByline = false;
  // Whether the text since the last title is a run of untitled briefs: under a column label, or after
  // a brief was cut off. E-paper text then starts a brief at each datelined paragraph.
  let briefsRun = true;
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
      // Markdown marks the headline; a kicker ending in a colon above it (记者手记：) and a subtitle
      // opening with a dash below it (——记…) are often left as plain lines, yet are titles.
      const plainTitle = (b: Block | undefined, shape: RegExp) =>
        b?.kind === 'text' && b.lines.length === 1 && shape.test(b.lines[0]!.text);
      let start = i;
      const lastGroupEnd = groups[groups.length - 1]?.end ?? -1;
      if (start - 1 > lastGroupEnd && plainTitle(blocks[start - 1], /^.{2,20}[:：]$/)) start--;
      while (plainTitle(blocks[j + 1], /^(——|──|—)[^—].{1,40}$/)) j++;
      groups.push({ start, end: j });
      openedWithByline = blocks[j + 1]?.kind === 'byline' && !blocks[j + 1]!.byline!.closing;
      briefsRun = false;
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
    const paragraph =
      bodyText &&
      !isCaption(blockText(block)) &&
      (ENDS_SENTENCE.test(block.lines[block.lines.length - 1]!.text) ||
        block.endsWithCredit === true);
    if (
      articleHasBody &&
      ((paragraph &&
        ((afterCredit && (layout.wrapped !== 'exact' || widthBefore(view, i) !== view.widths[i])) ||
          (tight && block.indented && block.gapBefore >= 1))) ||
        (bodyText && opensWithDateline(block) && datelineOpensBrief(view, i, briefsRun)))
    ) {
      breaks.add(i);
      briefsRun = true;
      articleHasBody = false;
    }
    if (!seenBody && groups.length === 0 && banner === null && isBanner(view, i, options)) {
      banner = i;
      continue;
    }
    // A notice's signature (the organisation above its date) is not a title.
    const signature =
      DATE_LINE.test(blocks[i + 1]?.lines[0]?.text ?? '') &&
      !NOTICE_TITLE.test(block.lines[0]!.text);
    if (bodySinceGroup && !signature && titleCandidate(block, view, options)) {
      const j = extendRun(view, i, options);
      let k = j + 1;
      while (blocks[k]?.kind === 'byline' && !blocks[k]!.byline!.closing) k++;
      const next = blocks[j + 1];
      const body = blocks[k];
      const bylineNext = next?.kind === 'byline' && !next.byline!.closing;
      const textNext = next?.kind === 'text' || next?.kind === 'table' || next?.kind === 'caption';
      const notice = block.lines.length === 1 && NOTICE_TITLE.test(block.lines[0]!.text);
      // At the top of the page, a one-line label over a byline over a title over text is the page's
      // banner (县区传真 / 记者 X / headline / text): the byline stands above its article's titles.
      if (!seenBody && groups.length === 0 && banner === null && bylineNext && j === i) {
        const titleBelow = body !== undefined && titleCandidate(body, view, options);
        const textBelow = blocks[k + 1]?.kind === 'text';
        if (block.lines.length === 1 && titleBelow && textBelow) {
          banner = i;
          continue;
        }
      }
      let anchored =
        bylineNext ||
        opensWithDateline(next) ||
        (!seenBody && textNext) ||
        (afterClosing && textNext) ||
        (notice && textNext);
      if (layout.indented) {
        anchored ||=
          body !== undefined && (body.indented || body.kind === 'table' || body.kind === 'caption');
      } else if (layout.wrapped !== null) {
        const before = widthBefore(view, i);
        const after = widthFrom(view, j + 1);
        const changes = before !== null && after !== null && widthsDiffer(before, after, layout);
        if (changes && !widthBoundaryTaken && textNext)
          anchored = columnLabelled(block) || !laterTitleInGap(view, j + 1, options);
        // Text re-wrapped one width per article: the same width on both sides says one article unless
        // something stronger says a new one starts — a closing credit before, a dateline after, title
        // lines the column cannot have made. A byline after says so only when it is the one such in
        // the stretch of that width: several 小标题 each over a byline at one width are the sub-stories
        // of a feature (on the corpus's pages 259 of 286 titles over a byline at their neighbours' width
        // have such a peer, and none is an article of its own), while two articles that share a width by
        // chance (one in thirteen) have one.
        else if (view.perArticleWidths && before !== null && after !== null && !changes)
          anchored =
            (afterClosing && textNext) ||
            opensWithDateline(next) ||
            ((columnLabelled(block) || photoReportLabel(block)) && textNext) ||
            ((textNext || bylineNext) && titleShaped(view, i, j, before)) ||
            (bylineNext && !subStoryRun(view, i, j, before, options));
        // One column width for the whole page (a PDF's columns): widths tell nothing, so the shape of a
        // headline does — title lines the column cannot have made, two phrases set apart, a headline led
        // by its place (双浦镇：…) — as well as what anchors titles anywhere.
        else if (before !== null && after !== null && !changes)
          anchored ||=
            (textNext || bylineNext) &&
            (titleShaped(view, i, j, before) ||
              placeHeadline(view, i, j) ||
              photoReportLabel(block));
        // Where widths say nothing (an article of short paragraphs), fall back to the shape of the text.
        if (!anchored && (before === null || after === null) && textNext)
          anchored = looksLikeNewTitle(view, i, j, options);
      } else if (textNext) {
        anchored ||= looksLikeNewTitle(view, i, j, options);
        // One paragraph a line, run together: a blank line before a title sets an article apart.
        if (layout.lineParagraphs && tight && block.gapBefore >= 1) anchored = true;
      }
      // An article signed at its head is not signed again at its end: when the article above opened
      // with a byline, a title-like line whose text ends with a reporter's credit of its own is the
      // title of a second article (a 小标题 is followed by more of the same article, not a credit).
      if (
        !anchored &&
        !layout.indented &&
        !view.perArticleWidths &&
        openedWithByline &&
        endsWithOwnCredit(view, j + 1, options)
      )
        anchored = true;
      if (anchored) {
        groups.push({ start: i, end: j });
        openedWithByline = bylineNext;
        // Under a column's label (简讯, 区内简讯) the text is a run of untitled briefs.
        briefsRun = j === i && block.lines.length === 1 && blockText(block).length <= 6;
        if (layout.wrapped !== null) widthBoundaryTaken = true;
        i = j;
        afterClosing = false;
        afterCredit = false;
        bodySinceGroup = false;
        articleHasBody = false;
        continue;
      }
    }
    if (block.kind === 'text' || block.kind === 'table')
      seenBody = bodySinceGroup = articleHasBody = true;
    // A paragraph that ends with a credit, "……贡献力量。 (于文)", closes its article.
    // So does a picture's caption (图为…) under the credit that closed it: the picture ends the article.
    afterClosing =
      closingBlock(block) ||
      (block.kind === 'caption' && CLOSING_DATELINE.test(block.lines[0]!.text)) ||
      (afterClosing && isCaption(blockText(block)));
    // A credit in parentheses ending the text (……。（记者 X）) ends its article.
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
function datelineOpensBrief(view: PageView, i: number, briefsRun: boolean): boolean {
  if (view.layout.indented) return briefsRun;
  if (view.perArticleWidths) {
    const width = view.widths[i] ?? widthFrom(view, i);
    const before = widthBefore(view, i);
    return width !== null && before !== null && width !== before;
  }
  return true;
}

/**
 * The label a photo report is printed under (图片报道, 图片新闻): the report is an article of its own,
 * its picture's caption its text, never a 小标题 inside another.
 */
function photoReportLabel(block: Block): boolean {
  return /^(图片报道|图片新闻|新闻图片|图说新闻|摄影报道|图说)$/.test(
    blockText(block).replace(/\s/g, ''),
  );
}

// Labels of boxes set beside an article, part of it: a reporter's note, tips, background, a link.
const SIDEBAR_LABEL =
  /^(记者手记|采访手记|手记|小贴士|贴士|链接|相关链接|知识链接|背景链接|背景|延伸阅读|短评|编后|点评|小知识|记者观察)$/;

/**
 * A headline that ends with its column's label in parentheses (……（民生观）, ……（提案提要）) is the
 * headline of what follows, whatever title-like lines come after it in the gap (a deck, a poem's title).
 */
function columnLabelled(block: Block): boolean {
  const text = blockText(block);
  const label = /^[^（(。！？!?]{2,}[（(]([^（）()，。,.；;：:]{2,16})[)）]$/.exec(text)?.[1];
  // A source or credit in parentheses (朱某作（新华社发）, …（供图）) is not a column's label, and a
  // sidebar's label (记者手记, 小贴士, 链接) heads a box that belongs to the article beside it.
  return (
    label !== undefined &&
    !/(发|供图|供稿|摄|摄影|电|整理)$/.test(label) &&
    !SIDEBAR_LABEL.test(label) &&
    !closesArticle(text)
  );
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
    const salutation =
      /[:：]$/.test(blockText(block)) &&
      view.blocks[k + 1]?.kind === 'text' &&
      !titleCandidate(view.blocks[k + 1]!, view, options);
    if (
      block.kind === 'text' &&
      !boxLabel(block) &&
      !salutation &&
      titleCandidate(block, view, options)
    )
      return true;
    // Text follows first: the candidate before it is its title.
    if (
      block.kind === 'text' &&
      !boxLabel(block) &&
      !closesArticle(blockText(block)) &&
      block.lines.length > 2
    )
      return false;
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
  if (block.kind !== 'text' || block.lines.length !== 1 || !titleCandidate(block, view, options))
    return false;
  if (/[:：]$/.test(block.lines[0]!.text)) return false;
  const next = blocks[i + 1];
  if (
    next?.kind !== 'text' ||
    next.gapBefore < 1 ||
    boxLabel(next) ||
    !titleCandidate(next, view, options)
  )
    return false;
  if (/^[—－-]{1,2}/.test(next.lines[0]!.text)) return false;
  const j = extendRun(view, i + 1, options);
  const after = blocks[j + 1];
  if (!after) return false;
  if (layout.wrapped === 'exact')
    return view.widths[j + 1] !== null || opensWithDateline(after) || after.kind === 'byline';
  return (
    after.kind === 'byline' ||
    after.kind === 'table' ||
    (after.kind === 'text' && (!layout.indented || after.indented))
  );
}

/** Title blocks that belong together: consecutive title-like blocks, a subtitle (——…) after a title. */
function extendRun(view: PageView, i: number, options: typeof splitDefaults): number {
  const { blocks, layout } = view;
  let j = i;
  let count = blocks[i]!.lines.length;
  if (layout.indented) return j;
  while (
    blocks[j + 1] &&
    blocks[j + 1]!.kind === 'text' &&
    titleCandidate(blocks[j + 1]!, view, options) &&
    count + blocks[j + 1]!.lines.length <= options.maxTitleLines
  ) {
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
function looksLikeNewTitle(
  view: PageView,
  i: number,
  j: number,
  options: typeof splitDefaults,
): boolean {
  const { blocks, layout } = view;
  const block = blocks[i]!;
  const next = blocks[j + 1];
  if (next?.kind !== 'text') return false;
  const a = medianWidth(blocks[i - 1]);
  const b = medianWidth(next);
  if (
    a !== null &&
    b !== null &&
    widthsDiffer(a, b, layout.wrapped ? layout : { ...layout, wrapped: 'rough' })
  )
    return true;
  if (j !== i) return false;
  const text = block.lines[0]!.text;
  const settled = endsSentence(blocks[i - 1]) || closesWithParenthesis(blocks[i - 1]);
  const wide =
    (block.gapBefore ?? 0) >= options.wideGap || (next.gapBefore ?? 0) >= options.wideGap;
  return settled && (headlineShaped(text) || (wide && !/[，,；;。、]/.test(text)));
}
