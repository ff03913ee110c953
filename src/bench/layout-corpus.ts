/**
 * The benchmark corpus as a user would lay it out (README "Adding your own paper"): one folder per
 * issue date, one file per page, and a papers.json declaring the paper — a national paper, so no
 * `region`. ../shared/corpus names its pages YYYYMM/rmrb_YYYYMMDD_pNN.txt; laid out, they become
 * <dest>/<slug>/YYYY-MM-DD/NN.txt and every article gets its date and page from the path.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Paper } from '../model/paper.ts';

/** The corpus's paper, as papers.json declares it. */
export const CORPUS_PAPER: Paper = { slug: 'rmrb', name: '人民日报' };

const PAGE_NAME = /^[a-z]+_(\d{4})(\d{2})(\d{2})_p(\d+)\.txt$/;

/** The corpus's page files in order (month folders, then names), with their size in bytes. */
export function corpusPages(corpus: string): { path: string; name: string; bytes: number }[] {
  const months = readdirSync(corpus)
    .filter((d) => statSync(join(corpus, d)).isDirectory())
    .sort();
  return months.flatMap((m) =>
    readdirSync(join(corpus, m))
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => ({
        path: join(corpus, m, f),
        name: f,
        bytes: statSync(join(corpus, m, f)).size,
      })),
  );
}

/**
 * Copy the corpus's pages into `dest` as content/<slug>/<date>/<page>.txt with a papers.json; done once
 * (a later call finds every page in place). Returns the content folder and where each page went.
 */
export function layOutCorpus(
  corpus: string,
  dest: string,
  paper: Paper = CORPUS_PAPER,
): { contentDir: string; pages: Map<string, string> } {
  const pages = new Map<string, string>();
  mkdirSync(join(dest, paper.slug), { recursive: true });
  writeFileSync(join(dest, 'papers.json'), `${JSON.stringify({ papers: [paper] }, null, 2)}\n`);
  for (const page of corpusPages(corpus)) {
    const m = PAGE_NAME.exec(page.name);
    if (!m) continue;
    const [, y, mo, d, p] = m;
    const dir = join(dest, paper.slug, `${y}-${mo}-${d}`);
    const target = join(dir, `${p}.txt`);
    if (!existsSync(target) || statSync(target).size !== page.bytes) {
      mkdirSync(dir, { recursive: true });
      copyFileSync(page.path, target);
    }
    pages.set(page.name, target);
  }
  return { contentDir: dest, pages };
}
