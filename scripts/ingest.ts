/**
 * npm run ingest [-- --content content --data data --force]
 * Extracts the content folder, writes data/articles.jsonl and brings the Meilisearch index up to date.
 */
import { parseArgs } from 'node:util';
import { join, resolve } from 'node:path';
import { runIngest, summarise } from '../src/pipeline/run-ingest.ts';
import { startMeili } from '../src/search/server.ts';
import { progressPrinter } from '../src/pipeline/progress.ts';

const { values } = parseArgs({
  options: {
    content: { type: 'string', default: 'content' },
    data: { type: 'string', default: 'data' },
    index: { type: 'string' },
    force: { type: 'boolean', default: false },
  },
});

const dataDir = resolve(values.data!);
let meili;
try {
  meili = await startMeili({ dataDir: join(dataDir, 'meili') });
  for (const note of meili.notes) console.error(note);
} catch (error) {
  console.error(`ingest: ${(error as Error).message}`);
  process.exit(1);
}
const progress = progressPrinter();
try {
  const report = await runIngest({
    contentDir: resolve(values.content!),
    dataDir,
    meili,
    indexUid: values.index,
    force: values.force,
    log: (line) => console.error(line),
    progress: progress.update,
  });
  progress.stop();
  console.log(summarise(report));
  console.log(`report: ${join(dataDir, 'ingest-report.json')}`);
} catch (error) {
  progress.stop();
  console.error(`ingest failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await meili.stop();
}
