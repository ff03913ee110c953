import type { Street } from '../model/article.ts';
import {
  regionCities,
  regionProvinces,
  shortForm,
  type Gazetteer,
  type Place,
} from '../gazetteer/index.ts';
import type { Segmenter } from '../text/segmenter.ts';
import { newTrie, trieInsert, type TrieNode as CharTrie } from '../text/char-trie.ts';

/** Where a page circulates: provinces and cities that win when a place name exists in several. */
export interface RegionContext {
  provinceCodes: string[];
  cityCodes: string[];
}

export interface Mention {
  /** Text as printed. */
  text: string;
  index: number;
  /** Units the text may name; historic names resolve to their successor district. */
  candidates: Place[];
  kind: 'full' | 'short' | 'historic';
}

export interface DistrictInput {
  kicker: string;
  headline: string;
  subheadline: string;
  section: string | null;
  body: string;
  homeDistrict: string | null;
}

export interface DistrictResult {
  districts: string[];
  aliases: string[];
  streets: Street[];
}

// "我区" and its kin point at the paper's own district.
const HOME_MARKERS = /我区|本区|全区|区委|区政府|区人大|区政协|区纪委|区领导/g;

/** Short forms (拱墅, 滨江, 建德) of the county-level units in the region, and historic names, as a lookup. */
const shortForms = new WeakMap<Gazetteer, Map<string, Map<string, Place[]>>>();

export function shortFormIndex(gaz: Gazetteer, region: RegionContext): Map<string, Place[]> {
  const key = region.provinceCodes.join(',');
  let perGaz = shortForms.get(gaz);
  if (!perGaz) {
    perGaz = new Map();
    shortForms.set(gaz, perGaz);
  }
  const cached = perGaz.get(key);
  if (cached) return cached;
  const index = new Map<string, Place[]>();
  perGaz.set(key, index);
  const provinces = new Set(region.provinceCodes);
  for (const district of gaz.districtsByCode.values()) {
    if (!provinces.has(district.provinceCode)) continue;
    const short = shortForm(district);
    if (!short || gaz.byName.has(short)) continue;
    index.set(short, [...(index.get(short) ?? []), district]);
  }
  return index;
}

interface Entry {
  candidates: Place[];
  kind: Mention['kind'];
}

type TrieNode = CharTrie<Entry>;
const insert = trieInsert<Entry>;

const tries = new WeakMap<
  Gazetteer,
  { size: number; base: TrieNode; byRegion: Map<string, TrieNode> }
>();

/** The gazetteer's names plus what the region adds (short forms, historic names), as tries. */
function triesFor(
  gaz: Gazetteer,
  shortForms: Map<string, Place[]>,
  region: RegionContext,
): [TrieNode, TrieNode] {
  let cache = tries.get(gaz);
  if (!cache) {
    cache = { size: 0, base: newTrie<Entry>(), byRegion: new Map() };
    tries.set(gaz, cache);
  }
  // Communities are added as pages from new provinces arrive. A Map iterates in insertion order, so
  // only the names added since the last call need inserting; places added to a known name share its list.
  if (cache.size !== gaz.byName.size) {
    let i = 0;
    for (const [name, candidates] of gaz.byName)
      if (i++ >= cache.size) insert(cache.base, name, { candidates, kind: 'full' });
    cache.size = gaz.byName.size;
  }
  const key = `${region.provinceCodes.join(',')}|${region.cityCodes.join(',')}|${shortForms.size}`;
  let overlay = cache.byRegion.get(key);
  if (!overlay) {
    overlay = newTrie<Entry>();
    for (const [name, candidates] of shortForms)
      if (!gaz.byName.has(name)) insert(overlay, name, { candidates, kind: 'short' });
    const cities = new Set(region.cityCodes);
    for (const r of gaz.renames) {
      if (cities.size > 0 && !cities.has(r.cityCode)) continue;
      const successor = [...gaz.districtsByCode.values()].find(
        (d) => d.name === r.today[0] && d.cityCode === r.cityCode,
      );
      if (successor) insert(overlay, r.historic, { candidates: [successor], kind: 'historic' });
    }
    cache.byRegion.set(key, overlay);
  }
  return [overlay, cache.base];
}

/**
 * A trie's first level, as an array indexed by UTF-16 code unit for a large trie (the gazetteer's):
 * most characters of a text start no name, and an array slot is found faster than a Map entry at
 * every character of every article. A small trie (a region's short forms) keeps its Map: an array
 * (512 KB) per region would cost more memory than it saves time.
 */
