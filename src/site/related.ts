import type { Article } from '../model/article.ts';

/**
 * Related articles for every article at once: those sharing keywords or streets/districts, scored by
 * how many they share (rarer terms count more). One pass over an inverted index, not all pairs.
 */
export const RELATED_DEFAULTS = {
  /** Related articles listed under each article. */
  count: 5,
  /** A keyword or place shared by more articles than this says nothing about relatedness. */
  commonTermDocs: 200,
} as const;

export function relatedArticles(
  articles: Article[],
  count: number = RELATED_DEFAULTS.count,
): Map<string, Article[]> {
  const postings = new Map<string, number[]>();
  const terms = articles.map((a) => [
    ...new Set([
      ...a.keywords.map((k) => `k:${k}`),
      ...a.streets.map((s) => `s:${s.name}`),
      ...a.districts.slice(0, 1).map((d) => `d:${d}`),
    ]),
  ]);
  for (const [i, list] of terms.entries()) {
    for (const t of list) postings.set(t, [...(postings.get(t) ?? []), i]);
  }
  const related = new Map<string, Article[]>();
  articles.forEach((a, i) => {
    const scores = new Map<number, number>();
    for (const t of terms[i]!) {
      const docs = postings.get(t)!;
      if (docs.length > RELATED_DEFAULTS.commonTermDocs) continue;
      const weight = 1 / Math.log2(1 + docs.length);
      for (const j of docs) if (j !== i) scores.set(j, (scores.get(j) ?? 0) + weight);
    }
    related.set(
      a.id,
      [...scores.entries()]
        .sort((x, y) => y[1] - x[1] || x[0] - y[0])
        .slice(0, count)
        .map(([j]) => articles[j]!),
    );
  });
  return related;
}
