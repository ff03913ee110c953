import { describe, expect, it } from 'vitest';
import { pageLines } from '../../src/ingest/page-lines.ts';
import { reflow } from '../../src/ingest/reflow.ts';

describe('reflowing hard-wrapped lines', () => {
  it('joins column lines into paragraphs at sentence ends followed by a blank line', () => {
    const lines = pageLines(
      '春节前夕，城东街道组织志愿\n者走访辖区独居老人，送去\n米面油和春联。\n\n志愿者还帮助老人检查燃气\n和电路，排除安全隐患。\n',
    );
    expect(reflow(lines).map((p) => p.text)).toEqual([
      '春节前夕，城东街道组织志愿者走访辖区独居老人，送去米面油和春联。',
      '志愿者还帮助老人检查燃气和电路，排除安全隐患。',
    ]);
  });

  it('rejoins a paragraph cut by a page break in the middle of a sentence', () => {
    const lines = pageLines('会议强调，要深入学习《开\n\n发区条例》，抓好落实。\n');
    expect(reflow(lines).map((p) => p.text)).toEqual([
      '会议强调，要深入学习《开发区条例》，抓好落实。',
    ]);
  });

  it('starts a paragraph at a dateline after a blank line, though the deck above it has no full stop', () => {
    const lines = pageLines(
      '春节期间，城区消费总额较去\n年同期增长两成，消费升级特\n征显著\n\n本报杭州2月11日电  （记者伍\n思远）记者今天从区商务局获悉。\n',
    );
    expect(reflow(lines).map((p) => p.text)).toEqual([
      '春节期间，城区消费总额较去年同期增长两成，消费升级特征显著',
      '本报杭州2月11日电  （记者伍思远）记者今天从区商务局获悉。',
    ]);
  });

  it('reads a dateline on a line of its own as the start of the first paragraph, not a subhead', () => {
    const text =
      '本报讯（记者 伍思远 通讯员 任秋禾）\n\n一季度，城西制笔企业生产忙碌，不少企业的订单已经排到了六月。\n';
    expect(reflow(pageLines(text))).toEqual([
      {
        line: 1,
        text: '本报讯（记者 伍思远 通讯员 任秋禾）一季度，城西制笔企业生产忙碌，不少企业的订单已经排到了六月。',
      },
    ]);
  });

  it('keeps a short stand-alone line between finished paragraphs as a subhead', () => {
    const text =
      '第一段的内容写到这里就结束了，这是一个很长的段落，用来确定栏宽。\n\n强化日常监管\n\n第二段的内容也写得足够长，用来确定栏宽，然后结束。\n';
    const paragraphs = reflow(pageLines(text));
    expect(paragraphs.map((p) => [p.text, !!p.subhead])).toEqual([
      ['第一段的内容写到这里就结束了，这是一个很长的段落，用来确定栏宽。', false],
      ['强化日常监管', true],
      ['第二段的内容也写得足够长，用来确定栏宽，然后结束。', false],
    ]);
  });

  it('puts the space back between Latin words cut at a line end', () => {
    expect(reflow(pageLines('使用 ChatGPT\nand AI 工具。\n'))[0]!.text).toBe(
      '使用 ChatGPT and AI 工具。',
    );
  });
});

describe('joining lines without inventing spaces', () => {
  it('never puts a space inside a number or Chinese text cut at a line end', () => {
    const lines = pageLines('共梳理法律法规126\n0个法条，涉及\n群众办事的各个环节。\n');
    expect(reflow(lines)[0]!.text).toBe('共梳理法律法规1260个法条，涉及群众办事的各个环节。');
  });

  it('joins a Latin word cut inside by a fixed-width wrap without a space', () => {
    const lines = pageLines('公司推出的新产品名为Smar\ntPhone，一经上市便受到\n追捧。\n');
    expect(reflow(lines)[0]!.text).toBe('公司推出的新产品名为SmartPhone，一经上市便受到追捧。');
  });
});
