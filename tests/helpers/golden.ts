import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect } from 'vitest';

/**
 * Compare a stage's output with the expected JSON committed beside the test. UPDATE_GOLDEN=1 rewrites
 * it; a missing golden file is written on a developer's machine but fails on CI.
 */
export function expectGolden(file: string, actual: unknown) {
  const text = `${JSON.stringify(actual, null, 2)}\n`;
  if (process.env.UPDATE_GOLDEN === '1' || (!existsSync(file) && !process.env.CI)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  expect(existsSync(file), `golden file ${file} is missing (run with UPDATE_GOLDEN=1)`).toBe(true);
  expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}
