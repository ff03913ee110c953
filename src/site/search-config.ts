/**
 * The runtime search configuration, served as /search-config.json beside the built site (written by
 * ingest as data/search.json): the index, and the servers with a search-only key each. One server is
 * the usual case; several when papers are spread over servers (baoku.config.json `servers`).
 * Read by the search page and the export menu.
 */
import type { SearchTarget } from '../search/federated.ts';

/** The file's shape: `servers`, or the older single `host` + `apiKey`. */
export interface SearchConfigFile {
  index: string;
  indexVersion?: string;
  servers?: { name: string; host: string; apiKey: string; papers?: string[] }[];
  host?: string;
  apiKey?: string;
  wholeWords?: string[];
}

/** The search target the file describes, or null when it names no index or no usable server. */
export function parseSearchConfig(json: unknown): SearchTarget | null {
  const file = json as SearchConfigFile | null;
  if (!file || typeof file.index !== 'string' || !file.index) return null;
  const servers =
    file.servers ??
    (file.host && file.apiKey ? [{ name: 'main', host: file.host, apiKey: file.apiKey }] : []);
  const usable = servers.filter((s) => s.host && s.apiKey && s.name);
  if (usable.length === 0) return null;
  const target: SearchTarget = {
    index: file.index,
    servers: usable.map((s) => ({
      name: s.name,
      host: s.host,
      apiKey: s.apiKey,
      papers: s.papers ?? [],
    })),
  };
  if (typeof file.indexVersion === 'string') target.version = file.indexVersion;
  if (Array.isArray(file.wholeWords))
    target.wholeWords = file.wholeWords.filter((w): w is string => typeof w === 'string');
  return target;
}

/** /search-config.json as this site serves it; null when there is none (search not set up) or it is unusable. */
export async function loadSearchConfig(): Promise<SearchTarget | null> {
  try {
    const res = await fetch('/search-config.json', { cache: 'no-store' });
    if (!res.ok) return null;
    return parseSearchConfig(await res.json());
  } catch {
    return null;
  }
}
