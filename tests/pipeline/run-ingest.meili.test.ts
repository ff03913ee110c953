import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runIngest, summarise, type IngestReport } from '../../src/pipeline/run-ingest.ts';
import { ensureSearchKey } from '../../src/search/keys.ts';
import { quoteWholeWords } from '../../src/search/whole-words.ts';
import { testClient, uniqueUid } from '../helpers/meili.ts';

const content = resolve(import.meta.dirname, '../../content');
const uid = uniqueUid('ingest');
const dataDir = mkdtempSync(join(tmpdir(), 'baoku-ingest-'));
let first: IngestReport;

const ingest = (force = false) =>
  runIngest({ contentDir: content, dataDir, meili: inject('meili'), indexUid: uid, force });
/** The words ingest published for the search to send as phrases (data/search.json). */
const wholeWords = (): string[] =>
  JSON.parse(readFileSync(join(dataDir, 'search.json'), 'utf8')).wholeWords;
/** A search as the site sends it. */
const search = (q: string, extra: Record<string, unknown> = {}) =>
  testClient()
    .index(uid)
    .search(quoteWholeWords(q, wholeWords()), { limit: 5, ...extra });

beforeAll(async () => {
  first = await ingest();
});
afterAll(async () => {
  await testClient().deleteIndex(uid).waitTask();
  const { results } = await testClient().getKeys({ limit: 1000 });
  for (const key of results.filter((k) => k.indexes.includes(uid)))
    await testClient().deleteKey(key.uid);
});

