/**
 * Highlighting and cropping a hit in the reader's browser, not in Meilisearch.
 *
 * Meilisearch highlights by tokenizing every highlighted field of every hit with jieba again, on the
 * server, for every search: on the search page's request that was ~70% of the server's time (~7.5 of
 * the 10.5 ms it spent at 10k articles; with it the server answered 136 requests/s on 2 cores, without
 * it 300), for ten snippets the reader's own machine cuts in 1–2 ms (measured in Node: ten
 * 2,000-character bodies and their headlines, four queries). The hit's stored body
 * (its first ~2,000 characters) is retrieved anyway, so nothing more crosses the network.
 *
 * What is marked: a quoted phrase only whole; a word whole, or — since Meilisearch matches a Chinese
 * query by jieba's words, which this module cannot cut without jieba's dictionary — any run of two or
 * more of its characters (交通运输 marks 交通 and 运输); a one-character word by itself; words after
 * `-` are excluded from the search, so not marked. Latin letters compare without case and full-width
 * forms as ASCII, as Meilisearch normalises them; a Latin word or number matches at a word's start.
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

/**
 * Text as it is compared: Latin letters in lower case, full-width letters, digits and signs (ＡＩ, ２０２３)
 * as ASCII, as Meilisearch normalises them. Every change keeps one UTF-16 unit one unit, so offsets in
 * the folded text are offsets in the text.
 */
const fold = (s: string) =>
  s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[A-Z]/g, (c) => c.toLowerCase());

/** Meilisearch reads the first ten words of a query. */
const MAX_WORDS = 10;

/** The phrases and words of a query in Meilisearch's syntax ("a phrase", -excluded, words). */
export function queryTerms(q: string): QueryTerms {
  const phrases: string[] = [];
  // A phrase after a "-" that starts a word is excluded, not searched.
  const rest = fold(q).replace(/((?<=^|\s)-)?"([^"]*)"?/g, (_, minus, phrase: string) => {
    const p = phrase.trim().replace(/\s+/g, ' ');
    if (p && !minus) phrases.push(p);
    return ' ';
  });
  const words = rest.split(/\s+/).filter((w) => w && !w.startsWith('-'));
  return { phrases, words: words.slice(0, MAX_WORDS) };
}

const HAN = /\p{Script=Han}/u;
/** jieba's words are rarely longer: pieces of a long run of Han characters are taken up to this length. */
const MAX_PIECE = 6;

/**
 * The strings a query's terms match in a text: every phrase (with and without the spaces between Han
 * characters: Meilisearch matches "乡村 振兴" in 乡村振兴), and each word with its runs of Latin letters
 * or digits and the pieces of its runs of Han characters (2023年亚运会: 2023, 亚运, 运会, 亚运会 …).
 */
export function needles(terms: QueryTerms): string[] {
  const out = new Set<string>();
  for (const p of terms.phrases) {
    out.add(p);
    out.add(p.replace(/(\p{Script=Han})\s+(?=\p{Script=Han})/gu, '$1'));
  }
  for (const w of terms.words) {
    out.add(w);
    for (const run of w.match(/\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu) ?? []) {
      const chars = Array.from(run);
      if (!HAN.test(run)) out.add(run);
      else if (chars.length === 1) continue;
      else
        for (let i = 0; i < chars.length; i++)
          for (let j = i + 2; j <= Math.min(chars.length, i + MAX_PIECE); j++)
            out.add(chars.slice(i, j).join(''));
    }
  }
  return [...out].filter(Boolean);
}

/** A needle of Latin letters or digits matches only at the start of a word (ai in "AI", not in "said"). */
const LATIN_START = /^[a-z0-9]/;
const WORD_CHAR = /[a-z0-9]/;

/**
 * Needles by their first character, longest first: made once per list, which the search client makes
 * once per request and hands to every field of every hit.
 */
