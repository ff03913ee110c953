import { describe, expect, it } from 'vitest';
import { formatReport, pythonJson } from '../../src/eval/format-score.ts';
import { parseGold, parsePredictions, type GoldRecord } from '../../src/eval/gold.ts';
import {
  normText,
  normTitle,
  pyFloat,
  round4,
  scoreExtraction,
} from '../../src/eval/score-extraction.ts';

/** A gold line with defaults for what a case does not care about. */
function gold(g: Partial<GoldRecord> & Pick<GoldRecord, 'first' | 'last'>): GoldRecord {
  return { file: 'p1.txt', kind: 'article', titles: [], bylines: [], districts: [], ...g };
}

const A = gold({
  titles: ['湖畔书房开门迎客'],
  first: '周末上午，湖畔书房',
  last: '借阅量翻了一番。',
  bylines: [{ name: '林晓岚', role: '记者' }],
  districts: ['西湖区'],
});
const B = gold({
  titles: ['老街夜市重新开张'],
  first: '华灯初上，老街两侧',
  last: '夜市将持续到十月底。',
  bylines: [{ name: '周明', role: '通讯员' }],
  districts: ['西湖区'],
});

const predA = {
  file: 'xihu/2023-05-12/p1.txt',
  kicker: '',
  headline: '湖畔书房开门迎客',
  subheadline: '',
  body: '周末上午，湖畔书房迎来首批读者。\n\n开门一个月，借阅量翻了一番。',
  bylines: [{ name: '林晓岚', role: '记者' }],
  districts: ['西湖区'],
};
const predB = {
  file: 'xihu/2023-05-12/p1.txt',
  kicker: '',
  headline: '老街夜市重新开张',
  subheadline: '',
  body: '华灯初上，老街两侧摊位亮起。夜市将持续到十月底。',
  bylines: [{ name: '周明', role: '通讯员' }],
  districts: ['西湖区'],
};

describe('scoreExtraction: segmentation', () => {
  it('scores 1.0 everywhere when every article is cut, titled, credited and placed right', () => {
    const { metrics, misses } = scoreExtraction([A, B], [predA, predB]);
    expect(metrics).toEqual({
      gold_articles: 2,
      predicted_articles: 2,
      segmentation: { precision: 1, recall: 1, f1: 1 },
      title_accuracy: 1,
      byline: { precision: 1, recall: 1, f1: 1, role_accuracy: 1 },
      district: { primary_accuracy: 1, precision: 1, recall: 1, f1: 1 },
      overall: 1,
    });
    expect(misses).toEqual([]);
  });

  it('counts two articles merged into one as two misses, scoring the others against the merged one', () => {
    const merged = {
      ...predA,
      body: `${predA.body}\n\n${predB.body}`,
      bylines: [...predA.bylines, ...predB.bylines],
    };
    const { metrics, misses } = scoreExtraction([A, B], [merged]);
    expect(metrics.segmentation).toEqual({ precision: 0, recall: 0, f1: 0 });
    // Both gold articles fall back to the merged prediction: A's title matches it, B's does not.
    expect(metrics.title_accuracy).toBe(0.5);
    // Each gold article sees both names: one right, one extra → tp 2, fp 2, fn 0.
    expect(metrics.byline).toEqual({ precision: 0.5, recall: 1, f1: 0.6667, role_accuracy: 1 });
    expect(metrics.overall).toBe(0);
    expect(misses.filter((m) => m.kind === 'segment').map((m) => m.what)).toEqual([
      '湖畔书房开门迎客',
      '老街夜市重新开张',
    ]);
  });

  it('misses an article cut in two: first and last must be in one predicted body', () => {
    const top = { ...predA, body: '周末上午，湖畔书房迎来首批读者。' };
    const bottom = { ...predA, headline: '', body: '开门一个月，借阅量翻了一番。' };
    const { metrics } = scoreExtraction([A, B], [top, bottom, predB]);
    expect(metrics.segmentation).toEqual({ precision: 0.3333, recall: 0.5, f1: 0.4 });
  });

  it('names the title, or the first snippet of an untitled article, in a segmentation miss', () => {
    const brief = gold({ kind: 'brief', first: '近日，文新街道', last: '报名截止。' });
    const { misses } = scoreExtraction([A, brief], [predA]);
    expect(misses).toEqual([{ kind: 'segment', file: 'p1.txt', what: '近日，文新街道' }]);
  });

  it('matches files by base name and ignores predictions of files without gold', () => {
    const elsewhere = { ...predB, file: 'other/p2.txt' };
    const { metrics } = scoreExtraction(
      [A],
      [{ ...predA, file: '/abs/path/to/p1.txt' }, elsewhere],
    );
    expect(metrics.predicted_articles).toBe(1);
    expect(metrics.segmentation.f1).toBe(1);
  });

  it('reads the file from source.file and the body from text (a string or a list of paragraphs)', () => {
    const p = {
      source: { file: 'p1.txt' },
      headline: '湖畔书房开门迎客',
      text: ['周末上午，湖畔书房迎来首批读者。', '借阅量翻了一番。'],
    };
    expect(scoreExtraction([A], [p]).metrics.segmentation.f1).toBe(1);
  });

  it('compares bodies after NFKC, whitespace removal and quote folding', () => {
    const g = gold({ first: '“书香街道”建设', last: '共 12 家书房。' });
    const p = { file: 'p1.txt', body: '"书香 街道"建\n设启动以来，共１２家书房。' };
    expect(scoreExtraction([g], [p]).metrics.segmentation.f1).toBe(1);
  });
});