describe('ingesting the sample content', () => {
  it('extracts every page and indexes every article', async () => {
    const pageFiles = (readdirSync(content, { recursive: true }) as string[]).filter((f) =>
      /\.(txt|md)$/.test(f),
    );
    expect(first.filesSeen).toBe(pageFiles.length);
    expect(first.filesSkipped).toBe(0);
    expect(first.articles).toBeGreaterThanOrEqual(30);
    expect(first.index.action).toBe('rebuilt');
    expect((await testClient().index(uid).getStats()).numberOfDocuments).toBe(first.articles);
    const lines = readFileSync(join(dataDir, 'articles.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(first.articles);
    const report = JSON.parse(readFileSync(join(dataDir, 'ingest-report.json'), 'utf8'));
    expect(report.files.map((f: { file: string }) => f.file).sort()).toEqual(
      first.files.map((f) => f.file).sort(),
    );
  });

  it('finds the article about 小哥畅行 when a reader types 小哥码', async () => {
    const { hits } = await search('小哥码');
    expect(hits[0]?.headline).toContain('小哥畅行');
  });

  it('finds the 余杭区 article for 智慧印章', async () => {
    const { hits } = await search('智慧印章');
    expect(hits[0]?.headline).toContain('余杭区');
    expect(hits[0]?.districts[0]).toBe('余杭区');
  });

  it('applies the index settings', async () => {
    const settings = await testClient().index(uid).getSettings();
    expect(settings.searchableAttributes?.[0]).toBe('headline');
    expect(settings.localizedAttributes).toEqual([{ attributePatterns: ['*'], locales: ['cmn'] }]);
    expect(settings.pagination?.maxTotalHits).toBeGreaterThanOrEqual(1_000_000);
    expect(settings.sortableAttributes).toContain('dateNum');
    expect(settings.filterableAttributes).toEqual(
      expect.arrayContaining([
        'places.lvl0',
        'places.lvl1',
        'paperName',
        'dateNum',
        'reporters',
        'kind',
      ]),
    );
    // Words jieba cuts in pieces are searched as phrases, not kept in Meilisearch's dictionary (read on every search).
    expect(settings.dictionary).toEqual([]);
    expect(wholeWords()).toEqual(expect.arrayContaining(['湖墅', '小哥码']));
    expect(settings.synonyms?.下城区).toContain('拱墅区');
  });

  it('matches 湖墅 as a word, only in text that has it', async () => {
    const { hits } = await search('湖墅', { limit: 50 });
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(`${hit.headline}${hit.body}`).toContain('湖墅');
    // Sent as typed, 湖 and 墅 anywhere in an article match too.
    const raw = await testClient().index(uid).search('湖墅', { limit: 50 });
    expect(raw.hits.length).toBeGreaterThan(hits.length);
  });

  it('finds simplified 数字化改革 for a traditional-script query', async () => {
    const { hits } = await search('數字化改革', {
      limit: 50,
      attributesToSearchOn: ['body', 'headline'],
    });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.some((h) => `${h.headline}${h.body}`.includes('数字化改革'))).toBe(true);
  });

  it('changes nothing when the same content is ingested again', async () => {
    const before = readFileSync(join(dataDir, 'articles.jsonl'));
    const docsBefore = await testClient().index(uid).getDocuments({ limit: 1000 });
    const again = await ingest();
    expect(again.index.action).toBe('unchanged');
    expect(again.filesUnchanged).toBe(first.filesSeen);
    expect(readFileSync(join(dataDir, 'articles.jsonl'))).toEqual(before);
    const forced = await ingest(true);
    expect(forced.index.action).toBe('rebuilt');
    const docsAfter = await testClient().index(uid).getDocuments({ limit: 1000 });
    const byId = (r: typeof docsBefore) =>
      [...r.results].sort((a, b) => String(a.id).localeCompare(String(b.id)));
    expect(byId(docsAfter)).toEqual(byId(docsBefore));
  });

  it('removes a half-built index a killed run left behind, even when nothing else changed, and says so', async () => {
    const leftover = `${uid}_build_1700000000000`;
    await testClient().createIndex(leftover, { primaryKey: 'id' }).waitTask();
    const again = await ingest();
    expect(again.index.action).toBe('unchanged');
    expect(again.index.staleBuildsRemoved).toEqual([leftover]);
    expect(summarise(again)).toContain(
      `removed ${leftover}, a half-built index an earlier run left behind`,
    );
    const { results } = await testClient().getIndexes({ limit: 1000 });
    expect(results.map((i) => i.uid)).not.toContain(leftover);
  });

  it('writes only a search key for the site, which cannot write', async () => {
    const config = JSON.parse(readFileSync(join(dataDir, 'search.json'), 'utf8')).servers[0];
    const { host, apiKey: master } = inject('meili');
    // The browser reaches the server through the site's same-origin proxy (src/pipeline/serve-site.ts).
    expect(config.host).toBe('/meili/main');
    expect(config.apiKey).not.toBe(master);
    const call = (method: string, path: string, body?: unknown) =>
      fetch(`${host}${path}`, {
        method,
        headers: { Authorization: `Bearer ${config.apiKey}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    expect((await call('POST', `/indexes/${uid}/search`, { q: '小哥码' })).status).toBe(200);
    expect((await call('POST', `/indexes/${uid}/documents`, [{ id: 'x' }])).status).toBe(403);
    expect((await call('DELETE', `/indexes/${uid}/documents`)).status).toBe(403);
    expect((await call('PATCH', `/indexes/${uid}/settings`, { rankingRules: [] })).status).toBe(
      403,
    );
    expect((await call('GET', '/keys')).status).toBe(403);
    expect((await call('POST', '/indexes/other/search', { q: 'x' })).status).toBe(403);
  });

  it('reuses the search key on every ingest instead of making a new one', async () => {
    const config = JSON.parse(readFileSync(join(dataDir, 'search.json'), 'utf8')).servers[0];
    expect(await ensureSearchKey(testClient(), uid)).toBe(config.apiKey);
    const { results } = await testClient().getKeys({ limit: 1000 });
    const mine = results.filter((k) => k.indexes.includes(uid));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ actions: ['search'], indexes: [uid], expiresAt: null });
  });
});
