import { copyFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface BuildOptions {
  articlesFile?: string;
  outDir?: string;
  /** data/search.json to copy in as /search-config.json. */
  searchConfig?: string;
  root?: string;
}

/** Build the static site with Astro; the articles file and out dir are passed through the environment. */
export async function buildSite(options: BuildOptions) {
  const started = Date.now();
  const root = resolve(options.root ?? '.');
  const outDir = resolve(options.outDir ?? process.env.BAOKU_DIST ?? join(root, 'dist'));
  process.env.BAOKU_ARTICLES = resolve(options.articlesFile ?? process.env.BAOKU_ARTICLES ?? join(root, 'data/articles.jsonl'));
  process.env.BAOKU_DIST = outDir;
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  const { build } = await import('astro');
  await build({ root, outDir, logLevel: 'warn' });
  const searchConfig = options.searchConfig ?? join(root, 'data/search.json');
  const copied = writeSearchConfig(searchConfig, outDir);
  return { outDir, seconds: Math.round((Date.now() - started) / 100) / 10, searchConfig: copied };
}

/** Put the runtime search config (host, index, search-only key) beside the built pages. */
export function writeSearchConfig(searchJson: string, outDir: string): boolean {
  if (!existsSync(searchJson)) return false;
  copyFileSync(searchJson, join(outDir, 'search-config.json'));
  return true;
}
