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
 * (`cmn`): without it a short query in Han characters may be segmented as Japanese.
 */
export function indexSettings(dictionary: string[]): Settings {
  return {
    searchableAttributes: [
      'headline',
      'kicker',
      'subheadline',
      'people',
      'districts',
      'keywords',
      'body',
      'bodyMore',
    ],
    displayedAttributes: ['*'],
    filterableAttributes: FILTERABLE,
    sortableAttributes: ['dateNum', 'id'],
    rankingRules: RANKING_RULES,
    localizedAttributes: [{ attributePatterns: ['*'], locales: ['cmn'] }],
    dictionary: [...new Set(dictionary)].filter((w) => w.length >= 2).sort(),
    synonyms: renameSynonyms(),
    typoTolerance: { enabled: false },
    pagination: { maxTotalHits: 1_000_000 },
    faceting: { maxValuesPerFacet: 500, sortFacetValuesBy: { '*': 'count' } },
  };
}

/**
 * Highlighting and cropping are chosen per query, not stored in the settings. This is what the site and
 * the CLI ask for: titles highlighted whole, the body cropped to ~60 words around the match (Meilisearch
 * counts a Chinese word as jieba segments it, so that is roughly 80–120 characters), matches in <mark>.
 * Cropping alone highlights nothing, so the body is in both lists.
 * InstantSearch's equivalent is `attributesToSnippet: ['body:60']` with `snippetEllipsisText: '…'`.
 */
export const SNIPPET_QUERY = {
  attributesToHighlight: ['headline', 'kicker', 'subheadline', 'body'],
  attributesToCrop: ['body'],
  cropLength: 60,
  cropMarker: '…',
  highlightPreTag: '<mark>',
  highlightPostTag: '</mark>',
} as const;
