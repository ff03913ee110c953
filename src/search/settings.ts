import type { Settings } from 'meilisearch';
import { RENAMES } from '../gazetteer/renames.ts';

/** Attributes the site and the export filter and facet on. */
export const FILTERABLE = [
  'district',
  'districts',
  'places.lvl0',
  'places.lvl1',
  'paper',
  'paperName',
  'dateNum',
  'year',
  'month',
  'page',
  'reporters',
  'correspondents',
  'people',
  'kind',
  'file',
  'id',
];

/** Synonyms that let a reader find articles under a district's old or new name. */
export function renameSynonyms(): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {};
  for (const r of RENAMES.filter((x) => x.wasDistrict)) {
    synonyms[r.historic] = [...new Set([...(synonyms[r.historic] ?? []), ...r.today])];
    for (const t of r.today) synonyms[t] = [...new Set([...(synonyms[t] ?? []), r.historic])];
  }
  return synonyms;
}

/**
 * How hits are ordered. `sort` right after `words`: "newest first" puts the newest of the articles that
 * match every word first (a search without a sort skips the rule). The last two rules make the order
 * total: two articles the others cannot tell apart go newest first, then by id. Meilisearch merges a
 * search over several servers by these rules too, so without them two equal hits came back in a
 * different order on one server (insertion order) and on two (server order); with them, the same.
 */
export const RANKING_RULES = [
  'words',
  'sort',
  'typo',
  'proximity',
  'attribute',
  'exactness',
  'dateNum:desc',
  'id:asc',
];

/**
 * The index settings, applied on every ingest. Searchable attributes are ranked headline first, then
 * kicker and subheadline, then the people the article credits (bylines and contributors), then the body. Every attribute is Chinese
 * (`cmn`): without it a short query in Han characters may be segmented as Japanese. No `dictionary`:
 * Meilisearch reads it again on every search (2.7 of 4.2 ms a search with 200 words); the words it
 * kept whole are sent as phrases instead (src/search/whole-words.ts).
 */
export function indexSettings(): Settings {
  return {
    searchableAttributes: [
      'headline',
      'kicker',
      'subheadline',
      'people',
      'districts',
      'keywords',
      'wholeWords',
      'body',
      'bodyMore',
    ],
    displayedAttributes: ['*'],
    filterableAttributes: FILTERABLE,
    sortableAttributes: ['dateNum', 'id'],
    rankingRules: RANKING_RULES,
    localizedAttributes: [{ attributePatterns: ['*'], locales: ['cmn'] }],
    synonyms: renameSynonyms(),
    typoTolerance: { enabled: false },
    pagination: { maxTotalHits: 1_000_000 },
    faceting: { maxValuesPerFacet: 500, sortFacetValuesBy: { '*': 'count' } },
  };
}
