import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractSources } from '../../src/sources/extract-sources.ts';

const devset = join(import.meta.dirname, '../fixtures/devset');

/** A page's articles, keyed by file, without what depends on the path it was read from. */
async function articlesOf(paths: string[]) {
  const { pages } = await extractSources(paths);
  return new Map(pages.map((p) => [p.file.split('/').slice(-1)[0]!, p.articles]));
}

describe('extraction is deterministic', () => {
  it('gives a page the same articles alone, first, or after many other pages', async () => {
    const layout = join(devset, 'pdf');
    const all = await articlesOf([layout]);
    const files = [...all.keys()];
    expect(files.length).toBeGreaterThan(10);
    // The last page alone, in a folder of its own with the same papers file.
    const alone = mkdtempSync(join(tmpdir(), 'baoku-alone-'));
    cpSync(join(layout, 'papers.json'), join(alone, 'papers.json'));
    for (const paper of readdirSync(layout, { withFileTypes: true }).filter((d) =>
      d.isDirectory(),
    )) {
      cpSync(join(layout, paper.name), join(alone, paper.name), {
        recursive: true,
        filter: (src) => !src.endsWith('.txt') || src.endsWith(files[files.length - 1]!),
      });
    }
    const single = await articlesOf([alone]);
    expect(single.get(files[files.length - 1]!)).toEqual(all.get(files[files.length - 1]!));
  });

  it('is not changed by extracting another layout (other papers, other words) in between', async () => {
    const first = await articlesOf([join(devset, 'clean')]);
    await articlesOf([join(devset, 'markdown'), join(import.meta.dirname, '../../content')]);
    const again = await articlesOf([join(devset, 'clean')]);
    expect(again).toEqual(first);
  });
});
