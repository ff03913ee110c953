/**
 * Words the archive should match whole — local place names, people it credits, coined terms that jieba
 * cuts in pieces (湖墅 → 湖 墅) — are sent as phrases: `湖墅街道` is searched as `"湖墅" 街道`, so 湖 and
 * 墅 must stand side by side, as they do in 湖墅, and not anywhere in the article.
 *
 * Meilisearch's own `dictionary` setting did the same in the index, but it is read again on every
 * search: with 200 words it cost 2.7 of the search page's 4.2 ms in Meilisearch (10k articles; 300
 * instead of 500 requests/s under load). A phrase costs nothing measurable. The words come with the
 * search configuration (src/search/dictionary.ts picks them at ingest).
 *
 * Imported by browser code: no Node or DOM APIs.
 */

/** The query with every listed word outside quotes made a phrase of its own; the rest as it was. */
export function quoteWholeWords(q: string, words: readonly string[]): string {
  if (words.length === 0 || !q.trim()) return q;
  const byFirst = new Map<string, string[]>();
  for (const w of words) {
    if (w.length < 2) continue;
    const list = byFirst.get(w[0]!) ?? [];
    list.push(w);
    byFirst.set(w[0]!, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  const longest = (text: string, at: number) =>
    byFirst.get(text[at]!)?.find((w) => text.startsWith(w, at));
  // Quoted stretches stay as they are; outside them, each word (split at spaces) is looked at alone.
  return q.replace(/("[^"]*"?)|([^\s"]+)/g, (all, quoted: string | undefined, token: string) => {
    if (quoted !== undefined) return all;
    if (token.startsWith('-')) {
      // An excluded word: exclude the phrase when it is one of the words, else leave it.
      const rest = token.slice(1);
      return longest(rest, 0) === rest ? `-"${rest}"` : token;
    }
    const parts: string[] = [];
    let plain = '';
    for (let at = 0; at < token.length; ) {
      const word = longest(token, at);
      if (word) {
        if (plain) parts.push(plain);
        plain = '';
        parts.push(`"${word}"`);
        at += word.length;
      } else plain += token[at++];
    }
    if (plain) parts.push(plain);
    return parts.join(' ');
  });
}
