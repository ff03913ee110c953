/**
 * A lock file that says one process at a time writes a data folder (ingest, site build). It records
 * who holds it — pid, start time, host, what it does — so that a second run can wait for the first,
 * say whom it waits for, or give up at once naming it; and so that the lock of a killed run is known
 * to be stale the moment its process is gone.
 *
 * Why not proper-lockfile: it judges staleness by the lock's mtime, refreshed by a timer. Extraction
 * and the Astro build keep the event loop busy for longer than any sensible stale time, so a live
 * ingest's lock would look stale and be taken over — the very collision this lock exists to prevent.
 * A process id and start time are exact, and need no timer.
 */
import {
  linkSync,
  mkdirSync,
  readFileSync,
  rmdirSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { LockBusyError, type LockHolder } from '../errors/index.ts';
import { isAlive, thisProcess } from './processes.ts';

export interface LockOptions {
  /** What this process is doing, recorded for whoever finds the lock held. */
  task: string;
  /** Wait for the holder to finish (default); false throws LockBusyError at once. */
  wait?: boolean;
  /** Told once when this process starts waiting, with whom it waits for. */
  onWait?: (holder: LockHolder) => void;
  /** Told when the lock of a process that no longer runs was taken over. */
  onStale?: (holder: LockHolder) => void;
  /** Pause between checks while waiting, in ms. */
  pollMs?: number;
}

export type { LockHolder };

export interface Lock {
  file: string;
  release(): void;
}

export function describeHolder(h: LockHolder): string {
  return `${h.task} (pid ${h.pid}${h.host === hostname() ? '' : ` on ${h.host}`}, since ${h.since})`;
}

/** The lock file's text, or null when there is none. */
function readLock(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function parseHolder(text: string): LockHolder | null {
  try {
    const h = JSON.parse(text) as LockHolder;
    return Number.isInteger(h.pid) && typeof h.host === 'string' ? h : null;
  } catch {
    return null;
  }
}

// A lock written on another machine (a shared data folder) cannot be checked here: it counts as held.
const holderAlive = (h: LockHolder) => h.host !== hostname() || isAlive(h);

/**
 * Remove a stale lock, once: among several processes that find the same stale lock, the one that makes
 * the `.takeover` folder removes it, and only if it still holds the text that was judged stale.
 */
function takeOver(file: string, staleText: string): boolean {
  const guard = `${file}.takeover`;
  try {
    mkdirSync(guard);
  } catch {
    // Another process is taking over; a guard that outlived its maker by far is removed.
    try {
      if (Date.now() - statSync(guard).mtimeMs > 10_000) rmdirSync(guard);
    } catch {
      // gone already
    }
    return false;
  }
  try {
    if (readLock(file) !== staleText) return false;
    unlinkSync(file);
    return true;
  } finally {
    rmdirSync(guard);
  }
}

/** Take the lock, waiting for a live holder (or failing, with `wait: false`); a dead holder's lock is taken over. */
export async function acquireLock(file: string, options: LockOptions): Promise<Lock> {
  const me: LockHolder = {
    ...thisProcess(),
    host: hostname(),
    task: options.task,
    since: new Date().toISOString(),
  };
  // Written whole beside the lock, then linked into place: a reader never sees a half-written lock,
  // and link, unlike rename, fails when the lock exists.
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(me)}\n`);
  let toldWaiting = false;
  try {
    for (;;) {
      try {
        linkSync(temp, file);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const text = readLock(file);
      if (text === null) continue; // released just now
      const holder = parseHolder(text);
      // A lock is always written whole (see below), so one that does not parse was not made by a live run.
      if (!holder || !holderAlive(holder)) {
        if (takeOver(file, text) && holder) options.onStale?.(holder);
        continue;
      }
      if (options.wait === false) throw new LockBusyError(file, holder, describeHolder(holder));
      if (!toldWaiting) {
        options.onWait?.(holder);
        toldWaiting = true;
      }
      await new Promise((r) => setTimeout(r, options.pollMs ?? 250));
    }
  } finally {
    rmSync(temp, { force: true });
  }
  const mine = `${JSON.stringify(me)}\n`;
  const release = () => {
    process.removeListener('exit', release);
    // Only our own lock: never one that another process took over after us.
    if (readLock(file) === mine) rmSync(file, { force: true });
  };
  // Released on any exit we get to see; after a kill -9 the next run finds the process gone.
  process.once('exit', release);
  return { file, release };
}