describe('scoreExtraction: titles', () => {
  it('joins kicker, headline and subheadline and ignores punctuation, spaces and width', () => {
    const g = gold({
      titles: ['聚焦“两个先行”——', '西湖区：书房 进社区', '全年新增20家'],
      first: '周末上午',
      last: '翻了一番',
    });
    const p = {
      file: 'p1.txt',
      kicker: '聚焦两个先行',
      headline: '西湖区:书房进社区',
      subheadline: '全年新增２０家',
      body: '周末上午……翻了一番。',
    };
    expect(scoreExtraction([g], [p]).metrics.title_accuracy).toBe(1);
  });

  it('counts a title line in the wrong field as right, a missing line as wrong', () => {
    const g = gold({ titles: ['引题在上', '主标题'], first: '周末上午', last: '翻了一番' });
    const moved = {
      file: 'p1.txt',
      headline: '引题在上',
      subheadline: '主标题',
      body: '周末上午翻了一番',
    };
    const missing = { ...moved, subheadline: '' };
    expect(scoreExtraction([g], [moved]).metrics.title_accuracy).toBe(1);
    const { metrics, misses } = scoreExtraction([g], [missing]);
    expect(metrics.title_accuracy).toBe(0);
    expect(misses).toEqual([{ kind: 'title', file: 'p1.txt', what: '引题在上主标题 <> 引题在上' }]);
  });

  it('leaves title accuracy out (null) when no gold article has titles', () => {
    const g = gold({ kind: 'brief', first: '周末上午', last: '翻了一番', districts: ['西湖区'] });
    const { metrics } = scoreExtraction(
      [g],
      [{ file: 'p1.txt', body: '周末上午翻了一番', districts: [] }],
    );
    expect(metrics.title_accuracy).toBeNull();
    expect(metrics.overall).toBe(0); // the primary district is missing
  });
});

