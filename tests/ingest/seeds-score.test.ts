import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { extractSources } from '../../src/sources/extract-sources.ts';

const shared = resolve(import.meta.dirname, '../../../shared');
const seeds = join(shared, 'seeds');

async function score(dir: string) {
  const { pages } = await extractSources([dir]);
  const out = join(mkdtempSync(join(tmpdir(), 'baoku-score-')), 'pred.jsonl');
  writeFileSync(out, pages.flatMap((p) => p.articles).map((a) => JSON.stringify(a)).join('\n') + '\n');
  return JSON.parse(execFileSync('python3', [join(shared, 'tools/score-extraction'), join(shared, 'gold/seeds.gold.jsonl'), out, '--json'], { encoding: 'utf8' }).trim().split('\n').pop()!);
}

/** The seed pages rewritten by `change`, in a temp folder under the same file names. */
function variant(change: (text: string) => Buffer | string): string {
  const dir = mkdtempSync(join(tmpdir(), 'baoku-variant-'));
  for (const f of readdirSync(seeds)) writeFileSync(join(dir, f), change(readFileSync(join(seeds, f), 'utf8')));
  return dir;
}

describe.skipIf(!existsSync(seeds))('extraction on the sample pages, scored against the hand-made gold', () => {
  it('scores at least 0.95 overall with the shared scorer', async () => {
    const result = await score(seeds);
    expect(result.segmentation.f1).toBeGreaterThanOrEqual(0.95);
    expect(result.title_accuracy).toBeGreaterThanOrEqual(0.95);
    expect(result.byline.f1).toBeGreaterThanOrEqual(0.95);
    expect(result.district.primary_accuracy).toBeGreaterThanOrEqual(0.95);
    expect(result.overall).toBeGreaterThanOrEqual(0.95);
  });

  it('scores as well when the pages come without markdown heading marks', async () => {
    expect((await score(variant((t) => t.replace(/^#{1,6} /gm, '')))).overall).toBeGreaterThanOrEqual(0.95);
  });

  it('scores as well when the pages come in GBK with CRLF line ends', async () => {
    const dir = variant((t) => iconv.encode(t.replace(/\n/g, '\r\n'), 'gb18030'));
    expect((await score(dir)).overall).toBeGreaterThanOrEqual(0.95);
  });
});
