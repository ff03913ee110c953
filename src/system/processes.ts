/**
 * Other processes on this machine: is the one that wrote a lock or started a server still alive?
 * A process is named by its pid and its start time, because a pid is reused once its process is gone
 * and a pid alone would make a killed run look alive for as long as something else holds the number.
 * Start times come from /proc (Linux); elsewhere a pid alone is all we can check.
 */
import { readFileSync } from 'node:fs';

export interface ProcessId {
  pid: number;
  /** Start time in clock ticks since boot (/proc/PID/stat field 22); null where /proc is missing. */
  start: string | null;
}

/** Fields 3 onwards of /proc/PID/stat, or null when the process does not exist or /proc cannot tell. */
function stat(pid: number): string[] | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may itself hold spaces or parentheses.
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** The start time of a process, or null when it does not exist or /proc cannot tell. */
export function processStart(pid: number): string | null {
  return stat(pid)?.[19] ?? null;
}

/** This process, as it would be recorded in a lock or a state file. */
export function thisProcess(): ProcessId {
  return { pid: process.pid, start: processStart(process.pid) };
}

/** True while the process runs (and, where /proc tells, is the same process that was recorded). */
export function isAlive(id: ProcessId): boolean {
  try {
    process.kill(id.pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const fields = stat(id.pid);
  // A zombie has exited; it only waits for its parent to read its status.
  if (fields?.[0] === 'Z') return false;
  const start = fields?.[19] ?? null;
  return id.start === null || start === null || start === id.start;
}

/** A process's command line, split into arguments; null when it is gone or /proc cannot tell. */
export function commandLine(pid: number): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return null;
  }
}

/** Ask a process to stop, wait for it, and kill it when it does not stop within `graceMs`. */
export async function stopProcess(id: ProcessId, graceMs = 10_000): Promise<void> {
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(id.pid, s);
    } catch {
      // Already gone.
    }
  };
  if (!isAlive(id)) return;
  signal('SIGTERM');
  const deadline = Date.now() + graceMs;
  while (isAlive(id) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (isAlive(id)) {
    signal('SIGKILL');
    while (isAlive(id)) await new Promise((r) => setTimeout(r, 50));
  }
}
