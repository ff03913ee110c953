/**
 * One page's blocks with what every title decision needs about them (column widths, the widest
 * paragraph), and the judgements made of single blocks: a title candidate, a closing credit, a
 * dateline, a box label.
 */
import {
  closesArticle,
  numberedSubhead,
  SIGNED_SENTENCE,
  startsWithDateline,
  titleLike,
} from './line-shapes.ts';
import { blockWidths, type Block, type PageLayout } from './page-blocks.ts';
import { ENDS_SENTENCE } from './reflow.ts';
import type { splitDefaults } from './split-articles.ts';

/** What every title decision on one page needs to know. */
export interface PageView {
  blocks: Block[];
  layout: PageLayout;
  /** Wrap width of each block (null: not a wrapped paragraph). */
  widths: (number | null)[];
  /** The widest wrapped paragraph: a line longer than this cannot be body text. */
  widest: number;
  /** Paragraphs were re-wrapped exactly, at more than one width: each article keeps its own. */
  perArticleWidths: boolean;
}

export function viewOf(blocks: Block[], layout: PageLayout): PageView {
  const widths = blockWidths(blocks, layout);
  const widest = Math.max(0, ...widths.filter((w): w is number => w !== null));
  const counts = new Map<number, number>();
  for (const w of widths) if (w !== null) counts.set(w, (counts.get(w) ?? 0) + 1);
  // Set type measured in ems may come out an em off the column (a line squeezed or stretched by
  // punctuation rules): a width an em from one at least twice as common is that column, not an
  // article of its own.
  const slack = layout.measure === 'ems' ? 1 : 0;
  const distinct = [...counts].filter(
    ([w, n]) => ![...counts].some(([v, m]) => v !== w && Math.abs(v - w) <= slack && m >= 2 * n),
  );
  return {
    blocks,
    layout,
    widths,
    widest,
    perArticleWidths: layout.wrapped === 'exact' && distinct.length >= 2,
  };
}

export function endsSentence(block: Block | undefined): boolean {
  const last = block?.lines[block.lines.length - 1]?.text ?? '';
  return ENDS_SENTENCE.test(last);
}

export function blockText(block: Block | undefined): string {
  return block ? block.lines.map((l) => l.text).join('') : '';
}

/** A credit in parentheses alone on a line, readable or not: (山山山). */
export function closesWithParenthesis(block: Block | undefined): boolean {
  const last = block?.lines[block.lines.length - 1]?.text ?? '';
  return block?.lines.length === 1 && /^[(（][^()（）]{1,20}[)）]$/.test(last);
}

/** A block that ends the article it sits in: a closing credit or dateline, a layout credit. */
export function closingBlock(block: Block | undefined): boolean {
  if (!block) return false;
  if (block.kind === 'byline') return block.byline!.closing;
  const last = block.lines[block.lines.length - 1]?.text ?? '';
  if (closesArticle(last) || block.endsWithCredit === true || SIGNED_SENTENCE.test(last))
    return true;
  // A note on the author wrapped to the column (（作者为…研究员）, up to 60 characters) closes whole.
  // (This runs for every title candidate: the lines are joined only when the first opens such a note.)
  const authorNote = /^[（(](作者|本文作者)/.test(block.lines[0]!.text);
  if (authorNote && closesArticle(blockText(block))) return true;
  if (block.lines.length > 3) return false;
  const whole = blockText(block);
  // A service line wrapped over a line or two (报名网址：https://… cut mid-address) closes all the same,
  // and so does a dateline credit in parentheses wrapped over lines (（新华社北京2月24日电 记 / 者X）).
  return (
    closesArticle(block.lines[0]!.text) ||
    (/^[（(][^()（）]{2,60}[)）]$/.test(whole) && /电/.test(whole))
  );
}

/** A line longer than any wrapped paragraph of the page is not body text: it was never wrapped. */
export function unwrapped(text: string, view: PageView): boolean {
  return view.layout.wrapped !== null && view.widest > 0 && text.length > view.widest + 2;
}

/** Whether a block may hold title lines under the page's layout. */
export function titleCandidate(
  block: Block,
  view: PageView,
  options: typeof splitDefaults,
): boolean {
  if (block.kind === 'heading') return true;
  if (block.kind !== 'text') return false;
  const texts = block.lines.map((l) => l.text);
  if (texts.some((t) => closesArticle(t) || numberedSubhead(t) || startsWithDateline(t)))
    return false;
  if (closingBlock(block)) return false;
  if (view.layout.indented) {
    if (block.indented || texts.length > options.maxIndentedTitleLines) return false;
    // Flush-left lines on an indented page are titles; a deck of whole sentences may sit among them.
    // Flush-left lines on an indented page are titles: a kicker may trail off (……) or exclaim (向上！);
    // only a line that ends with a full stop reads as text set flush by mistake.
    return (
      texts.some(
        (t) =>
          titleLike(t) ||
          /[…！？!?]["”’」』）)]*$/.test(t) ||
          (t.length > 40 && t.length <= 80 && !ENDS_SENTENCE.test(t)),
      ) && !/[。；;]["”’」』）)]*$/.test(texts[0]!)
    );
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
export function widthBefore(view: PageView, i: number): number | null {
  for (let k = i - 1; k >= 0; k--) if (view.widths[k] !== null) return view.widths[k]!;
  return null;
}

export function widthFrom(view: PageView, j: number): number | null {
  for (let k = j; k < view.blocks.length; k++) if (view.widths[k] !== null) return view.widths[k]!;
  return null;
}

export function opensWithDateline(block: Block | undefined): boolean {
  return block?.kind === 'text' && startsWithDateline(block.lines[0]!.text);
}

/** A box label (核心阅读, 编者的话) that sits between a title and its body: never the title itself. */
export function boxLabel(block: Block): boolean {
  return block.lines.length === 1 && block.lines[0]!.text.replace(/\s/g, '').length <= 4;
}

/** A title-like block under the old, layout-free reading (pages whose titles come after the body). */
export function isTitleBlock(block: Block): boolean {
  return (
    (block.kind === 'text' &&
      block.lines.length <= 2 &&
      block.lines.every((l) => titleLike(l.text))) ||
    block.kind === 'heading'
  );
}
