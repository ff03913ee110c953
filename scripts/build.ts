/**
 * npm run build [-- --no-wait] — the static site from data/articles.jsonl (or $BAOKU_ARTICLES) into dist/
 * (or $BAOKU_DIST), with data/search.json copied in as /search-config.json when present. Waits while
 * an ingest writes data/ (or with --no-wait exits at once, status 75).
 */
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite } from '../src/pipeline/build-site.ts';
import { BUSY_EXIT_CODE, lockDataDir } from '../src/pipeline/data-lock.ts';
import { failureText, LockBusyError } from '../src/errors/index.ts';
import { describeHolder, type Lock } from '../src/system/lock.ts';

const { values } = parseArgs({ options: { 'no-wait': { type: 'boolean', default: false } } });
// The lock lives beside the articles file the site is built from: that is the data folder.
const dataDir = dirname(resolve(process.env.BAOKU_ARTICLES || 'data/articles.jsonl'));
let lock: Lock;
try {
  lock = await lockDataDir(dataDir, 'build', { wait: !values['no-wait'], log: (line) => console.error(`build: ${line}`) });
} catch (error) {
  if (!(error instanceof LockBusyError)) throw error;
  console.error(`build: ${dataDir} is being written by ${describeHolder(error.holder)}; not waiting (--no-wait)`);
  process.exit(BUSY_EXIT_CODE);
}
try {
  const result = await buildSite({});
  console.log(`built ${result.outDir} in ${result.seconds} s${result.searchConfig ? '' : ' (no data/search.json yet: search stays off until `npm run ingest`)'}`);
  lock.release();
} catch (error) {
  console.error(`build failed: ${failureText(error)}`);
  lock.release();
  process.exit(1);
}
