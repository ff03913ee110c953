import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { masterKey, startMeili } from '../src/search/server.ts';

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

describe('the master key of the embedded server', () => {
  it('is passed in the environment, never on the command line or in the log', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baoku-argv-'));
    const meili = await startMeili({ dataDir: dir, port: 0, env: {} });
    try {
      expect(meili.pid).toBeGreaterThan(0);
      const argv = readFileSync(`/proc/${meili.pid}/cmdline`, 'utf8').split('\0');
      expect(argv.some((a) => a.includes('meilisearch'))).toBe(true);
      expect(argv.join(' ')).not.toContain(meili.apiKey);
      expect(argv).not.toContain('--master-key');
      // The key still protects the server: it is read from MEILI_MASTER_KEY.
      expect((await fetch(`${meili.host}/keys`)).status).toBe(401);
      expect((await fetch(`${meili.host}/keys`, { headers: { Authorization: `Bearer ${meili.apiKey}` } })).status).toBe(200);
      expect(readFileSync(join(dir, 'meilisearch.log'), 'utf8')).not.toContain(meili.apiKey);
    } finally {
      await meili.stop();
    }
  });
});
