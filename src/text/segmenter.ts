/**
 * Word segmentation (nodejs-jieba), built once from a fixed list of user words and then frozen.
 *
 * jieba keeps one dictionary per process (per worker thread). Words used to be inserted as pages were
 * read, so a page's bylines and keywords depended on the pages before it. A segmenter now loads its
 * whole dictionary — jieba's own plus exactly the words it was given — in one go, and every call checks
 * that the dictionary loaded is still its own (reloading it if another segmenter loaded since), so what
 * a text segments into depends only on the word list, never on what ran before.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

interface Jieba {
  load(options?: { userDict?: string }): void;
  cut(text: string): string[];
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

/**
 * A segmenter whose dictionary is jieba's own plus `words` (deduplicated, order does not matter).
 * Loading takes about two seconds; build one per process and pass it on.
 */
export function createSegmenter(words: Iterable<UserWord>): Segmenter {
  const unique = new Map<string, UserWord['tag']>();
  for (const { word, tag } of words) if (word.length >= 2 && !/\s/.test(word) && !unique.has(word)) unique.set(word, tag);
  const sorted = [...unique.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const body = sorted.map(([w, t]) => `${w} ${t}`).join('\n');
  const key = createHash('sha256').update(body).digest('hex').slice(0, 16);
  let file: string | null = null;
  if (sorted.length > 0) {
    file = join(tmpdir(), `baoku-userdict-${key}.utf8`);
    if (!existsSync(file)) {
      // jieba's own user words stay in; ours follow.
      const own = readFileSync((require('nodejs-jieba') as Jieba).DEFAULT_USER_DICT, 'utf8').trimEnd();
      // Written aside and renamed, so a parallel worker never reads half a file.
      writeFileSync(`${file}.${process.pid}`, `${own}\n${body}\n`);
      renameSync(`${file}.${process.pid}`, file);
    }
  }
  const memos = new Map<string, Map<string, unknown>>();
  const use = () => ensureLoaded(key, file);
  use();
  return {
    key,
    wordCount: sorted.length,
    cut: (text) => use().cut(text),
    tag: (text) => use().tag(text),
    extract: (text, topN) => use().extract(text, topN),
    memo<T>(table: string, word: string, compute: () => T): T {
      let m = memos.get(table);
      if (!m) memos.set(table, (m = new Map()));
      if (m.has(word)) return m.get(word) as T;
      const value = compute();
      if (m.size > 200_000) m.clear();
      m.set(word, value);
      return value;
    },
  };
}
