/**
 * What `npm run bench` measured, kept per part (bench-data/bench-results.json) so that a part run alone
 * (`--only relevance`) replaces its own figures and keeps the others', and written out as the tables of
 * BENCHMARKS.md: every figure beside its peer from the same run, with the ratio and the mode (quick,
 * 10k, 100k) it comes from. Prose outside the generated block of BENCHMARKS.md is kept as written.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export interface Row {
  /** What is measured, and how. */
  what: string;
  /** baoku's figure. */
  value: string;
  /** The peer measured in the same run, with its name; '' when the figure has none. */
  peer?: string;
  /** baoku ÷ peer, or what the figure is held against (a target). */
  ratio?: string;
}

export interface PartResult {
  part: string;
  title: string;
  mode: string;
  date: string;
  /** How the part was run: corpus, sizes, repetitions. */
  how: string;
  rows: Row[];
}

export type Results = Record<string, PartResult>;

export const BEGIN =
  '<!-- bench:begin (written by npm run bench; edit the prose outside this block) -->';
export const END = '<!-- bench:end -->';

export function readResults(file: string): Results {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Results) : {};
}

export function writeResults(file: string, results: Results) {
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}

const cell = (s: string | undefined) => (s ?? '').replace(/\|/g, '\\|');

/** The generated block: one table per part, in `order`. */
export function resultsMarkdown(results: Results, order: string[], header: string): string {
  const parts = order.map((p) => results[p]).filter((r): r is PartResult => !!r);
  const tables = parts.map(
    (r) =>
      `### ${r.title}\n\n${r.how} Mode: **${r.mode}**, measured ${r.date}.\n\n| what | baoku | peer (same run) | ratio / target |\n| --- | --- | --- | --- |\n` +
      r.rows
        .map(
          (row) =>
            `| ${cell(row.what)} | ${cell(row.value)} | ${cell(row.peer)} | ${cell(row.ratio)} |`,
        )
        .join('\n'),
  );
  return `${BEGIN}\n${header}\n\n${tables.join('\n\n')}\n${END}`;
}

/** BENCHMARKS.md with its generated block replaced (or put after the title when there is none yet). */
export function replaceBlock(existing: string, block: string): string {
  const start = existing.indexOf(BEGIN);
  const end = existing.indexOf(END);
  if (start >= 0 && end > start)
    return existing.slice(0, start) + block + existing.slice(end + END.length);
  const title = existing.match(/^# .*\n/)?.[0] ?? '# Benchmarks\n';
  return `${title}\n${block}\n\n${existing.slice(title.length).trimStart()}`;
}

export const ratio = (a: number, b: number, digits = 2) =>
  b > 0 ? `${(a / b).toFixed(digits)}×` : '–';
export const pct = (x: number) => `${Math.round(x * 100)}%`;
export const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;
