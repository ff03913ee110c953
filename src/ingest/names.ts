import type { Segmenter } from '../text/segmenter.ts';
import { COMPOUND_SURNAMES, SINGLE_SURNAMES } from './surnames.ts';

// Tags jieba gives a person's name, or an out-of-vocabulary string (which most given names are).
const NAME_TAGS = new Set(['nr', 'nrt', 'nrfg', 'x']);
// Tags of function and content words that are never part of a name: verbs, numbers and measures,
// prepositions, conjunctions, particles, adverbs, locatives, pronouns, adjectives, idioms.
const NOT_NAME_TAGS = ['v', 'vn', 'm', 'q', 'p', 'c', 'u', 'd', 'f', 'r', 'a', 'ad', 'l', 'i'];
// A token with one of these tags makes the string an ordinary phrase (or a place, an organisation).
const PHRASE_TAGS = new Set([...NOT_NAME_TAGS, 'ns', 'nt']);

/**
 * Whether a token printed in a byline is a person's name: 2–4 Han characters starting with a known
 * surname, and not a dictionary word or phrase by jieba's part-of-speech tags.
 */
export function isPersonName(token: string, segmenter: Segmenter): boolean {
  if (!/^[\u4e00-\u9fff]{2,4}$/.test(token)) return false;
  const compound = COMPOUND_SURNAMES.has(token.slice(0, 2));
  if (!compound && !SINGLE_SURNAMES.has(token[0]!)) return false;
  if (compound && token.length < 3) return false;
  // Four-character names are nearly always a compound surname and a two-character given name.
  if (token.length === 4 && !compound) return false;
  return segmenter.memo('person', token, () => {
    const tags = segmenter.tag(token);
    if (tags.length === 1) return NAME_TAGS.has(tags[0]!.tag);
    // jieba tags some compound surnames as places (欧阳/ns): the surname is already known to be one.
    const surname = compound ? token.slice(0, 2) : '';
    return !tags.some((t) => t.word.length > 1 && t.word !== surname && PHRASE_TAGS.has(t.tag));
  });
}

// Tags of dictionary words that never name a person: a byline word tagged so is a role or a verb
// (also adverbial verbs, time and place words).
const WORD_TAGS = new Set([...NOT_NAME_TAGS, 'vd', 't', 's']);

/**
 * Whether a word printed where a byline's role words say a name goes is one: 2–4 Han characters
 * (with · for minority and foreign names), not an ordinary dictionary word. Pen names and rare
 * surnames (暨佩娟) pass; 报道, 综合, 北京 do not.
 */
export function looksLikeName(token: string, segmenter: Segmenter): boolean {
  if (/^[\u4e00-\u9fff]{2,3}$/.test(token)) {
    return segmenter.memo('name-shaped', token, () => {
      const tags = segmenter.tag(token);
      if (tags.length === 1) return !WORD_TAGS.has(tags[0]!.tag) || isPersonName(token, segmenter);
      return true;
    });
  }
  if (/^[\u4e00-\u9fff]{4}$/.test(token)) return isPersonName(token, segmenter);
  return /^[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff·]{1,12}$/.test(token);
}

/**
 * Whether a word printed alone in parentheses at the end of an article, (晓风), is a pen name or a
 * name: 2–4 Han characters that jieba does not know as one ordinary word (新华社, 人民网, 上海 are words).
 */
export function penName(token: string, segmenter: Segmenter): boolean {
  if (!/^[\u4e00-\u9fff]{2,4}$/.test(token)) return false;
  if (isPersonName(token, segmenter)) return true;
  return segmenter.memo('pen-name', token, () => {
    const tags = segmenter.tag(token);
    if (tags.length === 1) return NAME_TAGS.has(tags[0]!.tag);
    return !tags.some((t) => WORD_TAGS.has(t.tag) || t.tag === 'vg');
  });
}
