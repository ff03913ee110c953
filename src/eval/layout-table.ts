/**
 * A per-layout score table: one row per layout of a labelled set (dev set, corpus-derived, corpus), the
 * scorer's metrics side by side, for a terminal or a test log.
 */
import type { ExtractionScore } from './score-extraction.ts';

export interface LayoutRow {
  /** dev set, derived, corpus … */
  set: string;
  layout: string;
  pages: number;
  metrics: ExtractionScore;
  /** False when the gold does not label districts ([] means unknown): the district column reads n/a. */
  districtsLabelled: boolean;
  /** Extraction time, when measured. */
  seconds?: number;
}

const COLUMNS = [
  'set',
  'layout',
  'pages',
  'gold',
  'pred',
  'seg P',
  'seg R',
  'seg F1',
  'titles',
  'byl F1',
  'roles',
  'district',
  'overall',
  'time',
] as const;

const num = (x: number | null | undefined) =>
  x === null || x === undefined ? 'n/a' : x.toFixed(3);

function cellsOf(row: LayoutRow): string[] {
  const m = row.metrics;
  return [
    row.set,
    row.layout,
    String(row.pages),
    String(m.gold_articles),
    String(m.predicted_articles),
    num(m.segmentation.precision),
    num(m.segmentation.recall),
    num(m.segmentation.f1),
    num(m.title_accuracy),
    num(m.byline.f1),
    num(m.byline.role_accuracy),
    row.districtsLabelled ? num(m.district.primary_accuracy) : 'n/a',
    num(m.overall),
    row.seconds === undefined ? '' : `${row.seconds.toFixed(1)}s`,
  ];
}

/**
 * The table as aligned text: text columns left, numbers right, then a legend. `overall` is the scorer's:
 * the worst of segmentation F1, titles, byline F1 and primary district (left out where unlabelled).
 */
export function formatLayoutTable(rows: LayoutRow[]): string {
  const body = rows.map(cellsOf);
  const widths = COLUMNS.map((c, i) => Math.max(c.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [
    line(COLUMNS),
    line(widths.map((w) => '-'.repeat(w))),
    ...body.map(line),
    '',
    'seg = segmentation (an article counts when its first and last snippets are in one predicted body with no other',
    "article's first); titles = kicker+headline+subheadline exact; byl F1 = byline names, roles = role accuracy;",
    'district = primary district (n/a: unlabelled); overall = worst of seg F1, titles, byl F1, district.',
  ].join('\n');
}
