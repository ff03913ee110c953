/**
 * What the live index was last built from (data/index-state-<uid>.json): hashes of the articles file
 * and the settings, and the server. When all three match, the index is left alone.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { Settings } from 'meilisearch';
import { writeAtomic } from '../system/files.ts';

export interface IndexState {
  articles: string;
  settings: string;
  host: string;
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** What an index is built from; the whole words its documents list count with the settings. */
export function indexState(
  articlesJsonl: string,
  settings: Settings,
  host: string,
  wholeWords: string[] = [],
): IndexState {
  const made = JSON.stringify(settings) + (wholeWords.length ? JSON.stringify(wholeWords) : '');
  return { articles: sha(articlesJsonl), settings: sha(made), host };
}

export function readIndexState(file: string): IndexState | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as IndexState) : null;
}

export function writeIndexState(file: string, state: IndexState) {
  writeAtomic(file, `${JSON.stringify(state)}\n`);
}

export const sameState = (a: IndexState | null, b: IndexState) =>
  a?.articles === b.articles && a.settings === b.settings && a.host === b.host;

/** True when the index was built from other articles than `articlesJsonl` (a run stopped before indexing). */
export const lagsArticles = (state: IndexState | null, articlesJsonl: string) =>
  state !== null && state.articles !== sha(articlesJsonl);

/**
 * A short name for what an index holds (its articles and settings), published with the search config
 * so that an export can say which version of the archive it came from.
 */
export function indexVersion(state: Pick<IndexState, 'articles' | 'settings'>): string {
  return sha(`${state.articles}:${state.settings}`).slice(0, 12);
}
