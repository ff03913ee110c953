import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractSources } from '../../src/content/extract-sources.ts';

const shared = resolve(import.meta.dirname, '../../../shared');
const seeds = join(shared, 'seeds');

describe.skipIf(!existsSync(seeds))('extraction on the sample pages, scored against the hand-made gold', () => {
  it('scores at least 0.95 overall with the shared scorer', async () => {
    const { pages } = await extractSources([seeds]);
    const out = join(mkdtempSync(join(tmpdir(), 'baoku-score-')), 'pred.jsonl');
    writeFileSync(out, pages.flatMap((p) => p.articles).map((a) => JSON.stringify(a)).join('\n') + '\n');
    const result = JSON.parse(execFileSync('python3', [join(shared, 'tools/score-extraction'), join(shared, 'gold/seeds.gold.jsonl'), out, '--json'], { encoding: 'utf8' }).trim().split('\n').pop()!);
    expect(result.segmentation.f1).toBeGreaterThanOrEqual(0.95);
    expect(result.title_accuracy).toBeGreaterThanOrEqual(0.95);
    expect(result.byline.f1).toBeGreaterThanOrEqual(0.95);
    expect(result.district.primary_accuracy).toBeGreaterThanOrEqual(0.95);
    expect(result.overall).toBeGreaterThanOrEqual(0.95);
  });
});
