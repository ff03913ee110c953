/**
 * What an ingest did, for data/ingest-report.json and the summary it prints: every input file with
 * its outcome, the index action, and what was cleaned up after an earlier, killed run.
 */
import type { CorrectionsLog } from '../corrections/schema.ts';
import type { PageRecord } from '../model/page.ts';
import type { ServerIndexReport } from '../search/sync-servers.ts';

export interface FileReport {
  file: string;
  status: 'ingested' | 'unchanged' | 'skipped';
  reason: string | null;
  articles: number;
  messages: string[];
  /** Lines of the page that went into no article (a title with no text, a stray byline), with why. */
  leftovers: { line: number; text: string; why: string }[];
}

export interface IndexReport {
  uid: string;
  host: string;
  action: 'rebuilt' | 'unchanged';
  documents: number;
  /** Half-built indexes an earlier, killed run left behind, removed by this one. */
  staleBuildsRemoved: string[];
  /**
   * True when the live index did not hold the articles file an earlier run wrote (that run stopped
   * between writing the file and swapping in the index), so this run rebuilt it.
   */
  caughtUp: boolean;
}

/** What became of content/corrections.jsonl on this run: counts, and every correction that found no article. */
export interface CorrectionsReport {
  file: string | null;
  total: number;
  applied: number;
  /** Found under a new id by file, headline and first words. */
  reattached: { line: number; from: string; to: string }[];
  /** Found, but the article already read so. */
  unchanged: number;
  unmatched: { line: number; action: string; id: string; problem: string }[];
}

export interface IngestReport {
  startedAt: string;
  seconds: number;
  contentDir: string;
  filesSeen: number;
  filesIngested: number;
  filesUnchanged: number;
  filesSkipped: number;
  articles: number;
  corrections: CorrectionsReport;
  /** Seconds spent extracting and bringing the index up to date; indexing rate when it was rebuilt. */
  timings: { extractSeconds: number; indexSeconds: number; documentsPerSecond: number | null };
  index: IndexReport;
  /** Each search server: what it holds and what became of its index (one entry with one server). */
  servers: ServerIndexReport[];
  files: FileReport[];
}

const round = (seconds: number) => Math.round(seconds * 10) / 10;

/** One line per input file: skipped with its reason, taken from the last run, or extracted now. */
export function fileReports(pages: PageRecord[], unchanged: Set<string>): FileReport[] {
  return pages.map((p) => ({
    file: p.file,
    status: p.status === 'skipped' ? 'skipped' : unchanged.has(p.file) ? 'unchanged' : 'ingested',
    reason: p.reason,
    articles: p.articles.length,
    messages: p.messages.map((m) => `${m.file}:${m.line}: ${m.severity}: ${m.message}`),
    leftovers: p.leftovers,
  }));
}

export function correctionsReport(file: string | null, log: CorrectionsLog): CorrectionsReport {
  const { entries } = log;
  return {
    file,
    total: entries.length,
    applied: entries.filter((e) => e.status === 'applied' || e.status === 'reattached').length,
    reattached: entries
      .filter((e) => e.status === 'reattached')
      .map((e) => ({ line: e.line, from: e.anchorId, to: e.id })),
    unchanged: entries.filter((e) => e.status === 'unchanged').length,
    unmatched: entries
      .filter((e) => e.status === 'unmatched')
      .map((e) => ({ line: e.line, action: e.action, id: e.anchorId, problem: e.problem ?? '' })),
  };
}

