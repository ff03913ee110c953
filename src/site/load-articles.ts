import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CORRECTIONS_LOG, loadConfig } from '../config/index.ts';
import { CorrectionsLog } from '../corrections/schema.ts';
import { InputFileError } from '../errors/index.ts';
import type { Article } from '../model/article.ts';
import { fromJsonLines } from '../model/articles-file.ts';

let cache: { file: string; articles: Article[] } | null = null;

/** The articles file the site is built from (config.articlesFile: $BAOKU_ARTICLES, else data/articles.jsonl). */
export function articlesFile(): string {
  return loadConfig().articlesFile;
}

/** Every article, validated line by line (a bad line names its file and line number), read once per build. */
export function loadArticles(): Article[] {
  const file = articlesFile();
  if (cache?.file === file) return cache.articles;
  if (!existsSync(file))
    throw new InputFileError(
      file,
      null,
      'no articles file — run `npm run ingest` first (or set BAOKU_ARTICLES)',
    );
  const articles = fromJsonLines(readFileSync(file, 'utf8'), file);
  cache = { file, articles };
  return articles;
}

let logCache: { file: string; log: CorrectionsLog } | null = null;

/**
 * What the last ingest made of the corrections (data/corrections-log.json, beside the articles file):
 * the corrections page and the pages of withdrawn and merged ids. Empty when there is none.
 */
export function loadCorrectionsLog(): CorrectionsLog {
  const file = join(dirname(articlesFile()), CORRECTIONS_LOG);
  if (logCache?.file === file) return logCache.log;
  const log = existsSync(file)
    ? CorrectionsLog.parse(JSON.parse(readFileSync(file, 'utf8')))
    : { entries: [], tombstones: [] };
  logCache = { file, log };
  return log;
}
