import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CORRECTIONS_LOG } from '../config/index.ts';

/**
 * Everything a build depends on: the articles file, the corrections log beside it, the site's own
 * sources, and `settings`, the configuration the pages show (site URL, report URL) as text.
 */
export function buildStamp(root: string, articlesFile: string, settings = ''): string {
  const hash = createHash('sha256');
  hash.update(settings);
  const add = (path: string) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) add(join(path, entry));
    } else {
      hash.update(path);
      hash.update(readFileSync(path));
    }
  };
  for (const p of [
    articlesFile,
    join(dirname(articlesFile), CORRECTIONS_LOG),
    join(root, 'src'),
    join(root, 'public'),
    join(root, 'astro.config.mjs'),
    join(root, 'package-lock.json'),
  ])
    add(p);
  return hash.digest('hex');
}