export function ingestReport(run: {
  started: number;
  finished: number;
  contentDir: string;
  files: FileReport[];
  articles: number;
  corrections: CorrectionsReport;
  extractSeconds: number;
  indexSeconds: number;
  index: IndexReport;
  servers: ServerIndexReport[];
}): IngestReport {
  const { files, index } = run;
  return {
    startedAt: new Date(run.started).toISOString(),
    seconds: round((run.finished - run.started) / 1000),
    contentDir: run.contentDir,
    filesSeen: files.length,
    filesIngested: files.filter((f) => f.status === 'ingested').length,
    filesUnchanged: files.filter((f) => f.status === 'unchanged').length,
    filesSkipped: files.filter((f) => f.status === 'skipped').length,
    articles: run.articles,
    corrections: run.corrections,
    timings: {
      extractSeconds: round(run.extractSeconds),
      indexSeconds: round(run.indexSeconds),
      documentsPerSecond:
        index.action === 'rebuilt' && run.indexSeconds > 0
          ? Math.round(run.articles / run.indexSeconds)
          : null,
    },
    index,
    servers: run.servers,
    files,
  };
}

/** Servers that could not be brought up to date: their live indexes are as they were. */
export const failedServers = (report: IngestReport) =>
  report.servers.filter((s) => s.action === 'failed');

function serverSummary(report: IngestReport): string[] {
  if (report.servers.length < 2) return [];
  return report.servers.map((s) =>
    s.action === 'failed'
      ? `server ${s.server}: FAILED (${s.error}); its live index is as it was — ${s.papers.join('、') || 'its papers'} not updated`
      : `server ${s.server}${s.host ? ` at ${s.host}` : ''}: ${s.documents} articles (${s.papers.join('、') || 'no papers'}), ${s.action === 'rebuilt' ? 'rebuilt and swapped in' : 'unchanged'}`,
  );
}

function leftoverSummary(files: FileReport[]): string[] {
  const pages = files.filter((f) => f.leftovers.length > 0);
  if (pages.length === 0) return [];
  const lines = pages.reduce((n, f) => n + f.leftovers.length, 0);
  const first = pages[0]!.leftovers[0]!;
  return [
    `${lines} line(s) on ${pages.length} page(s) went into no article (each listed in ingest-report.json), e.g. ${pages[0]!.file}:${first.line}: ${first.why}: ${first.text.slice(0, 30)}`,
  ];
}

function correctionSummary(c: CorrectionsReport): string[] {
  if (!c.file || c.total === 0) return [];
  return [
    `corrections: ${c.total} in ${c.file}: ${c.applied} applied (${c.reattached.length} re-attached to a new id), ${c.unchanged} already so, ${c.unmatched.length} matching no article`,
    ...c.reattached.map(
      (r) =>
        `  ${c.file}:${r.line}: article ${r.from} is now ${r.to} (found by file, headline and first words)`,
    ),
    ...c.unmatched.map((u) => `  ${c.file}:${u.line}: ${u.action} not applied: ${u.problem}`),
  ];
}

/** The human summary printed at the end of an ingest. */
export function summarise(report: IngestReport): string {
  const lines = [
    `files: ${report.filesSeen} seen, ${report.filesIngested} ingested, ${report.filesUnchanged} unchanged, ${report.filesSkipped} skipped`,
    ...report.files
      .filter((f) => f.status === 'skipped')
      .map((f) => `  skipped ${f.file}: ${f.reason}`),
    ...report.files.flatMap((f) =>
      f.messages
        .filter((m) => !m.includes(': error: ') || f.status !== 'skipped')
        .map((m) => `  ${m}`),
    ),
    ...leftoverSummary(report.files),
    ...correctionSummary(report.corrections),
    ...(report.index.caughtUp
      ? [
          `index ${report.index.uid} held an older set of articles than data/articles.jsonl (an earlier run stopped before indexing finished): rebuilt from the file`,
        ]
      : []),
    ...report.index.staleBuildsRemoved.map(
      (uid) => `removed ${uid}, a half-built index an earlier run left behind`,
    ),
    ...serverSummary(report),
    `articles: ${report.articles}; index ${report.index.uid}: ${report.index.action === 'rebuilt' ? `rebuilt and swapped in (${report.timings.documentsPerSecond} documents/s)` : 'unchanged'}`,
    `time: ${report.seconds} s (extract ${report.timings.extractSeconds} s, index ${report.timings.indexSeconds} s)`,
  ];
  return lines.join('\n');
}
