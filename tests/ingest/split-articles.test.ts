import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { segmenter } from '../helpers/segmenter.ts';
import { describe, expect, it } from 'vitest';
import { pageLines } from '../../src/ingest/page-lines.ts';
import { splitArticles, titleLike } from '../../src/ingest/split-articles.ts';
import { expectGolden } from '../helpers/golden.ts';

const fixtures = join(import.meta.dirname, 'fixtures');
const split = (name: string) => splitArticles(pageLines(readFileSync(join(fixtures, name), 'utf8')), segmenter);
const summary = (name: string) => {
  const result = split(name);
  return {
    order: result.order,
    articles: result.articles.map((a) => ({
      kind: a.kind,
      titles: a.titles,
      section: a.section,
      bylines: a.bylines,
      source: a.source,
      firstLine: a.body.find((l) => l.text)?.text ?? null,
      lastLine: [...a.body].reverse().find((l) => l.text)?.text ?? null,
      tables: a.tables.length,
    })),
  };
};

describe('splitting a page into articles', () => {
  it('reads titles printed after their body (PDF order), each article opened by its byline', () => {
    const result = summary('titles-after.txt');
    expect(result.order).toBe('after');
    expect(result.articles.map((a) => a.titles)).toEqual([['城东街道志愿者走访独居老人'], ['区图书馆新馆开放', '市民家门口多了读书好去处']]);
    expectGolden(join(fixtures, 'titles-after.golden.json'), result);
  });

  it('reads markdown headings of any level as titles, two in a row as kicker and headline', () => {
    const result = summary('titles-before.md');
    expect(result.order).toBe('before');
    expect(result.articles.map((a) => a.titles)).toEqual([['我区召开安全生产工作会议'], ['夜间经济点亮城市', '老街夜市重新开张'], ['社区食堂受欢迎']]);
    expectGolden(join(fixtures, 'titles-before.golden.json'), result);
  });

  it('keeps a closing "记者 X" line with the article above it, not the next one', () => {
    const result = split('titles-before.md');
    expect(result.articles[1]!.bylines).toEqual([{ name: '周婷', role: '记者' }]);
    expect(result.articles[2]!.bylines).toEqual([]);
  });

  it('takes a banner above the first headline as the section of every article under it', () => {
    const result = summary('banner.txt');
    expect(result.articles).toHaveLength(3);
    expect(result.articles.every((a) => a.section === '城乡风采 共绘发展新图景')).toBe(true);
    expect(result.articles[0]!.titles).toEqual(['西湖区:湖畔治理 有温度']);
    expect(result.articles[0]!.bylines.map((b) => b.name)).toEqual(['陈静', '王磊']);
    expectGolden(join(fixtures, 'banner.golden.json'), result);
  });

  it('keeps in-article subheads inside one article', () => {
    const result = summary('subheads.txt');
    expect(result.articles).toHaveLength(1);
    expect(result.articles[0]!.titles).toEqual(['区市场监管局：', '守护舌尖安全，服务百姓生活']);
    expect(result.articles[0]!.bylines).toEqual([{ name: '吴昊', role: '记者' }]);
  });

  it('ends a notice after its signature and table, and starts the next article there', () => {
    const result = summary('notice.txt');
    expect(result.articles.map((a) => a.kind)).toEqual(['notice', 'article']);
    expect(result.articles[0]!.titles).toEqual(['公告']);
    expect(result.articles[0]!.tables).toBe(1);
    expect(result.articles[1]!.titles).toEqual(['便民服务再升级']);
    expectGolden(join(fixtures, 'notice.golden.json'), result);
  });

  it('does not take finished sentences or numbers for titles', () => {
    expect(titleLike('会议要求各街道压实责任。')).toBe(false);
    expect(titleLike('2024')).toBe(false);
    expect(titleLike('老街夜市重新开张')).toBe(true);
  });
});

describe('pages with almost nothing on them', () => {
  it.each([['a single title line', '城东街道志愿者走访独居老人\n'], ['only a byline', '■记者 林晓\n'], ['only blank lines', '\n\n\n']])('does not fail on %s', (_name, text) => {
    expect(() => splitArticles(pageLines(text), segmenter)).not.toThrow();
  });
});

describe('PDF text without bylines', () => {
  const narrow = '春节前夕，城东街道组织\n志愿者走访辖区独居老人\n，送去米面油和春联。\n';
  const wide = '区图书馆新馆正式开放，馆内设有少儿阅读\n区和自习区，可容纳读者八百余人。\n';

  it('starts a new article where a title-like line sits between text set in different column widths', () => {
    const result = splitArticles(pageLines(`城东街道走访独居老人\n\n${narrow}\n区图书馆新馆开放\n\n${wide}`), segmenter);
    expect(result.articles.map((a) => a.titles)).toEqual([['城东街道走访独居老人'], ['区图书馆新馆开放']]);
  });

  it('keeps a title-like line inside one column as a subhead', () => {
    const result = splitArticles(pageLines(`城东街道走访独居老人\n\n${narrow}\n帮老人排查隐患\n\n${narrow}`), segmenter);
    expect(result.articles).toHaveLength(1);
  });

  it('reads a dateline printed at the end as closing its article', () => {
    const result = splitArticles(pageLines(`城东街道走访独居老人\n\n${narrow}\n（本报杭州2月4日电）\n\n区图书馆新馆开放\n\n${narrow}`), segmenter);
    expect(result.articles.map((a) => a.titles)).toEqual([['城东街道走访独居老人'], ['区图书馆新馆开放']]);
    expect(result.articles[0]!.body.map((l) => l.text)).toContain('（本报杭州2月4日电）');
  });
});
