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
    // qs (InstantSearch's default router) and hogan.js (string templates): unused by the search page (see unbundled.ts).
    resolve: {
      alias: {
        qs: fileURLToPath(new URL('./src/site/unbundled.ts', import.meta.url)),
        'hogan.js': fileURLToPath(new URL('./src/site/unbundled.ts', import.meta.url)),
      },
    },
  },
});
