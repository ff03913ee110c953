import { statSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { masterKey } from '../src/search/server.ts';

describe('embedded Meilisearch', () => {
  it('answers health and refuses requests without the master key', async () => {
    const { host, apiKey } = inject('meili');
    expect(host).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${host}/health`)).ok).toBe(true);
    expect((await fetch(`${host}/indexes`)).status).toBe(401);
    expect((await fetch(`${host}/indexes`, { headers: { Authorization: `Bearer ${apiKey}` } })).status).toBe(200);
  });

  it('keeps a generated master key with 0600 permissions and reuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baoku-key-'));
    const first = masterKey(dir);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(statSync(join(dir, 'master-key')).mode & 0o777).toBe(0o600);
    expect(masterKey(dir)).toBe(first);
  });
});
