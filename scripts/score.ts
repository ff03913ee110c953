/**
 * npm run score -- GOLD.jsonl PRED.jsonl [--json] [--verbose] [--min-f1=X]
 *
 * Scores predicted articles (what `npm run --silent extract -- <files>` prints) against gold labels.
 * Same metrics, same output and same exit codes as ../shared/tools/score-extraction: 2 for a usage error,
 * 1 when --min-f1 is given and overall is below it (or an input is not valid), else 0.
 */
import { readFileSync } from 'node:fs';
import { formatReport } from '../src/eval/format-score.ts';
import { JsonLinesError, parseGold, parsePredictions } from '../src/eval/gold.ts';
import { scoreExtraction } from '../src/eval/score-extraction.ts';

const USAGE = `Score article extraction against a gold file.

usage: npm run score -- GOLD.jsonl PRED.jsonl [--json] [--min-f1=X] [--verbose]

PRED is what \`npm run --silent extract -- <files>\` prints: one JSON article a line,
with at least: file (or source.file), headline, kicker, subheadline, body,
bylines [{name, role}], districts [primary first].
GOLD lines: file, kind, titles [kicker?, headline, subheadline?], first, last (snippets
of the body's first and last sentence), bylines [{name, role}], districts,
optional bylines_ok / districts_ok (accepted, neither rewarded nor penalised).
Texts are compared after NFKC, whitespace removal and quote folding.
`;

function main(argv: string[]): number {
  const args = argv.filter((a) => !a.startsWith('--'));
  if (args.length !== 2) {
    process.stderr.write(USAGE);
    return 2;
  }
  const [goldPath, predPath] = args as [string, string];
  let minF1: number | null = null;
  const minArg = argv.find((a) => a.startsWith('--min-f1='));
  if (minArg !== undefined) {
    minF1 = Number(minArg.split('=')[1]);
    if (Number.isNaN(minF1) || minArg.split('=')[1]!.trim() === '') {
      process.stderr.write(`score: --min-f1 needs a number, got "${minArg.split('=')[1]}"\n`);
      return 2;
    }
  }
  try {
    const gold = parseGold(readFileSync(goldPath, 'utf8'), goldPath);
    const predicted = parsePredictions(readFileSync(predPath, 'utf8'), predPath);
    const result = scoreExtraction(gold, predicted);
    process.stdout.write(
      formatReport(result, { json: argv.includes('--json'), verbose: argv.includes('--verbose') }),
    );
    return minF1 === null || result.metrics.overall >= minF1 ? 0 : 1;
  } catch (error) {
    const message = error instanceof JsonLinesError ? error.message : `${(error as Error).message}`;
    process.stderr.write(`score: ${message}\n`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
