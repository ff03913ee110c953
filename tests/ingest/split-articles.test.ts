import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { segmenter } from '../helpers/segmenter.ts';
import { describe, expect, it } from 'vitest';
import { pageLines } from '../../src/ingest/page-lines.ts';
import { splitArticles, titleLike } from '../../src/ingest/split-articles.ts';
import { expectGolden } from '../helpers/golden.ts';

const fixtures = join(import.meta.dirname, 'fixtures');
// Text cut to a column's width, as PDF-style pages come.
const wrap = (text: string, width: number) =>
  text.match(new RegExp(`.{1,${width}}`, 'gu'))!.join('\n');
// A page's first article (set 19 wide), and its first two (the second `width` wide): what the tests of
// re-wrapped text add their case to.
const library = (width = 19) => [
  '图书馆试运行',
  '',
  wrap(
    '区图书馆新馆日前开始试运行，馆内设有少儿阅读区、自习区和数字阅读体验区，可容纳读者八百余人。',
    width,
  ),
];
// A night market's opening: the text the tests of titles between paragraphs set under their case.
const nightMarket = (width = 14) =>
  wrap(
    '老街夜市日前重新开张，一百多个摊位沿河排开，小吃、手作、花灯应有尽有，吸引了不少市民。',
    width,
  );
const titlesOf = (text: string) =>
  splitArticles(pageLines(text), segmenter).articles.map((a) => a.titles);
const twoArticles = (width = 14) => [
  ...library(),
  '',
  '社区食堂开业',
  '',
  wrap(
    '城东街道首家社区食堂日前开业，每天为辖区老人提供午餐和晚餐，八十岁以上老人用餐还有补贴。',
    width,
  ),
];
const split = (name: string) =>
  splitArticles(pageLines(readFileSync(join(fixtures, name), 'utf8')), segmenter);
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
    expect(result.articles.map((a) => a.titles)).toEqual([
      ['城东街道志愿者走访独居老人'],
      ['区图书馆新馆开放', '市民家门口多了读书好去处'],
    ]);
    expectGolden(join(fixtures, 'titles-after.golden.json'), result);
  });

  it('reads markdown headings of any level as titles, two in a row as kicker and headline', () => {
    const result = summary('titles-before.md');
    expect(result.order).toBe('before');
    expect(result.articles.map((a) => a.titles)).toEqual([
      ['我区召开安全生产工作会议'],
      ['夜间经济点亮城市', '老街夜市重新开张'],
      ['社区食堂受欢迎'],
    ]);
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

  it('does not take a line that stops on 的 for a title: a column break cut its sentence', () => {
    expect(titleLike('走进城西老街，石板路两侧的')).toBe(false);
    expect(titleLike('记者在城西老街看到沿街的')).toBe(false);
    expect(titleLike('我们的')).toBe(true);
  });
});

describe('pages with almost nothing on them', () => {
  it.each([
    ['a single title line', '城东街道志愿者走访独居老人\n'],
    ['only a byline', '■记者 林晓\n'],
    ['only blank lines', '\n\n\n'],
  ])('does not fail on %s', (_name, text) => {
    expect(() => splitArticles(pageLines(text), segmenter)).not.toThrow();
  });
});

describe('PDF text without bylines', () => {
  const narrow = '春节前夕，城东街道组织\n志愿者走访辖区独居老人\n，送去米面油和春联。\n';
  const wide = '区图书馆新馆正式开放，馆内设有少儿阅读\n区和自习区，可容纳读者八百余人。\n';

  it('starts a new article where a title-like line sits between text set in different column widths', () => {
    const result = splitArticles(
      pageLines(`城东街道走访独居老人\n\n${narrow}\n区图书馆新馆开放\n\n${wide}`),
      segmenter,
    );
    expect(result.articles.map((a) => a.titles)).toEqual([
      ['城东街道走访独居老人'],
      ['区图书馆新馆开放'],
    ]);
  });

  it('keeps a title-like line inside one column as a subhead', () => {
    const result = splitArticles(
      pageLines(`城东街道走访独居老人\n\n${narrow}\n帮老人排查隐患\n\n${narrow}`),
      segmenter,
    );
    expect(result.articles).toHaveLength(1);
  });

  it('reads a dateline printed at the end as closing its article', () => {
    const result = splitArticles(
      pageLines(
        `城东街道走访独居老人\n\n${narrow}\n（本报杭州2月4日电）\n\n区图书馆新馆开放\n\n${narrow}`,
      ),
      segmenter,
    );
    expect(result.articles.map((a) => a.titles)).toEqual([
      ['城东街道走访独居老人'],
      ['区图书馆新馆开放'],
    ]);
    expect(result.articles[0]!.body.map((l) => l.text)).toContain('（本报杭州2月4日电）');
  });
});

