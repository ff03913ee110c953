import type { DatePrecision, DateSource } from '../model/article.ts';

export interface IssueDate {
  date: string | null;
  precision: DatePrecision;
  source: DateSource;
}

export const UNKNOWN_DATE: IssueDate = { date: null, precision: 'unknown', source: 'unknown' };

const pad = (n: string) => n.padStart(2, '0');

/** A calendar date written as YYYY-MM-DD, YYYY-MM or YYYY; null when it is not a real date. */
export function normaliseDate(value: string): { date: string; precision: DatePrecision } | null {
  const m = /^(\d{4})(?:[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?)?月?)?$/.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d] = m;
  const year = Number(y);
  if (year < 1800 || year > 2200) return null;
  if (!mo) return { date: y!, precision: 'year' };
  const month = Number(mo);
  if (month < 1 || month > 12) return null;
  if (!d) return { date: `${y}-${pad(mo)}`, precision: 'month' };
  const day = Number(d);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return { date: `${y}-${pad(mo)}-${pad(d)}`, precision: 'day' };
}

// A masthead or folio line: "2021年5月24日 星期一", "2023-08-15 第3版". Only such lines date an
// issue; a date inside an article is the date of an event, which may be years before printing.
const FOLIO =
  /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(星期[一二三四五六日天]|周[一二三四五六日天])(.{0,20})$|^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*(星期[一二三四五六日天]|第\s*\d+\s*版)/;

/**
 * The issue date: metadata (path, sidecar, front matter) when known; otherwise a masthead/folio line
 * in the first or last lines of the page; otherwise unknown. Never guessed from event dates.
 */
export function findDate(pageText: string, known: IssueDate | null): IssueDate {
  if (known?.date) return known;
  const lines = pageText
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const edges = [...lines.slice(0, 5), ...lines.slice(-5)];
  for (const line of edges) {
    const m = FOLIO.exec(line);
    if (!m) continue;
    const parts = m[1] ? [m[1], m[2]!, m[3]!] : [m[6]!, m[7]!, m[8]!];
    const date = normaliseDate(`${parts[0]}-${parts[1]}-${parts[2]}`);
    if (date) return { ...date, source: 'text' };
  }
  return UNKNOWN_DATE;
}
