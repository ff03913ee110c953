/**
 * npm start [-- --no-wait] — ingest content/, start the embedded Meilisearch (or use MEILI_URL, or the
 * servers of baoku.config.json), build
 * the site when anything changed, and serve it (default http://localhost:4321). Ctrl-C stops everything.
 * The data folder is locked only while ingesting and building, not while serving.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { dataFiles, loadConfig } from '../src/config/index.ts';
import { buildSite, writeSearchConfig } from '../src/pipeline/build-site.ts';
import { buildStamp } from '../src/pipeline/build-stamp.ts';
import { BUSY_EXIT_CODE, lockDataDir } from '../src/pipeline/data-lock.ts';
import { progressPrinter } from '../src/pipeline/progress.ts';
import { serveSite } from '../src/pipeline/serve-site.ts';
import { runIngest, summarise } from '../src/pipeline/run-ingest.ts';
import {
  connectServers,
  ingestServers,
  stopServers,
  type ServerConnection,
  type UnreachableServer,
} from '../src/search/servers.ts';
import { failureText, LockBusyError } from '../src/errors/index.ts';
import { describeHolder, type Lock } from '../src/system/lock.ts';

const { values } = parseArgs({ options: { 'no-wait': { type: 'boolean', default: false } } });
const config = loadConfig();
const { root, dataDir, distDir: outDir, port } = config;
const files = dataFiles(dataDir);

let lock: Lock | null = null;
try {
  lock = await lockDataDir(dataDir, 'start', {
    wait: !values['no-wait'],
    log: (line) => console.log(line),
  });
} catch (error) {
  if (!(error instanceof LockBusyError)) throw error;
  console.error(
    `start: ${dataDir} is being written by ${describeHolder(error.holder)}; not waiting (--no-wait)`,
  );
  process.exit(BUSY_EXIT_CODE);
}

let connected: ServerConnection[] = [];
let unreachable: UnreachableServer[] = [];
try {
  // While the site is served, an embedded server that dies is started again (a few times), and the log says so.
  ({ connected, unreachable } = await connectServers(config.servers, dataDir, {
    restart: { log: (line) => console.error(`${new Date().toISOString()} ${line}`) },
  }));
  for (const c of connected) for (const note of c.meili.notes) console.log(note);
  for (const u of unreachable)
    console.error(
      `start: server ${u.name} (${u.url ?? 'embedded'}) does not answer: ${failureText(u.error)}; its papers are missing from search until it does`,
    );
} catch (error) {
  console.error(`start: ${failureText(error)}`);
  lock.release();
  process.exit(1);
}
const stopAll: (() => Promise<void>)[] = [() => stopServers(connected)];
let stopping = false;
const shutdown = async (code = 0) => {
  if (stopping) return;
  stopping = true;
  for (const stop of stopAll.reverse()) await stop().catch(() => {});
  lock?.release();
  process.exit(code);
};
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

try {
  for (const c of connected)
    console.log(
      `Meilisearch${connected.length + unreachable.length > 1 ? ` ${c.name}` : ''}: ${c.meili.host}${c.meili.embedded ? ` (embedded, data in ${files.meili})` : ''}`,
    );
  const servers = ingestServers(config.servers, connected, unreachable);
  const progress = progressPrinter();
  const report = await runIngest({
    contentDir: config.contentDir,
    dataDir,
    servers,
    indexUid: config.indexUid,
    searchUrl: config.searchUrl,
    log: (l) => console.log(l),
    progress: progress.update,
  });
  progress.stop();
  console.log(summarise(report));

  const stampFile = join(outDir, '.baoku-build');
  const stamp = buildStamp(
    root,
    config.articlesFile,
    JSON.stringify([config.siteUrl, config.reportUrl]),
  );
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
    console.log(`site: unchanged, reusing ${outDir}`);
  } else {
    console.log('site: building …');
    const built = await buildSite(config);
    writeFileSync(stampFile, stamp);
    console.log(`site: built in ${built.seconds} s`);
  }
  writeSearchConfig(files.searchConfig, outDir);
  // Serving only reads: another ingest may run now (it shares this Meilisearch).
  lock.release();
  lock = null;

  // The site and, under /meili/<server>/, its search: same origin, no Accept-Encoding sent on (see serve-site.ts).
  const site = await serveSite({
    distDir: outDir,
    port,
    servers: servers.map((s) => ({
      name: s.name,
      host: s.meili?.host ?? s.url ?? 'http://127.0.0.1:9',
    })),
  });
  stopAll.push(() => site.close());
  console.log(`\n报库 is running: http://localhost:${site.port}/  (Ctrl-C to stop)\n`);
  await new Promise<void>((done) => site.server.once('close', () => done()));
  await shutdown(0);
} catch (error) {
  console.error(`start failed: ${failureText(error)}`);
  await shutdown(1);
}
