/**
 * Bring the index up to date on every server: each paper's articles go to the server that holds the
 * paper (src/config placePapers), each server's index is rebuilt and swapped on its own (syncIndex), all
 * with the same settings, each gets its search-only key, and with several servers Meilisearch's network
 * is set on each so that a federated search reaches all. A server that fails is named in its report and
 * leaves its live index as it was; the others go on. Returns the reports and the site's search config.
 */
import type { Settings } from 'meilisearch';
import { placePapers } from '../config/index.ts';
import { ConfigError, MeiliUnavailableError } from '../errors/index.ts';
import type { Article } from '../model/article.ts';
import { meiliClient } from './client.ts';
import { ensureSearchKey } from './keys.ts';
import { configureNetwork } from './network.ts';
import { syncIndex } from './sync-index.ts';
import { withRetry } from './tasks.ts';

/** A server as ingest sees it: connected (host, master key), or not (the error). */
export interface IngestServer {
  name: string;
  /** Slugs of the papers it holds; null: every paper no other server lists. */
  papers: string[] | null;
  meili: { host: string; apiKey: string } | null;
  /** Where the other servers reach it when it is not connected now (its configured URL). */
  url?: string | null;
  /** Why it is not connected. */
  error?: Error;
}

export interface ServerIndexReport {
  server: string;
  host: string | null;
  /** Names of the papers whose articles it holds. */
  papers: string[];
  documents: number;
  action: 'rebuilt' | 'unchanged' | 'failed';
  staleBuildsRemoved: string[];
  /** Why it failed: its live index is as it was. */
  error: string | null;
}

/** data/search.json, the site's /search-config.json: the index and, per server, where the browser reaches it. */
export interface SearchConfigJson {
  index: string;
  servers: { name: string; host: string; apiKey: string; papers: string[] }[];
  /** A name for what the index holds (articles and settings), recorded by research bundles. */
  indexVersion?: string;
  /** Words searched as phrases (src/search/whole-words.ts), picked at ingest. */
  wholeWords?: string[];
}

export interface SyncServersOptions {
  indexUid: string;
  articles: Article[];
  settings: Settings;
  /** Words searched as phrases; each document lists those it holds. */
  wholeWords?: string[];
  /** slug → paper name, for the reports and the site's "missing papers" notice. */
  paperNames: Map<string, string>;
  /** The index state file for a server (one server: the file of a one-server setup). */
  stateFile: (server: string | null) => string;
  /** Where the browser sends searches; server `name` is at `<searchUrl>/<name>`. */
  searchUrl: string;
  /** The previous data/search.json: a server that cannot be reached now keeps its key there. */
  previous: SearchConfigJson | null;
  force?: boolean;
  batchBytes?: number;
  log?: (line: string) => void;
  onProgress?: (done: number, total: number) => void;
}

/** Which server holds each article (by its paper); an article of a paper no server holds is a configuration error. */
export function routeArticles(
  servers: Pick<IngestServer, 'name' | 'papers'>[],
  articles: Article[],
  slugs: string[],
): Map<string, Article[]> {
  const { bySlug, unplaced } = placePapers(servers, [
    ...new Set([...slugs, ...articles.map((a) => a.paper)]),
  ]);
  if (unplaced.length > 0) {
    const named = unplaced.map((s) => (s ? `"${s}"` : 'pages outside any paper')).join(', ');
    throw new ConfigError(
      'baoku.config.json',
      null,
      `servers: ${named} on no server — list them under a server's "papers", or leave "papers" out on one server to hold every other paper`,
    );
  }
  const routed = new Map(servers.map((s) => [s.name, [] as Article[]]));
  for (const a of articles) routed.get(bySlug.get(a.paper)!)!.push(a);
  return routed;
}

