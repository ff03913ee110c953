/**
 * npm run ingest [-- --content content --data data --force --no-wait]
 * Extracts the content folder, writes data/articles.jsonl and brings the Meilisearch index up to date.
 * One writer at a time: a second ingest waits for the first, or with --no-wait exits at once (status 75).
 */
import { parseArgs } from 'node:util';
import { dataFiles, loadConfig } from '../src/config/index.ts';
import { BUSY_EXIT_CODE, lockDataDir } from '../src/pipeline/data-lock.ts';
import { runIngest, summarise } from '../src/pipeline/run-ingest.ts';
import { failedServers } from '../src/pipeline/ingest-report.ts';
import {
  connectServers,
  ingestServers,
  stopServers,
  type ServerConnection,
  type UnreachableServer,
} from '../src/search/servers.ts';
import { progressPrinter } from '../src/pipeline/progress.ts';
import { failureText, LockBusyError } from '../src/errors/index.ts';
import { describeHolder, type Lock } from '../src/system/lock.ts';

const { values } = parseArgs({
  options: {
    content: { type: 'string' },
    data: { type: 'string' },
    index: { type: 'string' },
    force: { type: 'boolean', default: false },
    'no-wait': { type: 'boolean', default: false },
  },
});

const config = loadConfig({
  flags: { content: values.content, data: values.data, index: values.index },
});
const { dataDir } = config;
let lock: Lock | undefined;
let connected: ServerConnection[] = [];
// Stopped from outside (Ctrl-C, a scheduler's SIGTERM): stop the server we started and free the lock.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`ingest: stopped by ${signal}`);
    void stopServers(connected).finally(() => {
      lock?.release();
      process.exit(130);
    });
  });
}

try {
  lock = await lockDataDir(dataDir, 'ingest', {
    wait: !values['no-wait'],
    log: (line) => console.error(`ingest: ${line}`),
  });
} catch (error) {
  if (!(error instanceof LockBusyError)) throw error;
  console.error(
    `ingest: ${dataDir} is being written by ${describeHolder(error.holder)}; not waiting (--no-wait)`,
  );
  process.exit(BUSY_EXIT_CODE);
}
let unreachable: UnreachableServer[] = [];
try {
  ({ connected, unreachable } = await connectServers(config.servers, dataDir));
  for (const c of connected) for (const note of c.meili.notes) console.error(note);
  for (const u of unreachable)
    console.error(
      `ingest: server ${u.name} (${u.url ?? 'embedded'}) does not answer: ${failureText(u.error)}; the others go on`,
    );
} catch (error) {
  console.error(`ingest: ${failureText(error)}`);
  lock.release();
  process.exit(1);
}
const progress = progressPrinter();
try {
  const report = await runIngest({
    contentDir: config.contentDir,
    dataDir,
    servers: ingestServers(config.servers, connected, unreachable),
    indexUid: config.indexUid,
    searchUrl: config.searchUrl,
    force: values.force,
    log: (line) => console.error(line),
    progress: progress.update,
  });
  progress.stop();
  console.log(summarise(report));
  console.log(`report: ${dataFiles(dataDir).report}`);
  // A server that failed kept its old index; the others are up to date. Say so in the exit status too.
  if (failedServers(report).length > 0) process.exitCode = 1;
} catch (error) {
  progress.stop();
  console.error(`ingest failed: ${failureText(error)}`);
  process.exitCode = 1;
} finally {
  await stopServers(connected);
  lock.release();
}
