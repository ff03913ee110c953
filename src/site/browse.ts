import type { Article } from '../model/article.ts';
import { creditedPeople } from '../model/credits.ts';
import { paperLabel } from './format.ts';

export const byNewest = (a: Article, b: Article) =>
  (b.date ?? '').localeCompare(a.date ?? '') || a.file.localeCompare(b.file) || a.line - b.line;

export function groupBy<K>(articles: Article[], keys: (a: Article) => K[]): Map<K, Article[]> {
  const groups = new Map<K, Article[]>();
  for (const a of articles) {
    for (const k of new Set(keys(a))) {
      // Pushed in place: copying the group for every article made a build of 100k articles quadratic.
      const group = groups.get(k);
      if (group) group.push(a);
      else groups.set(k, [a]);
    }
  }
  return groups;
}

/** Districts by article count, each with its streets and their counts. */
export function districtTree(articles: Article[]) {
  return [...groupBy(articles, (a) => a.districts)]
    .map(([district, list]) => ({
      district,
      count: list.length,
      articles: [...list].sort(byNewest),
      streets: [
        ...groupBy(list, (a) =>
          a.streets.filter((s) => s.district === district).map((s) => s.name),
        ),
      ]
        .map(([street, l]) => ({ street, count: l.length }))
        .sort((x, y) => y.count - x.count || x.street.localeCompare(y.street)),
    }))
    .sort((x, y) => y.count - x.count || x.district.localeCompare(y.district));
}

export const dayOf = (a: Article) => (a.datePrecision === 'day' && a.date ? a.date : null);

/** Years → months → days that have articles. */
export function calendar(articles: Article[]) {
  const years = new Map<string, Map<string, Map<string, Article[]>>>();
  for (const a of articles) {
    if (!a.date) continue;
    const [y, m] = a.date.split('-');
    const months = years.get(y!) ?? new Map();
    years.set(y!, months);
    const days = months.get(m ?? '') ?? new Map();
    months.set(m ?? '', days);
    const day = dayOf(a) ?? '';
    days.set(day, [...(days.get(day) ?? []), a]);
  }
  return years;
}

/** One day's issues: paper → page → articles in page order. */
export function issuesOn(articles: Article[]) {
  const papers = new Map<string, { name: string; pages: Map<string, Article[]> }>();
  for (const a of [...articles].sort((x, y) => x.file.localeCompare(y.file) || x.line - y.line)) {
    const paper = papers.get(a.paper) ?? { name: paperLabel(a.paperName), pages: new Map() };
    papers.set(a.paper, paper);
    const page = a.page ?? '';
    paper.pages.set(page, [...(paper.pages.get(page) ?? []), a]);
  }
  return papers;
}

/** Reporters (every name an article credits) with their articles and co-authors. */
export function reporters(articles: Article[]) {
  return [...groupBy(articles, (a) => creditedPeople(a).map((b) => b.name))]
    .map(([name, list]) => {
      const co = new Map<string, number>();
      for (const a of list)
        for (const b of creditedPeople(a))
          if (b.name !== name) co.set(b.name, (co.get(b.name) ?? 0) + 1);
      const roles = [
        ...new Set(
          list.flatMap((a) =>
            creditedPeople(a)
              .filter((b) => b.name === name)
              .map((b) => b.role),
          ),
        ),
      ];
      return {
        name,
        roles,
        articles: [...list].sort(byNewest),
        coauthors: [...co].sort((x, y) => y[1] - x[1]),
      };
    })
    .sort((x, y) => y.articles.length - x.articles.length || x.name.localeCompare(y.name));
}

/** Districts per coverage page: a national paper's articles name thousands of counties. */
export const COVERAGE_ROWS = 100;

/** One page of the coverage view: a year's districts (COVERAGE_ROWS of them, most covered first) × its 12 months. */
export interface CoveragePage {
  year: string;
  /** 1-based; the year's districts continue on page 2, 3 … */
  page: number;
  pages: number;
  months: string[];
  districts: string[];
  count: (district: string, month: string) => number;
  /** The year's largest monthly count of one district: the darkest shade. */
  max: number;
}

/** Articles per district per month, a year per page (newest year first), COVERAGE_ROWS districts per page. */
export function coverage(articles: Article[], rows = COVERAGE_ROWS): CoveragePage[] {
  const counts = new Map<string, number>();
  const byYear = new Map<string, Map<string, number>>();
  for (const a of articles) {
    const m = a.date?.slice(0, 7);
    if (m?.length !== 7) continue;
    const year = m.slice(0, 4);
    const totals = byYear.get(year) ?? new Map<string, number>();
    byYear.set(year, totals);
    for (const d of a.districts) {
      counts.set(`${d}|${m}`, (counts.get(`${d}|${m}`) ?? 0) + 1);
      totals.set(d, (totals.get(d) ?? 0) + 1);
    }
  }
  const count = (d: string, m: string) => counts.get(`${d}|${m}`) ?? 0;
  const out: CoveragePage[] = [];
  for (const year of [...byYear.keys()].sort().reverse()) {
    const totals = byYear.get(year)!;
    const districts = [...totals]
      .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
      .map(([d]) => d);
    const months = Array.from(
      { length: 12 },
      (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`,
    );
    const max = Math.max(1, ...districts.flatMap((d) => months.map((m) => count(d, m))));
    const pages = Math.max(1, Math.ceil(districts.length / rows));
    for (let page = 1; page <= pages; page++)
      out.push({
        year,
        page,
        pages,
        months,
        districts: districts.slice((page - 1) * rows, page * rows),
        count,
        max,
      });
  }
  return out;
}

/** The address of a coverage page: the newest year's first page is /coverage/ itself. */
export function coveragePath(year: string, page: number): string {
  return `/coverage/${year}/${page > 1 ? `${page}/` : ''}`;
}
