import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Everything a build depends on: the articles file and the site's own sources. */
export function buildStamp(root: string, articlesFile: string): string {
  const hash = createHash('sha256');
  const add = (path: string) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) add(join(path, entry));
    } else {
      hash.update(path);
      hash.update(readFileSync(path));
    }
  };
  for (const p of [articlesFile, join(root, 'src'), join(root, 'public'), join(root, 'astro.config.mjs'), join(root, 'package-lock.json')]) add(p);
  return hash.digest('hex');
}
