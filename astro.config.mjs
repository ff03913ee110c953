// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { loadConfig } from './src/config/index.ts';

// The site is static: built once from the articles file, served from any file host. Search runs in the
// browser against Meilisearch with a search-only key read at run time from /search-config.json.
export default defineConfig({
  output: 'static',
  outDir: loadConfig().distDir,
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  vite: {
    build: { chunkSizeWarningLimit: 1000 },
    // InstantSearch's default router needs qs; ours (src/site/search-routing.ts) does not (see no-qs.ts).
    resolve: { alias: { qs: fileURLToPath(new URL('./src/site/no-qs.ts', import.meta.url)) } },
  },
});
