/**
 * npm run score:layouts -- [--month 201902|all] [--every N] [--only devset|corpus] [--jobs N] [--out DIR] [--misses N] [--json]
 *
 * Extraction scored per layout, in one table:
 *   devset   clean, pdf, titles-after, markdown   the committed dev set (tests/fixtures/devset)
 *   derived  titles-after, markdown               the month's PDF-style corpus pages recomposed (needs ../shared)
 *   corpus   pdf, clean                           ../shared/corpus/rmrb-2019-2020[-clean]/<month>, gold filtered
 *                                                 to the files extracted; districts unlabelled (n/a)
 * Each layout is extracted by `scripts/extract.ts` (what `npm run extract` runs) in a process of its own,
 * several at once (--jobs, default: the number of cores). --every N takes every Nth corpus page of the month
 * (a quicker look: --every 4 runs in about a third of the time). --out DIR keeps each layout's gold and predictions
 * (<set>-<layout>.gold.jsonl / .pred.jsonl) for `npm run score -- GOLD PRED --verbose`; --misses N prints the
 * first N misses of each layout under the table.
 */
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { formatMiss } from '../src/eval/format-score.ts';
import { parseGold, parsePredictions, type GoldRecord } from '../src/eval/gold.ts';
import { formatLayoutTable, type LayoutRow } from '../src/eval/layout-table.ts';
import { scoreExtraction, type Miss } from '../src/eval/score-extraction.ts';
import { layoutDir } from '../tests/eval/devset/devset.ts';
import {
  loadCorpusPages,
  recomposeCorpus,
  type CorpusPage,
} from '../tests/eval/devset/recompose.ts';
import { LAYOUTS } from '../tests/eval/devset/render.ts';

const root = resolve(import.meta.dirname, '..');
const shared = resolve(root, '../shared');
const corpusGold = join(shared, 'gold/corpus.gold.jsonl');

function option(name: string): string | undefined {
  const argv = process.argv.slice(2);
  const eq = argv.find((a) => a.startsWith(`--${name}=`));
  if (eq) return eq.slice(name.length + 3);
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? argv[at + 1] : undefined;
}
const flag = (name: string) => process.argv.slice(2).includes(`--${name}`);

const month = option('month') ?? '201902';
const only = option('only');
const jobs = Math.max(1, Number(option('jobs') ?? availableParallelism()));
const outDir = option('out');
const missesPerRow = Number(option('misses') ?? 0);
const every = Math.max(1, Number(option('every') ?? 1));
if (only !== undefined && only !== 'devset' && only !== 'corpus') {
  console.error(
    'usage: npm run score:layouts -- [--month 201902|all] [--every N] [--only devset|corpus] [--jobs N] [--out DIR] [--misses N] [--json]',
  );
  process.exit(2);
}

interface Job {
  set: string;
  layout: string;
  dir: string;
  gold: GoldRecord[];
  districtsLabelled: boolean;
}

/** Page files under a folder (what the extractor reads). */
function pageFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...pageFiles(full));
    else if (/\.(txt|md|markdown|text)$/i.test(name)) out.push(name);
  }
  return out;
}

const jobsToRun: Job[] = [];
const notes: string[] = [];
if (only !== 'corpus') {
  for (const layout of LAYOUTS) {
    const dir = layoutDir(layout);
    jobsToRun.push({
      set: 'devset',
      layout,
      dir,
      gold: parseGold(readFileSync(join(dir, 'gold.jsonl'), 'utf8')),
      districtsLabelled: true,
    });
  }
}

