/**
 * The dev set's source format: one JSON file per printed page (tests/fixtures/devset/pages/<page-id>.json)
 * and the papers they belong to (tests/fixtures/devset/papers.json). Described in
 * tests/fixtures/devset/README.md. Test tooling only: nothing under src/ imports this.
 */
import { z } from 'zod';
import { GoldByline } from '../../../src/eval/gold.ts';
import { ArticleKind } from '../../../src/model/article.ts';

export const DevParagraph = z.union([
  z.string().min(1),
  z.object({ subhead: z.string().min(1) }).strict(),
]);
export type DevParagraph = z.infer<typeof DevParagraph>;

export const DevArticle = z
  .object({
    kind: ArticleKind,
    /** Printed title lines in order (kicker?, headline, subheadline?); [] for a brief. */
    titles: z.array(z.string().min(1)).max(4),
    /** The byline line as printed under the titles (■记者 X 通讯员 Y, 本报记者 X, a bare name line). */
    byline: z.string().min(1).nullable().default(null),
    /** Printed at the start of the first paragraph: 本报讯（记者 X）. */
    dateline: z.string().min(1).nullable().default(null),
    /** Body paragraphs in order; a 小标题 is {subhead}. */
    paragraphs: z.array(DevParagraph).min(1),
    /** A line after the last paragraph: （记者 X）, X 摄, 据新华社, 地址：…, 咨询电话：…. */
    credit: z.string().min(1).nullable().default(null),
    /** Picture captions and photo credits printed in the article. */
    captions: z.array(z.string().min(1)).default([]),
    // Gold labels.
    bylines: z.array(GoldByline),
    bylines_ok: z.array(z.string().min(1)).default([]),
    districts: z.array(z.string().min(1)),
    districts_ok: z.array(z.string().min(1)).default([]),
    source: z.string().min(1).nullable().default(null),
  })
  .strict()
  .superRefine((a, ctx) => {
    if (a.kind === 'brief' && a.titles.length)
      ctx.addIssue({ code: 'custom', path: ['titles'], message: 'a brief has no titles' });
    if (a.kind !== 'brief' && !a.titles.length)
      ctx.addIssue({
        code: 'custom',
        path: ['titles'],
        message: `an ${a.kind} needs its title lines (or is it a brief?)`,
      });
    if (!a.paragraphs.some((p) => typeof p === 'string'))
      ctx.addIssue({
        code: 'custom',
        path: ['paragraphs'],
        message: 'no body paragraph (only subheads)',
      });
    const names = a.bylines.map((b) => b.name);
    if (new Set(names).size !== names.length)
      ctx.addIssue({ code: 'custom', path: ['bylines'], message: 'a name is listed twice' });
  });
export type DevArticle = z.infer<typeof DevArticle>;

export const DevPage = z
  .object({
    paper: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    page: z.string().regex(/^[A-Za-z]?\d{1,3}$/, 'a page number as printed: 5, A3'),
    /** A page banner above the first article that heads all of them, or null. */
    banner: z.string().min(1).nullable().default(null),
    articles: z.array(DevArticle).min(1),
  })
  .strict();
export type DevPage = z.infer<typeof DevPage>;

export const DevPaper = z
  .object({
    slug: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    name: z.string().min(1),
    homeDistrict: z.string().min(1).optional(),
    /** Omitted for a national paper. */
    region: z.string().min(1).optional(),
  })
  .strict();
export type DevPaper = z.infer<typeof DevPaper>;
export const DevPapers = z.object({ papers: z.array(DevPaper) }).strict();
export type DevPapers = z.infer<typeof DevPapers>;
