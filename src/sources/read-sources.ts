/**
 * Finding input pages and what their place in the content folder says about them.
 *
 * Layout (see the README):
 *   content/papers.json                                  the papers: slug, name, homeDistrict, region
 *   content/<paper-slug>/<YYYY-MM-DD>/<page>.txt|.md      paper, issue date and page (3.txt, A03.md, p3.txt)
 *   content/<paper-slug>/<any name>.txt|.md               paper only; the date stays unknown
 *   <file>.meta.json                                     optional sidecar: {"date", "page", "paper"}
 *   front matter in .md files (--- date: … page: … ---)  same keys as the sidecar
 * The sidecar and front matter override the path. A file outside any paper folder has no paper and
 * no date: nothing is guessed.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { z } from 'zod';
import { InputFileError } from '../errors/index.ts';
import type { Message } from '../model/page.ts';
import { type Paper, PapersFile } from '../model/paper.ts';
import { normaliseDate, type IssueDate } from '../ingest/find-dates.ts';
import { decodeBytes } from '../ingest/decode.ts';
import type { PageSource } from '../ingest/extract-page.ts';

const PAGE_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.text']);

export const PageMeta = z
  .object({
    date: z.string().optional(),
    page: z.union([z.string(), z.number()]).optional(),
    paper: z.string().optional(),
  })
  .strict();
export type PageMeta = z.infer<typeof PageMeta>;

export interface Papers {
  file: string | null;
  papers: Paper[];
}

/** Every page file under the given files/folders, sorted, with the folder it was found from. */
export function listPageFiles(paths: string[]): { path: string; root: string }[] {
  const found: { path: string; root: string }[] = [];
  const walk = (dir: string, root: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full, root);
      else if (entry.isFile() && PAGE_EXTENSIONS.has(extname(entry.name).toLowerCase()))
        found.push({ path: full, root });
    }
  };
  for (const p of paths) {
    const abs = resolve(p);
    if (!existsSync(abs)) throw new InputFileError(p, null, 'no such file or folder');
    if (statSync(abs).isDirectory()) walk(abs, abs);
    else found.push({ path: abs, root: dirname(abs) });
  }
  return found;
}

/** The papers file for a folder: the nearest papers.json at or above it. */
export function findPapersFile(from: string): string | null {
  let dir = resolve(from);
  for (;;) {
    const candidate = join(dir, 'papers.json');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

export function loadPapers(file: string | null): Papers {
  if (!file) return { file: null, papers: [] };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new InputFileError(file, null, `not valid JSON (${(error as Error).message})`);
  }
  const parsed = PapersFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputFileError(file, null, `${issue.path.join('.')}: ${issue.message}`);
  }
  return { file, papers: parsed.data.papers };
}

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n/;

function parseFrontMatter(text: string): Record<string, string> | null {
  const m = FRONT_MATTER.exec(text);
  if (!m) return null;
  const out: Record<string, string> = {};
  for (const line of m[1]!.split(/\r?\n/)) {
    const kv = /^\s*([A-Za-z]+)\s*:\s*"?([^"]*?)"?\s*$/.exec(line);
    if (kv) out[kv[1]!] = kv[2]!;
  }
  return out;
}

/** How a file is named in records and messages: relative to the content folder, else to the working folder. */
export function displayPath(path: string, papers: Papers): string {
  const contentRoot = papers.file ? dirname(papers.file) : null;
  return contentRoot && path.startsWith(contentRoot + sep)
    ? relative(contentRoot, path)
    : relative(process.cwd(), path) || path;
}

/**
 * Read one page file once: hash its bytes, decode them (the encoding is detected before anything reads
 * the text, front matter included), and resolve its paper, date and page from path, sidecar and front
 * matter.
 */
export function readSource(path: string, papers: Papers): PageSource {
  const messages: Message[] = [];
  const contentRoot = papers.file ? dirname(papers.file) : null;
  const file = displayPath(path, papers);
  const bytes = readFileSync(path);
  const hash = createHash('sha256').update(bytes).digest('hex');
  let decoded = decodeBytes(bytes);
  const parts =
    contentRoot && path.startsWith(contentRoot + sep) ? relative(contentRoot, path).split(sep) : [];
  let paperSlug = parts.length >= 2 ? parts[0]! : '';
  let date: IssueDate | null = null;
  let page: string | null = null;
  if (parts.length >= 3) {
    const d = normaliseDate(parts[parts.length - 2]!);
    if (d) date = { ...d, source: 'path' };
  }
  const pageFromName = /^(?:p|page|第)?([A-Za-z]?\d{1,3})(?:版)?$/i.exec(
    basename(path, extname(path)),
  );
  // Zero padding is a file-naming habit, not part of the page: 03 → 3, A03 → A3.
  if (pageFromName) page = pageFromName[1]!.replace(/^([A-Za-z]?)0+(?=\d)/, '$1').toUpperCase();

  const meta: PageMeta = {};
  const sidecar = `${path.replace(/\.[^.]+$/, '')}.meta.json`;
  if (existsSync(sidecar)) {
    try {
      Object.assign(meta, PageMeta.parse(JSON.parse(readFileSync(sidecar, 'utf8'))));
    } catch (error) {
      messages.push({
        file: relative(process.cwd(), sidecar),
        line: 1,
        severity: 'error',
        message: `sidecar ignored: ${(error as Error).message.split('\n')[0]}`,
      });
    }
  }
  if (decoded.ok && /\.(md|markdown)$/i.test(path)) {
    const fm = parseFrontMatter(decoded.text);
    if (fm) {
      Object.assign(
        meta,
        Object.fromEntries(
          Object.entries(fm).filter(([k]) => ['date', 'page', 'paper'].includes(k)),
        ),
      );
      // Blank lines in its place, so that line numbers in messages still match the file.
      decoded = {
        ...decoded,
        text: decoded.text.replace(FRONT_MATTER, (m) => '\n'.repeat(m.split('\n').length - 1)),
      };
    }
  }
  if (meta.date !== undefined) {
    const d = normaliseDate(meta.date);
    if (d) date = { ...d, source: existsSync(sidecar) ? 'sidecar' : 'front-matter' };
    else
      messages.push({
        file,
        line: 1,
        severity: 'error',
        message: `date "${meta.date}" is not a real date (YYYY-MM-DD, YYYY-MM or YYYY); the date is left unknown`,
      });
  }
  if (meta.page !== undefined) page = String(meta.page);
  if (meta.paper !== undefined) paperSlug = meta.paper;
  let paper = papers.papers.find((p) => p.slug === paperSlug) ?? null;
  if (paperSlug && !paper && papers.file) {
    messages.push({
      file,
      line: 1,
      severity: 'warning',
      message: `paper "${paperSlug}" is not in ${relative(process.cwd(), papers.file)}; the page is kept without a paper`,
    });
    paper = null;
  }
  return { file, hash, decoded, paper, date, page, messages };
}
