/** Finding a port for the embedded server and waiting until a server answers. */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { MeiliUnavailableError } from '../errors/index.ts';

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolvePort(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

export async function portIsFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
  });
}

/** How long a starting server may take to answer /health (ms). */
export const HEALTHY_WITHIN_MS = 30_000;

/** Wait until GET /health answers "available"; throws with the server's log tail when it never does. */
export async function waitHealthy(
  host: string,
  timeoutMs = HEALTHY_WITHIN_MS,
  child?: ChildProcess,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null)
      throw new MeiliUnavailableError(
        host,
        `Meilisearch exited with code ${child.exitCode} before it was ready`,
      );
    try {
      const res = await fetch(`${host}/health`);
      if (res.ok) return;
      lastError = `HTTP ${res.status}`;
    } catch (error) {
      lastError = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new MeiliUnavailableError(
    host,
    `Meilisearch at ${host} did not become healthy within ${timeoutMs} ms (${lastError})`,
  );
}

/** The last lines of the server's log, for an error that says why it did not start. */
export function logTail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-15).join('\n').trim();
  } catch {
    return '';
  }
}
