import type { Article } from '../model/article.ts';
import { CSV_BOM, csvHeader, csvRow } from './csv.ts';
import { gbt7714 } from './gbt7714.ts';
import { risRecord } from './ris.ts';

export const FORMATS = ['csv', 'jsonl', 'ris', 'gbt7714'] as const;
export type Format = (typeof FORMATS)[number];

export const FORMAT_INFO: Record<Format, { label: string; extension: string; mime: string }> = {
  csv: { label: 'CSV（Excel）', extension: 'csv', mime: 'text/csv;charset=utf-8' },
  jsonl: { label: 'JSON Lines', extension: 'jsonl', mime: 'application/x-ndjson;charset=utf-8' },
  ris: {
    label: 'RIS（Zotero / EndNote）',
    extension: 'ris',
    mime: 'application/x-research-info-systems;charset=utf-8',
  },
  gbt7714: { label: 'GB/T 7714 引文', extension: 'txt', mime: 'text/plain;charset=utf-8' },
};

/** What a file starts with before the first record. */
export function preamble(format: Format): string {
  return format === 'csv' ? CSV_BOM + csvHeader() : '';
}

/** One record in the format; the same code serves the site and the command line. */
export function formatRecord(format: Format, article: Article, baseUrl: string): string {
  switch (format) {
    case 'csv':
      return csvRow(article, baseUrl);
    case 'jsonl':
      return `${JSON.stringify(article)}\n`;
    case 'ris':
      return risRecord(article, baseUrl);
    case 'gbt7714':
      return `${gbt7714(article)}\n`;
  }
}

/** 报库_亚运_上城区_2026-11-24.csv (.zip for the research bundle) — only characters safe in any file system. */
export function exportFileName(parts: string[], format: Format | 'bundle', today: string): string {
  const clean = parts
    .map((p) =>
      p
        .replace(/[\u0000-\u001f<>:"/\\|?*\u007f]/g, '')
        .replace(/\s+/g, '-')
        .slice(0, 30),
    )
    .filter(Boolean);
  return `${['报库', ...clean, today].join('_').slice(0, 120)}.${format === 'bundle' ? 'zip' : FORMAT_INFO[format].extension}`;
}
