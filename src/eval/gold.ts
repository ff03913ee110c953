/**
 * Gold labels for article extraction: the line format of ../shared/gold/README.md, validated where it
 * enters (a gold file, a dev-set renderer, a test), and the predicted-article lines it is scored against.
 */
import { z } from 'zod';
import { ArticleKind, BylineRole } from '../model/article.ts';

export const GoldByline = z.object({ name: z.string().min(1), role: BylineRole }).strict();
export type GoldByline = z.infer<typeof GoldByline>;

/** One labelled article: where it is (file), how it is titled, where its body starts and ends, who and where. */
export const GoldRecord = z
  .object({
    /** The page file's name (no folder): predictions are matched by the base name of their `file`. */
    file: z.string().min(1),
    kind: ArticleKind,
    /** Printed title lines in reading order: 引题 (kicker), 主标题, 副题; [] when none. */
    titles: z.array(z.string().min(1)),
    /** Snippets of the body's first and last sentence (compared after NFKC, whitespace removal, quote folding). */
    first: z.string().min(1),
    last: z.string().min(1),
    bylines: z.array(GoldByline),
    /** Names that are acceptable but not required. */
    bylines_ok: z.array(z.string()).optional(),
    /** County-level units the article is about, primary first, by today's name; [] = none (or unlabelled). */
    districts: z.array(z.string().min(1)),
    districts_ok: z.array(z.string()).optional(),
    /** 本报综合报道-style source line. */
    source: z.string().nullable().optional(),
    /** The page banner the article sits under. */
    section: z.string().nullable().optional(),
    // Benchmark-corpus labels (../shared/gold/corpus.gold.jsonl) also carry these; the scorer ignores them.
    date: z.string().optional(),
    page: z.union([z.number().int(), z.string()]).optional(),
    place: z.string().nullable().optional(),
  })
  .strict();
export type GoldRecord = z.infer<typeof GoldRecord>;

/**
 * A predicted article as the scorer reads it: any JSON object. The scorer looks for `file` (or
 * `source.file`, `sourceFile`, `source`), `kicker`/`headline`/`subheadline`, `body` (or `text`, a string or
 * a list of paragraphs), `bylines` ([{name, role}] or names) and `districts` (names or {name}), exactly as
 * the shared Python scorer does; everything else is ignored.
 */
export const PredictedArticle = z.record(z.string(), z.unknown());
export type PredictedArticle = z.infer<typeof PredictedArticle>;

/** A line of a JSON Lines file that is not what it should be. */
export class JsonLinesError extends Error {
  override name = 'JsonLinesError';
  readonly file: string;
  readonly line: number;
  constructor(file: string, line: number, reason: string) {
    super(`${file}:${line}: ${reason}`);
    this.file = file;
    this.line = line;
  }
}

/** Lines as Python's text-mode reader yields them (universal newlines), blank ones skipped, 1-based numbers kept. */
function nonBlankLines(text: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  text.split(/\r\n|\r|\n/).forEach((t, i) => {
    if (t.trim() !== '') out.push({ line: i + 1, text: t });
  });
  return out;
}

function parseLines<T>(text: string, file: string, schema: z.ZodType<T>): T[] {
  return nonBlankLines(text).map(({ line, text: t }) => {
    let json: unknown;
    try {
      json = JSON.parse(t);
    } catch (error) {
      throw new JsonLinesError(file, line, `not JSON (${(error as Error).message})`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new JsonLinesError(file, line, `${issue.path.join('.') || '(line)'}: ${issue.message}`);
    }
    return parsed.data;
  });
}

/** Parse a gold file's text (one GoldRecord a line); the error names the file and line. */
export function parseGold(text: string, file = 'gold'): GoldRecord[] {
  return parseLines(text, file, GoldRecord);
}

/** Parse predicted articles (one JSON object a line, as `npm run extract` prints them). */
export function parsePredictions(text: string, file = 'predictions'): PredictedArticle[] {
  return parseLines(text, file, PredictedArticle);
}
