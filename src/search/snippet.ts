/**
 * Highlighting and cropping a hit in the reader's browser, not in Meilisearch.
 *
 * Meilisearch highlights by tokenizing every highlighted field of every hit with jieba again, on the
 * server, for every search: on the search page's request that was ~70% of the server's time (10.5 of
 * 15 ms at 10k articles; with it the server answered 136 requests/s on 2 cores, without it 375), for
 * ten snippets the reader's own machine can cut in well under a millisecond. The hit's stored body
 * (its first ~2,000 characters) is retrieved anyway, so nothing more crosses the network.
 *
 * What is marked: a quoted phrase only whole; a word whole, or — since Meilisearch matches a Chinese
 * query by jieba's words, which this module cannot cut without jieba's dictionary — any run of two or
 * more of its characters (交通运输 marks 交通 and 运输); a one-character word by itself; words after
 * `-` are excluded from the search, so not marked. Latin letters compare without case.
 *
 * Imported by browser code: no Node or DOM APIs.
 */

export interface Marks {
  pre: string;
  post: string;
}

/** What a query asks to find, as strings to mark: quoted phrases whole, and the other words. */
export interface QueryTerms {
  phrases: string[];
  words: string[];
}

const foldCase = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** The phrases and words of a query in Meilisearch's syntax ("a phrase", -excluded, words). */
export function queryTerms(q: string): QueryTerms {
  const phrases: string[] = [];
  const rest = foldCase(q).replace(/"([^"]*)"?/g, (_, phrase: string) => {
    const p = phrase.trim().replace(/\s+/g, ' ');
    if (p) phrases.push(p);
    return ' ';
  });
  const words = rest.split(/\s+/).filter((w) => w && !w.startsWith('-'));
  return { phrases, words };
}

const HAN = /\p{Script=Han}/u;

/** The strings a query's terms match in a text: every phrase, and each word with its runs of Han characters. */
export function needles(terms: QueryTerms): string[] {
  const out = new Set(terms.phrases);
  for (const w of terms.words) {
    out.add(w);
    if (w.length > 2 && HAN.test(w))
      for (let i = 0; i < w.length; i++)
        for (let j = i + 2; j <= w.length; j++) {
          const part = w.slice(i, j);
          if ([...part].every((c) => HAN.test(c))) out.add(part);
        }
  }
  return [...out].filter(Boolean);
}

/** [start, end) spans of a text that match: at each place the longest needle, left to right, none overlapping. */
export function matchSpans(text: string, found: string[]): [number, number][] {
  if (!found.length) return [];
  const byFirst = new Map<string, string[]>();
  for (const n of found) {
    const list = byFirst.get(n[0]!) ?? [];
    list.push(n);
    byFirst.set(n[0]!, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  const folded = foldCase(text);
  const spans: [number, number][] = [];
  for (let at = 0; at < folded.length; ) {
    const match = byFirst.get(folded[at]!)?.find((n) => folded.startsWith(n, at));
    if (match) {
      spans.push([at, at + match.length]);
      at += match.length;
    } else at++;
  }
  return spans;
}

function mark(text: string, spans: [number, number][], marks: Marks): string {
  let out = '';
  let at = 0;
  for (const [s, e] of spans) {
    out += `${text.slice(at, s)}${marks.pre}${text.slice(s, e)}${marks.post}`;
    at = e;
  }
  return out + text.slice(at);
}

/** A text with what the query matches marked. */
export function highlight(text: string, terms: QueryTerms, marks: Marks): string {
  return mark(text, matchSpans(text, needles(terms)), marks);
}

/** Sentence ends and clause breaks a snippet may start after. */
const BREAK = /[。！？；，、：\n!?;,:]/;

/**
 * About `length` characters of a text around its best stretch of matches, marked: the window holding
 * the most of the query (each distinct match counted once, weighted by its length, so a whole phrase
 * outweighs scattered characters), started at a clause break just before it when one is near.
 * `marker` shows where the text was cut.
 */
export function snippet(
  text: string,
  terms: QueryTerms,
  options: Marks & { length: number; marker: string },
): string {
  const { length, marker } = options;
  const spans = matchSpans(text, needles(terms));
  let start = 0;
  if (spans.length) {
    let best = -1;
    for (const [s] of spans) {
      const seen = new Set<string>();
      let score = 0;
      for (const [a, b] of spans) {
        if (a < s || b > s + length) continue;
        const m = foldCase(text.slice(a, b));
        if (!seen.has(m)) score += (b - a) * (b - a);
        seen.add(m);
      }
      if (score > best) {
        best = score;
        start = s;
      }
    }
    // A little context before the first match, from a clause break if one is within reach.
    const lead = Math.min(start, Math.floor(length / 5));
    let from = start - lead;
    for (let i = start - 1; i >= start - lead; i--)
      if (BREAK.test(text[i]!)) {
        from = i + 1;
        break;
      }
    start = Math.max(0, from);
    // Near the end, show a full window: back from the end, at a clause break before the match if near.
    if (start + length > text.length) {
      const first = start;
      start = Math.max(0, text.length - length);
      for (let i = start; i > 0 && i < Math.min(first, start + lead); i++)
        if (BREAK.test(text[i - 1]!)) {
          start = i;
          break;
        }
    }
  }
  let end = Math.min(text.length, start + length);
  // Never cut a marked match in two.
  for (const [s, e] of spans) if (s < end && e > end) end = e;
  const inside = spans
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]): [number, number] => [s - start, e - start]);
  const cut = text.slice(start, end);
  return `${start > 0 ? marker : ''}${mark(cut, inside, options)}${end < text.length ? marker : ''}`;
}
