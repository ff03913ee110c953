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

/** Retry an operation while Meilisearch is briefly unreachable or overloaded, with exponential backoff. */
export async function withRetry<T>(what: string, operation: () => Promise<T>, attempts = 6): Promise<T> {
  let delay = 200;
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (attempt >= attempts || !transient(error)) throw error;
      await new Promise((r) => setTimeout(r, delay));
      delay *= 2;
    }
  }
}

function transient(error: unknown): boolean {
  const text = String((error as Error)?.message ?? error) + String((error as { cause?: unknown })?.cause ?? '');
  return /ECONNREFUSED|ECONNRESET|fetch failed|socket hang up|EPIPE|\b50[234]\b|timed? ?out/i.test(text);
}
