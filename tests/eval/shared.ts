/**
 * Where the benchmark material beside the checkout lives (../shared: corpus, gold, reference scorer), and
 * how tests that need it say why they are skipped on a clean clone.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const shared = resolve(repoRoot, '../shared');
export const sharedScorer = join(shared, 'tools/score-extraction');
export const sharedGold = join(shared, 'gold');
export const sharedCorpus = join(shared, 'corpus');

let python: boolean | null = null;
/** True when python3 runs (the reference scorer is a Python script); when not, a console note says what is skipped. */
export function hasPython(what: string): boolean {
  if (python === null) {
    try {
      execFileSync('python3', ['--version'], { stdio: 'ignore' });
      python = true;
    } catch {
      python = false;
    }
  }
  if (!python)
    console.warn(`[skipped] ${what}: python3 not found (the reference scorer is a Python script)`);
  return python;
}

/** Whether every path exists; when not, a console note naming what is missing, so the skip is visible. */
export function needs(what: string, ...paths: string[]): boolean {
  const missing = paths.filter((p) => !existsSync(p));
  if (missing.length)
    console.warn(
      `[skipped] ${what}: ${missing.join(', ')} not found (a clean clone has no ../shared beside it)`,
    );
  return missing.length === 0;
}
