import { describe, expect, it } from 'vitest';
import { InputFileError } from '../../src/errors/index.ts';
import { fromJsonLines, toJsonLines } from '../../src/model/articles-file.ts';
import { makeArticle } from '../helpers/meili.ts';

describe('the articles file', () => {
  const a = makeArticle({
    id: 'b',
    paper: 'p',
    date: '2023-01-02',
    datePrecision: 'day',
    dateSource: 'path',
    body: '乙',
  });
  const b = makeArticle({
    id: 'a',
    paper: 'p',
    date: '2023-01-01',
    datePrecision: 'day',
    dateSource: 'path',
    body: '甲',
  });

  it('is the same bytes whatever order the articles came in', () => {
    expect(toJsonLines([a, b])).toBe(toJsonLines([b, a]));
    expect(toJsonLines([a, b]).split('\n')[0]).toContain('"id":"a"');
    expect(toJsonLines([])).toBe('');
  });

  it('reads back what it wrote', () => {
    expect(fromJsonLines(toJsonLines([a, b]), 'x.jsonl')).toEqual([b, a]);
  });

  it('refuses to write an invalid record', () => {
    expect(() => toJsonLines([{ ...a, id: 'Not An Id' }])).toThrow();
  });

  it('names the file and line of a bad record when read', () => {
    const text = `${JSON.stringify(a)}\n{"id": 1}\n`;
    expect(() => fromJsonLines(text, 'data/articles.jsonl')).toThrow(InputFileError);
    expect(() => fromJsonLines(text, 'data/articles.jsonl')).toThrow(/^data\/articles\.jsonl:2: /);
    expect(() => fromJsonLines('{oops\n', 'f.jsonl')).toThrow(/^f\.jsonl:1: not valid JSON/);
  });
});
