import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findPapersFile,
  listPageFiles,
  loadPapers,
  readSource,
} from '../../src/sources/read-sources.ts';

// A small content folder laid out as the README documents, written fresh for each run.
let root: string;
const write = (rel: string, text: string | Buffer) => {
  const path = join(root, rel);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
};

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'baoku-read-sources-'));
  write(
    'content/papers.json',
    JSON.stringify({
      papers: [{ slug: 'town', name: '镇报', homeDistrict: '钱塘区', region: '浙江省杭州市' }],
    }),
  );
  write('content/town/2021-05-24/A03.txt', '正文。\n');
  write('content/town/2021-05-24/p7.txt', '正文。\n');
  write('content/town/loose-page.txt', '正文。\n');
  write('content/town/2020-01-02/04.md', '---\ndate: 2020-03-05\npage: 9\n---\n# 标题\n正文。\n');
  write('content/town/2020-01-02/05.txt', '正文。\n');
  write('content/town/2020-01-02/05.meta.json', JSON.stringify({ date: '2019-12', page: 'B2' }));
  write('content/town/2020-01-02/06.txt', '正文。\n');
  write('content/town/2020-01-02/06.meta.json', JSON.stringify({ date: '2019-13-40' }));
  write('content/town/2020-01-02/07.txt', '正文。\n');
  write('content/town/2020-01-02/07.meta.json', JSON.stringify({ colour: 'red' }));
  write('content/town/notes.pdf', 'not a page');
  write('loose/seed.txt', '正文。\n');
  const md =
    '---\ndate: 2020-03-05\npage: 9\n---\n# 拱墅区召开垃圾分类推进会\n湖墅街道居民踊跃参加。\n';
  write('content/town/2020-01-02/08.md', iconv.encode(md, 'gb18030'));
  write(
    'content/town/2020-01-02/09.md',
    Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(md, 'utf-16le')]),
  );
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const papersFor = (dir: string) => loadPapers(findPapersFile(dir));

describe('reading sources from the content layout', () => {
  it('lists only .txt and .md pages, sorted, skipping other files', () => {
    const files = listPageFiles([join(root, 'content')]).map((f) => f.path.slice(root.length + 1));
    expect(files).toContain('content/town/2021-05-24/A03.txt');
    expect(files).toContain('content/town/2020-01-02/04.md');
    expect(files.some((f) => f.endsWith('.pdf') || f.endsWith('.json'))).toBe(false);
    expect([...files].sort((a, b) => a.localeCompare(b))).toEqual(files);
  });

  it('finds papers.json by walking up from a page folder', () => {
    expect(findPapersFile(join(root, 'content/town/2021-05-24'))).toBe(
      join(root, 'content/papers.json'),
    );
  });

  it('takes paper, day-precise date and page from the path', () => {
    const papers = papersFor(join(root, 'content'));
    const src = readSource(join(root, 'content/town/2021-05-24/A03.txt'), papers);
    expect(src.paper?.slug).toBe('town');
    expect(src.date).toEqual({ date: '2021-05-24', precision: 'day', source: 'path' });
    expect(src.page).toBe('A3');
    expect(src.file).toBe(join('town', '2021-05-24', 'A03.txt'));
    expect(readSource(join(root, 'content/town/2021-05-24/p7.txt'), papers).page).toBe('7');
    expect(readSource(join(root, 'content/town/2020-01-02/06.txt'), papers).page).toBe('6');
  });

  it('leaves a page directly under the paper folder undated', () => {
    const src = readSource(
      join(root, 'content/town/loose-page.txt'),
      papersFor(join(root, 'content')),
    );
    expect(src.paper?.slug).toBe('town');
    expect(src.date).toBeNull();
    expect(src.page).toBeNull();
  });

  it('lets front matter override the path and strips it from the text, keeping line numbers', () => {
    const src = readSource(
      join(root, 'content/town/2020-01-02/04.md'),
      papersFor(join(root, 'content')),
    );
    expect(src.date).toEqual({ date: '2020-03-05', precision: 'day', source: 'front-matter' });
    expect(src.page).toBe('9');
    const text = src.decoded.ok ? src.decoded.text : '';
    expect(text).not.toContain('date:');
    expect(text.split('\n')[4]).toBe('# 标题');
  });

  it.each([
    ['GB18030', '08.md', 'gb18030'],
    ['UTF-16 with a BOM', '09.md', 'utf-16le'],
  ])(
    'decodes a %s page before reading its front matter, so neither is garbled',
    (_name, name, encoding) => {
      const path = join(root, 'content/town/2020-01-02', name);
      const src = readSource(path, papersFor(join(root, 'content')));
      expect(src.date).toEqual({ date: '2020-03-05', precision: 'day', source: 'front-matter' });
      expect(src.page).toBe('9');
      expect(src.decoded).toMatchObject({ ok: true, encoding });
      const text = src.decoded.ok ? src.decoded.text : '';
      expect(text.split('\n')[4]).toBe('# 拱墅区召开垃圾分类推进会');
      expect(text).not.toContain('\ufffd');
      expect(src.hash).toBe(createHash('sha256').update(readFileSync(path)).digest('hex'));
    },
  );

  it('lets a sidecar override the path, with month precision', () => {
    const src = readSource(
      join(root, 'content/town/2020-01-02/05.txt'),
      papersFor(join(root, 'content')),
    );
    expect(src.date).toEqual({ date: '2019-12', precision: 'month', source: 'sidecar' });
    expect(src.page).toBe('B2');
  });

  it('reports an impossible sidecar date and keeps the path date', () => {
    const src = readSource(
      join(root, 'content/town/2020-01-02/06.txt'),
      papersFor(join(root, 'content')),
    );
    expect(
      src.messages?.some((m) => m.severity === 'error' && m.message.includes('2019-13-40')),
    ).toBe(true);
    expect(src.date?.source).toBe('path');
  });

  it('ignores a sidecar with unknown keys, with an error naming the sidecar', () => {
    const src = readSource(
      join(root, 'content/town/2020-01-02/07.txt'),
      papersFor(join(root, 'content')),
    );
    expect(src.messages?.[0]?.file).toMatch(/07\.meta\.json$/);
    expect(src.date?.date).toBe('2020-01-02');
  });

  it('gives a file outside any paper folder no paper and no date', () => {
    const papers = papersFor(join(root, 'loose'));
    const src = readSource(join(root, 'loose/seed.txt'), papers);
    expect(src.paper).toBeNull();
    expect(src.date).toBeNull();
  });
});
