import { MeilisearchApiError, type Meilisearch, type Settings } from 'meilisearch';
import { IndexCheckError } from '../errors/index.ts';
import type { ArticleDocument } from './document.ts';
import { settle, SETTLE_DEFAULTS, withRetry } from './tasks.ts';

/** Batch limits for sending documents: Meilisearch's own payload limit is 100 MB. */
export const PUBLISH_DEFAULTS = {
  /** Largest addDocuments payload, in bytes of JSON. */
  batchBytes: 8 * 1024 * 1024,
  /** Most documents in one addDocuments call. */
  batchDocuments: 10_000,
  /**
   * How long a document task may take, per document of the build (ms): Meilisearch processes the
   * enqueued batches as one, so the first task's wait covers the whole build. 20 ms is 50 documents/s,
   * several times slower than measured on 2 cores; below 600 s (SETTLE_DEFAULTS) it is not used.
   */
  msPerDocument: 20,
} as const;

export interface PublishOptions {
  /** The live index readers search (default `articles`). */
  indexUid: string;
  settings: Settings;
  /** Largest payload per addDocuments call (default PUBLISH_DEFAULTS.batchBytes). */
  batchBytes?: number;
  onProgress?: (indexed: number, total: number) => void;
}

/** Split documents into batches of at most `maxBytes` of JSON each (and at most `maxDocuments`). */
export function batchesByBytes<T>(
  docs: T[],
  maxBytes: number,
  maxDocuments: number = PUBLISH_DEFAULTS.batchDocuments,
): T[][] {
  const batches: T[][] = [];
  let batch: T[] = [];
  let bytes = 2;
  for (const doc of docs) {
    const size = Buffer.byteLength(JSON.stringify(doc)) + 1;
    if (batch.length > 0 && (bytes + size > maxBytes || batch.length >= maxDocuments)) {
      batches.push(batch);
      batch = [];
      bytes = 2;
    }
    batch.push(doc);
    bytes += size;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

export async function indexExists(client: Meilisearch, uid: string): Promise<boolean> {
  try {
    await withRetry(`read index ${uid}`, () => client.getIndex(uid));
    return true;
  } catch (error) {
    if (error instanceof MeilisearchApiError && error.cause?.code === 'index_not_found')
      return false;
    throw error;
  }
}

/**
 * Remove the build indexes (`<live>_build_*`) that a crashed or killed run left half-built: they are
 * never swapped in and only take disk. Returns their names.
 */
export async function removeStaleBuilds(client: Meilisearch, live: string): Promise<string[]> {
  const { results } = await withRetry('list indexes', () => client.getIndexes({ limit: 1000 }));
  const stale = results.map((i) => i.uid).filter((uid) => uid.startsWith(`${live}_build_`));
  for (const uid of stale)
    await settle(client, client.deleteIndex(uid), `deleting the unfinished ${uid}`);
  return stale;
}

/**
 * Build a fresh index beside the live one, check it, then swap it in. Readers keep searching the old
 * index until the swap, which Meilisearch applies atomically; any failure before it leaves the live
 * index as it was and deletes the half-built one. Call removeStaleBuilds first.
 */
export async function publishIndex(
  client: Meilisearch,
  docs: ArticleDocument[],
  options: PublishOptions,
): Promise<{ uid: string; documents: number }> {
  const live = options.indexUid;
  const fresh = `${live}_build_${Date.now()}`;
  await withRetry('create index', () =>
    settle(client, client.createIndex(fresh, { primaryKey: 'id' }), `creating index ${fresh}`),
  );
  try {
    const index = client.index<ArticleDocument>(fresh);
    await settle(client, index.updateSettings(options.settings), `settings of ${fresh}`);
    // Every batch is enqueued first, then waited for: Meilisearch merges the enqueued additions into
    // one batch instead of one merge per payload (measured 1.24× faster at 0.48× the disk, as LMDB
    // keeps the pages every extra merge frees). Adding the same documents twice is harmless, so a
    // batch whose enqueueing met a network error is simply sent again.
    const batches = batchesByBytes(docs, options.batchBytes ?? PUBLISH_DEFAULTS.batchBytes);
    const enqueued: { taskUid: number; documents: number }[] = [];
    for (const batch of batches) {
      const task = await withRetry('add documents', () =>
        index.addDocuments(batch, { primaryKey: 'id' }),
      );
      enqueued.push({ taskUid: task.taskUid, documents: batch.length });
    }
    let indexed = 0;
    const timeout = Math.max(SETTLE_DEFAULTS.timeout, docs.length * PUBLISH_DEFAULTS.msPerDocument);
    options.onProgress?.(0, docs.length);
    for (const { taskUid, documents } of enqueued) {
      await withRetry('wait for documents', () =>
        settle(client, taskUid, `adding ${documents} documents to ${fresh}`, { timeout }),
      );
      indexed += documents;
      options.onProgress?.(indexed, docs.length);
    }
    const stats = await withRetry('index stats', () => index.getStats());
    if (stats.numberOfDocuments !== docs.length) {
      throw new IndexCheckError(
        fresh,
        `index ${fresh} holds ${stats.numberOfDocuments} documents, expected ${docs.length}`,
      );
    }
    if (await indexExists(client, live)) {
      await settle(
        client,
        client.swapIndexes([{ indexes: [live, fresh], rename: false }]),
        `swapping ${fresh} in as ${live}`,
      );
      // After the swap `fresh` names the old index.
      await settle(client, client.deleteIndex(fresh), `deleting the previous ${live}`);
    } else {
      await settle(
        client,
        client.swapIndexes([{ indexes: [fresh, live], rename: true }]),
        `renaming ${fresh} to ${live}`,
      );
    }
    return { uid: live, documents: docs.length };
  } catch (error) {
    // Best effort: when the server is gone this fails too, and the next run removes the leftover.
    await settle(client, client.deleteIndex(fresh), `deleting the unfinished ${fresh}`, {
      timeout: 30_000,
    }).catch(() => undefined);
    throw error;
  }
}
