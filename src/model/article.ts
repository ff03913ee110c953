import { z } from 'zod';

/** Roles as the gold labels and the index use them; every printed variant is normalised to one. */
export const BYLINE_ROLES = ['记者', '通讯员', '摄影', '实习生', '编辑', '作者'] as const;
export const BylineRole = z.enum(BYLINE_ROLES);
export type BylineRole = z.infer<typeof BylineRole>;

export const Byline = z.object({
  name: z.string().min(1),
  role: BylineRole,
});
export type Byline = z.infer<typeof Byline>;

export const Street = z.object({
  /** Street, town or community as printed (四季青街道, 钱运社区). */
  name: z.string().min(1),
  /** The county-level unit it belongs to, by today's name. */
  district: z.string().min(1),
});
export type Street = z.infer<typeof Street>;

export const DatePrecision = z.enum(['day', 'month', 'year', 'unknown']);
export type DatePrecision = z.infer<typeof DatePrecision>;
/** Where the date came from; 'correction' when an editor set it (content/corrections.jsonl). */
export const DateSource = z.enum([
  'path',
  'sidecar',
  'front-matter',
  'text',
  'correction',
  'unknown',
]);
export type DateSource = z.infer<typeof DateSource>;

export const ArticleKind = z.enum(['article', 'brief', 'notice']);
export type ArticleKind = z.infer<typeof ArticleKind>;

/** A table as printed: rows of cells. */
export const Table = z.array(z.array(z.string()));
export type Table = z.infer<typeof Table>;

/**
 * The one record every stage after extraction reads: a line of the articles file (JSON Lines).
 * Strings that are absent are '' (titles) or null (metadata that may be unknown), never invented.
 */
export const Article = z.object({
  /** Stable across runs: derived from paper, file and the article's first body text, not from its position. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Paper slug (see content/papers.json); '' when the file belongs to no known paper. */
  paper: z.string(),
  paperName: z.string(),
  /** The source file, relative to the content folder (or as given on the command line). */
  file: z.string().min(1),
  /** 1-based line in the source file where the article's text starts. */
  line: z.number().int().positive(),
  /** 版次 from the path or metadata, zero padding dropped ("3", "A3"); null when unknown. */
  page: z.string().nullable(),
  /** YYYY-MM-DD, YYYY-MM or YYYY according to datePrecision; null when unknown. */
  date: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
    .nullable(),
  datePrecision: DatePrecision,
  dateSource: DateSource,
  kind: ArticleKind,
  /** Page banner the article sits under (杭州 增民生福祉 书发展答卷); null when none. */
  section: z.string().nullable(),
  kicker: z.string(),
  headline: z.string(),
  subheadline: z.string(),
  /** In-article 小标题, in order. They also stay in the body as their own paragraphs. */
  subheads: z.array(z.string()),
  /** Paragraphs as printed, joined by a blank line. */
  body: z.string(),
  tables: z.array(Table),
  /** Image captions and photo credits, as printed; they also stay in the body where they were printed. */
  captions: z.array(z.string()),
  /** A source line without names (本报综合报道); null when none. */
  source: z.string().nullable(),
  bylines: z.array(Byline),
  /**
   * People credited for a part of the article rather than the whole: the byline under a 小标题 of one
   * sub-story of a feature (小标题 / 本报记者 X / text), or who wrote a part down (本报记者 X整理) between
   * two stretches of its text. Their line also stays in the body.
   */
  contributors: z.array(Byline).default([]),
  /** County-level units by today's name, primary first. */
  districts: z.array(z.string()),
  /** Historic names printed in the text that map to `districts` (下城区 → 拱墅区). */
  districtAliases: z.array(z.string()),
  streets: z.array(Street),
  keywords: z.array(z.string()),
});
export type Article = z.infer<typeof Article>;