describe('e-paper text: titles flush left, paragraphs indented', () => {
  const page = [
    '城东街道启用智慧养老服务站',
    '\u3000\u3000近日，城东街道智慧养老服务站正式启用，为辖区老人提供助餐、助浴等服务。',
    '\u3000\u3000服务站还开通了紧急呼叫系统，老人在家按下按钮，工作人员就能及时上门。',
    '',
    '区图书馆夜间开放',
    '延长至晚上九点',
    '\u3000\u3000从下周起，区图书馆每周五、周六延长开放至晚上九点。',
    '',
    '\u3000\u3000图为市民在图书馆阅读。',
  ].join('\n');

  it('starts an article at every run of flush-left lines above an indented paragraph', () => {
    const result = splitArticles(pageLines(page), segmenter);
    expect(result.layout.indented).toBe(true);
    expect(result.articles.map((a) => a.titles)).toEqual([
      ['城东街道启用智慧养老服务站'],
      ['区图书馆夜间开放', '延长至晚上九点'],
    ]);
  });

  it('keeps a caption printed after a blank line with its article', () => {
    const result = splitArticles(pageLines(page), segmenter);
    expect(result.articles[1]!.body.map((l) => l.text)).toContain('图为市民在图书馆阅读。');
  });

  it('reads a blank line as the end of an untitled brief where paragraphs are set without one', () => {
    const briefs = [
      '简讯',
      '',
      '\u3000\u3000近日，东湖社区开展消防演练，居民们学习了灭火器的使用方法。',
      '\u3000\u3000社区还为独居老人安装了烟感报警器。',
      '',
      '\u3000\u3000日前，南苑街道举办招聘会，二十余家企业提供岗位三百多个。',
      '\u3000\u3000现场达成就业意向八十余人。',
      '',
      '\u3000\u3000本周六，区文化馆将举办非遗展演活动。',
      '\u3000\u3000展演免费向市民开放。',
    ].join('\n');
    const result = splitArticles(pageLines(briefs), segmenter);
    expect(result.articles).toHaveLength(3);
    expect(result.articles.every((a) => a.section === '简讯' && a.kind === 'brief')).toBe(true);
  });
});

describe('re-wrapped PDF text: each article keeps its column width', () => {
  const a1 = wrap(
    '近日，城东街道组织志愿者走访辖区独居老人，送去米面油和春联，并帮助老人检查家中的燃气和电路。',
    14,
  );
  const a2 = wrap(
    '志愿者还与老人拉家常、剪窗花，陪他们度过了一个温暖的下午，老人们纷纷表示感谢。',
    14,
  );
  const b1 = wrap(
    '区图书馆新馆日前正式开放，馆内设有少儿阅读区、自习区和数字阅读体验区，可同时容纳读者八百余人。',
    19,
  );

  it('cuts where the width changes around a title-like line, and keeps a subhead between paragraphs of one width', () => {
    const text = [
      '城东街道走访独居老人',
      '',
      a1,
      '',
      '温暖的下午',
      '',
      a2,
      '',
      '区图书馆新馆开放',
      '',
      b1,
    ].join('\n');
    const result = splitArticles(pageLines(text), segmenter);
    expect(result.layout.wrapped).toBe('exact');
    expect(result.articles.map((a) => a.titles)).toEqual([
      ['城东街道走访独居老人'],
      ['区图书馆新馆开放'],
    ]);
  });

  // The article that follows a service line in the two tests below.
  const libraryOpens = () => [
    '区图书馆新馆开放',
    '',
    wrap('区图书馆新馆日前正式开放，馆内设有少儿阅读区和自习区。', 14),
  ];

  it('ends an article at an address or phone line and starts the next at the title after it', () => {
    const text = [
      '社区食堂开业',
      '',
      a1,
      '',
      '地址：城东街道建设路18号',
      '',
      '咨询电话：0571-86000000',
      '',
      ...libraryOpens(),
    ].join('\n');
    const result = splitArticles(pageLines(text), segmenter);
    expect(result.articles.map((a) => a.titles)).toEqual([['社区食堂开业'], ['区图书馆新馆开放']]);
    expect(result.articles[0]!.body.map((l) => l.text)).toContain('咨询电话：0571-86000000');
  });

  it('ends an article at a web address cut over two lines, its label any service word (报名网址)', () => {
    const text = [
      '图书馆试运行',
      '',
      b1,
      '',
      '社区食堂开业',
      '',
      a1,
      '',
      a2,
      '',
      '报名网址：https://shitang.ex',
      'ample.cn/2023',
      '',
      ...libraryOpens(),
    ].join('\n');
    const result = splitArticles(pageLines(text), segmenter);
    expect(result.articles.map((a) => a.titles)).toEqual([
      ['图书馆试运行'],
      ['社区食堂开业'],
      ['区图书馆新馆开放'],
    ]);
  });
});

