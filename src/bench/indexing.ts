/**
 * Building an index on a fresh embedded Meilisearch, as the bench does for every configuration it
 * compares: the same server flags (startMeili's) and the same batching (publishIndex), a data folder of
 * its own so that `du` sees only this index.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Meilisearch, Settings } from 'meilisearch';
import { meiliClient } from '../search/client.ts';
import type { ArticleDocument } from '../search/document.ts';
import { publishIndex } from '../search/publish-index.ts';
import { startMeili, type MeiliConnection } from '../search/server.ts';

export interface BuiltIndex {
  meili: MeiliConnection;
  client: Meilisearch;
  dataDir: string;
  seconds: number;
  /** Bytes of the server's database folder, as `du -sb` reports it. */
  bytes: number;
}

/** Bytes under a folder, as `du -sb` reports it. */
export function diskBytes(dir: string): number {
  return Number(execFileSync('du', ['-sb', dir], { encoding: 'utf8' }).split('\t')[0]);
}

/** Start a fresh server in `dataDir`, build `uid` from `docs` with `settings`, and measure. The server keeps running. */
export async function buildIndex(
  dataDir: string,
  uid: string,
  docs: ArticleDocument[],
  settings: Settings,
  onProgress?: (done: number, total: number) => void,
): Promise<BuiltIndex> {
  rmSync(dataDir, { recursive: true, force: true });
  const meili = await startMeili({ dataDir, port: 0 });
  const client = meiliClient(meili.host, meili.apiKey);
  const started = performance.now();
  await publishIndex(client, docs, { indexUid: uid, settings, onProgress });
  const seconds = (performance.now() - started) / 1000;
  return { meili, client, dataDir, seconds, bytes: diskBytes(join(dataDir, 'db')) };
}