interface FirstLevel {
  array: (TrieNode | undefined)[] | null;
  map: Map<number, TrieNode>;
}
const ARRAY_FROM = 512;
const firstLevels = new WeakMap<TrieNode, { size: number; level: FirstLevel }>();

function firstLevel(root: TrieNode): FirstLevel {
  let cached = firstLevels.get(root);
  if (!cached || cached.size !== root.next.size) {
    let array: FirstLevel['array'] = null;
    if (root.next.size >= ARRAY_FROM) {
      array = new Array(0x10000).fill(undefined);
      for (const [code, node] of root.next) array[code] = node;
    }
    cached = { size: root.next.size, level: { array, map: root.next } };
    firstLevels.set(root, cached);
  }
  return cached.level;
}

// After a short form, these characters mean it is the head of a longer, unknown name (拱墅区政府 is fine, 余杭镇 is not 余杭).
const LONGER_NAME = new Set([...'区县市镇乡街村路'].map((c) => c.charCodeAt(0)));

/**
 * The longest name starting at `i` in any of the tries, skipping short forms that run into a longer
 * name. Walks the tries by hand: this runs at every character of every article.
 */
function longestAt(
  text: string,
  i: number,
  roots: FirstLevel[],
): { length: number; entry: Entry } | null {
  let bestLength = 0;
  let best: Entry | undefined;
  const first = text.charCodeAt(i);
  for (const root of roots) {
    let node: TrieNode | undefined = root.array ? root.array[first] : root.map.get(first);
    for (let j = i + 1; node && j < text.length; j++) {
      node = node.next.get(text.charCodeAt(j));
      if (!node) break;
      const entry = node.value;
      const length = j - i + 1;
      if (entry === undefined || length < 2 || length <= bestLength) continue;
      if (entry.kind === 'short' && j + 1 < text.length && LONGER_NAME.has(text.charCodeAt(j + 1)))
        continue;
      bestLength = length;
      best = entry;
    }
  }
  return best === undefined ? null : { length: bestLength, entry: best };
}

/** Every place name in `text`, longest match first, left to right. */
export function scanPlaces(
  text: string,
  gaz: Gazetteer,
  shortForms: Map<string, Place[]>,
  region: RegionContext,
): Mention[] {
  const roots = triesFor(gaz, shortForms, region).map(firstLevel);
  const mentions: Mention[] = [];
  let i = 0;
  while (i < text.length) {
    const found = longestAt(text, i, roots);
    if (found) {
      mentions.push({
        text: text.slice(i, i + found.length),
        index: i,
        candidates: found.entry.candidates,
        kind: found.entry.kind,
      });
      i += found.length;
    } else i++;
  }
  return mentions;
}

/** Pick the unit a mention most likely names, given where the page circulates; null when unresolvable. */
export function resolve(mention: Mention, region: RegionContext): Place | null {
  const cities = new Set(region.cityCodes);
  const provinces = new Set(region.provinceCodes);
  let best: Place | null = null;
  let bestScore = -1;
  let tie = false;
  for (const place of mention.candidates) {
    const score =
      (cities.has(place.cityCode) ? 2 : 0) + (provinces.has(place.provinceCode) ? 1 : 0);
    if (score > bestScore) {
      best = place;
      bestScore = score;
      tie = false;
    } else if (score === bestScore && place.districtCode !== best?.districtCode) tie = true;
  }
  if (tie && mention.candidates.length > 1 && bestScore < 1) return null;
  if (tie && bestScore < 2 && best?.level !== 'province' && best?.level !== 'city') return null;
  return best;
}

/** The region a paper declares; empty for a national paper. */
export function paperRegion(gaz: Gazetteer, region: string | null): RegionContext {
  return { provinceCodes: regionProvinces(gaz, region), cityCodes: regionCities(gaz, region) };
}

/**
 * The region a page is about when its paper does not say: the province (and city) that its
 * unambiguous place names point to most.
 */
