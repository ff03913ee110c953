/**
 * npm run extract -- <files or folders>
 * Prints one JSON article a line on stdout; problems go to stderr as file:line: message.
 */
import { extractSources } from '../src/sources/extract-sources.ts';
import { failureText } from '../src/errors/index.ts';

const paths = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (paths.length === 0) {
  console.error('usage: npm run extract -- <files or folders>');
  process.exit(2);
}
try {
  const { pages } = await extractSources(paths);
  const out: string[] = [];
  for (const page of pages) {
    for (const m of page.messages)
      console.error(`${m.file}:${m.line}: ${m.severity}: ${m.message}`);
    for (const article of page.articles) out.push(JSON.stringify(article));
  }
  process.stdout.write(out.length ? `${out.join('\n')}\n` : '');
  const skipped = pages.filter((p) => p.status === 'skipped').length;
  console.error(
    `${pages.length} files, ${out.length} articles${skipped ? `, ${skipped} skipped` : ''}`,
  );
} catch (error) {
  console.error(`extract: ${failureText(error)}`);
  process.exit(1);
}
