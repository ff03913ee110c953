/**
 * The corrections stage: after extraction, on every ingest, the editors' corrections are applied to the
 * articles in the order they were written. Pure: articles and corrections in, corrected articles and a
 * log out. A correction finds its article by id or, when the id has changed, by page file, headline and
 * first words; one that finds none is logged as unmatched (and the ingest report says so), never dropped.
 */
import { articleId } from '../ingest/extract-page.ts';
import type { Article, DatePrecision } from '../model/article.ts';
import {
  type Anchor,
  type CorrectionsLog,
  EDITABLE,
  type EditableFields,
  type LogEntry,
  type PlacedCorrection,
  type Tombstone,
} from './schema.ts';

/** How far into the body the first words of an anchor may be found (extraction may move a line or two). */
export const REATTACH_DEFAULTS = { startWithin: 300 } as const;

const squeeze = (text: string) => text.replace(/\s+/g, '');

/** The first words of a body as an anchor keeps them. */
export function bodyStart(body: string, length = 20): string {
  return squeeze(body).slice(0, length);
}

/** The anchor of an article as it is now: what a correction written today names it by. */
export function anchorOf(a: Article): Anchor {
  return { id: a.id, file: a.file, headline: a.headline, start: bodyStart(a.body) };
}

type Found = { index: number; how: 'id' | 'reattached' } | { index: -1; problem: string };

/** The article an anchor names: by id, else by file + headline + first words (one candidate only). */
export function findArticle(
  articles: Article[],
  anchor: Anchor,
  gone: Map<string, Tombstone>,
): Found {
  const byId = articles.findIndex((a) => a.id === anchor.id);
  if (byId >= 0) return { index: byId, how: 'id' };
  const start = squeeze(anchor.start);
  const startMatches = (a: Article) =>
    squeeze(a.body)
      .slice(0, REATTACH_DEFAULTS.startWithin + start.length)
      .includes(start);
  const headlineMatches = (a: Article) => anchor.headline !== '' && a.headline === anchor.headline;
  const score = (a: Article) =>
    (a.file === anchor.file ? 1 : 0) + (headlineMatches(a) ? 2 : 0) + (startMatches(a) ? 2 : 0);
  // Same file and one of headline or first words; or, for a file renamed since, both.
  const candidates = articles
    .map((a, index) => ({ index, score: score(a) }))
    .filter((c) => c.score >= 3);
  const best = Math.max(0, ...candidates.map((c) => c.score));
  const top = candidates.filter((c) => c.score === best);
  if (top.length === 1) return { index: top[0]!.index, how: 'reattached' };
  const tomb = gone.get(anchor.id);
  if (tomb)
    return {
      index: -1,
      problem:
        tomb.kind === 'withdrawn'
          ? `article ${anchor.id} was withdrawn by an earlier correction`
          : `article ${anchor.id} was merged into ${tomb.into} by an earlier correction`,
    };
  if (top.length > 1)
    return {
      index: -1,
      problem: `${top.length} articles in ${anchor.file} match its headline and first words; give the id of one`,
    };
  return {
    index: -1,
    problem: `no article has id ${anchor.id}, and none in ${anchor.file} has the headline 「${anchor.headline}」 or starts 「${anchor.start}」`,
  };
}

const precisionOf = (date: string | null): DatePrecision =>
  date === null ? 'unknown' : date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year';

/** A field's value as the log shows it. */
function shown(field: keyof EditableFields, a: Article): string {
  switch (field) {
    case 'bylines':
      return a.bylines.map((b) => `${b.role} ${b.name}`).join('、');
    case 'contributors':
      return a.contributors.map((b) => `${b.role} ${b.name}`).join('、');
    case 'districts':
      return a.districts.join('、');
    case 'streets':
      return a.streets.map((s) => `${s.district} ${s.name}`).join('、');
    case 'date':
      return a.date ?? '';
    default:
      return a[field];
  }
}

