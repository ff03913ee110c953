import { segmenter } from '../helpers/segmenter.ts';
import { describe, expect, it } from 'vitest';
import {
  parseBylineLine,
  parseDateline,
  parseTrailingCredit,
} from '../../src/ingest/find-bylines.ts';
import { isPersonName } from '../../src/ingest/names.ts';

describe('bylines', () => {
  it.each([
    [
      '■记者 林晓 通讯员 何佳',
      [
        { name: '林晓', role: '记者' },
        { name: '何佳', role: '通讯员' },
      ],
      true,
    ],
    ['本报记者 郑宇', [{ name: '郑宇', role: '记者' }], false],
    ['■首席记者 周婷', [{ name: '周婷', role: '记者' }], true],
    ['记者 吴昊', [{ name: '吴昊', role: '记者' }], false],
    [
      '陈静 王磊',
      [
        { name: '陈静', role: '作者' },
        { name: '王磊', role: '作者' },
      ],
      false,
    ],
    ['摄影 刘洋', [{ name: '刘洋', role: '摄影' }], false],
    ['实习生 赵敏', [{ name: '赵敏', role: '实习生' }], false],
    ['通讯员 欧阳明月', [{ name: '欧阳明月', role: '通讯员' }], false],
    // jieba tags the compound surname 欧阳 as a place: the name stands all the same.
    ['本报记者 欧阳思琪', [{ name: '欧阳思琪', role: '记者' }], false],
    // Letters signed with where the writer lives, and pen names after 文/.
    ['蒋村街道读者 冯晓', [{ name: '冯晓', role: '作者' }], false],
    ['文三社区居民 孙佩琳', [{ name: '孙佩琳', role: '作者' }], false],
    ['江苏苏州 读者 管心怡', [{ name: '管心怡', role: '作者' }], false],
    ['江苏南京市 练红宁', [{ name: '练红宁', role: '作者' }], false],
    ['文/禾木', [{ name: '禾木', role: '作者' }], false],
  ])('reads the whole-line byline %s', (line, bylines, marked) => {
    const info = parseBylineLine(line, segmenter);
    expect(info?.bylines).toEqual(bylines);
    expect(info?.marked).toBe(marked);
  });

  it('reads a source line without names', () => {
    expect(parseBylineLine('■本报综合报道', segmenter)).toEqual({
      bylines: [],
      source: '本报综合报道',
      marked: true,
      closing: false,
    });
  });

  it('reads a parenthesised name line as a closing credit', () => {
    expect(parseBylineLine('(钱程 孙丽)', segmenter)).toMatchObject({
      bylines: [
        { name: '钱程', role: '作者' },
        { name: '孙丽', role: '作者' },
      ],
      closing: true,
    });
  });

  it.each([
    '城东街道志愿者走访独居老人',
    '区图书馆新馆开放',
    '公告',
    '网络单位',
    '白杨街道',
    '交办数',
  ])('does not read %s as a byline', (line) => {
    expect(parseBylineLine(line, segmenter)).toBeNull();
  });

  it('reads the dateline at the start of a paragraph and returns the text after it', () => {
    expect(
      parseDateline('本报讯(记者 郑宇 通讯员 孙丽)3月5日上午,我区召开会议。', segmenter),
    ).toEqual({
      bylines: [
        { name: '郑宇', role: '记者' },
        { name: '孙丽', role: '通讯员' },
      ],
      rest: '3月5日上午,我区召开会议。',
      dateline: '本报讯',
    });
    expect(
      parseDateline('本报北京1月31日电（记者杜一菲）国务院新闻办公室今天举行发布会。', segmenter)
        ?.bylines,
    ).toEqual([{ name: '杜一菲', role: '记者' }]);
  });

  it('keeps the readable names of a dateline when one is damaged', () => {
    expect(
      parseDateline('本报讯(记者 梦诗三祝 通讯员 李想)企业主体多。', segmenter)?.bylines,
    ).toEqual([{ name: '李想', role: '通讯员' }]);
  });

  it('reads a closing credit at the end of the last paragraph', () => {
    expect(parseTrailingCredit('每天接待老人200余人次。 (钱程)', segmenter)).toEqual({
      bylines: [{ name: '钱程', role: '作者' }],
      rest: '每天接待老人200余人次。',
    });
    expect(parseTrailingCredit('详见附件(一)', segmenter)).toBeNull();
  });

  it('checks names against surnames and jieba tags', () => {
    expect(isPersonName('王磊', segmenter)).toBe(true);
    expect(isPersonName('司马相', segmenter)).toBe(true);
    expect(isPersonName('会议', segmenter)).toBe(false);
    expect(isPersonName('规格', segmenter)).toBe(false);
  });
});

