import { mkdirSync } from 'node:fs';
import { dataFiles } from '../config/index.ts';
import { acquireLock, describeHolder, type Lock } from '../system/lock.ts';

/** Exit status of a run that found the data folder busy and was told not to wait (EX_TEMPFAIL). */
export const BUSY_EXIT_CODE = 75;

/**
 * One writer at a time for a data folder: ingest and the site build take this lock; serving does not.
 * A second run waits for the first and says so, or with `wait: false` fails at once (LockBusyError,
 * naming the holder's pid); the lock of a killed run is taken over.
 */
export async function lockDataDir(
  dataDir: string,
  task: string,
  options: { wait?: boolean; log: (line: string) => void },
): Promise<Lock> {
  mkdirSync(dataDir, { recursive: true });
  return acquireLock(dataFiles(dataDir).lock, {
    task,
    wait: options.wait,
    onWait: (holder) =>
      options.log(
        `${dataDir} is being written by ${describeHolder(holder)}; waiting for it to finish (--no-wait exits instead)`,
      ),
    onStale: (holder) =>
      options.log(`took over the lock of ${describeHolder(holder)}, which is no longer running`),
  });
}
