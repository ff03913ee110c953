import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULTS, dataFiles, loadConfig } from '../../src/config/index.ts';
import { ConfigError } from '../../src/errors/index.ts';

const project = (config?: unknown) => {
  const root = mkdtempSync(join(tmpdir(), 'baoku-config-'));
  if (config !== undefined) writeFileSync(join(root, 'baoku.config.json'), typeof config === 'string' ? config : JSON.stringify(config));
  return root;
};

describe('the configuration', () => {
  it('works with nothing configured: the documented defaults, under the project root', () => {
    const root = project();
    const config = loadConfig({ root, env: {} });
    expect(config).toEqual({
      root,
      file: null,
      contentDir: join(root, 'content'),
      dataDir: join(root, 'data'),
      distDir: join(root, 'dist'),
      articlesFile: join(root, 'data', 'articles.jsonl'),
      port: DEFAULTS.port,
      indexUid: 'articles',
      meili: { url: null, masterKey: null },
      searchUrl: '/meili',
      servers: [{ name: 'main', url: null, masterKey: null, papers: null }],
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads baoku.config.json, environment variables over it, a command\'s flags over both', () => {
    const root = project({ data: 'var/baoku', port: 8080, index: 'papers', content: '/srv/pages' });
    expect(loadConfig({ root, env: {} })).toMatchObject({ dataDir: join(root, 'var/baoku'), articlesFile: join(root, 'var/baoku/articles.jsonl'), port: 8080, indexUid: 'papers', contentDir: '/srv/pages' });
    const env = { BAOKU_DATA: 'elsewhere', PORT: '9090', MEILI_URL: 'http://search.internal:7700', MEILI_MASTER_KEY: 'k'.repeat(32) };
    expect(loadConfig({ root, env })).toMatchObject({ dataDir: join(root, 'elsewhere'), port: 9090, meili: { url: 'http://search.internal:7700', masterKey: 'k'.repeat(32) } });
    expect(loadConfig({ root, env, flags: { data: 'flagged' } }).dataDir).toBe(join(root, 'flagged'));
  });

  it('builds the site from BAOKU_ARTICLES into BAOKU_DIST when they are set', () => {
    const config = loadConfig({ root: project(), env: { BAOKU_ARTICLES: '/tmp/a.jsonl', BAOKU_DIST: '/tmp/site' } });
    expect(config).toMatchObject({ articlesFile: '/tmp/a.jsonl', distDir: '/tmp/site' });
  });

  it('refuses an unknown key, naming the file and the key', () => {
    const root = project({ dataDir: 'x' });
    expect(() => loadConfig({ root, env: {} })).toThrow(ConfigError);
    expect(() => loadConfig({ root, env: {} })).toThrow(`${join(root, 'baoku.config.json')}: (top level): Unrecognized key: "dataDir"`);
  });

  it('refuses malformed values from the file and from the environment', () => {
    expect(() => loadConfig({ root: project({ port: 'eighty' }), env: {} })).toThrow(/baoku\.config\.json: port: /);
    expect(() => loadConfig({ root: project('{ not json'), env: {} })).toThrow(/not valid JSON/);
    expect(() => loadConfig({ root: project(), env: { PORT: 'eighty' } })).toThrow(/^\$PORT: "eighty"/);
    expect(() => loadConfig({ root: project(), env: { BAOKU_INDEX: 'no spaces' } })).toThrow(ConfigError);
  });

  it('names every file of the data folder in one place', () => {
    const files = dataFiles('/d');
    expect(files).toMatchObject({ articles: '/d/articles.jsonl', searchConfig: '/d/search.json', meili: '/d/meili', lock: '/d/baoku.lock' });
    expect(files.indexState('articles')).toBe('/d/index-state-articles.json');
  });
});
