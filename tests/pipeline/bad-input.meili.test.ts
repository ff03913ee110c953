import {
  mkdirSync,
  mkdtempSync,
  writeFileSync,
  truncateSync,
  openSync,
  closeSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runIngest, type FileReport, type IngestReport } from '../../src/pipeline/run-ingest.ts';
import { testClient, uniqueUid } from '../helpers/meili.ts';

const PAGE = (topic: string) => `## ${topic}工作推进会召开

本报讯(记者 林晓 通讯员 何佳)3月5日上午,我区召开${topic}工作推进会,部署今年重点工作。

会议要求,各街道要压实责任,确保${topic}工作取得实效。
`;

const uid = uniqueUid('badinput');
const root = mkdtempSync(join(tmpdir(), 'baoku-bad-'));
const content = join(root, 'content');
const dataDir = join(root, 'data');
let report: IngestReport;
const file = (name: string) =>
  report.files.find((f) => f.file === join('town', name)) as FileReport;

beforeAll(async () => {
  const dir = join(content, 'town');
  mkdirSync(join(dir, '2023-03-06'), { recursive: true });
  writeFileSync(
    join(content, 'papers.json'),
    JSON.stringify({
      papers: [{ slug: 'town', name: '城区报', homeDistrict: '拱墅区', region: '浙江省杭州市' }],
    }),
  );
  writeFileSync(join(dir, 'utf8.txt'), PAGE('安全生产'));
  writeFileSync(
    join(dir, 'utf8-bom.txt'),
    Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PAGE('垃圾分类'))]),
  );
  writeFileSync(join(dir, 'gbk.txt'), iconv.encode(PAGE('防汛防台'), 'gbk'));
  writeFileSync(join(dir, 'gb18030.txt'), iconv.encode(PAGE('消防安全𠀾'), 'gb18030'));
  writeFileSync(
    join(dir, 'utf16le.txt'),
    Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(PAGE('文明创建'), 'utf-16le')]),
  );
  writeFileSync(
    join(dir, 'utf16be.txt'),
    Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(PAGE('食品安全'), 'utf-16be')]),
  );
  writeFileSync(join(dir, 'crlf.txt'), PAGE('交通治理').replace(/\n/g, '\r\n'));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(
    join(dir, 'picture.txt'),
    Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 1, 0,
    ]),
  );
  writeFileSync(
    join(dir, 'nul.txt'),
    Buffer.concat([Buffer.from(PAGE('水环境')), Buffer.from([0, 0, 0]), Buffer.from(PAGE('河道'))]),
  );
  const big = join(dir, 'huge.txt');
  const fd = openSync(big, 'w');
  writeSync(fd, PAGE('超大文件'));
  closeSync(fd);
  truncateSync(big, 50 * 1024 * 1024);
  writeFileSync(join(dir, '2023-03-06', '1.txt'), PAGE('老旧小区改造'));
  writeFileSync(join(dir, 'bad-date.txt'), PAGE('旧改'));
  writeFileSync(join(dir, 'bad-date.meta.json'), JSON.stringify({ date: '2023-02-30' }));
  writeFileSync(join(dir, 'twice-a.txt'), PAGE('社区治理'));
  writeFileSync(join(dir, 'twice-b.txt'), PAGE('社区治理'));
  writeFileSync(
    join(dir, 'hostile.txt'),
    PAGE('网络安全').replace(
      '部署今年重点工作',
      '<script>alert(1)</script> &amp; &lt;b&gt; <em>假</em> __ais-highlight__x__/ais-highlight__',
    ),
  );
  mkdirSync(join(content, 'nopaper'), { recursive: true });
  writeFileSync(join(content, 'nopaper', 'page.txt'), PAGE('未知报纸'));
  report = await runIngest({ contentDir: content, dataDir, meili: inject('meili'), indexUid: uid });
}, 120_000);

afterAll(async () => {
  await testClient().deleteIndex(uid).waitTask();
});

describe('bad input: every file accounted for, one bad file never stops the rest', () => {
  it('lists every input file in the report', () => {
    expect(report.filesSeen).toBe(17);
    expect(report.files).toHaveLength(17);
  });

  it.each([
    'utf8.txt',
    'utf8-bom.txt',
    'gbk.txt',
    'gb18030.txt',
    'utf16le.txt',
    'utf16be.txt',
    'crlf.txt',
  ])('decodes and ingests %s', (name) => {
    expect(file(name)).toMatchObject({ status: 'ingested', articles: 1 });
  });

  it('finds the same article whatever the encoding', async () => {
    for (const topic of ['垃圾分类', '防汛防台', '消防安全', '文明创建', '食品安全']) {
      const { hits } = await testClient().index(uid).search(`${topic}工作推进会`, { limit: 1 });
      expect(hits[0]?.headline).toBe(`${topic}${topic === '消防安全' ? '𠀾' : ''}工作推进会召开`);
      expect(hits[0]?.bylines).toEqual([
        { name: '林晓', role: '记者' },
        { name: '何佳', role: '通讯员' },
      ]);
    }
  });

  it.each([
    ['empty.txt', 'empty file'],
    ['picture.txt', 'binary file'],
    ['nul.txt', 'NUL bytes'],
    ['huge.txt', 'too large for one page'],
    ['twice-b.txt', 'same content as town/twice-a.txt'],
  ])('skips %s with a clear reason', (name, reason) => {
    expect(file(name).status).toBe('skipped');
    expect(file(name).reason).toContain(reason);
  });

  it('keeps a page with a bad sidecar date, with the date unknown and the problem reported', async () => {
    expect(file('bad-date.txt').status).toBe('ingested');
    expect(file('bad-date.txt').messages.join('\n')).toContain('2023-02-30');
    const { hits } = await testClient().index(uid).search('旧改工作推进会', { limit: 1 });
    expect(hits[0]?.date).toBeNull();
  });

  it('takes the issue date from the path', async () => {
    const { hits } = await testClient().index(uid).search('老旧小区改造工作推进会', { limit: 1 });
    expect(hits[0]).toMatchObject({
      date: '2023-03-06',
      datePrecision: 'day',
      dateSource: 'path',
      page: '1',
    });
  });

  it('keeps a page from a folder that is not a known paper, and says so', () => {
    const page = report.files.find((f) => f.file === join('nopaper', 'page.txt'))!;
    expect(page.status).toBe('ingested');
    expect(page.messages.join('\n')).toContain('paper "nopaper" is not in');
  });

  it('stores markup-looking text as text', async () => {
    const { hits } = await testClient().index(uid).search('网络安全工作推进会', { limit: 1 });
    expect(hits[0]?.body).toContain(
      '<script>alert(1)</script> &amp; &lt;b&gt; <em>假</em> __ais-highlight__x__/ais-highlight__',
    );
  });
});