describe('a headline that carries its column’s label', () => {
  it('starts an article between two paragraphs of one width, and keeps the deck under it out of the titles', () => {
    const text = [
      ...twoArticles(),
      '',
      '老街换新颜 居民笑开颜（城事观察）',
      '',
      '在城市更新中，留住老街的烟火气',
      '',
      wrap(
        '走进改造后的老街，青石板路平整干净，沿街的老字号重新开张，不少居民在门口晒着太阳聊天。',
        14,
      ),
    ].join('\n');
    const result = splitArticles(pageLines(text), segmenter);
    expect(result.articles.map((a) => a.titles)).toEqual([
      ['图书馆试运行'],
      ['社区食堂开业'],
      ['老街换新颜 居民笑开颜（城事观察）'],
    ]);
    expect(result.articles[2]!.body.find((l) => l.text)?.text).toBe(
      '在城市更新中，留住老街的烟火气',
    );
  });

  it('leaves a sidebar’s label (记者手记, 小贴士) to the article it sits beside', () => {
    const text = [
      ...twoArticles(),
      '',
      '一碗热饭的温度（记者手记）',
      '',
      wrap(
        '采访那天，食堂里坐满了老人，有人端着饭碗和邻居聊家常，一碗热饭让独居老人的日子暖了起来。',
        14,
      ),
    ].join('\n');
    const result = splitArticles(pageLines(text), segmenter);
    expect(result.articles.map((a) => a.titles)).toEqual([['图书馆试运行'], ['社区食堂开业']]);
  });
});

describe('a dateline credit in parentheses wrapped over two lines', () => {
  it('closes its article, so the next title starts one even in the same column width', () => {
    const text = [
      ...library(),
      '',
      '萝卜丰收',
      '',
      wrap(
        '城西村的萝卜迎来丰收，村民们忙着采收、清洗、装箱，一车车萝卜运往城里的超市和菜场。',
        14,
      ),
      '',
      '（新华社杭州2月24日电  记',
      '者伍思远、任秋禾）',
      '',
      '老街夜市开张',
      '',
      nightMarket(),
    ].join('\n');
    const result = splitArticles(pageLines(text), segmenter);
    expect(result.articles.map((a) => a.titles)).toEqual([
      ['图书馆试运行'],
      ['萝卜丰收'],
      ['老街夜市开张'],
    ]);
  });
});

