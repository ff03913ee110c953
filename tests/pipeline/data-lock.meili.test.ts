import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '../..');

/** `npm run ingest` as a scheduler would start it, with the embedded server (no MEILI_URL). */
function ingest(content: string, dataDir: string, ...flags: string[]) {
  const env = { ...process.env };
  delete env.MEILI_URL;
  delete env.MEILI_MASTER_KEY;
  const child = spawn(
    process.execPath,
    [join(repo, 'scripts/ingest.ts'), '--content', content, '--data', dataDir, ...flags],
    { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const done = new Promise<{ code: number | null; output: string }>((r) =>
    child.on('exit', (code) => r({ code, output })),
  );
  return { child, done };
}

async function lockTaken(dataDir: string) {
  const file = join(dataDir, 'baoku.lock');
  await expect.poll(() => existsSync(file), { timeout: 30_000, interval: 20 }).toBe(true);
  return JSON.parse(readFileSync(file, 'utf8')) as { pid: number };
}

describe('two ingests of one data folder at once', () => {
  const content = mkdtempSync(join(tmpdir(), 'baoku-two-content-'));
  cpSync(join(repo, 'content'), content, { recursive: true });

  it('both finish: the second waits for the first, saying so, and both see the same index', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'baoku-two-'));
    const first = ingest(content, dataDir);
    const holder = await lockTaken(dataDir);
    expect(holder.pid).toBe(first.child.pid);
    const second = ingest(content, dataDir);
    const [a, b] = await Promise.all([first.done, second.done]);
    expect(a.code, a.output).toBe(0);
    expect(b.code, b.output).toBe(0);
    expect(b.output).toContain(`is being written by ingest (pid ${first.child.pid}`);
    expect(b.output).toContain('waiting for it to finish');
    expect(a.output).toContain('rebuilt and swapped in');
    expect(b.output).toContain('index articles: unchanged');
    expect(existsSync(join(dataDir, 'baoku.lock'))).toBe(false);
  }, 120_000);

  it("with --no-wait, the second exits at once naming the running one's pid", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'baoku-two-'));
    const first = ingest(content, dataDir);
    await lockTaken(dataDir);
    const second = await ingest(content, dataDir, '--no-wait').done;
    expect(second.code).toBe(75);
    expect(second.output).toContain(`is being written by ingest (pid ${first.child.pid}`);
    expect(second.output).toContain('not waiting (--no-wait)');
    expect((await first.done).code).toBe(0);
  }, 120_000);
});
