import type { Article } from '../model/article.ts';

/**
 * What is stored in Meilisearch for one article: the article itself plus fields derived for
 * filtering, faceting and sorting (numbers for dates, names by role, district → street levels).
 */
export interface ArticleDocument extends Article {
  /** YYYYMMDD as a number for range filters and sorting; month/day 00 when unknown; null when no date. */
  dateNum: number | null;
  year: number | null;
  /** YYYY-MM, or null when the month is unknown. */
  month: string | null;
  /** Primary district (districts[0]) or null. */
  district: string | null;
  reporters: string[];
  correspondents: string[];
  /** Every byline name, whatever the role. */
  people: string[];
  /** For InstantSearch's hierarchical menu: lvl0 = district, lvl1 = "district > street". */
  places: { lvl0: string[]; lvl1: string[] };
}

export function toDocument(article: Article): ArticleDocument {
  const [y, m, d] = (article.date ?? '').split('-');
  const year = y ? Number(y) : null;
  const namesWith = (role: string) => article.bylines.filter((b) => b.role === role).map((b) => b.name);
  return {
    ...article,
    dateNum: year === null ? null : year * 10000 + Number(m ?? 0) * 100 + Number(d ?? 0),
    year,
    month: y && m ? `${y}-${m}` : null,
    district: article.districts[0] ?? null,
    reporters: namesWith('记者'),
    correspondents: namesWith('通讯员'),
    people: [...new Set(article.bylines.map((b) => b.name))],
    places: {
      lvl0: article.districts,
      lvl1: article.streets.map((s) => `${s.district} > ${s.name}`),
    },
  };
}
