/**
 * npm run devset                 render tests/fixtures/devset/pages/*.json into each layout folder, with gold
 * npm run devset -- --check      only say whether the committed layout folders are up to date (exit 1 if not)
 * npm run devset -- --import DIR validate pages (and papers.json) from DIR, copy the valid ones in, then render
 *
 * Problems in a page (schema, unknown paper, a byline name not printed, a first snippet printed in another
 * article) are listed with the file and field; with any problem nothing is rendered and the exit code is 1.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  devsetDir,
  regionOptional,
  renderCommitted,
  staleFiles,
  writeRendered,
} from '../tests/eval/devset/devset.ts';
import { formatPapers, loadDevSource, type RenderedLayout } from '../tests/eval/devset/render.ts';
import { DevPapers } from '../tests/eval/devset/schema.ts';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** Merge DIR's papers.json into ours and copy DIR's valid pages; returns the problems found. */
function importPages(from: string): string[] {
  const problems: string[] = [];
  // Validate the incoming pages against our papers plus theirs, in a scratch copy of the source folder.
  const scratch = mkdtempSync(join(tmpdir(), 'baoku-devset-import-'));
  mkdirSync(join(scratch, 'pages'));
  const ours = DevPapers.parse(JSON.parse(readFileSync(join(devsetDir, 'papers.json'), 'utf8')));
  const theirsFile = join(from, 'papers.json');
  const merged = [...ours.papers];
  if (existsSync(theirsFile)) {
    const theirs = DevPapers.safeParse(JSON.parse(readFileSync(theirsFile, 'utf8')));
    if (!theirs.success)
      problems.push(
        ...theirs.error.issues.map((i) => `${theirsFile}: ${i.path.join('.')}: ${i.message}`),
      );
    for (const paper of theirs.success ? theirs.data.papers : []) {
      const same = merged.find((p) => p.slug === paper.slug);
      if (!same) merged.push(paper);
      else if (JSON.stringify(same) !== JSON.stringify(paper))
        problems.push(
          `${theirsFile}: paper "${paper.slug}" differs from ours: ${JSON.stringify(same)} vs ${JSON.stringify(paper)}`,
        );
    }
  }
  writeFileSync(join(scratch, 'papers.json'), formatPapers(merged));
  const incoming = readdirSync(from).filter((n) => n.endsWith('.json') && n !== 'papers.json');
  for (const name of incoming) {
    if (
      existsSync(join(devsetDir, 'pages', name)) &&
      readFileSync(join(devsetDir, 'pages', name), 'utf8') !==
        readFileSync(join(from, name), 'utf8')
    ) {
      problems.push(
        `${name}: a different page of that id is already in tests/fixtures/devset/pages (rename one)`,
      );
    }
    copyFileSync(join(from, name), join(scratch, 'pages', name));
  }
  // Our own pages join the check so that snippet and paper checks see the same papers.json.
  const checked = loadDevSource(scratch);
  const bad = new Set<string>();
  for (const p of checked.problems) {
    problems.push(`${from}/${p.replace(/^pages\//, '')}`);
    const m = /^pages\/([^:]+):/.exec(p);
    if (m) bad.add(m[1]!);
  }
  const good = incoming.filter((n) => !bad.has(n));
  for (const name of good) copyFileSync(join(from, name), join(devsetDir, 'pages', name));
  if (good.length) writeFileSync(join(devsetDir, 'papers.json'), formatPapers(merged));
  console.error(
    `imported ${good.length} of ${incoming.length} page(s) from ${from}${bad.size ? `; not imported: ${[...bad].join(', ')}` : ''}`,
  );
  rmSync(scratch, { recursive: true, force: true });
  return problems;
}

const argv = process.argv.slice(2);
const importAt = argv.indexOf('--import');
if (importAt >= 0) {
  const from = argv[importAt + 1];
  if (!from || !existsSync(from))
    fail('usage: npm run devset -- --import <folder of page JSON files>');
  const problems = importPages(from);
  if (problems.length) {
    console.error(`${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
  }
}

let rendered: RenderedLayout[] = [];
try {
  rendered = renderCommitted();
} catch (error) {
  fail((error as Error).message);
}
if (argv.includes('--check')) {
  const stale = staleFiles(rendered);
  if (stale.length)
    fail(
      `the dev set's layout folders are out of date (run \`npm run devset\`):\n  ${stale.slice(0, 20).join('\n  ')}${stale.length > 20 ? `\n  … ${stale.length - 20} more` : ''}`,
    );
  console.log('dev set up to date');
} else {
  writeRendered(rendered);
  for (const r of rendered)
    console.log(
      `${r.layout.padEnd(13)} ${String(r.pages).padStart(3)} pages ${String(r.gold.length).padStart(4)} articles  → tests/fixtures/devset/${r.layout}/`,
    );
  if (!regionOptional())
    console.log(
      'note: papers.json requires a region today, so pages of papers without one are written outside paper folders',
    );
}
