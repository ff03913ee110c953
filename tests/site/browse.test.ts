import { describe, expect, it } from 'vitest';
import { calendar, coverage, districtTree, issuesOn, reporters } from '../../src/site/browse.ts';
import { relatedArticles } from '../../src/site/related.ts';
import { fixtureArticles } from './fixtures/articles.ts';
import { makeArticle } from '../helpers/meili.ts';

const articles = fixtureArticles();

describe('browse helpers', () => {
  it('ranks districts by article count, each with its streets', () => {
    const tree = districtTree(articles);
    expect(tree.reduce((n, d) => n + d.count, 0)).toBe(articles.filter((a) => a.districts.length).length);
    expect(tree.map((d) => d.count)).toEqual([...tree.map((d) => d.count)].sort((a, b) => b - a));
    const gongshu = tree.find((d) => d.district === '拱墅区')!;
    expect(gongshu.streets).toEqual([{ street: '湖墅街道', count: 5 }]);
    expect(gongshu.articles[0]!.date! >= gongshu.articles.at(-1)!.date!).toBe(true);
  });

  it('files every dated article under its year, month and day', () => {
    const years = calendar(articles);
    expect([...years.keys()].sort()).toEqual(['2022', '2023']);
    const count = [...years.values()].flatMap((months) => [...months.values()]).flatMap((days) => [...days.values()]).flat().length;
    expect(count).toBe(articles.filter((a) => a.date).length);
  });

  it('lays out one day\'s issues paper by paper, page by page, and names an unknown paper', () => {
    const day = [makeArticle({ id: 'p1', paper: '', paperName: '', page: '2' }), makeArticle({ id: 'p2', paper: 'east', paperName: '城东报', page: '1' })];
    const issues = issuesOn(day);
    expect([...issues.values()].map((i) => i.name).sort()).toEqual(['城东报', '（未归属报纸）']);
  });

  it('lists reporters with their roles and co-authors, busiest first', () => {
    const list = reporters(articles);
    expect(list[0]!.name).toBe('孙丽');
    const lin = list.find((r) => r.name === '林晓')!;
    expect(lin.roles).toEqual(['记者']);
    expect(lin.coauthors[0]![0]).toBe('孙丽');
  });

  it('counts articles per district per month for the coverage map', () => {
    const c = coverage(articles);
    expect(c.months[0]).toBe('2022-01');
    expect(c.count('上城区', '2022-01')).toBe(1);
    expect(c.count('上城区', '1999-01')).toBe(0);
  });

  it('relates articles that share keywords or places, never an article to itself', () => {
    const related = relatedArticles(articles);
    const first = related.get('e2e-01')!;
    expect(first.length).toBeGreaterThan(0);
    expect(first.map((a) => a.id)).not.toContain('e2e-01');
    expect(first[0]!.streets[0]?.name).toBe('湖墅街道');
  });
});
