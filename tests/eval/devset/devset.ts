/**
 * The committed dev set on disk: where its source and rendered layouts live, writing them, and checking
 * that what is committed is what the renderer makes of the source today.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { PapersFile } from '../../../src/model/paper.ts';
import { repoRoot } from '../shared.ts';
import {
  LAYOUTS,
  loadDevSource,
  renderDevset,
  type Layout,
  type RenderedLayout,
} from './render.ts';

export const devsetDir = join(repoRoot, 'tests/fixtures/devset');
export const layoutDir = (layout: Layout) => join(devsetDir, layout);

/** Whether today's papers.json schema (src/model/paper.ts) accepts a paper without a region. */
export function regionOptional(): boolean {
  return PapersFile.safeParse({ papers: [{ slug: 'national', name: 'national' }] }).success;
}

/** Load, validate and render the committed source; throws listing every problem. */
export function renderCommitted(dir = devsetDir): RenderedLayout[] {
  const { source, problems } = loadDevSource(dir);
  if (problems.length)
    throw new Error(
      `dev-set source has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`,
    );
  return renderDevset(source, { regionOptional: regionOptional() });
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full));
    }
  };
  walk(dir);
  return out;
}

/** Replace each layout folder with the rendered files. */
export function writeRendered(rendered: RenderedLayout[], dir = devsetDir): void {
  for (const r of rendered) {
    const root = join(dir, r.layout);
    rmSync(root, { recursive: true, force: true });
    for (const f of r.files) {
      mkdirSync(dirname(join(root, f.path)), { recursive: true });
      writeFileSync(join(root, f.path), f.content);
    }
  }
}

/** Differences between the rendered files and the committed layout folders: missing, changed, extra. */
export function staleFiles(rendered: RenderedLayout[], dir = devsetDir): string[] {
  const problems: string[] = [];
  for (const r of rendered) {
    const root = join(dir, r.layout);
    const wanted = new Map(r.files.map((f) => [f.path, f.content]));
    const present = new Set(listFiles(root));
    for (const [path, content] of wanted) {
      if (!present.has(path)) problems.push(`${r.layout}/${path}: missing`);
      else if (readFileSync(join(root, path), 'utf8') !== content)
        problems.push(`${r.layout}/${path}: differs`);
    }
    for (const path of present)
      if (!wanted.has(path)) problems.push(`${r.layout}/${path}: not rendered from any page`);
  }
  return problems;
}

export { LAYOUTS };
