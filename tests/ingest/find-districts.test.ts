import { beforeAll, describe, expect, it } from 'vitest';
import { loadGazetteer, localWords, type Gazetteer } from '../../src/gazetteer/index.ts';
import {
  findDistricts,
  inferHomeDistrict,
  inferRegion,
  type RegionContext,
} from '../../src/ingest/find-districts.ts';

let gaz: Gazetteer;
const hangzhou: RegionContext = { provinceCodes: ['33'], cityCodes: ['3301'] };
const zhejiang: RegionContext = { provinceCodes: ['33'], cityCodes: [] };
const article = (
  fields: Partial<{ kicker: string; headline: string; body: string; homeDistrict: string | null }>,
) => ({
  kicker: '',
  headline: '',
  subheadline: '',
  section: null,
  body: '',
  homeDistrict: null,
  ...fields,
});

beforeAll(async () => {
  gaz = await loadGazetteer({ communityProvinces: ['33'] });
});

describe('districts from the gazetteer', () => {
  it('maps a street to its district', () => {
    const result = findDistricts(
      article({ body: '近日，四季青街道推出便民服务新举措，居民纷纷点赞。' }),
      gaz,
      hangzhou,
    );
    expect(result.districts[0]).toBe('上城区');
    expect(result.streets).toContainEqual({ name: '四季青街道', district: '上城区' });
  });

  it('maps a community to its district', () => {
    expect(
      findDistricts(article({ body: '钱运社区的一项维修工程完工了。' }), gaz, hangzhou)
        .districts[0],
    ).toBe('上城区');
  });

  it("names a renamed district by today's name and keeps the old one as an alias", () => {
    const result = findDistricts(article({ body: '原下城区的老旧小区改造完成。' }), gaz, hangzhou);
    expect(result.districts[0]).toBe('拱墅区');
    expect(result.aliases).toContain('下城区');
  });

  it("reads 我区 as the paper's home district", () => {
    expect(
      findDistricts(
        article({ body: '我区召开会议，部署今年重点工作。', homeDistrict: '钱塘区' }),
        gaz,
        hangzhou,
      ).districts,
    ).toEqual(['钱塘区']);
  });

  it('lets a district prefix in the headline decide the primary district', () => {
    const result = findDistricts(
      article({
        headline: '富阳区:产业兴旺',
        body: '来自萧山区、西湖区的企业也参加了活动，萧山区企业最多。',
      }),
      gaz,
      hangzhou,
    );
    expect(result.districts[0]).toBe('富阳区');
  });

  it("resolves a street name that exists in several provinces by the paper's region", () => {
    // 东湖街道 exists in many cities; in a Hangzhou paper it is the one in 临平区.
    expect(
      findDistricts(article({ body: '东湖街道开展共富项目结对。' }), gaz, hangzhou).districts[0],
    ).toBe('临平区');
  });

  it('does not count a city as a district', () => {
    expect(
      findDistricts(article({ body: '杭州市召开全市大会。' }), gaz, hangzhou).districts,
    ).toEqual([]);
  });

  it("infers a page's home district only when the page speaks of 我区", () => {
    const text = '我区召开会议。四季青街道、凯旋街道、南星街道负责人参加。上城区委书记讲话。';
    expect(inferHomeDistrict(text, gaz, hangzhou)).toBe('上城区');
    expect(inferHomeDistrict(text.replace('我区', '该区'), gaz, hangzhou)).toBeNull();
  });

  it('infers the region of a page without a paper from its place names', () => {
    expect(
      inferRegion('杭州市西湖区和滨江区的企业，以及萧山区、余杭区的学校', gaz, null).provinceCodes,
    ).toEqual(['33']);
    expect(inferRegion('', gaz, '浙江省杭州市')).toEqual(hangzhou);
  });

  it('lists local words for the search dictionary, with short forms', () => {
    const words = localWords(gaz, ['33']);
    expect(words).toContain('湖墅街道');
    expect(words).toContain('湖墅');
    expect(words).toContain('拱墅区');
  });

  it('uses short district names only within the region', () => {
    expect(findDistricts(article({ headline: '玉环创成示范市' }), gaz, zhejiang).districts[0]).toBe(
      '玉环市',
    );
  });
});

describe('districts on a national paper (no region)', () => {
  const national: RegionContext = { provinceCodes: [], cityCodes: [] };

  it('claims a county only where its city or province is printed before it', () => {
    const result = findDistricts(
      article({ body: '在贵州省毕节市七星关区，易地扶贫搬迁安置点的居民用上了新的就业服务站。' }),
      gaz,
      national,
    );
    expect(result.districts).toEqual(['七星关区']);
  });

  it('does not claim two-character names met in passing', () => {
    const result = findDistricts(
      article({ body: '展会东区设有新能源汽车展台，西区则以智能家居为主，南区展示农产品。' }),
      gaz,
      national,
    );
    expect(result.districts).toEqual([]);
  });
});

describe('place names inside other words', () => {
  it('does not read a place name out of the middle of a word (网红古镇 is not 红古)', async () => {
    const { createSegmenter } = await import('../../src/text/segmenter.ts');
    const segmenter = createSegmenter(
      localWords(gaz, ['33']).map((word) => ({ word, tag: 'ns' as const })),
    );
    const body = '与一些千篇一律的“网红古镇”不同，这里保留了原住民的日常生活。';
    expect(findDistricts(article({ body }), gaz, zhejiang, segmenter).districts).toEqual([]);
  });
});

describe('development zones', () => {
  it('reads a zone named after its place as its district (萧山经济技术开发区 → 萧山区)', () => {
    const result = findDistricts(
      article({ body: '萧山经济技术开发区今年新引进项目12个，总投资超百亿元。' }),
      gaz,
      hangzhou,
    );
    expect(result.districts).toEqual(['萧山区']);
  });
});
