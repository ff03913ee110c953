/**
 * Districts as the site explains them: which city a district is in (shown where its name repeats across
 * the country: 杭州市 · 西湖区, not 南昌市's), the old names it carries since the 2021 renames, its
 * streets, and its articles month by month. Built from the articles and the gazetteer at build time.
 */
import type { Gazetteer, Place } from '../gazetteer/index.ts';
import type { Article } from '../model/article.ts';
import { districtTree } from './browse.ts';

export const DISTRICT_PAGE_DEFAULTS = {
  /** Articles listed on one page of a district (page 1 also has the streets and months). */
  articlesPerPage: 100,
  /** Districts on one page of the /districts/ index. */
  districtsPerPage: 300,
} as const;

export interface DistrictPlace {
  name: string;
  /** The city it lies in (杭州市); null when the gazetteer does not know the name or cannot tell which. */
  city: string | null;
  province: string | null;
  /** Units of this name in the whole country (西湖区: 2). */
  namesakes: number;
  /** What lists and the search facet show: the city is added where the name repeats (杭州市 · 西湖区). */
  label: string;
}

/**
 * Where each district name of the archive lies. A name that exists once is simply looked up; one that
 * repeats (西湖区, 鼓楼区) is settled by the streets the articles name under it, then by the cities of the
 * other districts in the same articles and papers.
 */
export function placeDistricts(articles: Article[], gaz: Gazetteer): Map<string, DistrictPlace> {
  const candidatesOf = (name: string) =>
    (gaz.byName.get(name) ?? []).filter((p) => p.level === 'district');
  const cityOfUnique = (name: string) => {
    const c = candidatesOf(name);
    return c.length === 1 ? c[0]!.cityCode : null;
  };
  const paperCities = new Map<string, Map<string, number>>();
  for (const a of articles) {
    const votes = paperCities.get(a.paper) ?? new Map<string, number>();
    paperCities.set(a.paper, votes);
    for (const d of a.districts) {
      const city = cityOfUnique(d);
      if (city) votes.set(city, (votes.get(city) ?? 0) + 1);
    }
  }
  const votes = new Map<string, Map<string, number>>();
  const vote = (name: string, place: Place, weight: number) => {
    const v = votes.get(name) ?? new Map<string, number>();
    votes.set(name, v);
    v.set(place.code, (v.get(place.code) ?? 0) + weight);
  };
  for (const a of articles) {
    for (const name of a.districts) {
      const candidates = candidatesOf(name);
      if (candidates.length < 2) continue;
      for (const s of a.streets.filter((x) => x.district === name)) {
        const streetDistricts = new Set((gaz.byName.get(s.name) ?? []).map((p) => p.districtCode));
        for (const c of candidates) if (streetDistricts.has(c.code)) vote(name, c, 4);
      }
      const cities = new Set(
        a.districts
          .filter((d) => d !== name)
          .map(cityOfUnique)
          .filter(Boolean),
      );
      for (const c of candidates) if (cities.has(c.cityCode)) vote(name, c, 2);
      for (const c of candidates)
        vote(name, c, Math.min(1, (paperCities.get(a.paper)?.get(c.cityCode) ?? 0) / 10));
    }
  }
  const places = new Map<string, DistrictPlace>();
  for (const name of new Set(articles.flatMap((a) => a.districts))) {
    const candidates = candidatesOf(name);
    let place: Place | null = candidates.length === 1 ? candidates[0]! : null;
    if (candidates.length > 1) {
      const ranked = [...(votes.get(name) ?? new Map<string, number>())].sort(
        (x, y) => y[1] - x[1],
      );
      const [best, second] = ranked;
      if (best && best[1] > 0 && (!second || best[1] > second[1]))
        place = candidates.find((c) => c.code === best[0]) ?? null;
    }
    const city = place ? (gaz.citiesByCode.get(place.cityCode)?.name ?? null) : null;
    const province = place ? (gaz.provincesByCode.get(place.provinceCode)?.name ?? null) : null;
    // 市辖区 is the gazetteer's word for a municipality's districts, not a city's name.
    const shownCity = city && city !== '市辖区' ? city : province;
    places.set(name, {
      name,
      city: shownCity,
      province,
      namesakes: candidates.length,
      label: candidates.length > 1 && shownCity ? `${shownCity} · ${name}` : name,
    });
  }
  return places;
}

