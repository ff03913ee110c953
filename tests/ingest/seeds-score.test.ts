import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseGold } from '../../src/eval/gold.ts';
import { scoreExtraction } from '../../src/eval/score-extraction.ts';
import { extractSources } from '../../src/sources/extract-sources.ts';

const shared = resolve(import.meta.dirname, '../../../shared');
const seeds = join(shared, 'seeds');
const goldFile = join(shared, 'gold/seeds.gold.jsonl');
const present = existsSync(seeds) && existsSync(goldFile);
if (!present)
  console.log(
    `skipped: the sample pages and their gold labels are not beside the checkout (${seeds}); tests/eval/devset-score.test.ts covers extraction on in-repo pages`,
  );

/** The seed pages extracted and scored with the project's scorer (the same metrics as ../shared/tools/score-extraction). */
async function score(dir: string) {
  const { pages } = await extractSources([dir]);
  const gold = parseGold(readFileSync(goldFile, 'utf8'), goldFile);
  return scoreExtraction(
    gold,
    pages.flatMap((p) => p.articles),
  ).metrics;
}

/** The seed pages rewritten by `change`, in a temp folder under the same file names. */
function variant(change: (text: string) => Buffer | string): string {
  const dir = mkdtempSync(join(tmpdir(), 'baoku-variant-'));
  for (const f of readdirSync(seeds))
    writeFileSync(join(dir, f), change(readFileSync(join(seeds, f), 'utf8')));
  return dir;
}

describe.skipIf(!present)(
  'extraction on the sample pages, scored against the hand-made gold',
  () => {
    it('scores at least 0.97 overall', async () => {
      const result = await score(seeds);
      expect(result.segmentation.f1).toBeGreaterThanOrEqual(0.97);
      expect(result.title_accuracy).toBeGreaterThanOrEqual(0.97);
      expect(result.byline.f1).toBeGreaterThanOrEqual(0.97);
      expect(result.district.primary_accuracy).toBeGreaterThanOrEqual(0.97);
      expect(result.overall).toBeGreaterThanOrEqual(0.97);
    });

    it('scores as well when the pages come without markdown heading marks', async () => {
      expect(
        (await score(variant((t) => t.replace(/^#{1,6} /gm, '')))).overall,
      ).toBeGreaterThanOrEqual(0.95);
    });

    it('scores as well when the pages come in GBK with CRLF line ends', async () => {
      const dir = variant((t) => iconv.encode(t.replace(/\n/g, '\r\n'), 'gb18030'));
      expect((await score(dir)).overall).toBeGreaterThanOrEqual(0.97);
    });
  },
);
