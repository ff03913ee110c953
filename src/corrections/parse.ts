import { InputFileError } from '../errors/index.ts';
import { Correction, type PlacedCorrection } from './schema.ts';

/**
 * The corrections in a corrections file's text, validated line by line: blank lines and lines starting
 * with # are skipped; anything else must be one correction, or the whole file is refused with the file,
 * line and field named (an editor's typo must not silently drop a takedown).
 */
export function parseCorrections(text: string, file: string): PlacedCorrection[] {
  const out: PlacedCorrection[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = raw.trim();
      if (!line || line.startsWith('#')) return;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch (error) {
        throw new InputFileError(file, i + 1, `not one JSON object (${(error as Error).message})`);
      }
      const parsed = Correction.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new InputFileError(
          file,
          i + 1,
          `${issue.path.join('.') || 'correction'}: ${issue.message}`,
        );
      }
      out.push({ ...parsed.data, source: file, lineNo: i + 1 });
    });
  return out;
}
