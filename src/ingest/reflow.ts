import { ENDS_SENTENCE, startsWithDateline } from './line-shapes.ts';
import type { PageLine } from './page-lines.ts';

export { ENDS_SENTENCE } from './line-shapes.ts';

export interface Paragraph {
  /** Line number of the paragraph's first line. */
  line: number;
  text: string;
  /** A 小标题: a short stand-alone line between finished paragraphs, not a sentence of its own. */
  subhead?: boolean;
}

/**
 * Join hard-wrapped lines into paragraphs. A line that does not end a sentence continues on the next
 * text line, even across blank lines and page breaks (`《开` / `发区`); a line that ends a sentence
 * ends the paragraph when a blank line follows it or it is visibly shorter than the column.
 */
export function reflow(lines: PageLine[]): Paragraph[] {
  const textLines = lines.filter((l) => l.text.length > 0);
  if (textLines.length === 0) return [];
  const width = columnWidth(textLines.map((l) => l.text.length));
  // Text cut to a character count: most lines have exactly the column's width.
  const regular =
    textLines.length >= 3 &&
    textLines.filter((l) => l.width === width).length >= textLines.length * 0.6;
  const paragraphs: Paragraph[] = [];
  let current: Paragraph | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.text) continue;
    const prev = lines[i - 1];
    const after = lines.slice(i + 1).find((l) => l.text);
    if (
      !current &&
      !prev?.text &&
      (!lines[i + 1] || !lines[i + 1]!.text) &&
      isSubhead(line.text, width) &&
      !(after && after.text.length < 6 && ENDS_SENTENCE.test(after.text))
    ) {
      paragraphs.push({ line: line.n, text: line.text, subhead: true });
      continue;
    }
    // An indented line starts a paragraph whatever the line before it ended with (e-paper text); so
    // does a dateline after a blank line (a deck above a news story seldom ends with a full stop).
    if (current && (line.indent >= 1 || (!prev?.text && startsWithDateline(line.text)))) {
      paragraphs.push(current);
      current = null;
    }
    if (!current) current = { line: line.n, text: line.text };
    else
      current.text +=
        joiner(
          current.text,
          line.text,
          regular && prev?.text !== undefined && prev.width >= width,
        ) + line.text;
    const next = lines[i + 1];
    const blankFollows = !next || next.text.length === 0;
    if (ENDS_SENTENCE.test(line.text) && (blankFollows || line.text.length < width - 2)) {
      paragraphs.push(current);
      current = null;
    }
  }
  if (current) paragraphs.push(current);
  return paragraphs;
}

function isSubhead(text: string, width: number): boolean {
  return (
    text.length >= 4 &&
    text.length <= 30 &&
    text.length < width - 1 &&
    !ENDS_SENTENCE.test(text) &&
    !/[，,、：:（(]$/.test(text) &&
    !/\d$/.test(text) &&
    !startsWithDateline(text)
  );
}

/** The usual line length of a column: the 75th percentile, so short closing lines do not pull it down. */
function columnWidth(lengths: number[]): number {
  const sorted = [...lengths].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length * 0.75)] ?? 0;
}

/**
 * What goes between two joined lines. Chinese text and numbers join directly (126 / 0个 is 1260个);
 * Latin words get their space back, unless the line above filled the column, where text cut by a
 * character count breaks inside a word (Chin / a).
 */
function joiner(before: string, after: string, fullLine: boolean): string {
  return /[A-Za-z]$/.test(before) && /^[A-Za-z]/.test(after) && !fullLine ? ' ' : '';
}
