import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { runIngest } from '../../src/pipeline/run-ingest.ts';
import { testClient, uniqueUid } from '../helpers/meili.ts';

const uid = uniqueUid('incremental');
const root = mkdtempSync(join(tmpdir(), 'baoku-incr-'));
const content = join(root, 'content');
const dataDir = join(root, 'data');
cpSync(resolve(import.meta.dirname, '../../content'), content, { recursive: true });
const ingest = () =>
  runIngest({ contentDir: content, dataDir, meili: inject('meili'), indexUid: uid });
const pageFiles = () =>
  (readdirSync(content, { recursive: true }) as string[]).filter((f) => /\.(txt|md)$/.test(f))
    .length;
const files = () =>
  readFileSync(join(dataDir, 'articles.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l).file as string);

afterAll(async () => {
  await testClient().deleteIndex(uid).waitTask();
  const { results } = await testClient().getKeys({ limit: 1000 });
  for (const key of results.filter((k) => k.indexes.includes(uid)))
    await testClient().deleteKey(key.uid);
});

describe('incremental ingest', () => {
  it('re-extracts only changed files, replaces their articles and drops those of removed files', async () => {
    const first = await ingest();
    const pages = pageFiles();
    expect(first.filesIngested).toBe(pages);
    const removedFilter = {
      filter: ['file = "zhejiang-sample/002_83ee49fea69f0aa9.txt"'],
      limit: 50,
    };
    expect((await testClient().index(uid).search('', removedFilter)).hits.length).toBeGreaterThan(
      5,
    );
    const gongshu = join(content, 'gongshu', '004_fc60584fe38a2b35.txt');
    writeFileSync(
      gongshu,
      readFileSync(gongshu, 'utf8').replace('杭州中心项目迎来新进展', '杭州中心项目再传捷报'),
    );
    rmSync(join(content, 'zhejiang-sample'), { recursive: true });
    const second = await ingest();
    expect(second.files.find((f) => f.file.startsWith('gongshu'))?.status).toBe('ingested');
    // One page changed, one paper's only page removed.
    expect(second.filesUnchanged).toBe(pages - 2);
    expect(second.filesSeen).toBe(pages - 1);
    expect(second.index.action).toBe('rebuilt');
    expect(files().some((f) => f.startsWith('zhejiang-sample'))).toBe(false);
    const renamed = await testClient().index(uid).search('再传捷报', { limit: 1 });
    expect(renamed.hits[0]?.headline).toBe('杭州中心项目再传捷报');
    const old = await testClient().index(uid).search('', removedFilter);
    expect(old.hits).toEqual([]);
    expect((await testClient().index(uid).getStats()).numberOfDocuments).toBe(second.articles);
  });
});
