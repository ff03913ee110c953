/**
 * Known-item queries made from labelled articles, and how a search engine's answers to them score:
 * the relevance part of `npm run bench`, run on baoku's index, a Meilisearch index with default
 * settings and Pagefind, over the same documents. Each labelled article (../shared/gold: its titles and
 * the first and last snippet of its body) gives queries a reader who remembers it might type:
 *
 *   phrase    a distinctive run of whole words from its body, 8–12 characters, found nowhere else in the
 *             corpus, typed without spaces (as readers type Chinese)
 *   quoted    the same phrase in double quotes (Meilisearch then wants the words side by side)
 *   keywords  its body's three top TF-IDF words, space-separated
 *   headline  its titles' two top TF-IDF words, space-separated
 *
 * A hit *contains* the target when its body holds the gold first snippet; the first hit is the target
 * *whole* when its titles and body are the labelled ones (titles equal, both snippets in the body).
 * Pure: the caller reads the files and passes a segmenter in.
 */
import type { GoldRecord } from '../eval/gold.ts';
import { normText, normTitle } from '../eval/score-extraction.ts';

export type QueryKind = 'phrase' | 'quoted' | 'keywords' | 'headline';
export const QUERY_KINDS: QueryKind[] = ['phrase', 'quoted', 'keywords', 'headline'];

export interface KnownItem {
  kind: QueryKind;
  q: string;
  /** The gold article's page file and its snippets and titles, normalised as compared. */
  file: string;
  first: string;
  last: string;
  titles: string;
}

/** What a hit is checked against: its titles and body, as stored. */
export interface HitText {
  kicker: string;
  headline: string;
  subheadline: string;
  body: string;
}

export interface Segmenter {
  cut(text: string): string[];
  /** The top `n` TF-IDF keywords of a text. */
  extract(text: string, n: number): { word: string }[];
}

/** Tuning of the query set, named once. */
export const KNOWN_ITEM_DEFAULTS = {
  /** Labelled articles to make queries from (each gives one query of every kind). */
  articles: 75,
  /** Shortest and longest distinctive phrase, in characters. */
  phraseMin: 8,
  phraseMax: 12,
  /** Shortest body worth a query (characters, normalised). */
  minBody: 200,
  /** Hits looked at per query (ranks beyond this count as not found). */
  depth: 10,
} as const;

const HAN_WORD = /^[\u4e00-\u9fff]{2,}$/;

/** The body of a labelled article in its page's normalised text: from its first snippet to the end of its last. */
export function bodySpan(pageText: string, gold: GoldRecord): string | null {
  const first = normText(gold.first);
  const last = normText(gold.last);
  const start = pageText.indexOf(first);
  if (start < 0) return null;
  const end = pageText.indexOf(last, start);
  if (end < 0) return null;
  return pageText.slice(start, end + last.length);
}

/** A run of whole words from the middle outwards, phraseMin–phraseMax characters, found once in `corpus`. */
export function distinctivePhrase(
  body: string,
  corpus: string,
  segmenter: Segmenter,
  limits = KNOWN_ITEM_DEFAULTS,
): string | null {
  const runs = [...body.matchAll(/[\u4e00-\u9fff]{10,}/g)].map((m) => ({
    text: m[0],
    at: m.index,
  }));
  const middle = body.length / 2;
  runs.sort((a, b) => Math.abs(a.at - middle) - Math.abs(b.at - middle));
  for (const run of runs) {
    const words = segmenter.cut(run.text);
    for (let i = 0; i < words.length; i++) {
      let phrase = '';
      for (let j = i; j < words.length && phrase.length < limits.phraseMin; j++) phrase += words[j];
      if (phrase.length < limits.phraseMin || phrase.length > limits.phraseMax) continue;
      const at = corpus.indexOf(phrase);
      if (at >= 0 && corpus.indexOf(phrase, at + 1) < 0) return phrase;
    }
  }
  return null;
}

const topWords = (text: string, n: number, segmenter: Segmenter) =>
  segmenter
    .extract(text, n * 4)
    .map((k) => k.word)
    .filter((w) => HAN_WORD.test(w))
    .slice(0, n);

