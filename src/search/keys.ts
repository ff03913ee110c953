import type { Meilisearch } from 'meilisearch';

const KEY_NAME = 'baoku-search';

/**
 * The key the site uses: it may only search, and only the given index. Made once, then found again
 * by name; the master key never leaves the server side.
 */
export async function ensureSearchKey(client: Meilisearch, indexUid: string): Promise<string> {
  const name = `${KEY_NAME}-${indexUid}`;
  const { results } = await client.getKeys({ limit: 1000 });
  const existing = results.find(
    (k) =>
      k.name === name &&
      k.actions.length === 1 &&
      k.actions[0] === 'search' &&
      k.indexes.length === 1 &&
      k.indexes[0] === indexUid,
  );
  if (existing) return existing.key;
  const created = await client.createKey({
    name,
    description: `baoku: search-only key for the ${indexUid} index, used by the website`,
    actions: ['search'],
    indexes: [indexUid],
    expiresAt: null,
  });
  return created.key;
}
