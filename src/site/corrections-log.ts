/** The corrections log as the site lists it: newest first, a page at a time, and where each article's entry is. */
import type { LogEntry } from '../corrections/schema.ts';

export const CORRECTIONS_PER_PAGE = 200;

/** Newest first; corrections of one day in the order of the file. */
export function logOrder(entries: LogEntry[]): LogEntry[] {
  return [...entries].sort((a, b) => b.date.localeCompare(a.date) || a.line - b.line);
}

/** The log page holding an article's newest correction, with the anchor of that entry. */
export function correctionHref(ordered: LogEntry[], id: string): string {
  const index = ordered.findIndex((e) => e.id === id);
  const page = Math.floor(Math.max(0, index) / CORRECTIONS_PER_PAGE) + 1;
  return `/corrections/${page > 1 ? `${page}/` : ''}#a-${id}`;
}