describe('two title lines as long as the column they stand over', () => {
  it('are a title at the top of the page or after finished text, when their lengths differ', () => {
    const text = [
      '城东街道为老服务再升级，社区',
      '食堂开进老小区',
      '',
      wrap(
        '城东街道首家社区食堂日前开业，每天为辖区老人提供午餐和晚餐，八十岁以上老人用餐还有补贴。',
        14,
      ),
      '',
      '区图书馆新馆开放',
      '',
      wrap(
        '区图书馆新馆日前正式开放，馆内设有少儿阅读区、自习区和数字阅读体验区，可容纳读者八百余人。',
        19,
      ),
    ].join('\n');
    const result = splitArticles(pageLines(text), segmenter);
    expect(result.articles[0]!.titles).toEqual(['城东街道为老服务再升级，社区', '食堂开进老小区']);
  });

  it('are not a title when they are a summary’s point set with a bullet (■…)', () => {
    const text = [
      '区里出台意见',
      '支持小微企业发展',
      '',
      wrap('■担保费率一般不高于百分之一，引导合作机构逐步降低平均担保费率，减轻企业负担', 15),
      '',
      '■重点支持单户担保金额五百万元',
      '及以下小微企业',
      '',
      wrap('本报杭州2月14日电（记者伍思远）日前，区政府办公室印发意见，切实支持小微企业发展。', 15),
      '',
      wrap('意见强调，要坚持聚焦支小支农主业，不断扩大服务覆盖面，切实降低融资成本。', 15),
    ].join('\n');
    const result = splitArticles(pageLines(text), segmenter);
    expect(result.articles[0]!.titles).toEqual(['区里出台意见', '支持小微企业发展']);
    expect(result.articles.flatMap((a) => a.titles).filter((t) => t.startsWith('■'))).toEqual([]);
  });

  it('are the next story’s title when a dateline follows them, not a pull quote of the text above', () => {
    const text = [
      ...twoArticles(12),
      '',
      '区法院确定十六项改革任务',
      '完善责任制 用好监督权',
      '',
      wrap(
        '本报杭州2月12日电（记者伍思远）区人民法院日前制定改革方案，确定十六项改革任务，完善司法责任制。',
        12,
      ),
    ].join('\n');
    const result = splitArticles(pageLines(text), segmenter);
    expect(result.articles.map((a) => a.titles)).toEqual([
      ['图书馆试运行'],
      ['社区食堂开业'],
      ['区法院确定十六项改革任务', '完善责任制 用好监督权'],
    ]);
  });
});

describe('a byline above the first titles, under the page’s banner', () => {
  it('is the first article’s byline', () => {
    const text = [
      '文旅',
      '',
      '■记者 伍思远 通讯员 任秋禾',
      '',
      '富春江畔的夏夜',
      '',
      '夜幕降临，江畔凉风习习。在一处露营基地，帐篷、天幕一字排开，孩子们在草坪上追逐嬉戏。',
      '',
      '今年入夏以来，县里推出夏夜系列文旅活动，涵盖乡村夜市、星空露营、江上夜游等二十余项产品。',
    ].join('\n');
    const result = splitArticles(pageLines(text), segmenter);
    expect(result.articles.map((a) => a.bylines.map((b) => b.name))).toEqual([
      ['伍思远', '任秋禾'],
    ]);
  });
});

describe('a label over a byline over a title at the top of the page', () => {
  it('is the page’s banner, and the title under the byline is the headline', () => {
    const text = [
      '县区传真',
      '',
      '记者 伍思远 城西融媒体中心 任秋禾',
      '',
      '城西“数字乡村”一张图管到田间地头',
      '',
      '打开城西数字乡村管理平台，全区农田、水系、农房、道路等信息都汇集在一张电子地图上。',
      '',
      '“以前巡查靠人跑，现在系统会自动预警，处理效率高多了。”一位村干部说。',
    ].join('\n');
    const result = splitArticles(pageLines(text), segmenter);
    expect(result.articles.map((a) => [a.section, a.titles])).toEqual([
      ['县区传真', ['城西“数字乡村”一张图管到田间地头']],
    ]);
  });
});

describe('a column of untitled briefs in e-paper text', () => {
  it('starts a brief at each paragraph that opens with a dateline', () => {
    const text = [
      '区内简讯',
      '',
      '　　本报讯（通讯员 任秋禾）近日，城西街道联合辖区三所小学开展“小小消防员”体验活动。',
      '',
      '　　本报讯 日前，城东首个“共享菜园”建成开放，由附近居民认领种植。',
      '',
      '　　本报讯（记者 伍思远）4月15日，区图书馆分馆完成改造后重新开放。',
      '',
      '　　新馆面积扩大到一千五百平方米，增设亲子阅读区和自习区。',
    ].join('\n');
    const result = splitArticles(pageLines(text), segmenter);
    expect(result.articles.map((a) => a.body.find((l) => l.text)?.text.slice(0, 6))).toEqual([
      '本报讯（通讯',
      '本报讯 日前',
      '本报讯（记者',
    ]);
  });

  it('keeps a datelined paragraph inside a titled article', () => {
    const text = [
      '春节假期全区消费两旺',
      '',
      '　　本报讯（记者 伍思远）春节假期，全区商贸企业销售额同比增长一成以上。',
      '',
      '　　本报讯 据区商务局统计，假期全区重点商圈客流量超过一百万人次。',
      '',
      '　　区商务局有关负责人表示，将继续办好各类促消费活动。',
    ].join('\n');
    const result = splitArticles(pageLines(text), segmenter);
    expect(result.articles.map((a) => a.titles)).toEqual([['春节假期全区消费两旺']]);
  });
});

