import { renameSync, writeFileSync } from 'node:fs';

/** Write a file so that readers see the old or the new content, never half of it. */
export function writeAtomic(file: string, content: string, mode?: number) {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, content, mode === undefined ? undefined : { mode });
  renameSync(temp, file);
}
