/**
 * data/meili/server.json: the running embedded server and the process that started it, written at
 * spawn. It lets a later run share the server of a live baoku process, and find and stop one whose
 * starter was killed.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  commandLine,
  isAlive,
  processStart,
  stopProcess,
  thisProcess,
  type ProcessId,
} from '../system/processes.ts';
import { HEALTHY_WITHIN_MS, waitHealthy } from './server-health.ts';

/** What server.json records about the embedded server: where it listens, and who started it. */
interface ServerState {
  host: string;
  pid: number;
  start: string | null;
  owner: ProcessId;
}

/**
 * The host of a server already running on this data folder for a live baoku process (npm start
 * serving the site), which we then share, since two servers cannot open one database. A server whose
 * owner was killed is an orphan: it is stopped (and `notes` says so), and a fresh one is started.
 */
export async function serverOnDataDir(dataDir: string, notes: string[]): Promise<string | null> {
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
    notes.push(
      `stopped an orphaned Meilisearch (pid ${server.pid}) that an earlier run, killed before it could stop it, left running on ${dataDir}`,
    );
  }
  rmSync(stateFile, { force: true });
  return null;
}

/** Record a just-spawned server, with this process as its owner. */
export function recordServer(dataDir: string, host: string, pid: number) {
  const state: ServerState = { host, pid, start: processStart(pid), owner: thisProcess() };
  writeFileSync(join(dataDir, 'server.json'), `${JSON.stringify(state)}\n`);
}