describe('what goes into no article', () => {
  it('reports a title with no text under it as a leftover line instead of an empty article', () => {
    const ad = splitArticles(pageLines('\n广告\n'), segmenter);
    expect(ad.articles).toEqual([]);
    expect(ad.leftovers).toEqual([{ line: 2, text: '广告', why: 'title without text under it' }]);
  });
});

describe('titles printed after their text, closed by a credit', () => {
  it('reads the title that follows a closing credit as the end of the article above it', () => {
    const text = [
      '近日，城东街道组织志愿者走访辖区',
      '独居老人，送去米面油和春联。',
      '',
      '（通讯员 何佳）',
      '',
      '城东街道走访独居老人',
      '',
      '区图书馆新馆日前正式开放，馆内设有少',
      '儿阅读区和自习区，可容纳读者八百余人。',
      '',
      '（记者 林晓）',
      '',
      '区图书馆新馆开放',
    ].join('\n');
    const result = splitArticles(pageLines(text), segmenter);
    expect(result.order).toBe('after');
    expect(result.articles.map((a) => [a.titles, a.bylines.map((b) => b.name)])).toEqual([
      [['城东街道走访独居老人'], ['何佳']],
      [['区图书馆新馆开放'], ['林晓']],
    ]);
  });
});

describe('titles after their text under a slogan banner', () => {
  const result = summary('titles-after-banner.txt');

  it('reads a two-phrase banner over titles-after text as a banner, not a headline', () => {
    expect(result.order).toBe('after');
    expect(result.articles.map((a) => a.titles)).toEqual([
      ['第二批乡村工坊通过验收', '带动农户就近就业'],
      ['溪头村稻浪金黄'],
      ['县城至高铁站新增两条公交专线'],
    ]);
  });

  it('keeps a byline printed after the text, right above the titles, with the article it closes', () => {
    expect(result.articles[0]!.bylines.map((b) => b.name)).toEqual(['柏青岚', '甘露', '伍思远']);
  });

  it('keeps a picture credit and the caption under it with their article', () => {
    expect(result.articles[1]!.bylines).toEqual([{ name: '詹一鸣', role: '摄影' }]);
    expect(result.articles[1]!.lastLine).toBe('图为溪头村的稻田。');
    expect(result.articles[2]!.firstLine).toMatch(/^5月起/);
  });
});

describe('what is printed after an article’s text', () => {
  it('keeps a place-of-writing line and a note on the author with the letter above, not as an article of their own', () => {
    const result = summary('tail-after-article.txt');
    expect(result.articles.map((a) => a.titles)).toEqual([['给远方老师的一封信']]);
    expect(result.articles[0]!.lastLine).toBe('（作者为某大学公派教师）');
  });
});

describe('markdown-ish pages: headings and the plain title lines beside them', () => {
  const page = [
    '一线直击',
    '',
    '# 东山春茶产销两旺',
    '',
    '# 茶农人均增收超万元',
    '',
    '■记者 柏青岚',
    '',
    '5月下旬，东山镇春茶采摘已近尾声，茶农们正忙着整理茶园、打包发货。',
    '',
    '记者手记：',
    '',
    '# 在老小区里看见“微更新”',
    '',
    '——一个社区的改造笔记',
    '',
    '本报记者 伍思远',
    '',
    '走进城东的老小区，新装的电梯、翻新的凉亭，让老人们出门方便了许多。',
    '',
    '## 身边榜样',
    '',
    '任秋禾',
    '',
    '城东社区居民，今年63岁，退休后坚持为独居老人上门理发。',
  ].join('\n');
  const result = splitArticles(pageLines(page), segmenter);

  it('keeps two headings in a row together under a label above them', () => {
    expect(result.articles[0]!.titles).toEqual(['东山春茶产销两旺', '茶农人均增收超万元']);
  });

  it('takes a plain kicker ending in a colon and a plain dash subtitle into the heading’s titles', () => {
    expect(result.articles[1]!.titles).toEqual([
      '记者手记：',
      '在老小区里看见“微更新”',
      '——一个社区的改造笔记',
    ]);
  });

  it('reads the name under a box label as the box’s first line, not a byline', () => {
    const box = result.articles[2]!;
    expect(box.titles).toEqual(['身边榜样']);
    expect(box.bylines).toEqual([]);
    expect(box.body.find((l) => l.text)?.text).toBe('任秋禾');
  });
});

