import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { CorrectionsLog } from '../../src/corrections/schema.ts';
import { InputFileError } from '../../src/errors/index.ts';
import { runIngest, summarise } from '../../src/pipeline/run-ingest.ts';
import { testClient, uniqueUid } from '../helpers/meili.ts';

// The sample content with its corrections file (content/corrections.jsonl), ingested for real.
const uid = uniqueUid('corrections');
const root = mkdtempSync(join(tmpdir(), 'baoku-corr-'));
const content = join(root, 'content');
const dataDir = join(root, 'data');
cpSync(resolve(import.meta.dirname, '../../content'), content, { recursive: true });
const correctionsFile = join(content, 'corrections.jsonl');
const ingest = () =>
  runIngest({ contentDir: content, dataDir, meili: inject('meili'), indexUid: uid });
const articleIds = () =>
  readFileSync(join(dataDir, 'articles.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l).id as string);
const log = () =>
  CorrectionsLog.parse(JSON.parse(readFileSync(join(dataDir, 'corrections-log.json'), 'utf8')));
const search = (q: string) => testClient().index(uid).search(q, { limit: 10 });

const FLOOD = 'b64a9aeeeffa7e21';
const WITHDRAWN = '70668f148dfd69db';

afterAll(async () => {
  await testClient().deleteIndex(uid).waitTask();
  const { results } = await testClient().getKeys({ limit: 1000 });
  for (const key of results.filter((k) => k.indexes.includes(uid)))
    await testClient().deleteKey(key.uid);
});

describe('corrections on every ingest', () => {
  it('applies the sample corrections: the corrected headline is what search finds, the withdrawn article is gone', async () => {
    const report = await ingest();
    expect(report.corrections).toMatchObject({ total: 3, applied: 3, unchanged: 0, unmatched: [] });
    const { hits } = await search('防汛应急演练');
    expect(hits[0]).toMatchObject({ id: FLOOD, headline: '望江街道开展防汛应急演练' });
    expect(articleIds()).not.toContain(WITHDRAWN);
    expect((await search('停水通知')).hits.map((h) => h.id)).not.toContain(WITHDRAWN);
    expect(log().tombstones).toEqual([
      expect.objectContaining({ id: WITHDRAWN, kind: 'withdrawn' }),
    ]);
  });

  it('re-attaches a correction when changed text gives its article a new id, and says so', async () => {
    const page = join(content, 'shili/2023-06-20/1.md');
    writeFileSync(
      page,
      readFileSync(page, 'utf8').replace('6月16日下午,望江街道', '6月16日15时,望江街道'),
    );
    const report = await ingest();
    expect(articleIds()).not.toContain(FLOOD);
    const [moved] = report.corrections.reattached;
    expect(moved).toMatchObject({ from: FLOOD, line: 5 });
    const { hits } = await search('防汛应急演练');
    expect(hits[0]).toMatchObject({ id: moved!.to, headline: '望江街道开展防汛应急演练' });
    expect(summarise(report)).toContain(`article ${FLOOD} is now ${moved!.to}`);
  });

  it('reports a correction whose article no longer exists, in the summary and the report, and keeps it in the log', async () => {
    appendFileSync(
      correctionsFile,
      `${JSON.stringify({
        action: 'edit',
        id: 'ffffffffffffffff',
        file: 'shili/2022-01-01/9.md',
        headline: '不存在的文章',
        start: '这篇文章从来没有',
        set: { kind: 'brief' },
        reason: '测试',
        date: '2024-01-01',
      })}\n`,
    );
    const report = await ingest();
    expect(report.corrections.unmatched).toEqual([
      expect.objectContaining({ line: 8, id: 'ffffffffffffffff' }),
    ]);
    const saved = JSON.parse(readFileSync(join(dataDir, 'ingest-report.json'), 'utf8'));
    expect(saved.corrections.unmatched).toHaveLength(1);
    expect(summarise(report)).toMatch(
      /corrections\.jsonl:8: edit not applied: no article has id ffffffffffffffff/,
    );
    expect(log().entries.find((e) => e.line === 8)?.status).toBe('unmatched');
  });

  it('stops on a malformed correction, naming the file and line, and leaves the index as it was', async () => {
    const before = (await testClient().index(uid).getStats()).numberOfDocuments;
    appendFileSync(correctionsFile, '{"action":"withdraw","id":"x"}\n');
    const error = await ingest().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputFileError);
    expect((error as Error).message).toMatch(/corrections\.jsonl:9: /);
    expect((await testClient().index(uid).getStats()).numberOfDocuments).toBe(before);
  });
});
