/**
 * npm run export -- --q 亚运 --district 上城区 --from 2023-01-01 --to 2023-12-31 --format csv > out.csv
 * Every match of a search, in the format asked for, to stdout or --out FILE. Same filters as the site.
 */
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { dataFiles, loadConfig } from '../src/config/index.ts';
import { fetchAll } from '../src/export/fetch-all.ts';
import { FORMATS, formatRecord, preamble, type Format } from '../src/export/formats.ts';
import { emptyRequest, type SearchRequest } from '../src/search/query.ts';
import { startMeili } from '../src/search/server.ts';
import { failureText } from '../src/errors/index.ts';

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
    'base-url': { type: 'string', default: 'http://localhost:4321' },
  },
});

const fail = (message: string): never => {
  console.error(`export: ${message}`);
  process.exit(2);
};
const format = values.format as Format;
if (!FORMATS.includes(format)) fail(`--format must be one of ${FORMATS.join(', ')}`);
if (!['relevance', 'newest', 'oldest'].includes(values.sort!)) fail('--sort must be relevance, newest or oldest');
for (const d of [values.from, values.to]) if (d && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(d)) fail(`date "${d}" is not YYYY-MM-DD, YYYY-MM or YYYY`);

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
// The index the last ingest published (data/search.json), else the configured one.
const index = values.index ?? (existsSync(files.searchConfig) ? (JSON.parse(readFileSync(files.searchConfig, 'utf8')) as { index: string }).index : config.indexUid);
const meili = await startMeili({ dataDir: files.meili, meili: config.meili }).catch((error: Error) => fail(failureText(error)));
for (const note of meili.notes) console.error(note);
const out = values.out ? createWriteStream(values.out) : process.stdout;
const write = async (text: string) => {
  if (!out.write(text)) await once(out, 'drain');
};
try {
  await write(preamble(format));
  let count = 0;
  for await (const article of fetchAll({
    target: { index, servers: [{ name: 'main', host: meili.host, apiKey: meili.apiKey, papers: [] }] },
    request,
    onProgress: (done, total) => process.stderr.write(`\rexported ${done}/${total}`),
  })) {
    await write(formatRecord(format, article, values['base-url']!));
    count++;
  }
  process.stderr.write(`\n${count} articles${values.out ? ` written to ${values.out}` : ''}\n`);
  if (values.out) {
    out.end();
    await once(out, 'finish');
  }
} catch (error) {
  console.error(`\nexport failed: ${failureText(error)}`);
  process.exitCode = 1;
} finally {
  await meili.stop();
}
