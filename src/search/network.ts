/**
 * Meilisearch's network (experimental in 1.21): every server learns its own name and every server's
 * address and search key, so that a federated /multi-search sent to any one of them reaches all
 * (src/search/federated.ts). Set by ingest on every server, every time (it is cheap and idempotent).
 * Meilisearch's `sharding` (Enterprise Edition) is not used: baoku routes papers to servers itself.
 */
import { MeiliUnavailableError } from '../errors/index.ts';
import { REQUEST_HEADERS } from './client.ts';

export interface NetworkMember {
  /** The server's name in the network (baoku.config.json servers[].name). */
  name: string;
  /** Its address as the other servers reach it. */
  host: string;
  /** Its master key, to change its settings. */
  apiKey: string;
  /** A key that may search there: what the other servers send with the queries they pass on. */
  searchKey: string;
}

async function patch(member: NetworkMember, path: string, body: unknown): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(`${member.host.replace(/\/+$/, '')}${path}`, {
      method: 'PATCH',
      headers: {
        ...REQUEST_HEADERS,
        'Content-Type': 'application/json',
        Authorization: `Bearer ${member.apiKey}`,
      },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw new MeiliUnavailableError(
      member.host,
      `server ${member.name} at ${member.host} did not answer (${(error as Error).message})`,
      { cause: error },
    );
  }
  const text = await res.text();
  if (!res.ok)
    throw new MeiliUnavailableError(
      member.host,
      `server ${member.name}: PATCH ${path} failed: HTTP ${res.status} ${text}`,
    );
  return JSON.parse(text);
}

/**
 * Turn the network feature on at every member and tell each who it is and who all are: the members,
 * or `everyone` (a server that cannot be reached now is still named, so searches report it missing).
 */
export async function configureNetwork(
  members: NetworkMember[],
  everyone?: { name: string; url: string; searchKey: string }[],
): Promise<void> {
  const all =
    everyone ?? members.map((m) => ({ name: m.name, url: m.host, searchKey: m.searchKey }));
  const remotes = Object.fromEntries(
    all.map((m) => [m.name, { url: m.url, searchApiKey: m.searchKey }]),
  );
  for (const member of members) {
    await patch(member, '/experimental-features', { network: true });
    await patch(member, '/network', { self: member.name, remotes });
  }
}
