import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { masterKey, startMeili } from '../../src/search/server.ts';
import { isAlive } from '../../src/system/processes.ts';

const repo = resolve(import.meta.dirname, '../..');

describe('embedded Meilisearch', () => {
  it('answers health and refuses requests without the master key', async () => {
    const { host, apiKey } = inject('meili');
    expect(host).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${host}/health`)).ok).toBe(true);
    expect((await fetch(`${host}/indexes`)).status).toBe(401);
    expect(
      (await fetch(`${host}/indexes`, { headers: { Authorization: `Bearer ${apiKey}` } })).status,
    ).toBe(200);
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
    const meili = await startMeili({ dataDir: dir, port: 0 });
    try {
      expect(meili.pid).toBeGreaterThan(0);
      const argv = readFileSync(`/proc/${meili.pid}/cmdline`, 'utf8').split('\0');
      expect(argv.some((a) => a.includes('meilisearch'))).toBe(true);
      expect(argv.join(' ')).not.toContain(meili.apiKey);
      expect(argv).not.toContain('--master-key');
      // The key still protects the server: it is read from MEILI_MASTER_KEY.
      expect((await fetch(`${meili.host}/keys`)).status).toBe(401);
      expect(
        (
          await fetch(`${meili.host}/keys`, {
            headers: { Authorization: `Bearer ${meili.apiKey}` },
          })
        ).status,
      ).toBe(200);
      expect(readFileSync(join(dir, 'meilisearch.log'), 'utf8')).not.toContain(meili.apiKey);
    } finally {
      await meili.stop();
    }
  });
});

describe('an embedded server left behind or dying', () => {
  it('stops the orphan a killed run left on the data folder, says so, and starts its own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baoku-orphan-'));
    // A baoku process that starts the server and is then killed with no chance to stop it.
    const parent = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `
      import { startMeili } from ${JSON.stringify(join(repo, 'src/search/server.ts'))};
      const m = await startMeili({ dataDir: ${JSON.stringify(dir)}, port: 0 });
      console.log(JSON.stringify({ pid: m.pid }));
      setInterval(() => {}, 1000);
    `,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const orphan = await new Promise<number>((done) =>
      parent.stdout.once('data', (chunk: Buffer) => done(JSON.parse(chunk.toString()).pid)),
    );
    parent.kill('SIGKILL');
    await new Promise((r) => parent.once('exit', r));
    expect(isAlive({ pid: orphan, start: null })).toBe(true);

    const meili = await startMeili({ dataDir: dir, port: 0 });
    try {
      expect(meili.notes.join('\n')).toContain(`orphaned Meilisearch (pid ${orphan})`);
      expect(isAlive({ pid: orphan, start: null })).toBe(false);
      expect(meili.embedded).toBe(true);
      expect(meili.pid).not.toBe(orphan);
      expect((await fetch(`${meili.host}/health`)).ok).toBe(true);
    } finally {
      await meili.stop();
    }
  });

  it('shares the server of a live baoku process instead of stopping it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baoku-shared-'));
    const first = await startMeili({ dataDir: dir, port: 0 });
    const second = await startMeili({ dataDir: dir, port: 0 });
    try {
      expect(second).toMatchObject({ host: first.host, embedded: false, notes: [] });
      expect(isAlive({ pid: first.pid!, start: null })).toBe(true);
    } finally {
      await second.stop();
      await first.stop();
    }
  });

  it('restarts a server that dies while it is in use, on the same address, and logs it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baoku-restart-'));
    const lines: string[] = [];
    const meili = await startMeili({
      dataDir: dir,
      port: 0,
      restart: { log: (l) => lines.push(l) },
    });
    try {
      const first = meili.pid!;
      process.kill(first, 'SIGKILL');
      await expect.poll(() => lines.join('\n'), { timeout: 30_000 }).toContain('is back');
      expect(lines[0]).toContain(
        `Meilisearch (pid ${first}) stopped unexpectedly (killed by SIGKILL); restarting it (attempt 1 of 5)`,
      );
      expect(meili.pid).not.toBe(first);
      expect((await fetch(`${meili.host}/health`)).ok).toBe(true);
    } finally {
      await meili.stop();
    }
    expect(isAlive({ pid: meili.pid!, start: null })).toBe(false);
  });
});
