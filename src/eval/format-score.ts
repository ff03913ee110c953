/**
 * The scorer's printed report, byte for byte as ../shared/tools/score-extraction prints it (Python's
 * json.dumps with ensure_ascii=False: floats always as floats, indent=1 unless --json), so the two can be
 * diffed and scripts that read one read the other.
 */
import { pyFloat, type ExtractionScore, type Miss, type ScoreResult } from './score-extraction.ts';

/** Keys whose numbers are counts (Python ints); every other number is a float. */
const INT_KEYS = new Set(['gold_articles', 'predicted_articles']);

/** json.dumps(value, ensure_ascii=False[, indent]) for the score's plain data. */
export function pythonJson(value: unknown, indent?: number, key = '', depth = 0): string {
  if (value === null || value === undefined) return 'null';
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (typeof value === 'number')
    return INT_KEYS.has(key) && Number.isInteger(value) ? String(value) : pyJsonFloat(value);
  if (typeof value === 'string') return JSON.stringify(value);
  const nl = indent === undefined ? '' : `\n${' '.repeat(indent * (depth + 1))}`;
  const end = indent === undefined ? '' : `\n${' '.repeat(indent * depth)}`;
  const sep = indent === undefined ? ', ' : ',';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[${value.map((v) => nl + pythonJson(v, indent, '', depth + 1)).join(sep)}${end}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  return (
    '{' +
    entries
      .map(([k, v]) => `${nl + JSON.stringify(k)}: ${pythonJson(v, indent, k, depth + 1)}`)
      .join(sep) +
    end +
    '}'
  );
}

function pyJsonFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  return pyFloat(x);
}

/** A miss as `--verbose` lists it: kind padded to 9 columns, then file and what. */
export function formatMiss(miss: Miss): string {
  return `  ${miss.kind.padEnd(9)} ${miss.file}: ${miss.what}`;
}

export interface ReportOptions {
  /** One line of compact JSON, nothing else (misses are not listed even with verbose). */
  json?: boolean;
  /** List every miss before the metrics. */
  verbose?: boolean;
}

/** The whole standard output of the scorer, ending in a newline. */
export function formatReport(result: ScoreResult, options: ReportOptions = {}): string {
  const m: ExtractionScore = result.metrics;
  if (options.json) return `${pythonJson(m)}\n`;
  const lines: string[] = [];
  if (options.verbose) lines.push(...result.misses.map(formatMiss));
  lines.push(pythonJson(m, 1));
  lines.push(
    `overall (worst of segmentation F1, title, byline F1, primary district): ${pyFloat(m.overall)}`,
  );
  return `${lines.join('\n')}\n`;
}