/**
 * Queries for every `step`-th usable labelled article (kind article, titled, body found and long
 * enough), one of each kind per article, in a fixed order: the same corpus gives the same set.
 */
export function knownItemQueries(
  gold: GoldRecord[],
  pages: Map<string, string>,
  segmenter: Segmenter,
  options: { articles?: number; minBody?: number } = {},
): KnownItem[] {
  const limits = { ...KNOWN_ITEM_DEFAULTS, ...options };
  const corpus = [...pages.values()].join('\n');
  const usable = gold
    .map((g) => ({
      g,
      body:
        g.kind === 'article' && g.titles.length > 0 && pages.has(g.file)
          ? bodySpan(pages.get(g.file)!, g)
          : null,
    }))
    .filter(
      (x): x is { g: GoldRecord; body: string } =>
        x.body !== null && x.body.length >= limits.minBody,
    );
  const wanted = limits.articles;
  const step = Math.max(1, Math.floor(usable.length / wanted));
  const out: KnownItem[] = [];
  let taken = 0;
  for (let i = 0; i < usable.length && taken < wanted; i += step) {
    const { g, body } = usable[i]!;
    const phrase = distinctivePhrase(body, corpus, segmenter);
    const keywords = topWords(body, 3, segmenter);
    const headline = topWords(g.titles.join('，'), 2, segmenter);
    if (!phrase || keywords.length < 3 || headline.length < 2) continue;
    const base = {
      file: g.file,
      first: normText(g.first),
      last: normText(g.last),
      titles: normTitle(g.titles.join('')),
    };
    out.push(
      { ...base, kind: 'phrase', q: phrase },
      { ...base, kind: 'quoted', q: `"${phrase}"` },
      { ...base, kind: 'keywords', q: keywords.join(' ') },
      { ...base, kind: 'headline', q: headline.join(' ') },
    );
    taken++;
  }
  return out;
}

/** The hit holds the target's text: its body has the labelled first snippet. */
export function containsTarget(hit: HitText, item: KnownItem): boolean {
  return normText(hit.body).includes(item.first);
}

/** The hit is the target whole: the labelled titles, and both snippets in its body. */
export function isWholeTarget(hit: HitText, item: KnownItem): boolean {
  const body = normText(hit.body);
  return (
    normTitle(`${hit.kicker}${hit.headline}${hit.subheadline}`) === item.titles &&
    body.includes(item.first) &&
    body.includes(item.last)
  );
}

export interface RelevanceScore {
  queries: number;
  /** Share of queries whose first hit contains the target. */
  first: number;
  /** … whose target is in the first three hits. */
  top3: number;
  /** Mean reciprocal rank of the first hit containing the target (0 beyond `depth`). */
  mrr: number;
  /** Share of queries whose first hit is the target whole under its own headline. */
  whole: number;
  byKind: Record<
    QueryKind,
    { queries: number; first: number; top3: number; mrr: number; whole: number }
  >;
}

/** Score the hits (up to `depth` per query, in rank order) each system returned for the queries. */
export function scoreRelevance(items: KnownItem[], hits: HitText[][]): RelevanceScore {
  const score = (pairs: [KnownItem, HitText[]][]) => {
    let first = 0;
    let top3 = 0;
    let rr = 0;
    let whole = 0;
    for (const [item, list] of pairs) {
      const rank = list
        .slice(0, KNOWN_ITEM_DEFAULTS.depth)
        .findIndex((h) => containsTarget(h, item));
      if (rank === 0) first++;
      if (rank >= 0 && rank < 3) top3++;
      if (rank >= 0) rr += 1 / (rank + 1);
      if (list[0] && isWholeTarget(list[0], item)) whole++;
    }
    const n = Math.max(1, pairs.length);
    return {
      queries: pairs.length,
      first: first / n,
      top3: top3 / n,
      mrr: rr / n,
      whole: whole / n,
    };
  };
  const pairs = items.map((item, i) => [item, hits[i] ?? []] as [KnownItem, HitText[]]);
  const byKind = Object.fromEntries(
    QUERY_KINDS.map((k) => [k, score(pairs.filter(([item]) => item.kind === k))]),
  ) as RelevanceScore['byKind'];
  return { ...score(pairs), byKind };
}