export async function syncServers(
  servers: IngestServer[],
  slugs: string[],
  options: SyncServersOptions,
): Promise<{ reports: ServerIndexReport[]; searchConfig: SearchConfigJson }> {
  const single = servers.length === 1;
  const routed = routeArticles(servers, options.articles, slugs);
  const namesOf = (list: Article[], server: IngestServer) => {
    const slugsHere = server.papers ?? [...new Set(list.map((a) => a.paper))];
    return [
      ...new Set(slugsHere.map((s) => options.paperNames.get(s) ?? s).filter(Boolean)),
    ].sort();
  };
  const outcomes = await Promise.allSettled(
    servers.map(async (server) => {
      if (!server.meili)
        throw (
          server.error ?? new MeiliUnavailableError(null, `server ${server.name} is not connected`)
        );
      const mine = routed.get(server.name)!;
      const client = meiliClient(server.meili.host, server.meili.apiKey);
      const synced = await syncIndex(client, {
        indexUid: options.indexUid,
        // What this server's index is built from: its own articles, in the file's order.
        // What this server's index is built from: its articles as lines of the articles file (one server: the whole file).
        articlesJsonl: mine.map((a) => JSON.stringify(a)).join('\n') + (mine.length ? '\n' : ''),
        articles: mine,
        settings: options.settings,
        wholeWords: options.wholeWords,
        stateFile: options.stateFile(single ? null : server.name),
        host: server.meili.host,
        force: options.force,
        batchBytes: options.batchBytes,
        log: options.log,
        onProgress: single ? options.onProgress : undefined,
      });
      const searchKey = await withRetry('search key', () =>
        ensureSearchKey(client, options.indexUid),
      );
      return { synced, searchKey };
    }),
  );
  if (single && outcomes[0]!.status === 'rejected') throw outcomes[0]!.reason;
  const keys = new Map<string, string>();
  const reports: ServerIndexReport[] = servers.map((server, i) => {
    const outcome = outcomes[i]!;
    const mine = routed.get(server.name)!;
    const base = {
      server: server.name,
      host: server.meili?.host ?? null,
      papers: namesOf(mine, server),
      documents: mine.length,
    };
    if (outcome.status === 'fulfilled') {
      keys.set(server.name, outcome.value.searchKey);
      return {
        ...base,
        action: outcome.value.synced.action,
        staleBuildsRemoved: outcome.value.synced.staleBuildsRemoved,
        error: null,
      };
    }
    const previousKey = options.previous?.servers.find((s) => s.name === server.name)?.apiKey;
    if (previousKey) keys.set(server.name, previousKey);
    return {
      ...base,
      action: 'failed',
      staleBuildsRemoved: [],
      error: (outcome.reason as Error).message,
    };
  });
  if (!single) {
    // Every server learns every server it can be told about (a failed one with its earlier key, so that
    // searches name it as missing); only the servers that answer can be told.
    const remotes = servers
      .map((s) => ({
        name: s.name,
        url: s.meili?.host ?? s.url ?? null,
        searchKey: keys.get(s.name),
      }))
      .filter(
        (r): r is { name: string; url: string; searchKey: string } =>
          r.url !== null && r.searchKey !== undefined,
      );
    for (const [i, server] of servers.entries()) {
      if (reports[i]!.action === 'failed' || !server.meili) continue;
      try {
        await configureNetwork(
          [
            {
              name: server.name,
              host: server.meili.host,
              apiKey: server.meili.apiKey,
              searchKey: keys.get(server.name)!,
            },
          ],
          remotes,
        );
      } catch (error) {
        reports[i] = {
          ...reports[i]!,
          action: 'failed',
          error: `network: ${(error as Error).message}`,
        };
      }
    }
  }
  const searchConfig: SearchConfigJson = {
    index: options.indexUid,
    servers: servers.map((s, i) => ({
      name: s.name,
      host: `${options.searchUrl}/${s.name}`,
      apiKey: keys.get(s.name) ?? '',
      papers: single ? [] : reports[i]!.papers,
    })),
  };
  return { reports, searchConfig };
}
