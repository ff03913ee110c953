import { describe, expect, it } from 'vitest';
import { calendar, coverage, districtTree, issuesOn, reporters } from '../../src/site/browse.ts';
import { relatedArticles } from '../../src/site/related.ts';
import { fixtureArticles } from './fixtures/articles.ts';
import { makeArticle } from '../helpers/meili.ts';

const articles = fixtureArticles();

describe('browse helpers', () => {
  it('ranks districts by article count, each with its streets', () => {
    const tree = districtTree(articles);
    expect(tree.reduce((n, d) => n + d.count, 0)).toBe(
      articles.filter((a) => a.districts.length).length,
    );
    expect(tree.map((d) => d.count)).toEqual([...tree.map((d) => d.count)].sort((a, b) => b - a));
    const gongshu = tree.find((d) => d.district === '拱墅区')!;
    expect(gongshu.streets).toEqual([{ street: '湖墅街道', count: 5 }]);
    expect(gongshu.articles[0]!.date! >= gongshu.articles.at(-1)!.date!).toBe(true);
  });

  it('files every dated article under its year, month and day', () => {
    const years = calendar(articles);
    expect([...years.keys()].sort()).toEqual(['2022', '2023']);
    const count = [...years.values()]
      .flatMap((months) => [...months.values()])
      .flatMap((days) => [...days.values()])
      .flat().length;
    expect(count).toBe(articles.filter((a) => a.date).length);
  });

  it("lays out one day's issues paper by paper, page by page, and names an unknown paper", () => {
    const day = [
      makeArticle({ id: 'p1', paper: '', paperName: '', page: '2' }),
      makeArticle({ id: 'p2', paper: 'east', paperName: '城东报', page: '1' }),
    ];
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

  it('lists the contributors of a feature’s parts among the reporters, with the article', () => {
    const feature = makeArticle({
      id: 'f1',
      bylines: [{ name: '孙丽', role: '记者' }],
      contributors: [{ name: '柯明远', role: '记者' }],
    });
    const ke = reporters([feature]).find((r) => r.name === '柯明远')!;
    expect(ke.articles.map((a) => a.id)).toEqual(['f1']);
    expect(ke.coauthors).toEqual([['孙丽', 1]]);
  });

  it('counts articles per district per month for the coverage map, a year per page, newest first', () => {
    const pages = coverage(articles);
    expect(pages.map((p) => p.year)).toEqual(['2023', '2022']);
    const y2022 = pages.find((p) => p.year === '2022')!;
    expect(y2022.months).toHaveLength(12);
    expect(y2022.months[0]).toBe('2022-01');
    expect(y2022.count('上城区', '2022-01')).toBe(1);
    expect(y2022.count('上城区', '1999-01')).toBe(0);
    const total = pages.reduce(
      (n, p) =>
        n + p.districts.reduce((m, d) => m + p.months.reduce((k, mo) => k + p.count(d, mo), 0), 0),
      0,
    );
    expect(total).toBe(
      articles
        .filter((a) => a.date && a.date.length >= 7)
        .reduce((n, a) => n + a.districts.length, 0),
    );
  });

  it('splits a year with more districts than a page holds into pages, most covered districts first', () => {
    const many = Array.from({ length: 250 }, (_, i) =>
      makeArticle({ id: `c${i}`, date: '2023-05-01', districts: [`第${i % 120}区`] }),
    );
    const pages = coverage(many, 50);
    expect(pages.map((p) => `${p.year}/${p.page}/${p.pages}/${p.districts.length}`)).toEqual([
      '2023/1/3/50',
      '2023/2/3/50',
      '2023/3/3/20',
    ]);
    expect(pages[0]!.count(pages[0]!.districts[0]!, '2023-05')).toBe(3);
    expect(new Set(pages.flatMap((p) => p.districts)).size).toBe(120);
  });

  it('relates articles that share keywords or places, never an article to itself', () => {
    const related = relatedArticles(articles);
    const first = related.get('e2e-01')!;
    expect(first.length).toBeGreaterThan(0);
    expect(first.map((a) => a.id)).not.toContain('e2e-01');
    expect(first[0]!.streets[0]?.name).toBe('湖墅街道');
  });
});
