import { afterAll, describe, expect, it } from 'vitest';
import { toDocument } from '../../src/search/document.ts';
import { batchesByBytes, publishIndex } from '../../src/search/publish-index.ts';
import { indexSettings } from '../../src/search/settings.ts';
import { makeArticle, testClient, uniqueUid } from '../helpers/meili.ts';

const uid = uniqueUid('batches');
afterAll(async () => {
  await testClient().deleteIndex(uid).waitTask();
});

const articles = Array.from({ length: 12 }, (_, i) =>
  makeArticle({ id: `b${i}`, headline: `第${i}篇`, body: '长'.repeat(300 * (i + 1)) }),
);
const bytes = (docs: unknown[]) => Buffer.byteLength(JSON.stringify(docs));

describe('batches sized by bytes', () => {
  it('keeps every batch under the byte limit, in order, without losing a document', () => {
    const docs = articles.map(toDocument);
    const batches = batchesByBytes(docs, 20_000);
    expect(batches.length).toBeGreaterThan(3);
    for (const batch of batches) expect(bytes(batch)).toBeLessThanOrEqual(20_000);
    expect(batches.flat().map((d) => d.id)).toEqual(docs.map((d) => d.id));
  });

  it('sends a document larger than the limit alone rather than dropping it', () => {
    const docs = articles.map(toDocument);
    const batches = batchesByBytes(docs, 5_000);
    expect(batches.flat()).toHaveLength(docs.length);
    expect(batches.filter((b) => bytes(b) > 5_000).every((b) => b.length === 1)).toBe(true);
  });

  it('indexes every document when the build is sent in many small batches', async () => {
    const seen: number[] = [];
    await publishIndex(testClient(), articles.map(toDocument), {
      indexUid: uid,
      settings: indexSettings(),
      batchBytes: 25_000,
      onProgress: (done) => seen.push(done),
    });
    expect((await testClient().index(uid).getStats()).numberOfDocuments).toBe(articles.length);
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.at(-1)).toBe(articles.length);
  });
});
