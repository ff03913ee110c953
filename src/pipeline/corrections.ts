/**
 * The corrections step of an ingest: read content/corrections.jsonl (when there is one), apply it to the
 * extracted articles (src/corrections/apply.ts), and write what became of each correction to
 * data/corrections-log.json for the site.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { applyCorrections, type CorrectionsResult } from '../corrections/apply.ts';
import { parseCorrections } from '../corrections/parse.ts';
import { CORRECTIONS_FILE } from '../corrections/schema.ts';
import type { Article } from '../model/article.ts';
import { writeAtomic } from '../system/files.ts';

/** The corrections file of a content folder, named as messages show it (relative to the working folder). */
export function correctionsFile(contentDir: string): string {
  return join(contentDir, CORRECTIONS_FILE);
}

/** Apply the content folder's corrections; a malformed line stops the ingest with the file and line. */
export function correctArticles(
  contentDir: string,
  articles: Article[],
  logFile: string,
): CorrectionsResult & { file: string | null } {
  const path = correctionsFile(contentDir);
  // Named as the user would type it: relative to the working folder.
  const file = existsSync(path) ? relative(process.cwd(), path) || path : null;
  const corrections = file ? parseCorrections(readFileSync(path, 'utf8'), file) : [];
  const result = applyCorrections(articles, corrections);
  writeAtomic(logFile, `${JSON.stringify(result.log, null, 1)}\n`);
  return { ...result, file };
}
