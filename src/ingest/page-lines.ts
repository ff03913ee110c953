import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** One printed line of a page, with its 1-based line number in the file. */
export interface PageLine {
  n: number;
  /** The line as printed, without surrounding whitespace or a markdown heading mark. */
  text: string;
  /** True when markdown marked it as a heading (#…######, any level: all mean "a title"). */
  heading: boolean;
}

const parser = unified().use(remarkParse);

/**
 * Lines of a page. Markdown-ish pages are parsed with remark so that only real ATX headings count as
 * titles (a "#" inside a sentence does not); their level is ignored, because these pages use # … ####
 * for emphasis, not hierarchy.
 */
export function pageLines(text: string): PageLine[] {
  const raw = text.replace(/\r\n?/g, '\n').split('\n');
  const headingLines = new Set<number>();
  if (/^ {0,3}#{1,6}[ \t]/m.test(text)) {
    const tree = parser.parse(text.replace(/\r\n?/g, '\n'));
    for (const node of tree.children) {
      if (node.type === 'heading' && node.position) headingLines.add(node.position.start.line);
    }
  }
  return raw.map((line, i) => {
    const heading = headingLines.has(i + 1);
    const cleaned = (heading ? line.replace(/^\s*#{1,6}\s*/, '').replace(/\s+#+\s*$/, '') : line).trim();
    return { n: i + 1, text: cleaned, heading };
  });
}