export function inferRegion(text: string, gaz: Gazetteer, known: string | null): RegionContext {
  const provinceCodes = regionProvinces(gaz, known);
  const cityCodes = regionCities(gaz, known);
  if (provinceCodes.length > 0) return { provinceCodes, cityCodes };
  const votes = new Map<string, number>();
  const cityVotes = new Map<string, number>();
  // The first few thousand characters of a page name its region as well as the whole page does.
  for (const m of scanPlaces(text.slice(0, districtDefaults.regionChars), gaz, new Map(), {
    provinceCodes: [],
    cityCodes: [],
  })) {
    const provinces = new Set(m.candidates.map((c) => c.provinceCode));
    if (provinces.size !== 1) continue;
    const [p] = provinces;
    votes.set(p!, (votes.get(p!) ?? 0) + 1);
    const citySet = new Set(m.candidates.map((c) => c.cityCode).filter(Boolean));
    if (citySet.size === 1) {
      const [c] = citySet;
      cityVotes.set(c!, (cityVotes.get(c!) ?? 0) + 1);
    }
  }
  const top = [...votes.entries()].sort((a, b) => b[1] - a[1])[0];
  if (!top) return { provinceCodes: [], cityCodes: [] };
  const topCity = [...cityVotes.entries()]
    .filter(([c]) => c.startsWith(top[0]))
    .sort((a, b) => b[1] - a[1])[0];
  return { provinceCodes: [top[0]], cityCodes: topCity && topCity[1] >= 2 ? [topCity[0]] : [] };
}

interface Score {
  district: Place;
  score: number;
  aliases: Set<string>;
}

function districtOf(place: Place, gaz: Gazetteer): Place | null {
  if (place.level === 'district') return place;
  if (place.level === 'street' || place.level === 'community')
    return gaz.districtsByCode.get(place.districtCode) ?? null;
  return null;
}

/** District scores of a text: full names count most, streets and communities through their district. */
/** Tuning values of district finding. */
export const districtDefaults = {
  /** Weight of a mention in the headline lines, the body, and a "上城区：" prefix of the headline. */
  titleWeight: 4,
  bodyWeight: 1,
  prefixWeight: 10,
  /** Base score of a full district name, a short form (拱墅), a street or community through its district. */
  fullName: 1,
  shortName: 0.7,
  street: 0.8,
  /** Mentions in the first characters of the text say what it is about: a bonus. */
  earlyChars: 120,
  earlyBonus: 0.5,
  /** Home district of a district paper: a base score, and this much per 我区/全区 marker. */
  homeBase: 1,
  homeMarker: 1.5,
  /** A district is kept when it scores at least this, and this share of the top score. */
  keepScore: 1,
  keepShare: 0.3,
  /** On a national paper: how far before a name its city or province must be printed to count as evidence. */
  evidenceChars: 12,
  /** ... and the weight of a three-character or longer name printed without that evidence. */
  unevidenced: 0.4,
  /** A page without a paper: characters read to tell which province and city it is about. */
  regionChars: 4000,
};

interface ScanContext {
  gaz: Gazetteer;
  shortForms: Map<string, Place[]>;
  region: RegionContext;
  segmenter: Segmenter | null;
  options: typeof districtDefaults;
}

/** Whether a match starts and ends where words do (not 网红古镇 read as …红古…). */
function wholeWord(
  text: string,
  index: number,
  length: number,
  segmenter: Segmenter | null,
): boolean {
  if (!segmenter) return true;
  const from = Math.max(0, index - 4);
  const window = text.slice(from, Math.min(text.length, index + length + 4));
  const start = index - from;
  const end = start + length;
  let at = 0;
  let startOk = start === 0;
  let endOk = end === window.length;
  for (const { word } of segmenter.tag(window)) {
    if (at === start) startOk = true;
    at += word.length;
    if (at === end) endOk = true;
  }
  return startOk && endOk;
}

/**
 * On a national paper a county name counts when its city or province is printed just before it
 * (贵州毕节市七星关区); a long, unique name alone counts a little; a short one (东区) never.
 */
function nationalWeight(text: string, mention: Mention, place: Place, scan: ScanContext): number {
  const before = text.slice(Math.max(0, mention.index - scan.options.evidenceChars), mention.index);
  const city = scan.gaz.citiesByCode.get(place.cityCode);
  const province = scan.gaz.provincesByCode.get(place.provinceCode);
  const names = [city, province]
    .filter((p): p is Place => !!p)
    .flatMap((p) => [p.name, shortForm(p) ?? p.name]);
  if (names.some((n) => n.length >= 2 && before.includes(n))) return 1;
  if (place.level !== 'district' || mention.text.length < 3 || mention.candidates.length > 1)
    return 0;
  return scan.options.unevidenced;
}

