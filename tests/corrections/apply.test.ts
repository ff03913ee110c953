import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyCorrections } from '../../src/corrections/apply.ts';
import { parseCorrections } from '../../src/corrections/parse.ts';
import { Correction } from '../../src/corrections/schema.ts';
import { correctionTemplate, reportHref } from '../../src/corrections/template.ts';
import { InputFileError } from '../../src/errors/index.ts';
import { Article } from '../../src/model/article.ts';
import { makeArticle } from '../helpers/meili.ts';

const fixture = join(import.meta.dirname, 'fixtures/corrections.jsonl');
const corrections = () =>
  parseCorrections(readFileSync(fixture, 'utf8'), 'content/corrections.jsonl');

/** The fixture articles as extraction made them; `hushu` has an id other than the one its correction names. */
function extracted(): Article[] {
  const on = (page: number, fields: Partial<Article> & { id: string }) =>
    makeArticle({
      paper: 'p',
      paperName: '测试报',
      file: `p/2023-05-01/${page}.txt`,
      page: String(page),
      date: '2023-05-01',
      datePrecision: 'day',
      dateSource: 'path',
      ...fields,
    });
  return [
    on(1, {
      id: 'edit-me',
      headline: '四季清街道开展消防演练',
      body: '近日，四季青街道组织辖区企业开展消防演练。',
      districts: ['上城区'],
      streets: [{ name: '四季青街道', district: '上城区' }],
    }),
    on(1, {
      id: 'hushu-new-id',
      line: 9,
      headline: '湖墅街道举办邻里节',
      body: '湖墅街道第三届邻里节在运河边举行。',
      districts: ['上城区'],
      streets: [{ name: '四季青街道', district: '上城区' }],
    }),
    on(2, {
      id: 'cut-1',
      headline: '运河边的新书房',
      body: '运河边的新书房开门了，居民可以免费借阅。',
      bylines: [{ name: '何佳', role: '记者' }],
      contributors: [
        { name: '孙丽', role: '通讯员' },
        { name: '吴涵', role: '记者' },
      ],
    }),
    on(2, {
      id: 'cut-2',
      line: 20,
      body: '书房每天开放到晚上九点。',
      bylines: [{ name: '孙丽', role: '通讯员' }],
      keywords: ['书房'],
    }),
    on(3, {
      id: 'two-in-one',
      headline: '白杨街道开展垃圾分类宣传',
      body: '白杨街道近日开展垃圾分类宣传活动。\n\n长河街道举行健步走活动，三百多名居民参加。',
      districts: ['钱塘区'],
    }),
    on(4, { id: 'take-down', headline: '某公司被投诉', body: '有读者反映某公司拖欠工资。' }),
    on(5, { id: 'untouched', headline: '无需更正', body: '这篇文章没有更正。' }),
  ];
}

describe('reading corrections.jsonl', () => {
  it('reads one correction a line, skipping blank lines and # notes, and keeps each line number', () => {
    const list = corrections();
    expect(list.map((c) => [c.action, c.lineNo])).toEqual([
      ['edit', 2],
      ['edit', 3],
      ['merge', 4],
      ['split', 5],
      ['withdraw', 6],
      ['edit', 7],
      ['edit', 8],
    ]);
  });

  it('refuses a malformed line, naming the file, the line and the field', () => {
    const good = readFileSync(fixture, 'utf8').split('\n')[1]!;
    const cases: [string, RegExp][] = [
      [`${good}\n{"action":"edit"`, /^content\/corrections\.jsonl:2: not one JSON object/],
      [
        `\n${good.replace('"date":"2024-01-10"', '"date":"10.1.2024"')}`,
        /^content\/corrections\.jsonl:2: date: the day of the correction/,
      ],
      [
        good.replace('"reason":"标题错字；署名漏了记者；出版日期应为5月2日"', '"reason":" "'),
        /:1: reason: say why/,
      ],
      [
        good.replace('"headline":"四季青街道开展消防演练",', '"headlne":"四季青街道开展消防演练",'),
        /:1: set: Unrecognized key: "headlne"/,
      ],
      [good.replace('"action":"edit"', '"action":"fix"'), /:1: action: /],
      [good.replace('"set":', '"with":[],"set":'), /:1: /],
    ];
    for (const [text, message] of cases) {
      let error: unknown;
      try {
        parseCorrections(text, 'content/corrections.jsonl');
      } catch (e) {
        error = e;
      }
      expect(error, text).toBeInstanceOf(InputFileError);
      expect((error as Error).message).toMatch(message);
    }
  });
});

