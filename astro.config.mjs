// @ts-check
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
  },
});
