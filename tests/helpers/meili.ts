import { randomBytes } from 'node:crypto';
import type { Meilisearch } from 'meilisearch';
import { inject } from 'vitest';
import type { Article } from '../../src/model/article.ts';
import { meiliClient } from '../../src/search/client.ts';
import { toDocuments } from '../../src/search/document.ts';
import { publishIndex } from '../../src/search/publish-index.ts';
import { indexSettings } from '../../src/search/settings.ts';

/** A client with the master key of the test server started by tests/setup/meili.ts. */
export function testClient(): Meilisearch {
  const { host, apiKey } = inject('meili');
  return meiliClient(host, apiKey);
}

/** An index name no other test file uses. */
export function uniqueUid(prefix: string): string {
  return `${prefix}_${randomBytes(4).toString('hex')}`;
}

/** Index articles with the real settings, as ingest does (each document listing the whole words it holds). */
export async function indexArticles(uid: string, articles: Article[], wholeWords: string[] = []) {
  await publishIndex(testClient(), toDocuments(articles, wholeWords), {
    indexUid: uid,
    settings: indexSettings(),
  });
}

/** A valid article with the given fields; the rest empty. */
export function makeArticle(fields: Partial<Article> & { id: string }): Article {
  return {
    paper: 'test',
    paperName: '测试报',
    file: 'test/page.txt',
    line: 1,
    page: null,
    date: null,
    datePrecision: 'unknown',
    dateSource: 'unknown',
    kind: 'article',
    section: null,
    kicker: '',
    headline: '',
    subheadline: '',
    subheads: [],
    body: '',
    tables: [],
    captions: [],
    source: null,
    bylines: [],
    contributors: [],
    districts: [],
    districtAliases: [],
    streets: [],
    keywords: [],
    ...fields,
  };
}
