/** Who an article credits, apart from the schema so that the browser's code can use it. */
import type { Article, Byline } from './article.ts';

/** Everyone the article credits by name: its bylines, then the contributors of its parts. */
export function creditedPeople(article: Pick<Article, 'bylines' | 'contributors'>): Byline[] {
  const people = [...article.bylines];
  for (const c of article.contributors) if (!people.some((b) => b.name === c.name)) people.push(c);
  return people;
}