describe('a byline between one article’s text and the next one’s titles', () => {
  const body = (text: string) => wrap(text, 16);
  const page = (between: string) =>
    [
      '城东街道走访独居老人',
      '',
      '记者 柏青岚',
      '',
      body(
        '近日，城东街道组织志愿者走访辖区独居老人，送去米面油和春联，并帮助老人检查家中的燃气和电路。',
      ),
      '',
      between,
      '',
      '区图书馆新馆开放',
      '',
      body(
        '区图书馆新馆日前正式开放，馆内设有少儿阅读区、自习区和数字阅读体验区，可同时容纳读者八百余人。',
      ),
    ].join('\n');

  it('goes with the titles below it when it credits several people with their roles', () => {
    const result = splitArticles(pageLines(page('记者 伍思远 通讯员 任秋禾')), segmenter);
    expect(result.articles.map((a) => a.bylines.map((b) => b.name))).toEqual([
      ['柏青岚'],
      ['伍思远', '任秋禾'],
    ]);
  });

  it('closes the text above it when it names one reporter, or credits a picture', () => {
    for (const credit of ['记者 伍思远', '伍思远 任秋禾摄影报道']) {
      const result = splitArticles(pageLines(page(credit)), segmenter);
      expect(result.articles[1]!.bylines).toEqual([]);
    }
  });
});

describe('notices on a page whose titles follow their text', () => {
  const result = summary('titles-after-notices.txt');

  it('closes each notice with the heading printed under its date, not with its signature', () => {
    expect(result.order).toBe('after');
    expect(result.articles.map((a) => a.titles)).toEqual([
      ['城西社区为独居老人装上“安全哨”'],
      ['停水通知'],
      ['公告'],
    ]);
  });

  it('starts the next notice at its salutation', () => {
    expect(result.articles[2]!.firstLine).toBe('锦苑小区全体业主：');
    expect(result.articles[1]!.lastLine).toBe('2023年7月20日');
  });
});

describe('e-paper text that lost its indentation: one paragraph a line', () => {
  const page = [
    '以“绣花功夫”推进老旧小区改造',
    '城西今年将完成四十二个小区综合提升',
    '■记者 伍思远 通讯员 任秋禾',
    '4月17日上午，在城西街道翠苑社区，施工人员正在为一幢老楼加装电梯，居民们在一旁围观。',
    '记者从区住建局获悉，今年全区计划完成四十二个老旧小区综合改造，惠及居民一万余户。',
    '先问需再设计',
    '与以往不同，今年的改造项目在设计阶段就请居民参与，方案几经修改才最终确定下来。',
    '',
    '湿地春季观鸟季开幕',
    '本报讯（记者 柏青岚）4月16日，城西湿地春季观鸟季开幕，吸引了不少市民和摄影爱好者。',
    '据介绍，经过多年生态修复，湿地记录到的鸟类已超过两百种，其中不乏珍稀鸟类。',
    '',
    '街道开设“银龄课堂”',
    '近日，城东街道“银龄课堂”开课，首批开设智能手机使用、书法、合唱等八门课程。',
    '课程全部免费，报名的老人已有三百余人，不少课程一开放就报满了。',
  ].join('\n');
  const result = splitArticles(pageLines(page), segmenter);

  it('cuts the page at its titles, with the subhead left inside its article', () => {
    expect(result.layout.lineParagraphs).toBe(true);
    expect(result.articles.map((a) => a.titles)).toEqual([
      ['以“绣花功夫”推进老旧小区改造', '城西今年将完成四十二个小区综合提升'],
      ['湿地春季观鸟季开幕'],
      ['街道开设“银龄课堂”'],
    ]);
  });

  it('reads the byline line under the titles', () => {
    expect(result.articles[0]!.bylines.map((b) => b.name)).toEqual(['伍思远', '任秋禾']);
  });
});

