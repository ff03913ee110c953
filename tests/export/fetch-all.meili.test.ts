import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CSV_BOM } from '../../src/export/csv.ts';
import { fetchAll } from '../../src/export/fetch-all.ts';
import { formatRecord, preamble } from '../../src/export/formats.ts';
import type { Article } from '../../src/model/article.ts';
import { emptyRequest } from '../../src/search/query.ts';
import { indexArticles, makeArticle, testClient, uniqueUid } from '../helpers/meili.ts';

const root = resolve(import.meta.dirname, '../..');
const uid = uniqueUid('export');
const N = 1234;
/** Longer than the part of a body stored for snippets (src/search/document.ts): exported whole. */
const LONG_BODY = '亚运会志愿者服务工作总结报告的一段文字。'.repeat(400);
const articles: Article[] = Array.from({ length: N }, (_, i) =>
  makeArticle({
    id: `x${String(i).padStart(5, '0')}`,
    paperName: '测试报',
    headline: `亚运志愿者第${i}号`,
    body:
      i === 0
        ? '=SUM(A1:A9) 开头是等号的正文'
        : i === 1
          ? '@cmd 开头是@的正文, 带"引号"和逗号'
          : i === 2
            ? LONG_BODY
            : `亚运服务第${i}天，志愿者坚守岗位。\n\n第二段。`,
    date: `2023-${String((i % 12) + 1).padStart(2, '0')}-01`,
    datePrecision: 'day',
    dateSource: 'path',
    districts: [i % 2 ? '上城区' : '拱墅区'],
    bylines: [
      { name: '林晓', role: '记者' },
      { name: '孙丽', role: '通讯员' },
    ],
    keywords: ['亚运'],
  }),
);

beforeAll(() => indexArticles(uid, articles), 300_000);
afterAll(async () => {
  await testClient().deleteIndex(uid).waitTask();
});

async function exportAll(
  request = emptyRequest(),
  format: 'csv' | 'jsonl' | 'ris' | 'gbt7714' = 'csv',
) {
  const { host, apiKey } = inject('meili');
  let out = preamble(format);
  let count = 0;
  for await (const a of fetchAll({
    target: { index: uid, servers: [{ name: 'main', host, apiKey, papers: [] }] },
    request,
  })) {
    out += formatRecord(format, a, 'http://localhost:4321');
    count++;
  }
  return { out, count };
}

describe('exporting every match', () => {
  it('returns exactly the hit count for a query matching more than 1,000 articles', async () => {
    const request = { ...emptyRequest(), q: '亚运' };
    const { totalHits } = await testClient().index(uid).search('亚运', { hitsPerPage: 1, page: 1 });
    expect(totalHits).toBeGreaterThan(1000);
    const { count } = await exportAll(request, 'jsonl');
    expect(count).toBe(totalHits);
  });

  it('writes CSV that parses back to the same values, with a BOM and Chinese intact', async () => {
    const request = { ...emptyRequest(), districts: ['上城区'], sort: 'oldest' as const };
    const { out } = await exportAll(request);
    expect(out.startsWith(CSV_BOM)).toBe(true);
    const rows = parse(out.slice(1), { columns: true }) as Record<string, string>[];
    const expected = articles.filter((a) => a.districts[0] === '上城区');
    expect(rows).toHaveLength(expected.length);
    const row = rows.find((r) => r.id === 'x00001')!;
    expect(row.headline).toBe('亚运志愿者第1号');
    expect(row.body).toBe('\'@cmd 开头是@的正文, 带"引号"和逗号');
    expect(row.bylines).toBe('林晓(记者); 孙丽(通讯员)');
    expect(row.url).toBe('http://localhost:4321/a/x00001/');
  });

  it('exports a long body whole, though it is stored in two fields', async () => {
    const { out } = await exportAll({ ...emptyRequest(), q: '亚运志愿者第2号' }, 'jsonl');
    const record = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .find((a) => a.id === 'x00002');
    expect(record.body).toBe(LONG_BODY);
    expect(record).not.toHaveProperty('bodyMore');
  });

  it('neutralises cells that a spreadsheet would run as formulas', async () => {
    const { out } = await exportAll({ ...emptyRequest(), districts: ['拱墅区'] });
    const rows = parse(out.slice(1), { columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r.id === 'x00000')!.body).toBe("'=SUM(A1:A9) 开头是等号的正文");
  });

  it('writes RIS records that a strict RIS reader accepts', async () => {
    const { out } = await exportAll({ ...emptyRequest(), q: '亚运志愿者第7号' }, 'ris');
    const records = readRis(out);
    expect(records.length).toBeGreaterThan(0);
    const rec = records.find((r) => r.ID?.[0] === 'x00007')!;
    expect(rec.TY).toEqual(['NEWS']);
    expect(rec.AU).toEqual(['林晓', '孙丽']);
    expect(rec.TI).toEqual(['亚运志愿者第7号']);
    expect(rec.DA).toEqual(['2023/08/01']);
  });

  it('runs from the command line with the same filters as the site', () => {
    const { host, apiKey } = inject('meili');
    const cli = spawnSync(
      process.execPath,
      [
        join(root, 'scripts/export.ts'),
        '--q',
        '亚运',
        '--district',
        '上城区',
        '--from',
        '2023-03-01',
        '--to',
        '2023-04-30',
        '--format',
        'jsonl',
        '--index',
        uid,
      ],
      {
        cwd: root,
        env: { ...process.env, MEILI_URL: host, MEILI_MASTER_KEY: apiKey },
        encoding: 'utf8',
      },
    );
    expect(cli.status, cli.stderr).toBe(0);
    const ids = cli.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).id)
      .sort();
    const expected = articles
      .filter(
        (a) => a.districts[0] === '上城区' && a.date! >= '2023-03-01' && a.date! <= '2023-04-30',
      )
      .map((a) => a.id)
      .sort();
    expect(ids).toEqual(expected);
  });

  it('refuses a bad format with a clear message', () => {
    const cli = spawnSync(process.execPath, [join(root, 'scripts/export.ts'), '--format', 'xls'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(cli.status).toBe(2);
    expect(cli.stderr).toContain('--format must be one of');
  });
});

/** A strict RIS reader: every line is "XX  - value", records open with TY and close with ER. */
function readRis(text: string): Record<string, string[]>[] {
  const records: Record<string, string[]>[] = [];
  let current: Record<string, string[]> | null = null;
  for (const line of text.split('\r\n').filter(Boolean)) {
    const m = /^([A-Z][A-Z0-9]) {2}- ?(.*)$/.exec(line);
    if (!m) throw new Error(`not a RIS line: ${line}`);
    const [, tag, value] = m;
    if (tag === 'TY') {
      if (current) throw new Error('TY inside a record');
      current = { TY: [value!] };
    } else if (tag === 'ER') {
      if (!current) throw new Error('ER outside a record');
      records.push(current);
      current = null;
    } else {
      if (!current) throw new Error(`${tag} outside a record`);
      current[tag!] = [...(current[tag!] ?? []), value!];
    }
  }
  if (current) throw new Error('unterminated record');
  return records;
}
