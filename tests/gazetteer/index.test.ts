import { beforeAll, describe, expect, it } from 'vitest';
import {
  loadGazetteer,
  localWords,
  regionCities,
  regionProvinces,
  shortForm,
  type Gazetteer,
} from '../../src/gazetteer/index.ts';
import { Rename, RENAMES } from '../../src/gazetteer/renames.ts';

let gaz: Gazetteer;
beforeAll(async () => {
  gaz = await loadGazetteer();
});

describe('the gazetteer', () => {
  it('knows districts and streets by their full names, with where they lie', () => {
    const [gongshu] = gaz.byName.get('拱墅区')!;
    expect(gongshu).toMatchObject({ level: 'district', cityCode: '3301', provinceCode: '33' });
    const streets = gaz.byName.get('四季青街道')!;
    expect(
      streets.some(
        (s) =>
          s.level === 'street' &&
          s.districtCode === gaz.byName.get('上城区')!.find((d) => d.cityCode === '3301')!.code,
      ),
    ).toBe(true);
  });

  it('leaves out county names that are ordinary words in running text', () => {
    expect(gaz.byName.has('城区')).toBe(false);
    expect(gaz.byName.has('开发区')).toBe(false);
  });

  it("reads the provinces and cities a paper's region names", () => {
    expect(regionProvinces(gaz, '浙江省杭州市')).toEqual(['33']);
    expect(regionProvinces(gaz, '浙江')).toEqual(['33']);
    expect(regionCities(gaz, '浙江省杭州市')).toEqual(['3301']);
    expect(regionProvinces(gaz, null)).toEqual([]);
  });

  it('shortens a place to the form papers print, but never to one character', () => {
    const place = (name: string) => gaz.byName.get(name)![0]!;
    expect(shortForm(place('拱墅区'))).toBe('拱墅');
    expect(shortForm(place('四季青街道'))).toBe('四季青');
    expect(shortForm({ ...place('拱墅区'), name: '沙区' })).toBeNull();
  });

  it("gives search and jieba the local words of the papers' provinces only, with the historic names", () => {
    const words = localWords(gaz, ['33']);
    expect(words).toEqual(expect.arrayContaining(['拱墅区', '拱墅', '湖墅街道', '湖墅', '下城区']));
    expect(words).not.toContain('朝阳区');
  });
});

describe('the rename table (src/gazetteer/renames.json)', () => {
  it('is valid data: every row names a successor that exists today in its city', () => {
    expect(RENAMES.length).toBeGreaterThan(0);
    for (const r of RENAMES) {
      Rename.parse(r);
      for (const today of r.today)
        expect(
          gaz.byName.get(today)?.some((p) => p.level === 'district' && p.cityCode === r.cityCode),
          `${r.historic} → ${today}`,
        ).toBe(true);
    }
  });

  it("maps the 2021 Hangzhou names to today's districts", () => {
    expect(RENAMES.find((r) => r.historic === '下城区')).toMatchObject({
      today: ['拱墅区'],
      wasDistrict: true,
    });
    expect(RENAMES.find((r) => r.historic === '江干区')?.today).toEqual(['上城区', '钱塘区']);
  });
});
