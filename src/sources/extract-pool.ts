/**
 * Extraction on every core: a pool of worker threads, each with its own extract context (jieba keeps
 * one dictionary per thread). Pages go to whichever worker is free; records come back in any order
 * and the caller puts them in file order, so the output is the same as a single thread's.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PageSource } from '../ingest/extract-page.ts';
import type { PageRecord } from '../model/page.ts';
import type { Paper } from '../model/paper.ts';
import type { SegmenterEngine } from '../text/segmenter.ts';

/** Pages fewer than this are not worth starting workers for (each loads its dictionary, ~2 s). */
export const POOL_MIN_PAGES = 24;

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

interface Pending {
  resolve: (record: PageRecord) => void;
  reject: (error: Error) => void;
}

export class ExtractPool {
  #workers: Worker[] = [];
  #idle: Worker[] = [];
  #queue: { id: number; source: PageSource }[] = [];
  #pending = new Map<number, Pending>();
  #nextId = 0;

  private constructor() {}

  static async start(
    papers: Paper[],
    size = defaultWorkers(),
    engine?: SegmenterEngine,
  ): Promise<ExtractPool> {
    const pool = new ExtractPool();
    await Promise.all(
      Array.from({ length: size }, () => {
        const worker = new Worker(new URL('./extract-worker.ts', import.meta.url), {
          workerData: { papers, engine },
        });
        pool.#workers.push(worker);
        return new Promise<void>((ready, fail) => {
          worker.once('error', fail);
          worker.on(
            'message',
            (message: { ready?: boolean; id?: number; record?: PageRecord; error?: string }) => {
              if (message.ready) {
                worker.off('error', fail);
                worker.on('error', (error) => pool.#failAll(error));
                pool.#idle.push(worker);
                pool.#pump();
                ready();
                return;
              }
              const pending = pool.#pending.get(message.id!);
              pool.#pending.delete(message.id!);
              if (message.error !== undefined) pending?.reject(new Error(message.error));
              else pending?.resolve(message.record!);
              pool.#idle.push(worker);
              pool.#pump();
            },
          );
        });
      }),
    );
    return pool;
  }

  extract(source: PageSource): Promise<PageRecord> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#queue.push({ id, source });
      this.#pump();
    });
  }

  #pump() {
    while (this.#idle.length > 0 && this.#queue.length > 0)
      this.#idle.pop()!.postMessage(this.#queue.shift()!);
  }

  #failAll(error: Error) {
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }

  async close() {
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }
}
