/**
 * Corrections as editors write them: content/corrections.jsonl, one JSON object a line, reviewed like
 * any other file of the content folder. Each names its article by id and, so that it finds the article
 * again when better extraction changes ids, by the page file, the headline and the first words of the
 * body as they were when the correction was written.
 */
import { z } from 'zod';
import { ArticleKind, Byline, Street } from '../model/article.ts';

export const CORRECTIONS_FILE = 'corrections.jsonl';

/** How a correction finds its article: the id, and what re-attaches it when the id has changed. */
export const Anchor = z
  .object({
    /** The article's id when the correction was written. */
    id: z.string().regex(/^[a-z0-9-]+$/, 'an article id: lower-case letters, digits and "-"'),
    /** Its page file, relative to the content folder (the `file` of the article). */
    file: z.string().min(1),
    /** Its headline as extracted then ('' when it had none). */
    headline: z.string(),
    /** The first words of its body (a dozen characters or more). */
    start: z.string().min(4, 'the first words of the body, at least 4 characters'),
  })
  .strict();
export type Anchor = z.infer<typeof Anchor>;

/** The fields an editor may correct, each replaced whole. */
export const EditableFields = z
  .object({
    kicker: z.string(),
    headline: z.string(),
    subheadline: z.string(),
    bylines: z.array(Byline),
    contributors: z.array(Byline),
    districts: z.array(z.string().min(1)),
    streets: z.array(Street),
    /** YYYY-MM-DD, YYYY-MM or YYYY; null when the date is unknown. */
    date: z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'YYYY-MM-DD, YYYY-MM or YYYY')
      .nullable(),
    kind: ArticleKind,
  })
  .partial()
  .strict();
export type EditableFields = z.infer<typeof EditableFields>;
export const EDITABLE = Object.keys(EditableFields.shape) as (keyof EditableFields)[];

const common = {
  ...Anchor.shape,
  /** When the correction was decided, YYYY-MM-DD. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'the day of the correction, YYYY-MM-DD'),
  /** Why: shown on the corrections page (and, for a withdrawal, on the withdrawn article's page). */
  reason: z.string().trim().min(1, 'say why'),
  /** Who decided it (optional). */
  by: z.string().optional(),
};

export const EditCorrection = z
  .object({
    action: z.literal('edit'),
    ...common,
    set: EditableFields.refine((s) => Object.keys(s).length > 0, 'name at least one field to set'),
  })
  .strict();
/** Articles cut from one: those in `with` are appended to this one, in order, and their ids point to it. */
export const MergeCorrection = z
  .object({ action: z.literal('merge'), ...common, with: z.array(Anchor).min(1) })
  .strict();
/**
 * One article holding two: split before the text `at` (it must occur once in the body). The second part
 * gets a new id and the first part's paper, date, page and places; `set` corrects its other fields.
 */
export const SplitCorrection = z
  .object({
    action: z.literal('split'),
    ...common,
    at: z.string().min(2),
    set: EditableFields.optional(),
  })
  .strict();
/** Taken down: gone from search, pages, feeds and exports; its address says it was withdrawn, and why. */
export const WithdrawCorrection = z.object({ action: z.literal('withdraw'), ...common }).strict();

export const Correction = z.discriminatedUnion('action', [
  EditCorrection,
  MergeCorrection,
  SplitCorrection,
  WithdrawCorrection,
]);
export type Correction = z.infer<typeof Correction>;
/** A correction with the place it was read from. */
export type PlacedCorrection = Correction & { source: string; lineNo: number };

/** What became of one correction on this ingest, for the corrections page and the ingest report. */
export const LogEntry = z.object({
  /** The corrections file and line it was read from. */
  source: z.string(),
  line: z.number().int().positive(),
  action: z.enum(['edit', 'merge', 'split', 'withdraw']),
  date: z.string(),
  reason: z.string(),
  by: z.string().nullable(),
  /**
   * applied: found by its id; reattached: found by file, headline and first words under a new id;
   * unchanged: found, but the article already reads so; unmatched: no article matches it now.
   */
  status: z.enum(['applied', 'reattached', 'unchanged', 'unmatched']),
  /** The article's id now (its id in the file when unmatched). */
  id: z.string(),
  /** Its id in the corrections file. */
  anchorId: z.string(),
  /** The article's title, for the log ('' for a withdrawal: the log does not repeat what was taken down). */
  title: z.string(),
  changes: z.array(z.object({ field: z.string(), before: z.string(), after: z.string() })),
  /** Articles merged in, or the new second part of a split. */
  related: z.array(z.string()),
  /** Why an unmatched correction found no article. */
  problem: z.string().nullable(),
});
export type LogEntry = z.infer<typeof LogEntry>;

/** An id that no longer has an article: withdrawn, or merged into another. Its page says so. */
export const Tombstone = z.object({
  id: z.string(),
  kind: z.enum(['withdrawn', 'merged']),
  date: z.string(),
  reason: z.string(),
  /** For a merge: the article it now belongs to. */
  into: z.string().nullable(),
});
export type Tombstone = z.infer<typeof Tombstone>;

/** data/corrections-log.json: written by every ingest, read by the site build. */
export const CorrectionsLog = z.object({
  entries: z.array(LogEntry),
  tombstones: z.array(Tombstone),
});
export type CorrectionsLog = z.infer<typeof CorrectionsLog>;
