/**
 * Every failure baoku reports on purpose, as one tree (after meilisearch-js's src/errors/): a base
 * class, one subclass per failure, the details in typed fields or `cause`. Callers tell them apart
 * with `instanceof`, never by the shape of an object or the words of a message; a script prints the
 * message of a BaokuError as it is, and anything else as the bug it is.
 */

/** The base of every error baoku throws on purpose. */
export class BaokuError extends Error {
  override name = 'BaokuError';
}

/**
 * A file the user wrote is not as documented (papers.json, a sidecar, baoku.config.json, the articles
 * file): the message starts with file:line so an editor can jump there.
 */
export class InputFileError extends BaokuError {
  override name = 'InputFileError';
  readonly file: string;
  /** 1-based line, or null when the problem is the file as a whole. */
  readonly line: number | null;
  constructor(file: string, line: number | null, reason: string, options?: ErrorOptions) {
    super(`${file}${line === null ? '' : `:${line}`}: ${reason}`, options);
    this.file = file;
    this.line = line;
  }
}

/** baoku.config.json or an environment variable holds a setting that is unknown or malformed. */
export class ConfigError extends InputFileError {
  override name = 'ConfigError';
}

/** A page that is refused for a reason the user can act on (too large, the same bytes as another). */
export class PageRefusedError extends BaokuError {
  override name = 'PageRefusedError';
}

/** Meilisearch did not answer, even after retries; `host` is where it was asked, when known. */
export class MeiliUnavailableError extends BaokuError {
  override name = 'MeiliUnavailableError';
  readonly host: string | null;
  constructor(host: string | null, message: string, options?: ErrorOptions) {
    super(message, options);
    this.host = host;
  }
}

/** No Meilisearch server binary to start: not bundled for this platform and not on PATH. */
export class MeiliBinaryMissingError extends BaokuError {
  override name = 'MeiliBinaryMissingError';
}

/** A Meilisearch task ended in failure (or was canceled); `cause` is the task as Meilisearch reported it. */
export class MeiliTaskError extends BaokuError {
  override name = 'MeiliTaskError';
  override cause: {
    taskUid: number;
    type: string;
    status: string;
    error: { code: string; message: string } | null;
  };
  constructor(what: string, cause: MeiliTaskError['cause']) {
    super(
      `${what} failed (task ${cause.taskUid}, ${cause.type}): ${cause.error ? `${cause.error.code}: ${cause.error.message}` : cause.status}`,
    );
    this.cause = cause;
  }
}

/** A Meilisearch task was still enqueued or processing when we stopped waiting for it. */
export class MeiliTaskTimeoutError extends BaokuError {
  override name = 'MeiliTaskTimeoutError';
  override cause: { taskUid: number; timeout: number };
  constructor(what: string, cause: MeiliTaskTimeoutError['cause']) {
    super(`${what}: task ${cause.taskUid} still not done after ${cause.timeout} ms`);
    this.cause = cause;
  }
}

/** A freshly built index does not hold what was sent to it, so it is not swapped in. */
export class IndexCheckError extends BaokuError {
  override name = 'IndexCheckError';
  readonly index: string;
  constructor(index: string, message: string) {
    super(message);
    this.index = index;
  }
}

/** A search the export sent was refused; `status` is the HTTP status. */
export class SearchRequestError extends BaokuError {
  override name = 'SearchRequestError';
  readonly status: number;
  constructor(status: number, body: string) {
    super(`search failed: HTTP ${status} ${body}`);
    this.status = status;
  }
}

/** No search server answered a search (each one tried as the entry); `failures` says what each did. */
export class SearchUnavailableError extends BaokuError {
  override name = 'SearchUnavailableError';
  readonly failures: string[];
  constructor(failures: string[]) {
    super(`no search server answered (${failures.join('; ') || 'none configured'})`);
    this.failures = failures;
  }
}

/** Some servers did not answer, so a result would lack their papers' articles; `missing` names them. */
export class PartialResultError extends BaokuError {
  override name = 'PartialResultError';
  readonly missing: { server: string; papers: string[] }[];
  constructor(missing: PartialResultError['missing']) {
    super(
      `server${missing.length > 1 ? 's' : ''} ${missing.map((m) => `${m.server} (${m.papers.join(', ') || 'no papers listed'})`).join(', ')} did not answer: their articles would be missing`,
    );
    this.missing = missing;
  }
}

/** Who holds a lock, as written in the lock file. */
export interface LockHolder {
  pid: number;
  /** Process start time (clock ticks since boot), to tell a live process from a reused pid. */
  start: string | null;
  host: string;
  /** What the holder is doing: ingest, build, start. */
  task: string;
  /** ISO time the lock was taken. */
  since: string;
}

/** Another live process holds the data folder's lock, and the caller asked not to wait. */
export class LockBusyError extends BaokuError {
  override name = 'LockBusyError';
  readonly file: string;
  readonly holder: LockHolder;
  constructor(file: string, holder: LockHolder, description: string) {
    super(`${file} is held by ${description}`);
    this.file = file;
    this.holder = holder;
  }
}

/** What a command prints for a failure: our own errors by their message; anything else is a bug, with its stack. */
export function failureText(error: unknown): string {
  if (error instanceof BaokuError) return error.message;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
