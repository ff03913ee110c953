import type { Meilisearch, Settings } from 'meilisearch';
import type { Article } from '../model/article.ts';
import { toDocuments } from './document.ts';
import { indexState, readIndexState, sameState, writeIndexState } from './index-state.ts';
import { indexExists, publishIndex, removeStaleBuilds } from './publish-index.ts';
import { withRetry } from './tasks.ts';

export interface SyncOptions {
  indexUid: string;
  /** The articles file's text: what the index must hold. */
  articlesJsonl: string;
  articles: Article[];
  settings: Settings;
  /** The archive's whole words, listed in each document that holds them (src/search/document.ts). */
  wholeWords?: string[];
  /** data/index-state-<uid>.json */
  stateFile: string;
  host: string;
  /** Rebuild even when nothing changed. */
  force?: boolean;
  batchBytes?: number;
  log?: (line: string) => void;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Bring the live index up to date with the articles: left alone when it was built from the same
 * articles and settings on this server and holds as many documents; otherwise rebuilt beside it and
 * swapped in. Half-built indexes a killed run left behind are removed first, every time.
 */
export async function syncIndex(
  client: Meilisearch,
  options: SyncOptions,
): Promise<{ action: 'rebuilt' | 'unchanged'; staleBuildsRemoved: string[] }> {
  const { indexUid } = options;
  const staleBuildsRemoved = await removeStaleBuilds(client, indexUid);
  const wanted = indexState(
    options.articlesJsonl,
    options.settings,
    options.host,
    options.wholeWords,
  );
  const upToDate =
    !options.force &&
    sameState(readIndexState(options.stateFile), wanted) &&
    (await indexExists(client, indexUid)) &&
    (await withRetry('index stats', () => client.index(indexUid).getStats())).numberOfDocuments ===
      options.articles.length;
  if (upToDate) return { action: 'unchanged', staleBuildsRemoved };
  options.log?.(
    `indexing ${options.articles.length} articles into ${indexUid} at ${options.host} …`,
  );
  await publishIndex(client, toDocuments(options.articles, options.wholeWords), {
    indexUid,
    settings: options.settings,
    batchBytes: options.batchBytes,
    onProgress: options.onProgress,
  });
  writeIndexState(options.stateFile, wanted);
  return { action: 'rebuilt', staleBuildsRemoved };
}