export interface DistrictEntry {
  name: string;
  place: DistrictPlace;
  count: number;
  /** Newest first. */
  articles: Article[];
  streets: { street: string; count: number }[];
  /** Every month from the first to the last with an article, gaps included, oldest first. */
  months: { month: string; count: number }[];
  /** Articles whose date is not known to the month. */
  undatedMonths: number;
  /** Names it was printed under before the 2021 renames: from the rename table and as found in its articles. */
  aliases: { name: string; count: number }[];
}

/** Every month from `first` to `last` (YYYY-MM), inclusive. */
export function monthRange(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

/** The archive's districts by article count, each with its place, old names, streets and months. */
export function districtDirectory(articles: Article[], gaz: Gazetteer): DistrictEntry[] {
  const places = placeDistricts(articles, gaz);
  return districtTree(articles).map((d) => {
    const place = places.get(d.district)!;
    const perMonth = new Map<string, number>();
    for (const a of d.articles) {
      const month = a.date && a.date.length >= 7 ? a.date.slice(0, 7) : null;
      if (month) perMonth.set(month, (perMonth.get(month) ?? 0) + 1);
    }
    const known = [...perMonth.keys()].sort();
    const found = new Map<string, number>();
    for (const a of d.articles)
      for (const alias of a.districtAliases) found.set(alias, (found.get(alias) ?? 0) + 1);
    const fromTable = gaz.renames.filter(
      (r) =>
        r.wasDistrict &&
        r.today.includes(d.district) &&
        (!place.city || gaz.citiesByCode.get(r.cityCode)?.name === place.city),
    );
    const aliasNames = new Set([...fromTable.map((r) => r.historic), ...found.keys()]);
    return {
      name: d.district,
      place,
      count: d.count,
      articles: d.articles,
      streets: d.streets,
      months: known.length
        ? monthRange(known[0]!, known[known.length - 1]!).map((month) => ({
            month,
            count: perMonth.get(month) ?? 0,
          }))
        : [],
      undatedMonths: d.count - [...perMonth.values()].reduce((n, c) => n + c, 0),
      aliases: [...aliasNames]
        .map((name) => ({ name, count: found.get(name) ?? 0 }))
        .sort((x, y) => y.count - x.count || x.name.localeCompare(y.name)),
    };
  });
}

/** Old names with no district of their own in the archive, and where they went: a page each at /districts/<old>/. */
export function districtAliasPages(
  directory: DistrictEntry[],
): { alias: string; successors: DistrictEntry[] }[] {
  const live = new Set(directory.map((d) => d.name));
  const byAlias = new Map<string, DistrictEntry[]>();
  for (const d of directory)
    for (const a of d.aliases)
      if (!live.has(a.name)) byAlias.set(a.name, [...(byAlias.get(a.name) ?? []), d]);
  return [...byAlias].map(([alias, successors]) => ({ alias, successors }));
}

let gazetteer: Promise<Gazetteer> | null = null;

/** The gazetteer (districts and streets, no communities: ~0.1 s), loaded once per build. */
export async function siteGazetteer(): Promise<Gazetteer> {
  const { loadGazetteer } = await import('../gazetteer/index.ts');
  gazetteer ??= loadGazetteer();
  return gazetteer;
}

let directoryCache: { articles: Article[]; directory: Promise<DistrictEntry[]> } | null = null;

/** The directory of the articles the site is built from, worked out once per build. */
export function archiveDistricts(articles: Article[]): Promise<DistrictEntry[]> {
  if (directoryCache?.articles !== articles)
    directoryCache = {
      articles,
      directory: siteGazetteer().then((gaz) => districtDirectory(articles, gaz)),
    };
  return directoryCache.directory;
}

/** The labels the search page's district facet shows instead of a bare name: only names that repeat. */
export function facetLabels(directory: DistrictEntry[]): Record<string, string> {
  return Object.fromEntries(
    directory.filter((d) => d.place.label !== d.name).map((d) => [d.name, d.place.label]),
  );
}
