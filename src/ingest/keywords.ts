import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const jieba = require('nodejs-jieba') as {
  extract(text: string, topN: number): { word: string; weight: number }[];
  insertWord(word: string, tag?: string): boolean;
};

const added = new Set<string>();

/** Teach jieba words it should keep whole (place names, people's names) — once per word per process. */
export function addUserWords(words: Iterable<string>, tag = 'nz') {
  for (const word of words) {
    if (added.has(word) || word.length < 2) continue;
    added.add(word);
    jieba.insertWord(word, tag);
  }
}

/** Keywords by jieba's TF-IDF, without numbers, single characters or units. */
export function extractKeywords(text: string, count = 8): string[] {
  return jieba
    .extract(text, count * 2)
    .map((k) => k.word)
    .filter((k) => k.length >= 2 && !/^[\d.%a-zA-Z]+$/.test(k) && !/^\d/.test(k))
    .slice(0, count);
}