describe('re-wrapped text, one width per article: titles between paragraphs of the same width', () => {
  // The paragraphs above and below are both 14 wide: nothing but the title lines can tell.
  const around = (titles: string[], below: string[] = []) =>
    [
      ...twoArticles(14),
      '',
      ...titles,
      '',
      ...below,
      ...(below.length ? [''] : []),
      nightMarket(),
    ].join('\n');

  it.each([
    [
      'when a kicker line stops short of the column above the headline',
      ['城东街道', '老街夜市重新开张'],
    ],
    ['when a line runs past the column', ['城东老街夜市重新开张迎来八方游客']],
    ['when the headline is two phrases set apart by a space', ['夜市开张 老街热闹']],
    ['at a photo report’s label', ['图片报道']],
  ])('start an article %s', (_, titles) => {
    expect(titlesOf(around(titles))).toEqual([['图书馆试运行'], ['社区食堂开业'], titles]);
  });

  it('leave a 小标题 that fills its first line, or one clause, inside the article', () => {
    for (const titles of [['老街夜市重新开张，小吃手作花', '灯应有尽有'], ['夜市重新开张']]) {
      const result = splitArticles(pageLines(around(titles)), segmenter);
      expect(result.articles.map((a) => a.titles)).toEqual([['图书馆试运行'], ['社区食堂开业']]);
    }
  });

  it('keep a 整理 credit before an untitled brief as the byline of the text above it', () => {
    const text = [
      '社区食堂开业',
      '',
      wrap('城东街道首家社区食堂日前开业，每天为辖区老人提供午餐和晚餐。', 14),
      '',
      '本报记者 柯明远整理',
      '',
      wrap('本报讯 区游泳馆经过三个月的改造日前恢复开放，新增了儿童戏水区和无障碍通道。', 17),
    ].join('\n');
    const [first, brief] = splitArticles(pageLines(text), segmenter).articles;
    expect(first!.bylines).toEqual([{ name: '柯明远', role: '记者' }]);
    expect(first!.contributors).toEqual([]);
    expect(brief!.body.map((l) => l.text).join('')).toMatch(/^本报讯/);
  });

  it('credit who wrote a part down (本报记者 X整理) between two stretches of text as a contributor', () => {
    const text = [
      '城东街道社区食堂开业',
      '',
      wrap('城东街道首家社区食堂日前开业，每天为辖区老人提供午餐和晚餐。', 14),
      '',
      '本报记者 柯明远整理',
      '',
      wrap('八十岁以上老人用餐还有补贴，不少老人成了食堂的常客，有的还带着老伴一起来。', 14),
    ].join('\n');
    const [article, ...rest] = splitArticles(pageLines(text), segmenter).articles;
    expect(rest).toEqual([]);
    expect(article!.bylines).toEqual([]);
    expect(article!.contributors).toEqual([{ name: '柯明远', role: '记者' }]);
  });

  it('leave sub-stories, each under a 小标题 and a byline, inside the feature, their reporters contributors', () => {
    const second = [
      '',
      '花灯沿河亮起',
      '',
      '本报记者 吴涵',
      '',
      wrap('入夜，沿河的花灯次第亮起，不少市民带着孩子前来赏灯拍照，夜市一直热闹到十点。', 14),
    ];
    const text = `${around(['夜市重新开张'], ['本报记者 柯明远'])}\n${second.join('\n')}`;
    const result = splitArticles(pageLines(text), segmenter);
    expect(result.articles.map((a) => a.titles)).toEqual([['图书馆试运行'], ['社区食堂开业']]);
    const feature = result.articles[1]!;
    expect(feature.bylines).toEqual([]);
    expect(feature.contributors).toEqual([
      { name: '柯明远', role: '记者' },
      { name: '吴涵', role: '记者' },
    ]);
    expect(feature.body.map((l) => l.text)).toContain('本报记者 柯明远');
  });

  it('start an article at each of two articles over bylines that share a width by chance', () => {
    const text = [
      ...library(),
      '',
      '社区食堂开业',
      '',
      '记者 孙丽',
      '',
      wrap('城东街道首家社区食堂日前开业，每天为辖区老人提供午餐和晚餐。', 14),
      '',
      '夜市重新开张',
      '',
      '记者 柯明远',
      '',
      wrap('老街夜市日前重新开张，一百多个摊位沿河排开，吸引了不少市民。', 14),
      '',
      '游泳馆恢复开放',
      '',
      '通讯员 吴涵',
      '',
      wrap('区游泳馆经过三个月的改造日前恢复开放，新增了儿童戏水区和无障碍通道。', 17),
    ].join('\n');
    const result = splitArticles(pageLines(text), segmenter);
    expect(result.articles.map((a) => a.titles)).toEqual([
      ['图书馆试运行'],
      ['社区食堂开业'],
      ['夜市重新开张'],
      ['游泳馆恢复开放'],
    ]);
    expect(result.articles[2]!.bylines).toEqual([{ name: '柯明远', role: '记者' }]);
  });

  it('start an article at a title over a byline when it is the only one at that width', () => {
    const result = splitArticles(
      pageLines(around(['夜市重新开张'], ['本报记者 柯明远'])),
      segmenter,
    );
    expect(result.articles.map((a) => a.titles)).toEqual([
      ['图书馆试运行'],
      ['社区食堂开业'],
      ['夜市重新开张'],
    ]);
    expect(result.articles[2]!.bylines).toEqual([{ name: '柯明远', role: '记者' }]);
  });
});

