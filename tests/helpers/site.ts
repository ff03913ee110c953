import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inject } from 'vitest';
import type { Article } from '../../src/model/article.ts';
import { serveSite } from '../../src/pipeline/serve-site.ts';
import { launchChromium } from '../../src/system/chromium.ts';

const root = resolve(import.meta.dirname, '../..');

export interface BuildOptions {
  /** Files written beside the articles file, as an ingest leaves them (corrections-log.json). */
  beside?: Record<string, string>;
  /** Environment of the build (BAOKU_REPORT_URL, BAOKU_SITE_URL). */
  env?: Record<string, string>;
}

/** Build the real site from an articles file with `npm run build`'s script, into a temp folder. */
export function buildSite(articles: Article[], options: BuildOptions = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'baoku-site-'));
  const articlesFile = join(dir, 'articles.jsonl');
  writeFileSync(articlesFile, `${articles.map((a) => JSON.stringify(a)).join('\n')}\n`);
  for (const [name, text] of Object.entries(options.beside ?? {}))
    writeFileSync(join(dir, name), text);
  const outDir = join(dir, 'dist');
  const result = spawnSync(process.execPath, [join(root, 'scripts/build.ts')], {
    cwd: root,
    env: {
      ...process.env,
      BAOKU_ARTICLES: articlesFile,
      BAOKU_DIST: outDir,
      ASTRO_TELEMETRY_DISABLED: '1',
      ...options.env,
    },
    encoding: 'utf8',
  });
  if (result.status !== 0)
    throw new Error(`site build failed:\n${result.stdout}\n${result.stderr}`);
  return outDir;
}

/**
 * The built site served as `npm start` serves it (src/pipeline/serve-site.ts): static files, and the
 * search servers under /meili/<name>/ — by default the test server of tests/setup/meili.ts as "main".
 */
export async function serve(
  dir: string,
  servers?: { name: string; host: string }[],
): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  return serveSite({
    distDir: dir,
    port: 0,
    servers: servers ?? [{ name: 'main', host: inject('meili').host }],
  });
}

/** The search config the site reads, for one index on the servers `serve` passes on to. */
export function searchConfig(
  index: string,
  servers: { name: string; apiKey: string; papers?: string[] }[],
) {
  return JSON.stringify({
    index,
    servers: servers.map((s) => ({
      name: s.name,
      host: `/meili/${s.name}`,
      apiKey: s.apiKey,
      papers: s.papers ?? [],
    })),
  });
}

/** Debian's chromium, driven by playwright-core — never a downloaded browser. */
export const launchBrowser = launchChromium;
