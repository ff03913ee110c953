import { beforeAll, describe, expect, it } from 'vitest';
import { loadGazetteer, type Gazetteer } from '../../src/gazetteer/index.ts';
import {
  districtAliasPages,
  districtDirectory,
  monthRange,
  placeDistricts,
} from '../../src/site/districts.ts';
import { makeArticle } from '../helpers/meili.ts';

let gaz: Gazetteer;
beforeAll(async () => {
  gaz = await loadGazetteer();
});

describe('where a district is', () => {
  it('looks up a name that exists once, and labels it without its city', () => {
    const places = placeDistricts([makeArticle({ id: 'a', districts: ['拱墅区'] })], gaz);
    expect(places.get('拱墅区')).toEqual({
      name: '拱墅区',
      city: '杭州市',
      province: '浙江省',
      namesakes: 1,
      label: '拱墅区',
    });
  });

  it('settles a name that repeats across the country by the streets its articles name', () => {
    const fuzhou = makeArticle({
      id: 'a',
      districts: ['鼓楼区'],
      streets: [{ name: '鼓东街道', district: '鼓楼区' }],
    });
    const place = placeDistricts([fuzhou], gaz).get('鼓楼区')!;
    expect(place.namesakes).toBeGreaterThan(2);
    expect(place.label).toBe('福州市 · 鼓楼区');
  });

  it('else by the other districts of the same articles', () => {
    const nanjing = makeArticle({ id: 'a', districts: ['鼓楼区', '玄武区'] });
    expect(placeDistricts([nanjing], gaz).get('鼓楼区')?.label).toBe('南京市 · 鼓楼区');
  });

  it('says nothing it cannot tell: a repeated name with no evidence keeps its bare name', () => {
    const place = placeDistricts([makeArticle({ id: 'a', districts: ['鼓楼区'] })], gaz).get(
      '鼓楼区',
    )!;
    expect([place.city, place.label]).toEqual([null, '鼓楼区']);
  });
});

describe('the district directory', () => {
  const articles = [
    makeArticle({
      id: 'a',
      date: '2023-01-05',
      datePrecision: 'day',
      districts: ['拱墅区'],
      districtAliases: ['下城区'],
      streets: [{ name: '朝晖街道', district: '拱墅区' }],
    }),
    makeArticle({ id: 'b', date: '2023-04-01', datePrecision: 'day', districts: ['拱墅区'] }),
    makeArticle({ id: 'c', districts: ['拱墅区'] }),
    makeArticle({ id: 'd', date: '2023', datePrecision: 'year', districts: ['上城区'] }),
  ];

  it('counts articles month by month from the first month to the last, gaps included, and the undated apart', () => {
    const [gongshu, shangcheng] = districtDirectory(articles, gaz);
    expect(gongshu!.months).toEqual([
      { month: '2023-01', count: 1 },
      { month: '2023-02', count: 0 },
      { month: '2023-03', count: 0 },
      { month: '2023-04', count: 1 },
    ]);
    expect(gongshu!.undatedMonths).toBe(1);
    expect(shangcheng!.months).toEqual([]);
    expect(shangcheng!.undatedMonths).toBe(1);
  });

  it('carries old names from the rename table and from the text, and gives each a page', () => {
    const directory = districtDirectory(articles, gaz);
    expect(directory[0]!.aliases).toEqual([{ name: '下城区', count: 1 }]);
    expect(directory[1]!.aliases).toEqual([{ name: '江干区', count: 0 }]);
    expect(
      districtAliasPages(directory).map((p) => [p.alias, p.successors.map((s) => s.name)]),
    ).toEqual([
      ['下城区', ['拱墅区']],
      ['江干区', ['上城区']],
    ]);
  });

  it('spans years in its months', () => {
    expect(monthRange('2022-11', '2023-02')).toEqual(['2022-11', '2022-12', '2023-01', '2023-02']);
  });
});
