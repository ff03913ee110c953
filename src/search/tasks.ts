import type { EnqueuedTaskPromise, Task } from 'meilisearch';

export class MeiliTaskError extends Error {}

/** Wait for a Meilisearch task and fail loudly, with the task's uid, type and error, when it did not succeed. */
export async function settle(pending: EnqueuedTaskPromise, what: string, timeout = 600_000): Promise<Task> {
  const task = await pending.waitTask({ timeout, interval: 50 });
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
