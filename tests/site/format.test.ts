import { describe, expect, it } from 'vitest';
import {
  articleUrl,
  formatBylines,
  formatDate,
  kindLabel,
  pageLabel,
  paperLabel,
  title,
} from '../../src/site/format.ts';
import { t } from '../../src/site/i18n.ts';

describe("how the site writes an article's parts", () => {
  it('writes dates at their precision, and says when there is none', () => {
    expect(formatDate('2021-05-24')).toBe('2021年5月24日');
    expect(formatDate('2021-05')).toBe('2021年5月');
    expect(formatDate('2021')).toBe('2021年');
    expect(formatDate(null)).toBe('日期不详');
  });

  it('labels kinds, pages and papers from the one dictionary', () => {
    expect([kindLabel('article'), kindLabel('brief'), kindLabel('notice')]).toEqual([
      '文章',
      '简讯',
      '公告',
    ]);
    expect(kindLabel('feature')).toBe('feature');
    expect(pageLabel('A3')).toBe('第A3版');
    expect(pageLabel(null)).toBe('版次不详');
    expect(paperLabel('')).toBe('（未归属报纸）');
    expect(paperLabel('今日下沙')).toBe('今日下沙');
  });

  it('titles an article by headline, else kicker, else the opening of its body', () => {
    expect(title({ headline: '标题', kicker: '引题', body: '正文' })).toBe('标题');
    expect(title({ headline: '', kicker: '引题', body: '正文' })).toBe('引题');
    expect(
      title({
        headline: '',
        kicker: '',
        body: '一二三四五六七八九十一二三四五六七八九十一二三四五六',
      }),
    ).toBe('一二三四五六七八九十一二三四五六七八九十一二三四…');
  });

  it('groups bylines by role, authors without a role word', () => {
    expect(
      formatBylines([
        { name: '林晓', role: '记者' },
        { name: '何佳', role: '记者' },
        { name: '孙丽', role: '通讯员' },
      ]),
    ).toBe('记者 林晓 何佳　通讯员 孙丽');
    expect(formatBylines([{ name: '贺之晏', role: '作者' }])).toBe('贺之晏');
  });

  it('links an article to its page', () => {
    expect(articleUrl({ id: 'abc123' })).toBe('/a/abc123/');
  });

  it('fills placeholders and leaves unknown ones as they are', () => {
    expect(t('export.done', { count: 3, file: 'x.csv' })).toBe('已导出 3 篇：x.csv');
    expect(t('export.done', { count: 3 })).toBe('已导出 3 篇：{file}');
  });
});
