import { describe, expect, it } from 'vitest';
import { type Block, exactWidth } from '../../src/ingest/page-blocks.ts';
import { pageLines } from '../../src/ingest/page-lines.ts';
import { viewOf } from '../../src/ingest/page-view.ts';

const block = (text: string): Block => ({
  kind: 'text',
  lines: pageLines(text),
  gapBefore: 0,
  indented: false,
});

describe('the width a paragraph was set to', () => {
  it('reads a column in whole ems: lines half an em short (odd digits) fill the same column', () => {
    const withDigits = block(
      [
        '3月15日上午，我区2023年一季度重大项目集中',
        '开工活动在三墩镇紫金港科技城片区举行。此次',
        '集中开工项目23个，总投资约112亿元，其中产',
        '业类项目完成投资。',
      ].join('\n'),
    );
    const plain = block(
      [
        '在集中开工的项目中，紫金港科技城的两个研发',
        '总部项目备受关注。项目建成后，将引入人工智',
        '能、生物医药等领域的研发团队，预计可新增就',
        '业岗位2000余个。',
      ].join('\n'),
    );
    expect(exactWidth(withDigits, [], 'ems')).toBe(21);
    expect(exactWidth(plain, [], 'ems')).toBe(21);
  });

  it('reads a line one em over, ending on a comma squeezed in, as the column it was set in', () => {
    const squeezed = block(
      [
        '初冬的清晨，城西的一片蔬菜基地里，老杨已经在地',
        '里忙了两个多小时。五十六岁的她种了三十多年的菜，',
        '如今管理着三百多亩蔬菜基地。',
      ].join('\n'),
    );
    expect(exactWidth(squeezed, [], 'ems')).toBe(23);
  });

  it('still tells a column one em narrower apart', () => {
    const narrower = block(
      [
        '在集中开工的项目中，紫金港科技城的两个研',
        '发总部项目备受关注。项目建成后，将引入人',
        '工智能、生物医药等领域的研发团队，预计可',
        '新增就业岗位。',
      ].join('\n'),
    );
    expect(exactWidth(narrower, [], 'ems')).toBe(20);
  });
});

describe('whether each article keeps a column width of its own', () => {
  const ems = { indented: false, wrapped: 'exact', measure: 'ems' } as const;
  // A paragraph set `width` ems wide: Han characters are an em each.
  const paragraph = (width: number) =>
    block(['城'.repeat(width), '东'.repeat(width), '街道日前开业。'].join('\n'));

  it('says yes when paragraphs come in two widths', () => {
    const blocks = [paragraph(16), paragraph(16), paragraph(20), paragraph(20)];
    expect(viewOf(blocks, ems).perArticleWidths).toBe(true);
  });

  it('says no when one paragraph measures an em off a width more common than it', () => {
    // Punctuation squeezed or pushed down leaves a paragraph an em wider than the column now and then.
    const blocks = [paragraph(16), paragraph(16), paragraph(16), paragraph(17)];
    expect(viewOf(blocks, ems).perArticleWidths).toBe(false);
  });
});
