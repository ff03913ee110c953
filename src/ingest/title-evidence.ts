/**
 * Evidence that a title-like line between paragraphs of one column width starts an article rather than
 * heading a part of one (a 小标题): lines the column cannot have made, a headline's shapes, a run of
 * sub-stories, a second article's own credit. Pure judgements over one page's view.
 */
import { headlineShaped } from './line-shapes.ts';
import type { PageLine } from './page-lines.ts';
import {
  blockText,
  closingBlock,
  endsSentence,
  titleCandidate,
  widthBefore,
  widthFrom,
  type PageView,
} from './page-view.ts';
import type { splitDefaults } from './split-articles.ts';

/**
 * Title lines that the column's wrapping cannot have made: a line longer than the column, or a first
 * line short of it with more lines below (a wrapped 小标题 fills its first line). Titles are set line by
 * line, a kicker above a headline; measured on the corpus's PDF-style pages, 59 of 61 such blocks
 * between paragraphs of one width are titles, and 1,131 of 1,140 two-line blocks filling their first line are
 * 小标题.
 */
function outOfColumn(view: PageView, i: number, j: number, column: number): boolean {
  const ems = view.layout.measure === 'ems';
  const slack = ems ? 1 : 0;
  const measure = (line: PageLine) => (ems ? Math.ceil(line.displayWidth) : line.width);
  if (closingBlock(view.blocks[i])) return false;
  const lines = view.blocks.slice(i, j + 1).flatMap((b) => b.lines);
  return (
    lines.some((l) => measure(l) > column + slack) ||
    (lines.length >= 2 && measure(lines[0]!) < column - slack)
  );
}

/**
 * Whether the text from `from` on ends with a reporter's credit (a closing byline naming someone, not
 * a picture credit) before any other title-like line.
 */
export function endsWithOwnCredit(
  view: PageView,
  from: number,
  options: typeof splitDefaults,
): boolean {
  const { blocks } = view;
  for (let k = from; k < blocks.length; k++) {
    const block = blocks[k]!;
    if (block.kind === 'byline') {
      const info = block.byline!;
      return (
        info.bylines.length > 0 &&
        !info.bylines.some((b) => b.role === '摄影') &&
        (info.closing || endsSentence(blocks[k - 1]))
      );
    }
    if (block.kind === 'heading' || titleCandidate(block, view, options)) return false;
  }
  return false;
}

/**
 * Whether another title over a byline stands in the same stretch of one column width as the one at
 * i..j, with text of that width on both its sides: the 小标题 of a feature's sub-stories. (Titles have
 * no width: a stretch runs across the previous article's title and the next one's, which count only if
 * they sit between text of this width too.)
 */
export function subStoryRun(
  view: PageView,
  i: number,
  j: number,
  width: number,
  options: typeof splitDefaults,
): boolean {
  const { blocks, widths } = view;
  const titleOverByline = (k: number) =>
    blocks[k]!.kind === 'text' &&
    blocks[k + 1]?.kind === 'byline' &&
    !blocks[k + 1]!.byline!.closing &&
    widthBefore(view, k) === width &&
    widthFrom(view, k + 1) === width &&
    titleCandidate(blocks[k]!, view, options);
  const sameStretch = (k: number) => widths[k] === null || widths[k] === width;
  for (let k = i - 1; k >= 0 && sameStretch(k); k--) if (titleOverByline(k)) return true;
  for (let k = j + 1; k < blocks.length && sameStretch(k); k++) if (titleOverByline(k)) return true;
  return false;
}

/** Title lines the column's wrapping cannot have made, or a headline's two phrases after finished text. */
export function titleShaped(view: PageView, i: number, j: number, column: number): boolean {
  return (
    (view.layout.wrapped === 'exact' && outOfColumn(view, i, j, column)) ||
    headlineAfterText(view, i, j)
  );
}

/** A headline led by where it happened (双浦镇：茶园里来了“数字农技员”) right after finished text. */
export function placeHeadline(view: PageView, i: number, j: number): boolean {
  const text = blockText(view.blocks[j]);
  // The place's own word says it is one (……县, ……街道, 江苏苏州): a word before a colon (新方向：) is a
  // 小标题's, and so is a kind of place rather than a place (城市：…  农村：…).
  const m = /^([\u4e00-\u9fff]{1,8}(省|市|区|县|州|旗|镇|乡|街道|村|社区))[：:](.{4,})$/.exec(text);
  return m !== null && !GENERIC_PLACE.test(m[1]!) && endsSentence(view.blocks[i - 1]);
}

// Kinds of place, not places: what a 小标题 contrasting them starts with (城市：… 农村：…).
const GENERIC_PLACE =
  /^(城市|农村|乡村|社区|小区|景区|园区|街区|城区|市区|郊区|山区|库区|新区|老区|片区|校区|辖区|全区|全市|全县|全省|本市|本区|本县|各区|各县|各市|县区|县市|城乡|乡镇)$/;

/**
 * A headline of two phrases set apart by a space (老街换新颜 居民笑开颜) right after finished text:
 * 小标题 are one clause, or two joined by a comma (37 titles to 8 小标题 on the corpus's pages).
 */
function headlineAfterText(view: PageView, i: number, j: number): boolean {
  const last = view.blocks[j]!.lines[view.blocks[j]!.lines.length - 1]!.text;
  return endsSentence(view.blocks[i - 1]) && headlineShaped(last);
}
