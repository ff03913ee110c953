/**
 * The TypeScript scorer against the reference Python scorer (../shared/tools/score-extraction): the same
 * gold and predictions must print the same report, byte for byte, in every mode.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractSources } from '../../src/sources/extract-sources.ts';
import { formatReport } from '../../src/eval/format-score.ts';
import { parseGold, parsePredictions } from '../../src/eval/gold.ts';
import { scoreExtraction } from '../../src/eval/score-extraction.ts';
import { hasPython, needs, shared, sharedCorpus, sharedGold, sharedScorer } from './shared.ts';

const seeds = join(shared, 'seeds');
const month = join(sharedCorpus, 'rmrb-2019-2020', '201902');
const available =
  needs('Python-vs-TypeScript scorer parity', sharedScorer, seeds, month, sharedGold) &&
  hasPython('Python-vs-TypeScript scorer parity');

const tmp = () => mkdtempSync(join(tmpdir(), 'baoku-parity-'));

function python(goldPath: string, predPath: string, flags: string[]): string {
  return execFileSync('python3', [sharedScorer, goldPath, predPath, ...flags], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
}

/** Both scorers on the same two files, in each output mode. */
function expectSameReports(goldText: string, predText: string) {
  const dir = tmp();
  const goldPath = join(dir, 'gold.jsonl');
  const predPath = join(dir, 'pred.jsonl');
  writeFileSync(goldPath, goldText);
  writeFileSync(predPath, predText);
  const result = scoreExtraction(parseGold(goldText), parsePredictions(predText));
  expect(formatReport(result, { json: true })).toBe(python(goldPath, predPath, ['--json']));
  expect(formatReport(result, { verbose: true })).toBe(python(goldPath, predPath, ['--verbose']));
  expect(formatReport(result)).toBe(python(goldPath, predPath, []));
  return result.metrics;
}

async function extracted(dir: string): Promise<string> {
  const { pages } = await extractSources([dir]);
  return pages.flatMap((p) => p.articles.map((a) => `${JSON.stringify(a)}\n`)).join('');
}

describe.skipIf(!available)('the TypeScript scorer prints what the Python scorer prints', () => {
  it('on the sample pages, extracted as `npm run extract` does', async () => {
    const metrics = expectSameReports(
      readFileSync(join(sharedGold, 'seeds.gold.jsonl'), 'utf8'),
      await extracted(seeds),
    );
    expect(metrics.gold_articles).toBe(33);
  });

  it('on a month of the PDF-style corpus (2019-02), gold filtered to its files', async () => {
    const files = new Set(readdirSync(month));
    const goldText = readFileSync(join(sharedGold, 'corpus.gold.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() && files.has((JSON.parse(line) as { file: string }).file))
      .map((line) => `${line}\n`)
      .join('');
    const metrics = expectSameReports(goldText, await extracted(month));
    expect(metrics.gold_articles).toBeGreaterThan(1000);
  });

  it('on odd but valid predictions: other field names, lists, strings, nulls, duplicates, stray files', () => {
    const gold = [
      {
        file: 'a.txt',
        kind: 'article',
        titles: ['引题——', '主标题'],
        first: '“第一句”开头',
        last: '结尾。',
        bylines: [
          { name: '甲某', role: '记者' },
          { name: '乙某', role: '作者' },
        ],
        bylines_ok: ['丙某'],
        districts: ['西湖区', '余杭区'],
        districts_ok: ['拱墅区'],
      },
      {
        file: 'a.txt',
        kind: 'brief',
        titles: [],
        first: '第二篇',
        last: '完。',
        bylines: [],
        districts: ['余杭区'],
      },
      {
        file: 'a.txt',
        kind: 'article',
        titles: ['同一开头'],
        first: '第二篇',
        last: '另一结尾',
        bylines: [
          { name: '甲某', role: '通讯员' },
          { name: '甲某', role: '记者' },
        ],
        districts: [],
      },
      {
        file: 'b.md',
        kind: 'notice',
        titles: ['公告'],
        first: '经研究决定',
        last: '特此公告。',
        bylines: [],
        districts: ['萧山区'],
      },
    ];
    const predicted = [
      {
        source: { file: 'x/a.txt' },
        kicker: '引题',
        headline: null,
        subheadline: '主标题',
        text: ['"第一句"开头', '结尾。'],
        bylines: ['甲某', { name: '丙某', role: '记者' }, { role: '记者' }],
        districts: [{ name: '西湖区' }, { name: '' }, '拱墅区', '萧山区'],
      },
      {
        sourceFile: 'a.txt',
        headline: '',
        body: '第二篇 完。 另一结尾',
        bylines: null,
        districts: null,
      },
      {
        file: 'a.txt',
        headline: '同一开头',
        body: '第二篇 另一结尾',
        bylines: [
          { name: '甲某', role: '通讯员' },
          { name: '甲某', role: '记者' },
        ],
        districts: ['余杭区'],
      },
      {
        file: '/abs/b.md',
        headline: '公 告',
        body: '经研究决定……特此公告。',
        bylines: [],
        districts: ["萧山区'"],
      },
      { file: 'c.txt', headline: '无人认领', body: '不计入' },
      { headline: '没有文件', body: '第二篇完。' },
    ];
    const lines = (rows: object[]) => rows.map((r) => `${JSON.stringify(r)}\n`).join('');
    const metrics = expectSameReports(lines(gold), lines(predicted));
    expect(metrics.predicted_articles).toBe(4);
  });
});
