import { z } from 'zod';

export const Paper = z.object({
  /** Folder name under content/ and the value stored on every article. */
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'slug: lower-case letters, digits and "-"'),
  name: z.string().min(1),
  /** The county-level unit "我区/本区" refers to, by today's name; omitted for city or province papers. */
  homeDistrict: z.string().min(1).optional(),
  /**
   * Where the paper circulates, used to pick among same-named places: 浙江省, 浙江省杭州市. Left out
   * for a national paper: its pages claim a district only where the text gives the city or province.
   */
  region: z.string().min(1).optional(),
});
export type Paper = z.infer<typeof Paper>;

export const PapersFile = z.object({ papers: z.array(Paper) }).superRefine((value, ctx) => {
  const seen = new Set<string>();
  value.papers.forEach((paper, i) => {
    if (seen.has(paper.slug))
      ctx.addIssue({
        code: 'custom',
        path: ['papers', i, 'slug'],
        message: `duplicate slug "${paper.slug}"`,
      });
    seen.add(paper.slug);
  });
});
export type PapersFile = z.infer<typeof PapersFile>;
