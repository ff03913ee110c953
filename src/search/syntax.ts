/**
 * The query syntax readers type, as Meilisearch 1.21 reads it natively: several words must all match,
 * "a phrase" in double quotes matches those words side by side, and -word leaves out articles holding
 * that word (tests/search/syntax.meili.test.ts checks each on the real server). This module only puts a
 * query into the form Meilisearch understands; it parses nothing itself:
 *
 * - Chinese input methods type “ ” 「 」 ＂ for quotes and － for the minus sign: they become " and -.
 * - An excluded word in Han characters is quoted (-垃圾分类 → -"垃圾分类"): Meilisearch segments an
 *   unquoted run of Han characters into several words and excludes only the first (-垃圾分类 would
 *   exclude 垃圾 and require 分类), while a quoted phrase is excluded whole.
 *
 * Used by toMeiliQuery (the export, the CLI) and by the search box, so that all of them send the same
 * query. Browser code imports it: no Node or DOM APIs here.
 */

const QUOTES = /[“”„‟「」『』＂]/g;
const HAN = /\p{Script=Han}/u;

/** A query as Meilisearch should receive it: full-width quotes and minus signs made ASCII, Han exclusions quoted. */
export function normaliseQuery(q: string): string {
  const ascii = q
    .replace(QUOTES, '"')
    .replace(/(^|\s)[－﹣−]/g, '$1-')
    .replace(/\u3000/g, ' ');
  // Outside quotes only: a -word inside a phrase is part of the phrase.
  return ascii
    .split(/("[^"]*"?)/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(/(^|\s)-([^\s"]+)/g, (whole, before: string, word: string) =>
            HAN.test(word) ? `${before}-"${word}"` : whole,
          ),
    )
    .join('');
}
