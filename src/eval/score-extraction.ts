/**
 * Article-extraction scorer: the same metrics, matching rules and normalisation as the reference
 * scorer ../shared/tools/score-extraction (Python), as a pure function over parsed data.
 *
 * Matching, per gold article (in gold order): the candidates are the predicted articles of the same file
 * (base name) whose body contains the gold `first` snippet; the first candidate whose body also contains
 * `last` and no other gold article's `first` of that file is the match (segmentation hit). Without such
 * a candidate it is a segmentation miss, and titles, bylines and districts are scored against the first
 * candidate (or nothing). A predicted article may match several gold articles; predicted articles of
 * files without gold are not counted.
 *
 * Texts are compared after NFKC, removal of whitespace and folding of quotes; titles (kicker + headline +
 * subheadline joined) after NFKC and removal of everything but letters and digits. Both use Python's
 * character classes (`\s`, `\w`), so results agree with the Python scorer for every character that both
 * Unicode versions know (Python 3.11: Unicode 14; Node 24: newer — characters assigned since differ).
 */
import type { GoldRecord, PredictedArticle } from './gold.ts';

export interface ExtractionScore {
  gold_articles: number;
  predicted_articles: number;
  segmentation: { precision: number; recall: number; f1: number };
  /** Share of gold articles with titles whose matched prediction has the same titles; null when no gold article has titles. */
  title_accuracy: number | null;
  byline: { precision: number; recall: number; f1: number; role_accuracy: number | null };
  district: { primary_accuracy: number | null; precision: number; recall: number; f1: number };
  /** The worst of segmentation F1, title accuracy, byline F1 and primary-district accuracy (null ones skipped). */
  overall: number;
}

export type MissKind = 'segment' | 'title' | 'role' | 'byline+' | 'byline-' | 'district';

/** One thing the prediction got wrong, as `--verbose` lists it. */
export interface Miss {
  kind: MissKind;
  file: string;
  what: string;
}

export interface ScoreResult {
  metrics: ExtractionScore;
  misses: Miss[];
}

// Python's `\s` for str patterns (str.isspace): JavaScript's `\s` differs (it has U+FEFF, lacks U+001C–U+001F, U+0085).
const PY_SPACE =
  /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/gu;
