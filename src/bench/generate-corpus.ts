import { createHash } from 'node:crypto';
import type { Article } from '../model/article.ts';

/**
 * `count` articles made by cycling through `base` with new ids and dates, for benchmarks and load tests
 * at sizes the real corpus does not reach. Each copy keeps the text (so analysis costs stay real) and
 * gets a distinct id and a date shifted by whole years, so date facets spread out.
 */
export function replicate(base: Article[], count: number): Article[] {
  if (base.length === 0) throw new Error('replicate: no articles to copy');
  const out: Article[] = [];
  for (let i = 0; i < count; i++) {
    const a = base[i % base.length]!;
    const round = Math.floor(i / base.length);
    const id =
      round === 0
        ? a.id
        : createHash('sha256').update(`${a.id}:${round}`).digest('hex').slice(0, 16);
    const date =
      a.date && round > 0 ? `${Number(a.date.slice(0, 4)) - round}${a.date.slice(4)}` : a.date;
    out.push({
      ...a,
      id,
      date:
        date === '2020-02-29' || date?.endsWith('-02-29') ? date.replace('-02-29', '-02-28') : date,
    });
  }
  return out;
}

/** Median and percentiles of a sample (nearest-rank). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export const median = (values: number[]) => percentile(values, 50);
