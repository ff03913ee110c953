/**
 * Words the archive should match whole — local place names, people it credits, coined terms that jieba
 * cuts in pieces (湖墅 → 湖 墅) — are sent as phrases: `湖墅 街道` is searched as `"湖墅" 街道`, so 湖 and
 * 墅 must stand side by side, as they do in 湖墅, and not anywhere in the article. Each document lists
 * the words it holds (src/search/document.ts), so an article where jieba cut 湖墅 with a neighbour
 * (沿湖墅 → 沿湖 墅) is found all the same.
 *
 * Meilisearch's own `dictionary` setting did the same in the index, but it is read again on every
 * search: with 200 words it cost 2.7 of the search page's 4.2 ms in Meilisearch (10k articles; 300
 * instead of 500 requests/s under load). A phrase costs nothing measurable. The words come with the
 * search configuration (src/search/dictionary.ts picks them at ingest).
 *
 * Imported by browser code: no Node or DOM APIs.
 */

/**
 * The query with every word that is one of the listed words made a phrase; the rest as it was. Only a
 * word typed alone: inside a longer run of characters the listed word may not be a word at all —
 * 中国人民政治协商会议 holds 中国人, and quoting it would cut 人民 in two — and jieba, reading the run
 * whole, cuts it as the index did.
 */
export function quoteWholeWords(q: string, words: readonly string[]): string {
  if (words.length === 0 || !q.trim()) return q;
  const listed = new Set(words.filter((w) => w.length >= 2));
  // Quoted stretches stay as they are; outside them, each word (split at spaces) is looked at alone.
  return q.replace(/("[^"]*"?)|([^\s"]+)/g, (all, quoted: string | undefined, token: string) => {
    if (quoted !== undefined) return all;
    const excluded = token.startsWith('-');
    const word = excluded ? token.slice(1) : token;
    return listed.has(word) ? `${excluded ? '-' : ''}"${word}"` : token;
  });
}
