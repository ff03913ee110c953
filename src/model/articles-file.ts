import { InputFileError } from '../errors/index.ts';
import { Article } from './article.ts';

/** Articles in a fixed order, so the same content always gives the same file, byte for byte. */
export function sortArticles(articles: Article[]): Article[] {
  return [...articles].sort(
    (a, b) =>
      a.paper.localeCompare(b.paper) ||
      (a.date ?? '').localeCompare(b.date ?? '') ||
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.id.localeCompare(b.id),
  );
}

/** The articles file's text (JSON Lines): one valid record a line, in the fixed order. */
export function toJsonLines(articles: Article[]): string {
  const sorted = sortArticles(articles);
  // Every later stage trusts this file: a record extraction got wrong fails here, not in the site build.
  for (const a of sorted) Article.parse(a);
  return sorted.map((a) => JSON.stringify(a)).join('\n') + (sorted.length ? '\n' : '');
}

/** Every article of an articles file's text, validated line by line; a bad line names the file and line. */
export function fromJsonLines(text: string, file: string): Article[] {
  const articles: Article[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      throw new InputFileError(file, i + 1, `not valid JSON (${(error as Error).message})`);
    }
    const parsed = Article.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new InputFileError(file, i + 1, `${issue.path.join('.')}: ${issue.message}`);
    }
    articles.push(parsed.data);
  });
  return articles;
}
