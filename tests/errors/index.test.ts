import { describe, expect, it } from 'vitest';
import {
  BaokuError,
  ConfigError,
  failureText,
  InputFileError,
  LockBusyError,
  MeiliTaskError,
  MeiliUnavailableError,
} from '../../src/errors/index.ts';

describe('the error tree', () => {
  it('tells failures apart by class, each a BaokuError with its details in fields', () => {
    const unavailable = new MeiliUnavailableError('http://127.0.0.1:7700', 'no answer');
    expect(unavailable).toBeInstanceOf(BaokuError);
    expect(unavailable).toMatchObject({
      name: 'MeiliUnavailableError',
      host: 'http://127.0.0.1:7700',
    });
    const config = new ConfigError('baoku.config.json', null, 'port: expected a number');
    expect(config).toBeInstanceOf(InputFileError);
    expect(config.message).toBe('baoku.config.json: port: expected a number');
    expect(new InputFileError('data/articles.jsonl', 7, 'id: invalid').message).toBe(
      'data/articles.jsonl:7: id: invalid',
    );
  });

  it('keeps what Meilisearch said about a failed task', () => {
    const error = new MeiliTaskError('adding 3 documents', {
      taskUid: 12,
      type: 'documentAdditionOrUpdate',
      status: 'failed',
      error: { code: 'invalid_document_id', message: 'bad id' },
    });
    expect(error.message).toBe(
      'adding 3 documents failed (task 12, documentAdditionOrUpdate): invalid_document_id: bad id',
    );
    expect(error.cause.taskUid).toBe(12);
  });

  it('prints our own failures by message and anything else with its stack', () => {
    const busy = new LockBusyError(
      'data/baoku.lock',
      { pid: 42, start: null, host: 'h', task: 'ingest', since: '' },
      'ingest (pid 42)',
    );
    expect(failureText(busy)).toBe('data/baoku.lock is held by ingest (pid 42)');
    expect(failureText(new TypeError('x is undefined'))).toMatch(
      /^TypeError: x is undefined\n\s+at /,
    );
  });
});
