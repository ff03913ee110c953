import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LockBusyError, type LockHolder } from '../../src/errors/index.ts';
import { acquireLock } from '../../src/system/lock.ts';

const lockModule = resolve(import.meta.dirname, '../../src/system/lock.ts');
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0))
    if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

/** Another process that takes the lock and holds it until it is sent SIGTERM (then exits cleanly). */
async function holder(file: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `
    import { acquireLock } from ${JSON.stringify(lockModule)};
    await acquireLock(${JSON.stringify(file)}, { task: 'ingest' });
    process.on('SIGTERM', () => process.exit(0));
    console.log('locked');
    setInterval(() => {}, 1000);
  `,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  children.push(child);
  await new Promise<void>((done) => child.stdout!.once('data', () => done()));
  return child;
}

const exited = (child: ChildProcess) =>
  new Promise((r) =>
    child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r),
  );

describe('the data folder lock', () => {
  it('fails at once, naming the holder and its pid, when told not to wait', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'baoku-lock-')), 'baoku.lock');
    const other = await holder(file);
    const attempt = acquireLock(file, { task: 'ingest', wait: false });
    await expect(attempt).rejects.toBeInstanceOf(LockBusyError);
    await expect(attempt).rejects.toThrow(`ingest (pid ${other.pid}`);
  });

  it('waits for the holder to finish, saying whom it waits for, then takes the lock', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'baoku-lock-')), 'baoku.lock');
    const other = await holder(file);
    const waitedFor: LockHolder[] = [];
    const taking = acquireLock(file, {
      task: 'build',
      onWait: (h) => waitedFor.push(h),
      pollMs: 20,
    });
    await expect.poll(() => waitedFor.length).toBe(1);
    expect(waitedFor[0]).toMatchObject({ pid: other.pid, task: 'ingest' });
    other.kill('SIGTERM');
    const lock = await taking;
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      pid: process.pid,
      task: 'build',
    });
    lock.release();
    expect(existsSync(file)).toBe(false);
  });

  it('takes over the lock of a run that was killed, at once', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'baoku-lock-')), 'baoku.lock');
    const killed = await holder(file);
    killed.kill('SIGKILL');
    await exited(killed);
    expect(existsSync(file)).toBe(true);
    const stale: LockHolder[] = [];
    const lock = await acquireLock(file, {
      task: 'ingest',
      wait: false,
      onStale: (h) => stale.push(h),
    });
    expect(stale.map((h) => h.pid)).toEqual([killed.pid]);
    lock.release();
  });

  it('takes over a lock file that is not one of ours (unreadable)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'baoku-lock-')), 'baoku.lock');
    writeFileSync(file, 'garbage');
    const lock = await acquireLock(file, { task: 'ingest', wait: false });
    expect(JSON.parse(readFileSync(file, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('never releases a lock another process holds', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'baoku-lock-')), 'baoku.lock');
    const lock = await acquireLock(file, { task: 'ingest' });
    const theirs = JSON.stringify({
      pid: 1,
      start: null,
      host: 'elsewhere',
      task: 'ingest',
      since: '',
    });
    writeFileSync(file, theirs);
    lock.release();
    expect(readFileSync(file, 'utf8')).toBe(theirs);
  });
});
