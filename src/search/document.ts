import { wholeWordFinder } from './dictionary.ts';
import type { Article } from '../model/article.ts';
import { creditedPeople } from '../model/credits.ts';

/**
 * What is stored in Meilisearch for one article: the article itself (its body in two fields) plus
 * fields derived for filtering, faceting and sorting (numbers for dates, names by role, district →
 * street levels).
 */
/**
 * Characters of the body stored as `body`, the field search results crop and highlight; the rest is
 * `bodyMore`, searched the same. Cropping tokenizes the whole field, so a 28,000-character report
 * among the hits cost every search ~40–80 ms (npm run bench: the search page's request p99 94 ms →
 * 29 ms with 2,000); the median article has 900 characters and nine in ten fewer than 2,700.
 */
export const SNIPPET_SOURCE_CHARS = 2000;

/** Where the body is split: the last sentence end within the first SNIPPET_SOURCE_CHARS, else there. */
export function splitBody(body: string, limit = SNIPPET_SOURCE_CHARS): [string, string] {
  if (body.length <= limit) return [body, ''];
  const head = body.slice(0, limit);
  const end = Math.max(
    head.lastIndexOf('。'),
    head.lastIndexOf('！'),
    head.lastIndexOf('？'),
    head.lastIndexOf('\n'),
  );
  const at = end >= limit / 2 ? end + 1 : limit;
  return [body.slice(0, at), body.slice(at)];
}

export interface ArticleDocument extends Article {
  /** The body after `body` (SNIPPET_SOURCE_CHARS): `body + bodyMore` is the article's body. */
  bodyMore: string;
  /** YYYYMMDD as a number for range filters and sorting; month/day 00 when unknown; null when no date. */
  dateNum: number | null;
  year: number | null;
  /** YYYY-MM, or null when the month is unknown. */
  month: string | null;
  /** Primary district (districts[0]) or null. */
  district: string | null;
  reporters: string[];
  correspondents: string[];
  /** Every name the article credits (bylines and contributors), whatever the role. */
  people: string[];
  /** For InstantSearch's hierarchical menu: lvl0 = district, lvl1 = "district > street". */
  places: { lvl0: string[]; lvl1: string[] };
  /**
   * The archive's whole words (src/search/whole-words.ts) this article holds. Searched as phrases, such a
   * word must stand as jieba's pieces side by side, and jieba cuts a word's characters with its
   * neighbours now and then (西湖墅 → 西湖 墅): listed here, the article is found all the same.
   */
  wholeWords: string[];
}

/** The articles' documents, each with the listed whole words it holds. */
export function toDocuments(articles: Article[], wholeWords: string[] = []): ArticleDocument[] {
  const find = wholeWords.length ? wholeWordFinder(wholeWords) : () => [];
  return articles.map((a) => ({ ...toDocument(a), wholeWords: find(a) }));
}

/** An article's document (no whole words: toDocuments lists them). */
export function toDocument(article: Article): ArticleDocument {
  const [y, m, d] = (article.date ?? '').split('-');
  const year = y ? Number(y) : null;
  const credited = creditedPeople(article);
  const namesWith = (role: string) => credited.filter((b) => b.role === role).map((b) => b.name);
  const [body, bodyMore] = splitBody(article.body);
  return {
    ...article,
    body,
    bodyMore,
    dateNum: year === null ? null : year * 10000 + Number(m ?? 0) * 100 + Number(d ?? 0),
    year,
    month: y && m ? `${y}-${m}` : null,
    district: article.districts[0] ?? null,
    reporters: namesWith('记者'),
    correspondents: namesWith('通讯员'),
    people: [...new Set(credited.map((b) => b.name))],
    places: {
      lvl0: article.districts,
      lvl1: article.streets.map((s) => `${s.district} > ${s.name}`),
    },
    wholeWords: [],
  };
}
