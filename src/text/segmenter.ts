/**
 * Word segmentation (jieba), built once from a fixed list of user words and then frozen.
 *
 * Words used to be inserted as pages were read, so a page's bylines and keywords depended on the pages
 * before it. A segmenter now has its whole dictionary — jieba's own plus exactly the words it was given
 * — from the start, so what a text segments into depends only on the word list, never on what ran
 * before. With nodejs-jieba, which keeps one dictionary per thread, every call checks that the
 * dictionary loaded is still its own (reloading it if another segmenter loaded since).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

interface Jieba {
  load(options?: { userDict?: string }): void;
  cut(text: string, hmm?: boolean): string[];
  tag(text: string): { word: string; tag: string }[];
  extract(text: string, topN: number): { word: string; weight: number }[];
  DEFAULT_USER_DICT: string;
}

let jieba: Jieba | null = null;
/** Key of the word list whose dictionary jieba holds now in this thread. */
let loadedKey: string | null = null;

/** A word to keep whole, with the part-of-speech tag jieba should give it. */
export interface UserWord {
  word: string;
  /** ns place, nr person, nz other proper noun. */
  tag: 'ns' | 'nr' | 'nz';
}

export interface Segmenter {
  /** Identifies the word list: two segmenters with the same key segment identically. */
  readonly key: string;
  readonly wordCount: number;
  cut(text: string): string[];
  /** Cut by the dictionary alone, no HMM for unknown words: what Meilisearch's Chinese tokenizer does. */
  cutByDictionary(text: string): string[];
  tag(text: string): { word: string; tag: string }[];
  /** TF-IDF keywords, best first. */
  extract(text: string, topN: number): { word: string; weight: number }[];
  /** A memo for pure functions of a word under this dictionary (name checks run on every byline word). */
  memo<T>(table: string, word: string, compute: () => T): T;
}

function ensureLoaded(key: string, file: string | null) {
  jieba ??= require('nodejs-jieba') as Jieba;
  if (loadedKey === key) return jieba;
  jieba.load(file ? { userDict: file } : {});
  loadedKey = key;
  return jieba;
}

/** Which jieba implementation segments: nodejs-jieba (cppjieba) or @node-rs/jieba (jieba-rs). */
export type SegmenterEngine = 'nodejs-jieba' | 'node-rs';

function userWordList(words: Iterable<UserWord>): [string, UserWord['tag']][] {
  const unique = new Map<string, UserWord['tag']>();
  for (const { word, tag } of words)
    if (word.length >= 2 && !/\s/.test(word) && !unique.has(word)) unique.set(word, tag);
  return [...unique.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

function memoTable() {
  const memos = new Map<string, Map<string, unknown>>();
  return <T>(table: string, word: string, compute: () => T): T => {
    let m = memos.get(table);
    if (!m) {
      m = new Map();
      memos.set(table, m);
    }
    if (m.has(word)) return m.get(word) as T;
    const value = compute();
    if (m.size > 200_000) m.clear();
    m.set(word, value);
    return value;
  };
}

/**
 * A segmenter whose dictionary is jieba's own plus `words` (deduplicated, order does not matter).
 * nodejs-jieba loads in about two seconds and keeps one dictionary per thread; @node-rs/jieba loads in
 * a fraction of a second and each segmenter owns its dictionary. Build one per process and pass it on.
 */
export function createSegmenter(
  words: Iterable<UserWord>,
  options: { engine?: SegmenterEngine } = {},
): Segmenter {
  const sorted = userWordList(words);
  if ((options.engine ?? defaultEngine) === 'node-rs') return nodeRsSegmenter(sorted);
  const body = sorted.map(([w, t]) => `${w} ${t}`).join('\n');
  const key = createHash('sha256').update(body).digest('hex').slice(0, 16);
  let file: string | null = null;
  if (sorted.length > 0) {
    file = join(tmpdir(), `baoku-userdict-${key}.utf8`);
    if (!existsSync(file)) {
      // jieba's own user words stay in; ours follow.
      const own = readFileSync(
        (require('nodejs-jieba') as Jieba).DEFAULT_USER_DICT,
        'utf8',
      ).trimEnd();
      // Written aside and renamed, so a parallel worker never reads half a file.
      writeFileSync(`${file}.${process.pid}`, `${own}\n${body}\n`);
      renameSync(`${file}.${process.pid}`, file);
    }
  }
  const use = () => ensureLoaded(key, file);
  use();
  return {
    key,
    wordCount: sorted.length,
    cut: (text) => use().cut(text),
    cutByDictionary: (text) => use().cut(text, false),
    tag: (text) => use().tag(text),
    extract: (text, topN) => use().extract(text, topN),
    memo: memoTable(),
  };
}

interface NodeRsJieba {
  cut(text: string, hmm?: boolean): string[];
  tag(text: string, hmm?: boolean): { word: string; tag: string }[];
  loadDict(dict: Uint8Array): void;
}
interface NodeRsTfIdf {
  extractKeywords(
    jieba: NodeRsJieba,
    text: string,
    topK: number,
  ): { keyword: string; weight: number }[];
}

// jieba-rs reads user words as "word freq tag"; a high frequency makes them win over the pieces they
// are made of, as cppjieba's user words do.
const USER_WORD_FREQ = 100_000;

function nodeRsSegmenter(sorted: [string, UserWord['tag']][]): Segmenter {
  const rs = require('@node-rs/jieba') as {
    Jieba: { withDict(d: Uint8Array): NodeRsJieba };
    TfIdf: { withDict(d: Uint8Array): NodeRsTfIdf };
  };
  const { dict, idf } = require('@node-rs/jieba/dict') as { dict: Uint8Array; idf: Uint8Array };
  const jieba = rs.Jieba.withDict(dict);
  if (sorted.length > 0)
    jieba.loadDict(
      Buffer.from(`${sorted.map(([w, t]) => `${w} ${USER_WORD_FREQ} ${t}`).join('\n')}\n`),
    );
  const tfidf = rs.TfIdf.withDict(idf);
  const key = createHash('sha256')
    .update(`node-rs\n${sorted.map(([w, t]) => `${w} ${t}`).join('\n')}`)
    .digest('hex')
    .slice(0, 16);
  return {
    key,
    wordCount: sorted.length,
    cut: (text) => jieba.cut(text, true),
    cutByDictionary: (text) => jieba.cut(text, false),
    tag: (text) => jieba.tag(text, true),
    extract: (text, topN) =>
      tfidf.extractKeywords(jieba, text, topN).map((k) => ({ word: k.keyword, weight: k.weight })),
    memo: memoTable(),
  };
}

/**
 * @node-rs/jieba by default: on the development set and the sample pages it scores the same as
 * nodejs-jieba (BENCHMARKS.md), segments and extracts keywords 2–3 times faster, loads in 0.2 s
 * instead of 2–3 s, and gives each segmenter its own dictionary instead of one per thread.
 */
const defaultEngine: SegmenterEngine = 'node-rs';