describe('scoreExtraction: bylines', () => {
  const g = gold({
    first: '周末上午',
    last: '翻了一番',
    bylines: [
      { name: '林晓岚', role: '记者' },
      { name: '周明', role: '通讯员' },
      { name: '老树', role: '作者' },
    ],
    bylines_ok: ['王某'],
  });
  const body = '周末上午翻了一番';

  it('scores names by F1 and roles by accuracy over the names found; 作者 accepts any role', () => {
    const p = {
      file: 'p1.txt',
      body,
      bylines: [
        { name: '林晓岚', role: '通讯员' },
        { name: '周明', role: '通讯员' },
        { name: '老树', role: '编辑' },
        { name: '陈某', role: '记者' },
      ],
    };
    const { metrics, misses } = scoreExtraction([g], [p]);
    expect(metrics.byline).toEqual({
      precision: 0.75,
      recall: 1,
      f1: 0.8571,
      role_accuracy: 0.6667,
    });
    expect(misses).toEqual([
      { kind: 'role', file: 'p1.txt', what: '林晓岚: 通讯员 != 记者' },
      { kind: 'byline+', file: 'p1.txt', what: '陈某' },
    ]);
  });

  it('neither rewards nor penalises a name in bylines_ok, and counts plain-string names as 作者', () => {
    const p = { file: 'p1.txt', body, bylines: ['林晓岚', '王某'] };
    const { metrics, misses } = scoreExtraction([g], [p]);
    // 林晓岚 found (gold role 记者, predicted 作者: wrong role); 周明 and 老树 missed; 王某 is ok.
    expect(metrics.byline).toEqual({ precision: 1, recall: 0.3333, f1: 0.5, role_accuracy: 0 });
    expect(misses.map((m) => m.kind)).toEqual(['role', 'byline-', 'byline-']);
  });

  it('scores an article without names and a prediction without names as perfect', () => {
    const none = gold({ first: '周末上午', last: '翻了一番' });
    expect(scoreExtraction([none], [{ file: 'p1.txt', body }]).metrics.byline).toEqual({
      precision: 1,
      recall: 1,
      f1: 1,
      role_accuracy: null,
    });
  });
});

describe('scoreExtraction: districts', () => {
  const g = gold({
    first: '周末上午',
    last: '翻了一番',
    districts: ['西湖区', '余杭区'],
    districts_ok: ['拱墅区'],
  });
  const body = '周末上午翻了一番';

  it('needs the primary district first, and scores the set by F1 with districts_ok free', () => {
    const p = { file: 'p1.txt', body, districts: ['余杭区', '西湖区', '拱墅区', '萧山区'] };
    const { metrics, misses } = scoreExtraction([g], [p]);
    expect(metrics.district).toEqual({
      primary_accuracy: 0,
      precision: 0.6667,
      recall: 1,
      f1: 0.8,
    });
    expect(misses).toEqual([
      { kind: 'district', file: 'p1.txt', what: "['余杭区', '西湖区', '拱墅区'] != 西湖区" },
    ]);
  });

  it('reads districts given as {name} objects', () => {
    const p = { file: 'p1.txt', body, districts: [{ name: '西湖区' }, { name: '余杭区' }] };
    expect(scoreExtraction([g], [p]).metrics.district.primary_accuracy).toBe(1);
  });

  it('leaves primary accuracy out of overall when districts are unlabelled ([])', () => {
    const unlabelled = gold({ first: '周末上午', last: '翻了一番' });
    const { metrics } = scoreExtraction(
      [unlabelled],
      [{ file: 'p1.txt', body, districts: ['西湖区'] }],
    );
    expect(metrics.district).toEqual({ primary_accuracy: null, precision: 0, recall: 1, f1: 0 });
    expect(metrics.overall).toBe(1);
  });
});

describe('scoreExtraction: overall', () => {
  it('is the worst of segmentation F1, title accuracy, byline F1 and primary-district accuracy', () => {
    const wrongPlace = { ...predB, districts: ['余杭区'] };
    const { metrics } = scoreExtraction([A, B], [predA, wrongPlace]);
    expect(metrics.district.primary_accuracy).toBe(0.5);
    expect(metrics.overall).toBe(0.5);
  });

  it('refuses to score against no gold at all', () => {
    expect(() => scoreExtraction([], [predA])).toThrow(/no gold/);
  });
});

