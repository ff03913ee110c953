import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { dataFiles, type Config } from '../config/index.ts';

/**
 * Build the static site with Astro from config.articlesFile into config.distDir. The pages read the
 * same configuration themselves (src/site/load-articles.ts, astro.config.mjs), so nothing is passed
 * through the environment.
 */
export async function buildSite(config: Config) {
  const started = Date.now();
  // Astro's own telemetry, which has no setting in its inline config: off for every build we run.
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  const { build } = await import('astro');
  await build({ root: config.root, outDir: config.distDir, logLevel: 'warn' });
  const copied = writeSearchConfig(dataFiles(config.dataDir).searchConfig, config.distDir);
  return {
    outDir: config.distDir,
    seconds: Math.round((Date.now() - started) / 100) / 10,
    searchConfig: copied,
  };
}

/** Put the runtime search config (host, index, search-only key) beside the built pages. */
export function writeSearchConfig(searchJson: string, outDir: string): boolean {
  if (!existsSync(searchJson)) return false;
  copyFileSync(searchJson, join(outDir, 'search-config.json'));
  return true;
}