/** The article with the fields set; streets of districts no longer listed go with them. */
export function withFields(a: Article, set: EditableFields): Article {
  const out: Article = { ...a, ...set } as Article;
  if (set.date !== undefined) {
    out.datePrecision = precisionOf(set.date);
    out.dateSource = set.date === null ? 'unknown' : 'correction';
  }
  if (set.districts && !set.streets)
    out.streets = a.streets.filter((s) => set.districts!.includes(s.district));
  return out;
}

function changesOf(
  before: Article,
  after: Article,
  fields: (keyof EditableFields)[],
): LogEntry['changes'] {
  return fields
    .map((field) => ({ field, before: shown(field, before), after: shown(field, after) }))
    .filter(
      (c) =>
        c.before !== c.after ||
        (c.field === 'date' && before.datePrecision !== after.datePrecision),
    );
}

const unique = <T>(items: T[], key: (t: T) => string = String) => [
  ...new Map(items.map((t) => [key(t), t])).values(),
];

/** Articles cut from one, put back together: bodies in order, titles from the first, the rest joined. */
export function mergeArticles(first: Article, rest: Article[]): Article {
  const all = [first, ...rest];
  return {
    ...first,
    body: all
      .map((a) => a.body)
      .filter(Boolean)
      .join('\n\n'),
    subheads: all.flatMap((a) => a.subheads),
    tables: all.flatMap((a) => a.tables),
    captions: all.flatMap((a) => a.captions),
    bylines: unique(
      all.flatMap((a) => a.bylines),
      (b) => `${b.role}|${b.name}`,
    ),
    // A name among the merged article's bylines is not also a contributor of one of its parts.
    contributors: unique(
      all.flatMap((a) => a.contributors),
      (b) => `${b.role}|${b.name}`,
    ).filter((c) => !all.some((a) => a.bylines.some((b) => b.name === c.name))),
    districts: unique(all.flatMap((a) => a.districts)),
    districtAliases: unique(all.flatMap((a) => a.districtAliases)),
    streets: unique(
      all.flatMap((a) => a.streets),
      (s) => `${s.district}|${s.name}`,
    ),
    keywords: unique(all.flatMap((a) => a.keywords)),
  };
}

/** One article split before `at`: null when `at` is not in the body exactly once (and not at its start). */
export function splitArticle(
  a: Article,
  at: string,
  taken: Set<string>,
): [Article, Article] | null {
  const index = a.body.indexOf(at);
  if (index <= 0 || a.body.indexOf(at, index + 1) >= 0) return null;
  const firstBody = a.body.slice(0, index).trim();
  const secondBody = a.body.slice(index).trim();
  let id = articleId(a.paper, a.file, secondBody);
  for (let n = 2; taken.has(id); n++) id = `${articleId(a.paper, a.file, secondBody)}-${n}`;
  const inBody = (body: string) => (s: string) => body.includes(s);
  // A contributor's byline line stays in the body: the part that holds it keeps the name.
  const creditedIn = (body: string) => (b: { name: string }) =>
    body.replace(/\s/g, '').includes(b.name);
  const first: Article = {
    ...a,
    body: firstBody,
    contributors: a.contributors.filter(creditedIn(firstBody)),
    subheads: a.subheads.filter(inBody(firstBody)),
    captions: a.captions.filter(inBody(firstBody)),
  };
  const second: Article = {
    ...a,
    id,
    kicker: '',
    headline: '',
    subheadline: '',
    section: a.section,
    body: secondBody,
    subheads: a.subheads.filter(inBody(secondBody)),
    captions: a.captions.filter(inBody(secondBody)),
    tables: [],
    bylines: [],
    contributors: a.contributors.filter(creditedIn(secondBody)),
    source: null,
  };
  return [first, second];
}

export interface CorrectionsResult {
  articles: Article[];
  log: CorrectionsLog;
}

