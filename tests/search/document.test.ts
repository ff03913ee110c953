import { describe, expect, it } from 'vitest';
import {
  SNIPPET_SOURCE_CHARS,
  splitBody,
  toDocument,
  toDocuments,
} from '../../src/search/document.ts';
import { makeArticle } from '../helpers/meili.ts';

describe('the document stored for an article', () => {
  it('lists the whole words the article holds, in titles, names and body, each once', () => {
    const [doc, none] = toDocuments(
      [
        makeArticle({
          id: 'w',
          headline: '湖墅街道开展巡查',
          body: '志愿者沿湖墅南路巡查，小哥码上线。湖墅……',
          bylines: [{ name: '欧阳小明', role: '记者' }],
        }),
        makeArticle({ id: 'n', body: '湖边的别墅。' }),
      ],
      ['欧阳小明', '湖墅', '小哥码', '智慧印章'],
    );
    expect(doc!.wholeWords).toEqual(['欧阳小明', '湖墅', '小哥码']);
    expect(none!.wholeWords).toEqual([]);
    expect(toDocument(makeArticle({ id: 'x', body: '湖墅' })).wholeWords).toEqual([]);
  });

  it('keeps a body of up to SNIPPET_SOURCE_CHARS in `body`, the field results crop', () => {
    const short = '短文一篇。';
    expect(splitBody(short)).toEqual([short, '']);
    expect(toDocument(makeArticle({ id: 's', body: short }))).toMatchObject({
      body: short,
      bodyMore: '',
    });
  });

  it('splits a long body after the last sentence end before the limit, losing nothing', () => {
    const body = `${'第一段的文字，内容很长。'.repeat(300)}${'第二部分没有句号'.repeat(100)}`;
    const [head, rest] = splitBody(body);
    expect(head.length).toBeLessThanOrEqual(SNIPPET_SOURCE_CHARS);
    expect(head.endsWith('。')).toBe(true);
    expect(head + rest).toBe(body);
    const doc = toDocument(makeArticle({ id: 'l', body }));
    expect(doc.body + doc.bodyMore).toBe(body);
  });

  it('cuts at the limit when no sentence ends in its second half', () => {
    const body = '无标点'.repeat(1000);
    const [head, rest] = splitBody(body, 100);
    expect(head).toHaveLength(100);
    expect(head + rest).toBe(body);
  });

  it('files the contributors of a feature’s parts under people and their role, after the bylines', () => {
    const doc = toDocument(
      makeArticle({
        id: 'c',
        bylines: [{ name: '孙丽', role: '记者' }],
        contributors: [
          { name: '柯明远', role: '记者' },
          { name: '吴涵', role: '通讯员' },
        ],
      }),
    );
    expect(doc.people).toEqual(['孙丽', '柯明远', '吴涵']);
    expect(doc.reporters).toEqual(['孙丽', '柯明远']);
    expect(doc.correspondents).toEqual(['吴涵']);
  });
});
