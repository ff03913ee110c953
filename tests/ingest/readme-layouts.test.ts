import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageLines } from '../../src/ingest/page-lines.ts';
import { splitArticles } from '../../src/ingest/split-articles.ts';
import { segmenter } from '../helpers/segmenter.ts';

// The README shows a ten-line example of every layout baoku reads: each must read as the two articles
// it shows, titled, or the README promises what the code does not do.
const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
const section = readme.slice(
  readme.indexOf('**The layouts baoku reads.**'),
  readme.indexOf('In all of them: bylines'),
);
const examples = [...section.matchAll(/\n\*([^*\n]+)\* —[\s\S]*?```\n([\s\S]*?)```/g)].map((m) => ({
  layout: m[1]!,
  text: m[2]!.replaceAll('□', '\u3000'),
}));

describe('the README’s layout examples', () => {
  it('shows five layouts', () => {
    expect(examples.map((e) => e.layout)).toHaveLength(5);
  });

  it.each(examples)('$layout: reads as the two titled articles it shows', ({ text }) => {
    const { articles } = splitArticles(pageLines(text), segmenter);
    expect(articles).toHaveLength(2);
    for (const a of articles) expect(a.titles.length).toBeGreaterThan(0);
  });
});
