/**
 * The search servers of the configuration (src/config: `servers`, or the one embedded / MEILI_URL
 * server), connected: the embedded one started (or shared) as startMeili does, the others checked for
 * health. With several servers one that does not answer is reported, not fatal: ingest builds the
 * others and names it, the site searches the others and names its papers.
 */
import { dataFiles, type ServerConfig } from '../config/index.ts';
import { startMeili, type MeiliConnection, type StartOptions } from './server.ts';
import type { IngestServer } from './sync-servers.ts';

export interface ServerConnection {
  name: string;
  /** Slugs of the papers it holds; null: every paper no other server lists. */
  papers: string[] | null;
  meili: MeiliConnection;
}

export interface UnreachableServer {
  name: string;
  papers: string[] | null;
  url: string | null;
  error: Error;
}

/** Connect every configured server; the one server of a one-server configuration must answer (its error is thrown). */
export async function connectServers(
  servers: ServerConfig[],
  dataDir: string,
  options: Pick<StartOptions, 'restart'> = {},
): Promise<{ connected: ServerConnection[]; unreachable: UnreachableServer[] }> {
  const connected: ServerConnection[] = [];
  const unreachable: UnreachableServer[] = [];
  for (const server of servers) {
    try {
      const meili = await startMeili({
        dataDir: dataFiles(dataDir).meili,
        meili: { url: server.url, masterKey: server.masterKey },
        // Only the embedded server is ours to restart.
        ...(server.url ? {} : { restart: options.restart }),
      });
      connected.push({ name: server.name, papers: server.papers, meili });
    } catch (error) {
      if (servers.length === 1) throw error;
      unreachable.push({
        name: server.name,
        papers: server.papers,
        url: server.url,
        error: error as Error,
      });
    }
  }
  return { connected, unreachable };
}

/** Every configured server as ingest sees it: connected (host, master key) or not (its URL and error). */
export function ingestServers(
  servers: ServerConfig[],
  connected: ServerConnection[],
  unreachable: UnreachableServer[],
): IngestServer[] {
  return servers.map((s) => {
    const c = connected.find((x) => x.name === s.name);
    return {
      name: s.name,
      papers: s.papers,
      meili: c ? { host: c.meili.host, apiKey: c.meili.apiKey } : null,
      url: s.url,
      error: unreachable.find((x) => x.name === s.name)?.error,
    };
  });
}

/** Stop the servers this process started (the embedded one); the others keep running. */
export async function stopServers(connected: ServerConnection[]): Promise<void> {
  for (const c of connected) await c.meili.stop();
}
