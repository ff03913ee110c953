import { z } from 'zod';
import { Article, DatePrecision, DateSource } from './article.ts';

export const Message = z.object({
  file: z.string(),
  line: z.number().int().nonnegative(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
});
export type Message = z.infer<typeof Message>;

/** What became of one input file: its articles, or the reason it was skipped, and any text left over. */
export const PageRecord = z.object({
  file: z.string(),
  /** sha256 of the file's bytes: unchanged files are not processed again. */
  hash: z.string(),
  paper: z.string(),
  date: z.string().nullable(),
  datePrecision: DatePrecision,
  dateSource: DateSource,
  page: z.string().nullable(),
  encoding: z.string().nullable(),
  status: z.enum(['ingested', 'skipped']),
  reason: z.string().nullable(),
  articles: z.array(Article),
  leftovers: z.array(z.object({ line: z.number().int(), text: z.string(), why: z.string() })),
  messages: z.array(Message),
});
export type PageRecord = z.infer<typeof PageRecord>;
