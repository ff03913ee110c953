import type { Article } from '../model/article.ts';
import { articlePath } from '../model/article-path.ts';

export const CSV_BOM = '\uFEFF';
export const CSV_COLUMNS = [
  'id',
  'date',
  'paper',
  'page',
  'kicker',
  'headline',
  'subheadline',
  'bylines',
  'contributors',
  'districts',
  'streets',
  'keywords',
  'url',
  'body',
] as const;

/**
 * A cell that a spreadsheet would run as a formula (= + - @, or a leading tab/CR) gets a leading
 * apostrophe, as OWASP recommends for CSV injection.
 */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180: quote when needed, double the quotes. */
export function csvCell(value: string): string {
  const safe = neutralise(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvHeader(): string {
  return `${CSV_COLUMNS.join(',')}\r\n`;
}

/** One article as a CSV row (CRLF line end); `baseUrl` makes the article link absolute. */
export function csvRow(a: Article, baseUrl: string): string {
  const cells = [
    a.id,
    a.date ?? '',
    a.paperName || a.paper,
    a.page ?? '',
    a.kicker,
    a.headline,
    a.subheadline,
    a.bylines.map((b) => `${b.name}(${b.role})`).join('; '),
    a.contributors.map((b) => `${b.name}(${b.role})`).join('; '),
    a.districts.join('; '),
    a.streets.map((s) => s.name).join('; '),
    a.keywords.join('; '),
    `${baseUrl.replace(/\/$/, '')}${articlePath(a.id)}`,
    a.body,
  ];
  return `${cells.map(csvCell).join(',')}\r\n`;
}
