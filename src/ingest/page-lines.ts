import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** One printed line of a page, with its 1-based line number in the file. */
export interface PageLine {
  n: number;
  /** The line as printed, without surrounding whitespace or a markdown heading mark. */
  text: string;
  /** True when markdown marked it as a heading (#…######, any level: all mean "a title"). */
  heading: boolean;
  /**
   * Leading white space in full-width characters (U+3000 counts 1, a space or no-break space ½, a
   * tab 2). E-paper text indents every paragraph and sets titles flush left, so this is kept.
   */
  indent: number;
  /**
   * Characters the line takes after its indent, trailing spaces included: hard-wrapped text counts
   * them when it cuts lines to a width (本报北京2月11日电␣␣ is a full line).
   */
  width: number;
  /**
   * The same in ems, as a typesetter measures it: Latin letters, digits and ASCII punctuation take
   * half the width of a Chinese character. Text wrapped to a column in print is even in this measure.
   */
  displayWidth: number;
}

const parser = unified().use(remarkParse);

/** Width in ems: ASCII and half-width forms count ½, everything else (Han, full-width punctuation) 1. */
function emWidth(text: string): number {
  let width = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    width += c < 0x7f || (c >= 0xff61 && c <= 0xffdc) ? 0.5 : 1;
  }
  return width;
}

const INDENT_WIDTH: Record<string, number> = { '\u3000': 1, ' ': 0.5, '\u00a0': 0.5, '\t': 2 };

function indentOf(line: string): number {
  let width = 0;
  for (const ch of line) {
    const w = INDENT_WIDTH[ch];
    if (w === undefined) break;
    width += w;
  }
  return width;
}

/**
 * Lines of a page. Markdown-ish pages are parsed with remark so that only real ATX headings count as
 * titles (a "#" inside a sentence does not); their level is ignored, because these pages use # … ####
 * for emphasis, not hierarchy.
 */
export function pageLines(text: string): PageLine[] {
  const normalised = text.replace(/\r\n?/g, '\n');
  const raw = normalised.split('\n');
  const headingLines = new Set<number>();
  if (/^ {0,3}#{1,6}[ \t]/m.test(normalised)) {
    const tree = parser.parse(normalised);
    for (const node of tree.children) {
      if (node.type === 'heading' && node.position) headingLines.add(node.position.start.line);
    }
  }
  return raw.map((line, i) => {
    const heading = headingLines.has(i + 1);
    const cleaned = (
      heading ? line.replace(/^\s*#{1,6}\s*/, '').replace(/\s+#+\s*$/, '') : line
    ).trim();
    const rest = cleaned ? line.replace(/^[\s\u3000]+/, '') : '';
    return {
      n: i + 1,
      text: cleaned,
      heading,
      indent: cleaned ? indentOf(line) : 0,
      width: rest.length,
      displayWidth: emWidth(rest),
    };
  });
}
