import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvCell, csvRow, neutralise } from '../../src/export/csv.ts';
import { exportFileName } from '../../src/export/formats.ts';
import { gbt7714 } from '../../src/export/gbt7714.ts';
import { risRecord } from '../../src/export/ris.ts';
import { makeArticle } from '../helpers/meili.ts';

const article = makeArticle({
  id: 'x00005',
  paperName: '测试报',
  headline: '亚运志愿者第5号',
  body: '亚运服务第5天，志愿者坚守岗位。',
  date: '2023-06-01',
  datePrecision: 'day',
  dateSource: 'path',
  districts: ['上城区'],
  bylines: [
    { name: '林晓', role: '记者' },
    { name: '孙丽', role: '通讯员' },
  ],
});

describe('export formats', () => {
  it('formats GB/T 7714 newspaper citations, three authors at most', () => {
    expect(gbt7714(article)).toBe('林晓, 孙丽. 亚运志愿者第5号[N]. 测试报, 2023-06-01.');
    const many = {
      ...article,
      page: '3',
      bylines: [1, 2, 3, 4].map((n) => ({ name: `作者${n}`, role: '记者' as const })),
    };
    expect(gbt7714(many)).toBe(
      '作者1, 作者2, 作者3, 等. 亚运志愿者第5号[N]. 测试报, 2023-06-01(3).',
    );
  });

  it('neutralises cells a spreadsheet would run as formulas, and quotes as RFC 4180 says', () => {
    for (const v of ['=1+1', '+1', '-1', '@x', '\tx'])
      expect(neutralise(v).startsWith("'")).toBe(true);
    expect(csvCell('普通文字')).toBe('普通文字');
    expect(csvCell('带"引号",逗号')).toBe('"带""引号"",逗号"');
  });

  it("links every record to the article's page on the site", () => {
    expect(csvRow(article, 'https://example.org/')).toContain(',https://example.org/a/x00005/,');
    expect(risRecord(article, 'https://example.org')).toContain(
      'UR  - https://example.org/a/x00005/\r\n',
    );
  });

  it('exports the contributors of a feature’s parts in a column of their own, and cites them', () => {
    const feature = { ...article, contributors: [{ name: '柯明远', role: '记者' as const }] };
    const cells = csvRow(feature, 'https://example.org/').split(',');
    expect(cells[CSV_COLUMNS.indexOf('contributors')]).toBe('柯明远(记者)');
    expect(risRecord(feature, 'https://example.org')).toContain('AU  - 柯明远\r\n');
  });

  it('names export files after the search, safely', () => {
    expect(exportFileName(['亚运', '上城区', '../<b>x'], 'csv', '2026-11-24')).toBe(
      '报库_亚运_上城区_..bx_2026-11-24.csv',
    );
  });
});