function scoreText(
  text: string,
  weight: number,
  scan: ScanContext,
  scores: Map<string, Score>,
  streets: Map<string, Street>,
) {
  const { gaz, region, options } = scan;
  const national = region.provinceCodes.length === 0;
  for (const mention of scanPlaces(text, gaz, scan.shortForms, region)) {
    const place = resolve(mention, region);
    if (!place) continue;
    const district = districtOf(place, gaz);
    if (!district) continue;
    if (
      (mention.text.length <= 3 || mention.kind === 'short') &&
      !wholeWord(text, mention.index, mention.text.length, scan.segmenter)
    )
      continue;
    // Outside the paper's region (or on a national paper) a name needs its city or province beside it.
    const away = national || !region.provinceCodes.includes(place.provinceCode);
    const evidence = away ? nationalWeight(text, mention, place, scan) : 1;
    if (evidence === 0) continue;
    const base =
      place.level === 'district'
        ? mention.kind === 'short'
          ? options.shortName
          : options.fullName
        : options.street;
    // Early mentions say what an article is about; later ones are often asides.
    const early = mention.index < options.earlyChars ? options.earlyBonus : 0;
    const entry = scores.get(district.code) ?? { district, score: 0, aliases: new Set<string>() };
    entry.score += weight * evidence * (base + early);
    if (mention.kind === 'historic') entry.aliases.add(mention.text);
    scores.set(district.code, entry);
    if (place.level === 'street' || place.level === 'community')
      streets.set(place.name, { name: place.name, district: district.name });
  }
}

/** County-level units an article is about, by today's name, primary first. */
export function findDistricts(
  input: DistrictInput,
  gaz: Gazetteer,
  region: RegionContext,
  segmenter: Segmenter | null = null,
  options = districtDefaults,
): DistrictResult {
  const scan: ScanContext = {
    gaz,
    shortForms: shortFormIndex(gaz, region),
    region,
    segmenter,
    options,
  };
  const scores = new Map<string, Score>();
  const streets = new Map<string, Street>();
  const title = [input.kicker, input.headline, input.subheadline].filter(Boolean).join(' ');
  // A "上城区:" prefix names the article's district outright.
  const prefix = /^(.{2,8}?(?:区|县|市))[:：]/.exec(input.headline.trim())?.[1];
  if (prefix) scoreText(prefix, options.prefixWeight, scan, scores, streets);
  scoreText(title, options.titleWeight, scan, scores, streets);
  scoreText(input.body, options.bodyWeight, scan, scores, streets);
  if (input.homeDistrict) {
    const home = [...gaz.districtsByCode.values()].find(
      (d) =>
        d.name === input.homeDistrict &&
        (region.provinceCodes.length === 0 || region.provinceCodes.includes(d.provinceCode)),
    );
    const markers = (title + input.body).match(HOME_MARKERS)?.length ?? 0;
    if (home) {
      const entry = scores.get(home.code) ?? {
        district: home,
        score: 0,
        aliases: new Set<string>(),
      };
      // A district paper's story is about its own district unless the text clearly says otherwise.
      entry.score += options.homeMarker * markers + options.homeBase;
      scores.set(home.code, entry);
    }
  }
  const ranked = [...scores.values()].sort(
    (a, b) => b.score - a.score || a.district.code.localeCompare(b.district.code),
  );
  const top = ranked[0]?.score ?? 0;
  const kept = ranked.filter(
    (s) => s.score >= Math.max(options.keepScore, top * options.keepShare),
  );
  const names = kept.map((s) => s.district.name);
  return {
    districts: [...new Set(names)],
    aliases: [...new Set(kept.flatMap((s) => [...s.aliases]))],
    streets: [...streets.values()].filter((s) => names.includes(s.district)),
  };
}

/**
 * The paper's own district for a page whose paper is unknown: only when the page speaks of "我区"
 * and one district clearly dominates its place names.
 */
export function inferHomeDistrict(
  pageText: string,
  gaz: Gazetteer,
  region: RegionContext,
): string | null {
  if (!/我区|本区/.test(pageText)) return null;
  const scores = new Map<string, Score>();
  scoreText(
    pageText,
    1,
    {
      gaz,
      shortForms: shortFormIndex(gaz, region),
      region,
      segmenter: null,
      options: districtDefaults,
    },
    scores,
    new Map(),
  );
  const ranked = [...scores.values()].sort((a, b) => b.score - a.score);
  const [first, second] = ranked;
  if (!first || first.score < 2) return null;
  if (second && second.score > first.score * 0.6) return null;
  return first.district.name;
}
