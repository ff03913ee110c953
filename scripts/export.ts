/**
 * npm run export -- --q 亚运 --district 上城区 --from 2023-01-01 --to 2023-12-31 --format csv > out.csv
 * Every match of a search, in the format asked for, to stdout or --out FILE. Same filters and query
 * syntax ("phrase", -word) as the site. --format bundle writes the research bundle (a ZIP: CSV, JSON
 * Lines, RIS, GB/T 7714 and a manifest), the same as the site's export menu. With several servers, one
 * that does not answer stops the export (its papers would be missing) unless --partial is given.
 */
import { createWriteStream, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { dataFiles, loadConfig } from '../src/config/index.ts';
import { fetchAll } from '../src/export/fetch-all.ts';
import { writeBundle } from '../src/export/bundle.ts';
import { FORMATS, formatRecord, preamble, type Format } from '../src/export/formats.ts';
import type { Article } from '../src/model/article.ts';
import { emptyRequest, type SearchRequest } from '../src/search/query.ts';
import type { SearchTarget } from '../src/search/federated.ts';
import { connectServers, stopServers } from '../src/search/servers.ts';
import type { SearchConfigJson } from '../src/search/sync-servers.ts';
import { failureText, PartialResultError } from '../src/errors/index.ts';

const { values } = parseArgs({
  options: {
    q: { type: 'string', default: '' },
    district: { type: 'string', multiple: true, default: [] },
    street: { type: 'string', multiple: true, default: [] },
    paper: { type: 'string', multiple: true, default: [] },
    reporter: { type: 'string', multiple: true, default: [] },
    person: { type: 'string', multiple: true, default: [] },
    kind: { type: 'string', multiple: true, default: [] },
    year: { type: 'string', multiple: true, default: [] },
    month: { type: 'string', multiple: true, default: [] },
    from: { type: 'string' },
    to: { type: 'string' },
    sort: { type: 'string', default: 'relevance' },
    format: { type: 'string', default: 'csv' },
    out: { type: 'string' },
    index: { type: 'string' },
    data: { type: 'string' },
    'base-url': { type: 'string' },
    partial: { type: 'boolean', default: false },
  },
});

const fail = (message: string): never => {
  console.error(`export: ${message}`);
  process.exit(2);
};
const format = values.format as Format | 'bundle';
if (format !== 'bundle' && !FORMATS.includes(format))
  fail(`--format must be one of ${FORMATS.join(', ')}, bundle`);
if (format === 'bundle' && !values.out && process.stdout.isTTY)
  fail('--format bundle writes a ZIP: give --out FILE.zip (or redirect stdout)');
if (!['relevance', 'newest', 'oldest'].includes(values.sort!))
  fail('--sort must be relevance, newest or oldest');
for (const d of [values.from, values.to])
  if (d && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(d))
    fail(`date "${d}" is not YYYY-MM-DD, YYYY-MM or YYYY`);

const request: SearchRequest = {
  ...emptyRequest(),
  q: values.q!,
  districts: values.district!,
  streets: values.street!,
  papers: values.paper!,
  reporters: values.reporter!,
  people: values.person!,
  kinds: values.kind!,
  years: values.year!.map(Number),
  months: values.month!,
  from: values.from ?? null,
  to: values.to ?? null,
  sort: values.sort as SearchRequest['sort'],
};

const config = loadConfig({ flags: { data: values.data } });
const files = dataFiles(config.dataDir);
// The index the last ingest published, and the papers on each server (data/search.json), else the configured index.
const published = existsSync(files.searchConfig)
  ? (JSON.parse(readFileSync(files.searchConfig, 'utf8')) as Partial<SearchConfigJson>)
  : {};
const index = values.index ?? published.index ?? config.indexUid;
// Article links (and the bundle's search address) on the site's public address unless told otherwise.
const baseUrl = values['base-url'] ?? config.siteUrl;
const { connected, unreachable } = await connectServers(config.servers, config.dataDir).catch(
  (error: Error) => fail(failureText(error)),
);
for (const c of connected) for (const note of c.meili.notes) console.error(note);
// Every server, in the configured order; one that does not answer has no key, and is reported missing.
const target: SearchTarget = {
  index,
  wholeWords: published.wholeWords ?? [],
  servers: config.servers.map((s) => {
    const c = connected.find((x) => x.name === s.name);
    return {
      name: s.name,
      host: c?.meili.host ?? s.url ?? '',
      apiKey: c?.meili.apiKey ?? '',
      papers: published.servers?.find((p) => p.name === s.name)?.papers ?? s.papers ?? [],
    };
  }),
};
for (const u of unreachable)
  console.error(`export: server ${u.name} does not answer (${failureText(u.error)})`);
// A file is written beside the target and renamed when complete: a failed export leaves no file that
// looks whole. On stdout nothing is written before the first page came back complete.
const partFile = values.out ? `${values.out}.part` : null;
const out = partFile ? createWriteStream(partFile) : process.stdout;
const write = async (text: string | Uint8Array) => {
  if (!out.write(text)) await once(out, 'drain');
};
try {
  let count = 0;
  const articles = fetchAll({
    target,
    request,
    allowPartial: values.partial,
    onMissing: (missing) =>
      process.stderr.write(
        `\nexport: --partial: leaving out the articles of ${missing.map((m) => `${m.papers.join('、') || 'the papers'} on ${m.name}`).join('; ')}\n`,
      ),
    onProgress: (done, total) => process.stderr.write(`\rexported ${done}/${total}`),
  });
  if (format === 'bundle') {
    const all: Article[] = [];
    for await (const article of articles) all.push(article);
    const chunks: Uint8Array[] = [];
    const version = published.index === index ? (published.indexVersion ?? null) : null;
    await writeBundle(
      all,
      {
        request,
        baseUrl,
        index: { name: index, version },
        exportedAt: new Date(),
        exportedFrom: 'cli',
      },
      (chunk) => chunks.push(chunk),
    );
    for (const chunk of chunks) await write(chunk);
    count = all.length;
  } else {
    // Nothing is written before the first page came back complete.
    let next = await articles.next();
    await write(preamble(format));
    for (; !next.done; next = await articles.next()) {
      await write(formatRecord(format, next.value, baseUrl));
      count++;
    }
  }
  process.stderr.write(`\n${count} articles${values.out ? ` written to ${values.out}` : ''}\n`);
  if (partFile) {
    out.end();
    await once(out, 'finish');
    renameSync(partFile, values.out!);
  }
} catch (error) {
  if (partFile) {
    out.destroy();
    rmSync(partFile, { force: true });
  }
  const hint =
    error instanceof PartialResultError
      ? ' — no file written; run again when it answers, or with --partial to export the rest'
      : '';
  console.error(`\nexport failed: ${failureText(error)}${hint}`);
  process.exitCode = 1;
} finally {
  await stopServers(connected);
}