describe('a page set in one column width', () => {
  it('starts an article at title lines the column cannot have made', () => {
    const text = [...library(14), '', '城东街道', '老街夜市重新开张', '', nightMarket()].join('\n');
    const result = splitArticles(pageLines(text), segmenter);
    expect(result.articles.map((a) => a.titles)).toEqual([
      ['图书馆试运行'],
      ['城东街道', '老街夜市重新开张'],
    ]);
  });

  it('starts an article at a headline led by its place, and leaves a 小标题 led by a word', () => {
    const page = (title: string) => [...library(14), '', title, '', nightMarket()].join('\n');
    expect(titlesOf(page('双浦镇：老街夜市开张'))).toEqual([
      ['图书馆试运行'],
      ['双浦镇：老街夜市开张'],
    ]);
    expect(titlesOf(page('新方向：夜市开张'))).toEqual([['图书馆试运行']]);
    expect(titlesOf(page('城市：夜市重新开张'))).toEqual([['图书馆试运行']]);
  });

  it('starts an article after a picture’s credit and its caption', () => {
    const text = [
      ...library().slice(0, 2),
      wrap('秋分过后，龙井村的茶农们忙着修剪茶蓬、施肥除草，为明年的春茶打基础。', 14),
      '',
      '记者 柯明远 摄',
      '',
      '图为茶农在茶园里修剪茶蓬。',
      '',
      '桂花香里话重阳',
      '',
      wrap('重阳节前夕，宝石社区的志愿者为辖区老人理发、量血压，陪老人们聊天。', 14),
    ].join('\n');
    const result = splitArticles(pageLines(text), segmenter);
    expect(result.articles.map((a) => a.titles)).toEqual([['图书馆试运行'], ['桂花香里话重阳']]);
  });

  it('starts an article at a title whose text ends with a credit of its own, under an article signed at its head', () => {
    const page = (closing: string) =>
      [
        '城东街道社区食堂开业',
        '',
        '记者 孙丽',
        '',
        wrap(
          '城东街道首家社区食堂日前开业，每天为辖区老人提供午餐和晚餐，八十岁以上老人还有补贴。',
          14,
        ),
        '',
        '别让口袋公园成摆设',
        '',
        wrap(
          '这两年城市里的口袋公园多了，这是好事，但个别公园建成后缺乏维护，座椅破损无人修。',
          14,
        ),
        '',
        closing,
      ].join('\n');
    expect(titlesOf(page('（晓风）'))).toEqual([['城东街道社区食堂开业'], ['别让口袋公园成摆设']]);
    // A picture credit comes with any article: the line above stays a 小标题.
    expect(titlesOf(page('记者 柯明远 摄'))).toEqual([['城东街道社区食堂开业']]);
  });

  it('reads a sentence signed with a name in parentheses as the end of a text, not a title', () => {
    expect(titleLike('绿地管好用好。（晓风）')).toBe(false);
    expect(titleLike('南方为何出现连阴雨？（气象观察）')).toBe(true);
  });
});
