import {
  MeilisearchApiError,
  MeilisearchRequestError,
  type EnqueuedTaskPromise,
  type Meilisearch,
  type Task,
} from 'meilisearch';
import { MeiliTaskError, MeiliTaskTimeoutError, MeiliUnavailableError } from '../errors/index.ts';

/** How long to wait for a task, and how often to ask. Indexing 100k long articles takes minutes. */
export const SETTLE_DEFAULTS = { timeout: 600_000, interval: 50 } as const;

/** How often to ask a briefly unreachable server again: 6 attempts, 200 ms doubling (about 6 s in all). */
export const RETRY_DEFAULTS = { attempts: 6, delay: 200 } as const;

export interface SettleOptions {
  /** Give up on a task that is still enqueued or processing after this many ms. */
  timeout?: number;
  /** Pause between polls, in ms. */
  interval?: number;
}

/**
 * Wait for a Meilisearch task (enqueued now, or earlier: its uid) and fail loudly, with the task's uid, type and error, when it did not
 * succeed. The polling is ours, not `waitTask`'s: meilisearch-js leaves its timeout timer running when
 * a poll throws, so a dead server kept the process alive for the whole timeout (10 minutes) after
 * ingest had given up. Here nothing outlives the wait: the deadline is a clock reading, not a timer.
 */
export async function settle(
  client: Meilisearch,
  pending: EnqueuedTaskPromise | number,
  what: string,
  options: SettleOptions = {},
): Promise<Task> {
  const { timeout, interval } = { ...SETTLE_DEFAULTS, ...options };
  const taskUid = typeof pending === 'number' ? pending : (await pending).taskUid;
  const deadline = Date.now() + timeout;
  let task = await client.tasks.getTask(taskUid);
  while (task.status === 'enqueued' || task.status === 'processing') {
    if (Date.now() > deadline) throw new MeiliTaskTimeoutError(what, { taskUid, timeout });
    await new Promise((r) => setTimeout(r, interval));
    task = await client.tasks.getTask(taskUid);
  }
  if (task.status !== 'succeeded') {
    throw new MeiliTaskError(what, {
      taskUid: task.uid,
      type: task.type,
      status: task.status,
      error: task.error ? { code: task.error.code, message: task.error.message } : null,
    });
  }
  return task;
}

export interface RetryOptions {
  /** Where Meilisearch was asked, for the error when it never answers. */
  host?: string;
  attempts?: number;
  /** First wait in ms; doubled after every failed attempt. */
  delay?: number;
}

/** Retry an operation while Meilisearch is briefly unreachable or overloaded, with exponential backoff. */
export async function withRetry<T>(
  what: string,
  operation: () => Promise<T>,
  options: RetryOptions | number = {},
): Promise<T> {
  const {
    attempts,
    delay: first,
    host = null,
  } = { ...RETRY_DEFAULTS, ...(typeof options === 'number' ? { attempts: options } : options) };
  let delay = first;
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (!transient(error)) throw error;
      if (attempt >= attempts) {
        throw new MeiliUnavailableError(
          host,
          `${what}: Meilisearch did not answer after ${attempts} attempts (${describe(error)})`,
          { cause: error },
        );
      }
      await new Promise((r) => setTimeout(r, delay));
      delay *= 2;
    }
  }
}

/** The message for an ingest whose Meilisearch stayed down: where it was asked, and how to point elsewhere. */
export function unavailableMessage(host: string, error: MeiliUnavailableError): string {
  return `${error.message}. Is Meilisearch running at ${host}? Start it, or set MEILI_URL and MEILI_MASTER_KEY to a running server.`;
}

function describe(error: unknown): string {
  if (error instanceof MeilisearchRequestError) {
    // The cause is fetch's own error; Node puts the system error (ECONNREFUSED …) in its cause.
    const reason = error.cause as { message?: string; cause?: { code?: string } } | undefined;
    return `${error.message}: ${reason?.cause?.code ?? reason?.message ?? 'no answer'}`;
  }
  if (error instanceof MeilisearchApiError)
    return `HTTP ${error.response.status}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

/** Worth asking again: no answer at all, an overloaded or restarting server, or a proxy's error page. */
function transient(error: unknown): boolean {
  if (error instanceof MeilisearchRequestError) return true;
  if (error instanceof MeilisearchApiError)
    return error.response.status === 429 || error.response.status >= 502;
  // A proxy in front of a hosted Meilisearch answers 502/503 with an HTML page, which the client fails to parse.
  return error instanceof SyntaxError;
}
