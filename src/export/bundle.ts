/**
 * The research bundle: every match of a search as one ZIP — the data (CSV, JSON Lines), the citations
 * (RIS, GB/T 7714) and a manifest saying exactly what was exported (query and filters, the search's
 * address, time, count, index version, baoku version, and each file's size and SHA-256), so that a
 * paper's footnote can name it. The site's export menu and `npm run export -- --format bundle` both
 * write it with this code: the data and citation files are byte for byte the same from either, and the
 * manifest differs only in its time and origin.
 *
 * Runs in the browser and in Node: fflate for the ZIP, WebCrypto for the hashes, no Node APIs.
 */
import { Zip, ZipDeflate, strToU8 } from 'fflate';
import pkg from '../../package.json' with { type: 'json' };
import type { Article } from '../model/article.ts';
import { searchHref, type SearchRequest } from '../search/query.ts';
import { type Format, formatRecord, preamble } from './formats.ts';

export const BAOKU_VERSION: string = pkg.version;

/** The files of a bundle, in the order they are written. */
export const BUNDLE_FILES: { name: string; format: Format }[] = [
  { name: 'matches.csv', format: 'csv' },
  { name: 'matches.jsonl', format: 'jsonl' },
  { name: 'citations.ris', format: 'ris' },
  { name: 'citations-gbt7714.txt', format: 'gbt7714' },
];
export const MANIFEST_FILE = 'manifest.json';

export interface BundleInfo {
  request: SearchRequest;
  /** Origin of the site, for the search's address and the article links (http://localhost:4321). */
  baseUrl: string;
  /** Meilisearch index searched, and its version (from the last ingest; null when unknown). */
  index: { name: string; version: string | null };
  exportedAt: Date;
  exportedFrom: 'site' | 'cli';
}

export interface BundleManifest {
  title: string;
  query: string;
  /** The request's filters and order, as the search page and the CLI name them. */
  filters: Omit<SearchRequest, 'q' | 'page'>;
  searchUrl: string;
  exportedAt: string;
  exportedFrom: 'site' | 'cli';
  articles: number;
  index: { name: string; version: string | null };
  baoku: { version: string };
  files: { name: string; format: Format; bytes: number; sha256: string }[];
  /** A line to cite the bundle by. */
  citation: string;
}

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** One file of the bundle, exactly as the single-format export writes it. */
export function bundleFile(format: Format, articles: Article[], baseUrl: string): Uint8Array {
  return strToU8(preamble(format) + articles.map((a) => formatRecord(format, a, baseUrl)).join(''));
}

function citation(m: Omit<BundleManifest, 'citation'>): string {
  const what = m.query ? `“${m.query}”` : '全部文章';
  return `报库（baoku ${m.baoku.version}）检索${what}的结果，共 ${m.articles} 篇，索引 ${m.index.name}${m.index.version ? `（版本 ${m.index.version}）` : ''}，导出于 ${m.exportedAt}。检索地址：${m.searchUrl}`;
}

/**
 * Write the bundle of `articles` (every match, in the search's order), handing the ZIP's bytes to
 * `onData` as they are made. Returns the manifest written into it.
 */
export async function writeBundle(
  articles: Article[],
  info: BundleInfo,
  onData: (chunk: Uint8Array, final: boolean) => void,
): Promise<BundleManifest> {
  const baseUrl = info.baseUrl.replace(/\/$/, '');
  let failure: Error | null = null;
  const zip = new Zip((error, chunk, final) => {
    if (error) failure = error;
    else onData(chunk, final);
  });
  const files: BundleManifest['files'] = [];
  const add = (name: string, bytes: Uint8Array) => {
    const entry = new ZipDeflate(name, { level: 6 });
    entry.mtime = info.exportedAt;
    zip.add(entry);
    entry.push(bytes, true);
  };
  for (const { name, format } of BUNDLE_FILES) {
    const bytes = bundleFile(format, articles, baseUrl);
    files.push({ name, format, bytes: bytes.length, sha256: await sha256(bytes) });
    add(name, bytes);
  }
  const { q, page: _page, ...filters } = info.request;
  const manifest: Omit<BundleManifest, 'citation'> = {
    title: '报库研究数据包',
    query: q,
    filters,
    searchUrl: `${baseUrl}${searchHref({ ...info.request, page: 1 })}`,
    exportedAt: info.exportedAt.toISOString(),
    exportedFrom: info.exportedFrom,
    articles: articles.length,
    index: info.index,
    baoku: { version: BAOKU_VERSION },
    files,
  };
  const full: BundleManifest = { ...manifest, citation: citation(manifest) };
  add(MANIFEST_FILE, strToU8(`${JSON.stringify(full, null, 2)}\n`));
  zip.end();
  if (failure) throw failure;
  return full;
}