// Python's `[\W_]`: everything but letters and numbers (str.isalnum).
const PY_NON_WORD = /[^\p{L}\p{N}]+/gu;
const QUOTES = /[“”"‘’'「」『』]/gu;

/** NFKC, whitespace removed, quotes folded to `"`: how bodies and snippets are compared. */
export function normText(s: string | null | undefined): string {
  return (s ?? '').normalize('NFKC').replace(PY_SPACE, '').replace(QUOTES, '"');
}

/** NFKC, only letters and digits kept: how titles are compared. */
export function normTitle(s: string | null | undefined): string {
  return (s ?? '').normalize('NFKC').replace(PY_NON_WORD, '');
}

/** Python's round(x, 4): half-to-even on the exact binary value, not on x * 10000. */
export function round4(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const negative = x < 0;
  const { mantissa, exponent } = decompose(Math.abs(x));
  // |x| * 10^4 = mantissa * 10^4 * 2^exponent, rounded half-to-even to an integer q.
  let q: bigint;
  const scaled = mantissa * 10_000n;
  if (exponent >= 0) q = scaled << BigInt(exponent);
  else {
    const den = 1n << BigInt(-exponent);
    q = scaled / den;
    const twice = 2n * (scaled - q * den);
    if (twice > den || (twice === den && q % 2n === 1n)) q += 1n;
  }
  const value = Number(q) / 10_000;
  return negative ? -value : value;
}

/** x = mantissa * 2^exponent exactly, for a finite positive double. */
function decompose(x: number): { mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  return biased === 0
    ? { mantissa: fraction, exponent: -1074 }
    : { mantissa: fraction | (1n << 52n), exponent: biased - 1075 };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The first of the dotted keys that is present and not null (the Python scorer's get()). */
function get(d: unknown, ...keys: string[]): unknown {
  for (const key of keys) {
    let cur: unknown = d;
    for (const part of key.split('.')) cur = isObject(cur) ? cur[part] : undefined;
    if (cur !== undefined && cur !== null) return cur;
  }
  return null;
}

/** Python truthiness of a JSON value. */
function truthy(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (isObject(v)) return Object.keys(v).length > 0;
  return true;
}

/** Python's repr() of a JSON value (how the Python scorer prints a list of districts). */
export function pyRepr(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : pyFloat(v);
  if (typeof v === 'string') {
    const quote = v.includes("'") && !v.includes('"') ? '"' : "'";
    let out = '';
    for (const ch of v) {
      const c = ch.codePointAt(0)!;
      if (ch === '\\' || ch === quote) out += `\\${ch}`;
      else if (ch === '\n') out += '\\n';
      else if (ch === '\r') out += '\\r';
      else if (ch === '\t') out += '\\t';
      else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
      else out += ch;
    }
    return quote + out + quote;
  }
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  if (isObject(v))
    return (
      '{' +
      Object.entries(v)
        .map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`)
        .join(', ') +
      '}'
    );
  return String(v);
}

/** Python's str(): strings as they are, everything else as repr(). */
export function pyStr(v: unknown): string {
  return typeof v === 'string' ? v : pyRepr(v);
}

/** Python's repr() of a float: shortest round-trip digits, always with a point or an exponent. */
export function pyFloat(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(x);
  if (abs >= 1e16 || abs < 1e-4) {
    const [digits, exp] = x.toExponential().split('e') as [string, string];
    const e = Number(exp);
    return `${digits}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  const s = String(x);
  return s.includes('.') ? s : `${s}.0`;
}

/** A text value of a prediction field: the Python scorer's `get(p, k) or ''`. */
function textOf(v: unknown): string {
  if (!truthy(v)) return '';
  return typeof v === 'string' ? v : pyStr(v);
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function ratio(tp: number, fp: number, fn: number): [number, number, number] {
  const p = tp + fp ? tp / (tp + fp) : 1.0;
  const r = tp + fn ? tp / (tp + fn) : 1.0;
  return [p, r, p + r ? (2 * p * r) / (p + r) : 0.0];
}

interface Prepared {
  article: PredictedArticle;
  body: string;
  title: string;
}

const TITLE_FIELDS = ['kicker', 'headline', 'subheadline'] as const;

/** Score predicted articles against gold labels. Pure: the same inputs always give the same result. */
export function scoreExtraction(
  gold: readonly GoldRecord[],
  predicted: readonly PredictedArticle[],
): ScoreResult {
  if (gold.length === 0) throw new Error('no gold articles to score against');
  const byFile = new Map<string, Prepared[]>();
  for (const p of predicted) {
    const fileField = get(p, 'file', 'source.file', 'sourceFile', 'source');
    const file = baseName(truthy(fileField) ? pyStr(fileField) : '');
    let body = get(p, 'body', 'text');
    if (!truthy(body)) body = '';
    if (Array.isArray(body)) body = body.map(pyStr).join('\n');
    const prepared: Prepared = {
      article: p,
      body: normText(typeof body === 'string' ? body : pyStr(body)),
      title: normTitle(TITLE_FIELDS.map((k) => textOf(get(p, k))).join('')),
    };
    const list = byFile.get(file);
    if (list) list.push(prepared);
    else byFile.set(file, [prepared]);
  }
  const goldFiles = new Set(gold.map((g) => g.file));
  const firsts = new Map<string, string[]>();
  for (const g of gold) {
    const list = firsts.get(g.file) ?? [];
    list.push(normText(g.first));
    firsts.set(g.file, list);
  }

  let segOk = 0;
  let titleOk = 0;
  let titled = 0;
  let bTp = 0;
  let bFp = 0;
  let bFn = 0;
  let roleOk = 0;
  let roleN = 0;
  let dTp = 0;
  let dFp = 0;
  let dFn = 0;
  let primOk = 0;
  let primN = 0;
  const misses: Miss[] = [];
  for (const g of gold) {
    const first = normText(g.first);
    const last = normText(g.last);
    const cands = (byFile.get(g.file) ?? []).filter((p) => p.body.includes(first));
    const others = (firsts.get(g.file) ?? []).filter((f) => f !== first);
    let match: Prepared | null =
      cands.find((p) => p.body.includes(last) && !others.some((o) => p.body.includes(o))) ?? null;
    if (match === null) {
      misses.push({
        kind: 'segment',
        file: g.file,
        what: (g.titles.length ? g.titles : [g.first]).at(-1)!,
      });
      if (cands.length) match = cands[0]!;
    } else segOk += 1;

    if (g.titles.length) {
      titled += 1;
      if (match !== null && match.title === normTitle(g.titles.join(''))) titleOk += 1;
      else {
        const printed = match
          ? TITLE_FIELDS.map((k) => textOf(get(match!.article, k))).join('')
          : '-';
        misses.push({ kind: 'title', file: g.file, what: `${g.titles.join('')} <> ${printed}` });
      }
    }

    // Later entries of the same name win, and keep the first one's place (a Python dict).
    const gb = new Map<string, string>(g.bylines.map((b) => [b.name, b.role]));
    const okNames = new Set(g.bylines_ok ?? []);
    const pb = new Map<unknown, unknown>();
    const predictedBylines = match ? get(match.article, 'bylines') : null;
    for (const raw of truthy(predictedBylines) && Array.isArray(predictedBylines)
      ? predictedBylines
      : []) {
      const b: unknown = typeof raw === 'string' ? { name: raw, role: '作者' } : raw;
      pb.set(isObject(b) ? (b.name ?? null) : null, isObject(b) ? (b.role ?? null) : null);
    }
    for (const [n, r] of pb) {
      if (typeof n === 'string' && gb.has(n)) {
        bTp += 1;
        roleN += 1;
        const goldRole = gb.get(n)!;
        if (goldRole === '作者' || goldRole === r) roleOk += 1;
        else
          misses.push({
            kind: 'role',
            file: g.file,
            what: `${pyStr(n)}: ${pyStr(r)} != ${goldRole}`,
          });
      } else if (!(typeof n === 'string' && okNames.has(n))) {
        bFp += 1;
        misses.push({ kind: 'byline+', file: g.file, what: pyStr(n) });
      }
    }
    for (const n of gb.keys()) {
      if (!pb.has(n)) {
        bFn += 1;
        misses.push({ kind: 'byline-', file: g.file, what: n });
      }
    }

    const gd = g.districts;
    const okd = new Set([...gd, ...(g.districts_ok ?? [])]);
    const rawDistricts = match ? get(match.article, 'districts') : null;
    const pd = (truthy(rawDistricts) && Array.isArray(rawDistricts) ? rawDistricts : []).map(
      (d: unknown) => (typeof d === 'string' ? d : isObject(d) && truthy(d.name) ? d.name : ''),
    );
    dTp += pd.filter((d) => typeof d === 'string' && gd.includes(d)).length;
    dFp += pd.filter((d) => !(typeof d === 'string' && okd.has(d))).length;
    dFn += gd.filter((d) => !pd.includes(d)).length;
    if (gd.length) {
      primN += 1;
      if (pd.length && pd[0] === gd[0]) primOk += 1;
      else
        misses.push({
          kind: 'district',
          file: g.file,
          what: `${pyRepr(pd.slice(0, 3))} != ${gd[0]}`,
        });
    }
  }

  let nPred = 0;
  for (const f of goldFiles) nPred += byFile.get(f)?.length ?? 0;
  const segP = nPred ? segOk / nPred : 0.0;
  const segR = segOk / gold.length;
  const segF = segP + segR ? (2 * segP * segR) / (segP + segR) : 0.0;
  const [bp, br, bf] = ratio(bTp, bFp, bFn);
  const [dp, dr, df] = ratio(dTp, dFp, dFn);
  const metrics: ExtractionScore = {
    gold_articles: gold.length,
    predicted_articles: nPred,
    segmentation: { precision: round4(segP), recall: round4(segR), f1: round4(segF) },
    title_accuracy: titled ? round4(titleOk / titled) : null,
    byline: {
      precision: round4(bp),
      recall: round4(br),
      f1: round4(bf),
      role_accuracy: roleN ? round4(roleOk / roleN) : null,
    },
    district: {
      primary_accuracy: primN ? round4(primOk / primN) : null,
      precision: round4(dp),
      recall: round4(dr),
      f1: round4(df),
    },
    overall: 0,
  };
  // As in the Python scorer: byline F1 enters unrounded, the minimum is rounded.
  const scores = [
    metrics.segmentation.f1,
    metrics.title_accuracy,
    bf,
    metrics.district.primary_accuracy,
  ];
  metrics.overall = round4(Math.min(...scores.filter((s): s is number => s !== null)));
  return { metrics, misses };
}