let scratch: string | null = null;
if (only !== 'devset') {
  const months =
    month === 'all'
      ? readdirSync(join(shared, 'corpus/rmrb-2019-2020'))
          .filter((m) => /^\d{6}$/.test(m))
          .sort()
      : [month];
  const pdfRoot = join(shared, 'corpus/rmrb-2019-2020');
  if (!existsSync(corpusGold) || !months.every((m) => existsSync(join(pdfRoot, m)))) {
    notes.push(
      `corpus layouts skipped: ${existsSync(shared) ? `no ${join(pdfRoot, month)} or ${corpusGold}` : `${shared} not found (a clean clone has no ../shared)`}`,
    );
  } else {
    const allGold = parseGold(readFileSync(corpusGold, 'utf8'), corpusGold);
    const goldFor = (files: Set<string>) => allGold.filter((g) => files.has(g.file));
    scratch = mkdtempSync(join(tmpdir(), 'baoku-score-layouts-'));
    const started = performance.now();
    const pages: CorpusPage[] = months.flatMap((m) =>
      loadCorpusPages(join(pdfRoot, m), corpusGold, { every }),
    );
    for (const set of recomposeCorpus(pages, scratch)) {
      jobsToRun.push({
        set: 'derived',
        layout: set.layout,
        dir: set.dir,
        gold: set.gold,
        districtsLabelled: false,
      });
      if (set.dropped)
        notes.push(
          `derived ${set.layout}: ${set.dropped} labelled article(s) of the source pages left out (${[...set.droppedWhy].map(([w, n]) => `${n} ${w}`).join('; ')})`,
        );
    }
    notes.push(
      `derived layouts recomposed from ${pages.length} PDF-style pages in ${((performance.now() - started) / 1000).toFixed(1)}s`,
    );
    for (const [layout, folder] of [
      ['pdf', 'rmrb-2019-2020'],
      ['clean', 'rmrb-2019-2020-clean'],
    ] as const) {
      const dirs = months
        .map((m) => join(shared, 'corpus', folder, m))
        .filter((d) => existsSync(d));
      if (!dirs.length) {
        notes.push(`corpus ${layout}: no ${folder}/${month}`);
        continue;
      }
      // One folder per row: the month (or every month), or a copy of every Nth page of it.
      let dir = month === 'all' ? join(shared, 'corpus', folder) : dirs[0]!;
      let files = dirs.flatMap(pageFiles);
      if (every > 1) {
        dir = join(scratch, `corpus-${layout}`);
        mkdirSync(dir);
        files = dirs.flatMap((d) =>
          readdirSync(d)
            .filter((f) => f.endsWith('.txt'))
            .sort()
            .filter((_, i) => i % every === 0)
            .map((f) => {
              copyFileSync(join(d, f), join(dir, f));
              return f;
            }),
        );
      }
      jobsToRun.push({
        set: 'corpus',
        layout,
        dir,
        gold: goldFor(new Set(files)),
        districtsLabelled: false,
      });
    }
  }
}

/** Run scripts/extract.ts on a folder; resolves with its stdout. */
function extract(dir: string): Promise<{ stdout: string; seconds: number }> {
  const started = performance.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(root, 'scripts/extract.ts'), dir], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => (err = (err + b.toString()).slice(-4000)));
    child.on('error', fail);
    child.on('close', (code) => {
      if (code !== 0) fail(new Error(`extract ${dir} exited ${code}:\n${err}`));
      else
        done({
          stdout: Buffer.concat(out).toString('utf8'),
          seconds: (performance.now() - started) / 1000,
        });
    });
  });
}

const started = performance.now();
const results: { row: LayoutRow; misses: Miss[] }[] = new Array(jobsToRun.length);
let next = 0;
async function worker() {
  while (next < jobsToRun.length) {
    const i = next++;
    const job = jobsToRun[i]!;
    const { stdout, seconds } = await extract(job.dir);
    const predicted = parsePredictions(stdout, `${job.set} ${job.layout}`);
    const { metrics, misses } = scoreExtraction(job.gold, predicted);
    results[i] = {
      row: {
        set: job.set,
        layout: job.layout,
        pages: pageFiles(job.dir).length,
        metrics,
        districtsLabelled: job.districtsLabelled,
        seconds,
      },
      misses,
    };
    if (outDir) {
      mkdirSync(outDir, { recursive: true });
      writeFileSync(
        join(outDir, `${job.set}-${job.layout}.gold.jsonl`),
        job.gold.map((g) => `${JSON.stringify(g)}\n`).join(''),
      );
      writeFileSync(join(outDir, `${job.set}-${job.layout}.pred.jsonl`), stdout);
    }
  }
}

try {
  await Promise.all(Array.from({ length: Math.min(jobs, jobsToRun.length) }, worker));
} finally {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}

if (flag('json')) {
  console.log(
    JSON.stringify(
      results.map(({ row }) => ({
        set: row.set,
        layout: row.layout,
        pages: row.pages,
        districtsLabelled: row.districtsLabelled,
        seconds: row.seconds,
        metrics: row.metrics,
      })),
      null,
      1,
    ),
  );
} else {
  const scope =
    only === 'devset'
      ? 'dev set'
      : `${only === 'corpus' ? '' : 'dev set; '}corpus month ${month}${every > 1 ? `, every ${every}th page` : ''}`;
  console.log(
    `extraction scores per layout (${scope}; ${((performance.now() - started) / 1000).toFixed(1)}s, ${Math.min(jobs, jobsToRun.length)} at a time)\n`,
  );
  console.log(formatLayoutTable(results.map((r) => r.row)));
  for (const note of notes) console.log(`note: ${note}`);
  if (missesPerRow > 0) {
    for (const { row, misses } of results) {
      console.log(
        `\n${row.set} ${row.layout}: ${misses.length} misses${misses.length > missesPerRow ? `, first ${missesPerRow}` : ''}`,
      );
      for (const m of misses.slice(0, missesPerRow))
        console.log(
          formatMiss({ ...m, what: m.what.length > 100 ? `${m.what.slice(0, 100)}…` : m.what }),
        );
    }
  }
  if (outDir)
    console.log(
      `\ngold and predictions per layout in ${outDir} (npm run score -- GOLD PRED --verbose)`,
    );
}