describe('normalisation and numbers as the Python scorer has them', () => {
  it('removes Python whitespace (U+3000, U+0085, U+001C) but keeps U+FEFF', () => {
    expect(normText('\u3000\u3000两个\u0085空格\u001c')).toBe('两个空格');
    expect(normText('a\ufeffb')).toBe('a\ufeffb');
    expect(normText('「引号」‘单’')).toBe('"引号""单"');
  });

  it('keeps only letters and digits in titles (after NFKC: ① becomes 1)', () => {
    expect(normTitle('上城区：三方协同 破治理堵点①——“新”')).toBe('上城区三方协同破治理堵点1新');
  });

  it('rounds half to even on the exact binary value, as round(x, 4) does', () => {
    expect(round4(0.03125)).toBe(0.0312);
    expect(round4(0.09375)).toBe(0.0938);
    expect(round4(0.15625)).toBe(0.1562);
    expect(round4(0.12345)).toBe(0.1235);
    expect(round4(5e-5)).toBe(0.0001);
    expect(round4(0.00015)).toBe(0.0001);
    expect(round4(0.99995)).toBe(1);
    expect(round4(2 / 3)).toBe(0.6667);
  });

  it('prints floats as Python does', () => {
    expect([1, 0, 0.5, 0.6667, 5e-5, 1e16].map(pyFloat)).toEqual([
      '1.0',
      '0.0',
      '0.5',
      '0.6667',
      '5e-05',
      '1e+16',
    ]);
  });

  it('prints the report in the Python scorer’s shape', () => {
    const result = scoreExtraction([A, B], [predA]);
    expect(formatReport(result, { json: true })).toBe(
      '{"gold_articles": 2, "predicted_articles": 1, "segmentation": {"precision": 1.0, "recall": 0.5, "f1": 0.6667}, ' +
        '"title_accuracy": 0.5, "byline": {"precision": 1.0, "recall": 0.5, "f1": 0.6667, "role_accuracy": 1.0}, ' +
        '"district": {"primary_accuracy": 0.5, "precision": 1.0, "recall": 0.5, "f1": 0.6667}, "overall": 0.5}\n',
    );
    const text = formatReport(result, { verbose: true });
    expect(text.split('\n').slice(0, 6)).toEqual([
      '  segment   p1.txt: 老街夜市重新开张',
      '  title     p1.txt: 老街夜市重新开张 <> -',
      '  byline-   p1.txt: 周明',
      '  district  p1.txt: [] != 西湖区',
      '{',
      ' "gold_articles": 2,',
    ]);
    expect(text).toContain(
      '\n "segmentation": {\n  "precision": 1.0,\n  "recall": 0.5,\n  "f1": 0.6667\n },\n',
    );
    expect(
      text.endsWith(
        '}\noverall (worst of segmentation F1, title, byline F1, primary district): 0.5\n',
      ),
    ).toBe(true);
    expect(pythonJson({ a: [], b: {} }, 1)).toBe('{\n "a": [],\n "b": {}\n}');
  });
});

describe('gold and prediction files', () => {
  it('reads gold lines, skipping blank ones, and names the line of a bad one', () => {
    const line = JSON.stringify(A);
    expect(parseGold(`${line}\n\n${line}\r\n`)).toHaveLength(2);
    expect(() => parseGold(`${line}\n{"file": "p1.txt"}\n`, 'x.gold.jsonl')).toThrow(
      /^x\.gold\.jsonl:2: /,
    );
    expect(() =>
      parseGold(JSON.stringify({ ...A, bylines: [{ name: '林晓岚', role: '首席记者' }] }), 'g'),
    ).toThrow(/g:1: bylines\.0\.role/);
    expect(() => parseGold(JSON.stringify({ ...A, byline: [] }), 'g')).toThrow(/g:1: /);
  });

  it('reads predictions as any JSON objects and names the line that is not one', () => {
    expect(parsePredictions('{"file":"a.txt"}\n{"body":"x"}\n')).toHaveLength(2);
    expect(() => parsePredictions('{"file":"a.txt"}\n[1]\n', 'pred')).toThrow(/^pred:2: /);
    expect(() => parsePredictions('{oops\n', 'pred')).toThrow(/^pred:1: not JSON/);
  });
});