/** Apply every correction, in order, each to the articles as the ones before it left them. */
export function applyCorrections(
  extracted: Article[],
  corrections: PlacedCorrection[],
): CorrectionsResult {
  let articles = [...extracted];
  const entries: LogEntry[] = [];
  const gone = new Map<string, Tombstone>();
  for (const c of corrections) {
    const entry: LogEntry = {
      source: c.source,
      line: c.lineNo,
      action: c.action,
      date: c.date,
      reason: c.reason,
      by: c.by ?? null,
      status: 'unmatched',
      id: c.id,
      anchorId: c.id,
      title: c.action === 'withdraw' ? '' : c.headline,
      changes: [],
      related: [],
      problem: null,
    };
    entries.push(entry);
    const found = findArticle(articles, c, gone);
    if ('problem' in found) {
      entry.problem = found.problem;
      continue;
    }
    const target = articles[found.index]!;
    entry.id = target.id;
    entry.status = found.how === 'id' ? 'applied' : 'reattached';
    const titleOf = (a: Article) => a.headline || a.kicker || bodyStart(a.body);
    if (c.action !== 'withdraw') entry.title = titleOf(target);
    switch (c.action) {
      case 'edit': {
        const after = withFields(target, c.set);
        entry.changes = changesOf(target, after, Object.keys(c.set) as (keyof EditableFields)[]);
        if (entry.changes.length === 0) entry.status = 'unchanged';
        articles[found.index] = after;
        entry.title = titleOf(after);
        break;
      }
      case 'withdraw': {
        articles = articles.filter((_, i) => i !== found.index);
        gone.set(target.id, {
          id: target.id,
          kind: 'withdrawn',
          date: c.date,
          reason: c.reason,
          into: null,
        });
        break;
      }
      case 'merge': {
        const others = c.with.map((anchor) => findArticle(articles, anchor, gone));
        const missing = others.findIndex((o) => o.index < 0 || o.index === found.index);
        if (missing >= 0) {
          const o = others[missing]!;
          entry.status = 'unmatched';
          entry.problem = `cannot merge ${c.with[missing]!.id}: ${'problem' in o ? o.problem : 'it is the article itself'}`;
          break;
        }
        const rest = others.map((o) => articles[o.index]!);
        articles[found.index] = mergeArticles(target, rest);
        const drop = new Set(others.map((o) => o.index));
        articles = articles.filter((_, i) => !drop.has(i));
        for (const r of rest)
          gone.set(r.id, {
            id: r.id,
            kind: 'merged',
            date: c.date,
            reason: c.reason,
            into: target.id,
          });
        entry.related = rest.map((r) => r.id);
        entry.changes = [{ field: 'body', before: `${1 + rest.length} 篇`, after: '1 篇' }];
        break;
      }
      case 'split': {
        const parts = splitArticle(target, c.at, new Set(articles.map((a) => a.id)));
        if (!parts) {
          entry.status = 'unmatched';
          entry.problem = `「${c.at}」 is not in the body of ${target.id} exactly once (after its start)`;
          break;
        }
        const [first, second] = parts;
        const corrected = c.set ? withFields(second, c.set) : second;
        articles.splice(found.index, 1, first, corrected);
        entry.related = [corrected.id];
        entry.changes = [
          { field: 'body', before: '1 篇', after: '2 篇' },
          ...(c.set
            ? changesOf(second, corrected, Object.keys(c.set) as (keyof EditableFields)[])
            : []),
        ];
        break;
      }
    }
  }
  // A tombstone whose id a later split or merge gave to an article again is not a tombstone.
  const live = new Set(articles.map((a) => a.id));
  return {
    articles,
    log: { entries, tombstones: [...gone.values()].filter((t) => !live.has(t.id)) },
  };
}

/** The fields a prefilled correction offers, as the article has them now (see correctionTemplate). */
export function currentFields(a: Article): Required<EditableFields> {
  return Object.fromEntries(EDITABLE.map((f) => [f, a[f]])) as Required<EditableFields>;
}