describe('captions', () => {
  it('tells picture captions and photo credits from body paragraphs', async () => {
    const { isCaption } = await import('../../src/ingest/extract-page.ts');
    for (const c of [
      '图为志愿者在社区开展义诊活动。',
      '（图片由区委宣传部提供）',
      '摄影 刘洋',
      '本报记者 林晓 摄',
    ])
      expect(isCaption(c), c).toBe(true);
    for (const p of ['图书馆新馆开放，市民前来借阅。', '摄影爱好者们纷纷来到湖边，记录美景。'])
      expect(isCaption(p), p).toBe(false);
  });
});

describe('more byline forms', () => {
  it('reads a dateline without parentheses up to the first word that is not a role or a name', () => {
    expect(parseDateline('本报讯 记者 郑宇 通讯员 孙丽 近日，我区召开会议。', segmenter)).toEqual({
      bylines: [
        { name: '郑宇', role: '记者' },
        { name: '孙丽', role: '通讯员' },
      ],
      rest: '近日，我区召开会议。',
      dateline: '本报讯',
    });
    expect(parseDateline('本报讯 近日，我区召开会议。', segmenter)).toBeNull();
  });

  it('drops a trailing 报道 from a byline line', () => {
    expect(parseBylineLine('本报记者 郑宇 报道', segmenter)?.bylines).toEqual([
      { name: '郑宇', role: '记者' },
    ]);
  });

  it('reads 文/图 credits', () => {
    expect(parseBylineLine('文/郑宇 图/孙丽', segmenter)?.bylines).toEqual([
      { name: '郑宇', role: '作者' },
      { name: '孙丽', role: '摄影' },
    ]);
  });
});

describe('bylines read by their shape', () => {
  it.each([
    [
      '通讯员 王晓 记者 陈一鸣',
      [
        { name: '王晓', role: '通讯员' },
        { name: '陈一鸣', role: '记者' },
      ],
    ],
    [
      '记者 方舟 县农业农村局 吴涵',
      [
        { name: '方舟', role: '记者' },
        { name: '吴涵', role: '记者' },
      ],
    ],
    [
      '记者 王一 李二',
      [
        { name: '王一', role: '记者' },
        { name: '李二', role: '记者' },
      ],
    ],
    ['见习记者 倪安琪', [{ name: '倪安琪', role: '记者' }]],
    ['本报记者  于  洋摄', [{ name: '于洋', role: '摄影' }]],
    [
      '本报记者 罗晓文 陈北海摄',
      [
        { name: '罗晓文', role: '记者' },
        { name: '陈北海', role: '摄影' },
      ],
    ],
    ['口述 张秋萍', [{ name: '张秋萍', role: '作者' }]],
  ])('takes every name on %s', (line, bylines) => {
    expect(parseBylineLine(line, segmenter)?.bylines).toEqual(bylines);
  });

  it('takes a rare surname or a pen name where role words say a name goes', () => {
    expect(
      parseDateline('本报加德满都10月13日电 （记者暨佩娟、赵益普）当地时间12日晚，', segmenter)
        ?.bylines,
    ).toEqual([
      { name: '暨佩娟', role: '记者' },
      { name: '赵益普', role: '记者' },
    ]);
    expect(
      parseDateline('新华社电 （记者白田田）位于湘南地区的革命老区，', segmenter)?.bylines,
    ).toEqual([{ name: '白田田', role: '记者' }]);
  });

  it('does not take page credits, lists of names inside text, or spaced-out headings for bylines', () => {
    expect(parseBylineLine('版式设计：蔡华伟', segmenter)).toBeNull();
    expect(parseBylineLine('制图 陶然', segmenter)).toBeNull();
    expect(parseBylineLine('、朱东君、丁子、孙广勇、赵益普', segmenter)).toBeNull();
    expect(parseBylineLine('南 京', segmenter)).toBeNull();
  });
});