const byFirstOf = new WeakMap<string[], Map<string, string[]>>();
function needlesByFirst(found: string[]): Map<string, string[]> {
  let byFirst = byFirstOf.get(found);
  if (byFirst) return byFirst;
  byFirst = new Map();
  for (const n of found) {
    const list = byFirst.get(n[0]!) ?? [];
    list.push(n);
    byFirst.set(n[0]!, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  byFirstOf.set(found, byFirst);
  return byFirst;
}

/** [start, end) spans of a text that match: at each place the longest needle, left to right, none overlapping. */
export function matchSpans(text: string, found: string[]): [number, number][] {
  if (!found.length) return [];
  const byFirst = needlesByFirst(found);
  const folded = fold(text);
  const spans: [number, number][] = [];
  for (let at = 0; at < folded.length; ) {
    const list = byFirst.get(folded[at]!);
    const match =
      list &&
      !(LATIN_START.test(folded[at]!) && at > 0 && WORD_CHAR.test(folded[at - 1]!)) &&
      list.find((n) => folded.startsWith(n, at));
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

/** A query's needles, made once for every field of every hit it marks. */
export type Needles = string[];

/** A text with what the query matches marked (`terms`, or needles made from them once). */
export function highlight(text: string, terms: QueryTerms | Needles, marks: Marks): string {
  return mark(text, matchSpans(text, Array.isArray(terms) ? terms : needles(terms)), marks);
}

/** Sentence ends and clause breaks a snippet may start after. */
const BREAK = /[。！？；，、：\n!?;,:]/;
const isLowSurrogate = (text: string, at: number) => /[\uDC00-\uDFFF]/.test(text[at] ?? '');

/**
 * The start of the `length`-character window holding the most of the query: each distinct match
 * counted once, weighted by its length squared, so a whole phrase outweighs scattered characters.
 * Windows start `lead` characters before a match; one pass, sliding.
 */
function bestWindow(
  text: string,
  spans: [number, number][],
  length: number,
  lead: number,
): { start: number; score: number } {
  const counts = new Map<string, number>();
  const key = (i: number) => fold(text.slice(spans[i]![0], spans[i]![1]));
  let score = 0;
  let best = -1;
  let bestStart = 0;
  let last = 0; // spans[first..last) are inside the window
  for (let first = 0; first < spans.length; first++) {
    last = Math.max(last, first);
    const from = Math.max(0, spans[first]![0] - lead);
    while (last < spans.length && spans[last]![1] <= from + length) {
      const k = key(last);
      const n = counts.get(k) ?? 0;
      if (n === 0) score += k.length * k.length;
      counts.set(k, n + 1);
      last++;
    }
    if (score > best) {
      best = score;
      bestStart = from;
    }
    if (first < last) {
      const k = key(first);
      const n = counts.get(k)!;
      if (n === 1) score -= k.length * k.length;
      counts.set(k, n - 1);
    }
  }
  return { start: bestStart, score: best };
}

/**
 * About `length` characters of a text around its best stretch of matches, marked, started at a clause
 * break just before it when one is near. `marker` shows where the text was cut.
 */
export function snippet(
  text: string,
  terms: QueryTerms | Needles,
  options: Marks & { length: number; marker: string },
): string {
  const { length, marker } = options;
  const spans = matchSpans(text, Array.isArray(terms) ? terms : needles(terms));
  const lead = Math.floor(length / 5);
  let start = 0;
  if (spans.length) {
    // With context before the first match, unless starting at it holds more of the query.
    const withLead = bestWindow(text, spans, length, lead);
    const atMatch = bestWindow(text, spans, length, 0);
    const from = atMatch.score > withLead.score ? atMatch.start : withLead.start;
    const first = spans.find(([s]) => s >= from)![0];
    // Context before the first match: from a clause break if one is within reach (the window only
    // moves later, so every match it was chosen for stays in it).
    start = from;
    for (let i = first - 1; i >= from; i--)
      if (BREAK.test(text[i]!)) {
        start = i + 1;
        break;
      }
    // Near the end, show a full window: back from the end, at a clause break before the match if near.
    if (start + length > text.length) {
      start = Math.max(0, text.length - length);
      for (let i = start; i > 0 && i < Math.min(first, start + lead); i++)
        if (BREAK.test(text[i - 1]!)) {
          start = i;
          break;
        }
    }
  }
  if (isLowSurrogate(text, start)) start--;
  let end = Math.min(text.length, start + length);
  // Never cut a marked match, or a character outside the Basic Multilingual Plane, in two.
  for (const [s, e] of spans) if (s < end && e > end) end = e;
  if (isLowSurrogate(text, end)) end++;
  const inside = spans
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]): [number, number] => [s - start, e - start]);
  const cut = text.slice(start, end);
  return `${start > 0 ? marker : ''}${mark(cut, inside, options)}${end < text.length ? marker : ''}`;
}
