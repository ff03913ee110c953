/**
 * npm run build — the static site from data/articles.jsonl (or $BAOKU_ARTICLES) into dist/ (or $BAOKU_DIST),
 * with data/search.json copied in as /search-config.json when present.
 */
import { buildSite } from '../src/pipeline/build-site.ts';

try {
  const result = await buildSite({});
  console.log(`built ${result.outDir} in ${result.seconds} s${result.searchConfig ? '' : ' (no data/search.json yet: search stays off until `npm run ingest`)'}`);
} catch (error) {
  console.error(`build failed: ${(error as Error).message}`);
  process.exit(1);
}
