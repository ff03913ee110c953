/**
 * npm run build [-- --no-wait] — the static site from the articles file into the dist folder (see
 * src/config), with data/search.json copied in as /search-config.json when present. Waits while an
 * ingest writes the data folder (or with --no-wait exits at once, status 75).
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config/index.ts';
import { buildSite } from '../src/pipeline/build-site.ts';
import { BUSY_EXIT_CODE, lockDataDir } from '../src/pipeline/data-lock.ts';
import { failureText, LockBusyError } from '../src/errors/index.ts';
import { describeHolder, type Lock } from '../src/system/lock.ts';

const { values } = parseArgs({ options: { 'no-wait': { type: 'boolean', default: false } } });
const config = loadConfig();
const dataDir = config.dataDir;
let lock: Lock;
try {
  lock = await lockDataDir(dataDir, 'build', {
    wait: !values['no-wait'],
    log: (line) => console.error(`build: ${line}`),
  });
} catch (error) {
  if (!(error instanceof LockBusyError)) throw error;
  console.error(
    `build: ${dataDir} is being written by ${describeHolder(error.holder)}; not waiting (--no-wait)`,
  );
  process.exit(BUSY_EXIT_CODE);
}
try {
  const result = await buildSite(config);
  console.log(
    `built ${result.outDir} in ${result.seconds} s${result.searchConfig ? '' : ' (no data/search.json yet: search stays off until `npm run ingest`)'}`,
  );
  lock.release();
} catch (error) {
  console.error(`build failed: ${failureText(error)}`);
  lock.release();
  process.exit(1);
}
