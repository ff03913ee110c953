import type { EnqueuedTaskPromise, Meilisearch, Task } from 'meilisearch';

export class MeiliTaskError extends Error {}

export interface SettleOptions {
  /** Give up on a task that is still enqueued or processing after this many ms. */
  timeout?: number;
  /** Pause between polls, in ms. */
  interval?: number;
}

/**
 * Wait for a Meilisearch task and fail loudly, with the task's uid, type and error, when it did not
 * succeed. The polling is ours, not `waitTask`'s: meilisearch-js leaves its timeout timer running when
 * a poll throws, so a dead server kept the process alive for the whole timeout (10 minutes) after
 * ingest had given up. Here nothing outlives the wait: the deadline is a clock reading, not a timer.
 */
export async function settle(client: Meilisearch, pending: EnqueuedTaskPromise, what: string, options: SettleOptions = {}): Promise<Task> {
  const { timeout = 600_000, interval = 50 } = options;
  const { taskUid } = await pending;
  const deadline = Date.now() + timeout;
  let task = await client.tasks.getTask(taskUid);
  while (task.status === 'enqueued' || task.status === 'processing') {
    if (Date.now() > deadline) throw new MeiliTaskError(`${what}: task ${taskUid} (${task.type}) still ${task.status} after ${timeout} ms`);
    await new Promise((r) => setTimeout(r, interval));
    task = await client.tasks.getTask(taskUid);
  }
  if (task.status !== 'succeeded') {
    const reason = task.error ? `${task.error.code}: ${task.error.message}` : task.status;
    throw new MeiliTaskError(`${what} failed (task ${task.uid}, ${task.type}): ${reason}`);
  }
  return task;
}

/** Meilisearch did not answer, even after retries: the message names the host and how to point elsewhere. */
export class MeiliUnavailableError extends Error {}

export interface RetryOptions {
  attempts?: number;
  /** First wait in ms; doubled after every failed attempt. */
  delay?: number;
}

/** Retry an operation while Meilisearch is briefly unreachable or overloaded, with exponential backoff. */
export async function withRetry<T>(what: string, operation: () => Promise<T>, options: RetryOptions | number = {}): Promise<T> {
  const { attempts = 6, delay: first = 200 } = typeof options === 'number' ? { attempts: options } : options;
  let delay = first;
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (!transient(error)) throw error;
      if (attempt >= attempts) {
        throw new MeiliUnavailableError(`${what}: Meilisearch did not answer after ${attempts} attempts (${describe(error)})`, { cause: error });
      }
      await new Promise((r) => setTimeout(r, delay));
      delay *= 2;
    }
  }
}

/** The message for an ingest whose Meilisearch stayed down. */
export function unavailableMessage(host: string, error: MeiliUnavailableError): string {
  return `${error.message}. Is Meilisearch running at ${host}? Start it, or set MEILI_URL and MEILI_MASTER_KEY to a running server.`;
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return [String((error as Error)?.message ?? error), cause?.code ?? cause?.message].filter(Boolean).join(': ');
}

function transient(error: unknown): boolean {
  // A proxy in front of a hosted Meilisearch answers 502/503 with an HTML page, which the client fails to parse.
  if (error instanceof SyntaxError) return true;
  const status = (error as { response?: { status?: number } })?.response?.status;
  if (status !== undefined) return status === 429 || status >= 502;
  const text = String((error as Error)?.message ?? error) + String((error as { cause?: unknown })?.cause ?? '');
  return /ECONNREFUSED|ECONNRESET|fetch failed|socket hang up|EPIPE|timed? ?out/i.test(text);
}
