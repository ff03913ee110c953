import { describe, expect, it } from 'vitest';
import { assignTitles } from '../../src/ingest/titles.ts';
import { closesArticle, headlineShaped } from '../../src/ingest/line-shapes.ts';

describe('assignTitles', () => {
  it('reads a single title line as the headline', () => {
    expect(assignTitles(['  社区食堂开张  '])).toEqual({
      kicker: '',
      headline: '社区食堂开张',
      subheadline: '',
    });
  });

  it('reads a shorter first line as the 引题 above the 主标题', () => {
    expect(assignTitles(['老旧小区加装电梯', '一部电梯连起邻里百户人家'])).toEqual({
      kicker: '老旧小区加装电梯',
      headline: '一部电梯连起邻里百户人家',
      subheadline: '',
    });
  });

  it('reads a first line ending in a colon as the kicker even when it is longer', () => {
    expect(assignTitles(['全区推进垃圾分类工作又有新举措：', '分类驿站'])).toMatchObject({
      kicker: '全区推进垃圾分类工作又有新举措：',
      headline: '分类驿站',
    });
  });

  it('reads a shorter second line as the 副题 under the headline', () => {
    expect(assignTitles(['一部电梯连起邻里百户人家', '——老旧小区改造见闻'])).toEqual({
      kicker: '',
      headline: '一部电梯连起邻里百户人家',
      subheadline: '——老旧小区改造见闻',
    });
  });

  it('reads three lines as kicker, headline and subheadline, ignoring blank ones', () => {
    expect(assignTitles(['引题', '', '主标题在这里', '副题'])).toEqual({
      kicker: '引题',
      headline: '主标题在这里',
      subheadline: '副题',
    });
  });

  it('returns empty titles when there is no title line', () => {
    expect(assignTitles([' ', ''])).toEqual({ kicker: '', headline: '', subheadline: '' });
  });
});

describe('headlineShaped', () => {
  it('reads two phrases set apart by a space as a headline', () => {
    expect(headlineShaped('夜市开张 老街热闹')).toBe(true);
    expect(headlineShaped('夜市开张，老街热闹')).toBe(false);
  });

  it('reads a name and a work set apart (a list entry) as no headline', () => {
    expect(headlineShaped('柯明远　《江南春早》')).toBe(false);
  });
});

describe('lines that close an article', () => {
  it('include a picture credit of a photo report and a long note on the author', () => {
    expect(closesArticle('王  昊  孙  昊摄影报道（影像中国）')).toBe(true);
    expect(
      closesArticle(
        '（作者为中国工程院院士、中国航天科工集团有限公司科技委顾问，长期从事系统工程与复杂系统理论研究）',
      ),
    ).toBe(true);
  });
});
