import type { Article } from '../model/article.ts';
import { creditedPeople } from '../model/credits.ts';
import { forEachKeyAt, newTrie, trieInsert } from '../text/char-trie.ts';

/**
 * How many words the search sends as phrases (src/search/whole-words.ts). They no longer cost the server
 * anything (as Meilisearch's `dictionary` they cost ~3 ms a query with 200 words, 5 with 1,000); they
 * travel with the search configuration to every search page, ~2 KB for 200. What a word earns is
 * precision for itself (湖墅 no longer matches 湖 … 墅 apart), not first-hit rank (npm run bench,
 * relevance part: the same with none, 200 or 1,000).
 */
export const MAX_DICTIONARY_WORDS = 200;

/**
 * The words worth searching whole: candidates (local place names, byline names, quoted
 * coinages) that actually occur in the articles, most frequent first, at most `max`. One pass over the
 * text with a character trie.
 */
export function pickDictionary(
  candidates: Iterable<string>,
  articles: Article[],
  max = MAX_DICTIONARY_WORDS,
): string[] {
  const root = newTrie<string>();
  for (const word of candidates) if (word.length >= 2) trieInsert(root, word, word);
  const df = new Map<string, number>();
  for (const a of articles) {
    const text = articleText(a);
    const seen = new Set<string>();
    const add = (word: string) => seen.add(word);
    for (let i = 0; i < text.length; i++) forEachKeyAt(root, text, i, add);
    for (const w of seen) df.set(w, (df.get(w) ?? 0) + 1);
  }
  return [...df.entries()]
    .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
    .slice(0, max)
    .map(([w]) => w)
    .sort();
}

/**
 * The listed words an article holds (titles, credited names, body), each once, in list order: what its
 * document's `wholeWords` field carries. One pass over the text with a character trie.
 */
export function wholeWordFinder(words: string[]): (article: Article) => string[] {
  const root = newTrie<string>();
  for (const word of words) if (word.length >= 2) trieInsert(root, word, word);
  const order = new Map(words.map((w, i) => [w, i]));
  return (a) => {
    const text = articleText(a);
    const seen = new Set<string>();
    const add = (word: string) => seen.add(word);
    for (let i = 0; i < text.length; i++) forEachKeyAt(root, text, i, add);
    return [...seen].sort((x, y) => order.get(x)! - order.get(y)!);
  };
}

const articleText = (a: Article) =>
  `${a.kicker}\n${a.headline}\n${a.subheadline}\n${creditedPeople(a)
    .map((b) => b.name)
    .join(' ')}\n${a.body}`;

/**
 * Words the search should keep whole: local place names, people the articles credit, and quoted coinages
 * (“小哥码”) — only those the articles contain, the most frequent first (see pickDictionary), and only
 * those jieba's own dictionary would cut in pieces (`cut`: a segmenter with jieba's dictionary alone,
 * as Meilisearch's Chinese tokenizer has). A word jieba keeps whole is one word in the index already:
 * on the benchmark corpus 863 of the 1,000 most frequent candidates were such words (湖墅 → 湖 墅 earns
 * its entry; 杭州 does not).
 */
export function dictionaryWords(
  articles: Article[],
  places: string[],
  cut?: (word: string) => string[],
  max = MAX_DICTIONARY_WORDS,
): string[] {
  return pickDictionary(dictionaryCandidates(articles, places, cut), articles, max);
}

/** The candidates of dictionaryWords, before they are counted: places, byline names, quoted coinages (checked with `cut`). */
export function dictionaryCandidates(
  articles: Article[],
  places: string[],
  cut?: (word: string) => string[],
): string[] {
  const words = new Set(places);
  for (const a of articles) {
    for (const b of creditedPeople(a)) words.add(b.name);
    for (const m of `${a.kicker} ${a.headline} ${a.subheadline} ${a.body}`.matchAll(
      /[“"「]([\u4e00-\u9fff]{2,6})[”"」]/g,
    ))
      words.add(m[1]!);
  }
  return cut ? [...words].filter((w) => cut(w).length > 1) : [...words];
}