describe('applying corrections after extraction', () => {
  const result = applyCorrections(extracted(), corrections());
  const byId = new Map(result.articles.map((a) => [a.id, a]));
  const entry = (line: number) => result.log.entries.find((e) => e.line === line)!;

  it('sets the corrected fields, with the date marked as coming from a correction', () => {
    const a = byId.get('edit-me')!;
    expect(a.headline).toBe('四季青街道开展消防演练');
    expect(a.bylines).toEqual([{ name: '林晓', role: '记者' }]);
    expect([a.date, a.datePrecision, a.dateSource]).toEqual(['2023-05-02', 'day', 'correction']);
    expect(entry(2).status).toBe('applied');
    expect(entry(2).changes.map((c) => c.field)).toEqual(['headline', 'bylines', 'date']);
    expect(entry(2).changes[0]).toEqual({
      field: 'headline',
      before: '四季清街道开展消防演练',
      after: '四季青街道开展消防演练',
    });
  });

  it('corrects the contributors of an article’s parts like its bylines', () => {
    const [article] = extracted();
    const edit = Correction.parse({
      action: 'edit',
      id: article!.id,
      file: article!.file,
      headline: article!.headline,
      start: article!.body.slice(0, 10),
      set: { contributors: [{ name: '柯明远', role: '记者' }] },
      reason: '分篇作者漏记',
      date: '2024-02-01',
    });
    const fixed = applyCorrections(
      [article!],
      [{ ...edit, source: 'content/corrections.jsonl', lineNo: 1 }],
    );
    expect(fixed.articles[0]!.contributors).toEqual([{ name: '柯明远', role: '记者' }]);
    expect(fixed.log.entries[0]!.changes).toEqual([
      { field: 'contributors', before: '', after: '记者 柯明远' },
    ]);
  });

  it('re-attaches a correction whose article has a new id, by its file, headline and first words', () => {
    expect(entry(3)).toMatchObject({
      status: 'reattached',
      anchorId: '0000000000000000',
      id: 'hushu-new-id',
    });
    const a = byId.get('hushu-new-id')!;
    expect(a.districts).toEqual(['拱墅区']);
    // Streets of a district no longer listed go with it.
    expect(a.streets).toEqual([]);
  });

  it('merges articles cut from one: bodies in order, bylines of both, the second id pointing to the first', () => {
    const a = byId.get('cut-1')!;
    expect(a.body).toBe('运河边的新书房开门了，居民可以免费借阅。\n\n书房每天开放到晚上九点。');
    expect(a.bylines.map((b) => b.name)).toEqual(['何佳', '孙丽']);
    // 孙丽 signs the part merged in: a byline of the whole now, no longer a contributor.
    expect(a.contributors.map((b) => b.name)).toEqual(['吴涵']);
    expect(a.keywords).toEqual(['书房']);
    expect(byId.has('cut-2')).toBe(false);
    expect(result.log.tombstones).toContainEqual({
      id: 'cut-2',
      kind: 'merged',
      date: '2024-01-12',
      reason: '转版时一篇文章被切成两篇',
      into: 'cut-1',
    });
  });

  it('splits one article at the given words into two, the second with a new id and its own headline', () => {
    const first = byId.get('two-in-one')!;
    expect(first.body).toBe('白杨街道近日开展垃圾分类宣传活动。');
    const secondId = entry(5).related[0]!;
    const second = byId.get(secondId)!;
    expect(second.body).toBe('长河街道举行健步走活动，三百多名居民参加。');
    expect(second.headline).toBe('长河街道举行健步走');
    expect([second.paper, second.date, second.page, second.districts]).toEqual([
      first.paper,
      first.date,
      first.page,
      first.districts,
    ]);
    expect(secondId).toMatch(/^[0-9a-f]{16}$/);
    // The order of the corrected list is extraction's: the second part follows the first.
    const ids = result.articles.map((a) => a.id);
    expect(ids.indexOf(secondId)).toBe(ids.indexOf('two-in-one') + 1);
  });

  it('withdraws an article: gone from the articles, its id kept with the reason, its title not repeated in the log', () => {
    expect(byId.has('take-down')).toBe(false);
    expect(result.log.tombstones).toContainEqual({
      id: 'take-down',
      kind: 'withdrawn',
      date: '2024-01-14',
      reason: '应当事人请求并经核实撤下',
      into: null,
    });
    expect(entry(6).title).toBe('');
    expect(JSON.stringify(result.log)).not.toContain('拖欠工资');
  });

  it('reports a correction whose article no longer exists instead of dropping it', () => {
    expect(entry(7)).toMatchObject({ status: 'unmatched', anchorId: 'gone-away' });
    expect(entry(7).problem).toContain('已经不存在的文章');
    expect(entry(8)).toMatchObject({ status: 'unmatched' });
    expect(entry(8).problem).toContain('withdrawn by an earlier correction');
    expect(result.log.entries).toHaveLength(corrections().length);
  });

  it('leaves articles without corrections as they were, and every result is a valid article', () => {
    expect(byId.get('untouched')).toEqual(extracted().find((a) => a.id === 'untouched'));
    for (const a of result.articles) Article.parse(a);
    expect(result.articles).toHaveLength(
      extracted().length - 1 /* merged */ - 1 /* withdrawn */ + 1 /* split */,
    );
  });

  it('gives the same result on every run', () => {
    expect(applyCorrections(extracted(), corrections())).toEqual(result);
  });
});

describe('the prefilled correction behind 报告错误', () => {
  const article = extracted()[0]!;

  it('is one line of corrections.jsonl that applies as it stands once a reason and date are filled in', () => {
    const line = correctionTemplate(article);
    expect(line).not.toContain('\n');
    const filled = { ...JSON.parse(line), reason: '标题错字', date: '2024-02-01' };
    expect(Correction.safeParse(filled).success).toBe(true);
    const edited = { ...filled, set: { ...filled.set, headline: '四季青街道开展消防演练' } };
    const { articles, log } = applyCorrections(
      [article],
      parseCorrections(JSON.stringify(edited), 'c.jsonl'),
    );
    expect(articles[0]!.headline).toBe('四季青街道开展消防演练');
    expect(log.entries[0]!.changes.map((c) => c.field)).toEqual(['headline']);
  });

  it('is sent to a mailto: address or an issue URL with the subject and text encoded', () => {
    expect(reportHref('mailto:desk@example.org', '报告错误', 'a&b')).toBe(
      `mailto:desk@example.org?subject=${encodeURIComponent('报告错误')}&body=a%26b`,
    );
    expect(reportHref('https://git.example.org/x/issues/new', 't', 'b')).toBe(
      'https://git.example.org/x/issues/new?title=t&body=b',
    );
    expect(
      reportHref(
        'https://tracker.example.org/new?project=1&summary={title}&text={body}',
        'a b',
        'c',
      ),
    ).toBe('https://tracker.example.org/new?project=1&summary=a%20b&text=c');
  });
});
