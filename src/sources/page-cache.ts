/**
 * The record of the last ingest's pages (data/pages.json): per input file its hash and what came of
 * it, so that a re-run extracts only files whose bytes (or the extractor) changed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { PageRecord } from '../model/page.ts';
import { writeAtomic } from '../system/files.ts';

/** The pages of the last run, by file; empty when there was none or another extractor version wrote it. */
export function readPageCache(file: string, version: string): Map<string, PageRecord> {
  const pages = new Map<string, PageRecord>();
  if (!existsSync(file)) return pages;
  const state = JSON.parse(readFileSync(file, 'utf8')) as { version: string; pages: unknown[] };
  if (state.version !== version) return pages;
  for (const raw of state.pages) {
    // A record this version cannot read is extracted again rather than trusted.
    const parsed = PageRecord.safeParse(raw);
    if (parsed.success) pages.set(parsed.data.file, parsed.data);
  }
  return pages;
}

export function writePageCache(file: string, version: string, pages: PageRecord[]) {
  writeAtomic(file, `${JSON.stringify({ version, pages })}\n`);
}
