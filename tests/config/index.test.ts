import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULTS, dataFiles, loadConfig, placePapers } from '../../src/config/index.ts';
import { ConfigError } from '../../src/errors/index.ts';

const project = (config?: unknown) => {
  const root = mkdtempSync(join(tmpdir(), 'baoku-config-'));
  if (config !== undefined)
    writeFileSync(
      join(root, 'baoku.config.json'),
      typeof config === 'string' ? config : JSON.stringify(config),
    );
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
      siteUrl: `http://localhost:${DEFAULTS.port}`,
      reportUrl: null,
      meili: { url: null, masterKey: null },
      searchUrl: '/meili',
      servers: [{ name: 'main', url: null, masterKey: null, papers: null }],
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it("reads baoku.config.json, environment variables over it, a command's flags over both", () => {
    const root = project({ data: 'var/baoku', port: 8080, index: 'papers', content: '/srv/pages' });
    expect(loadConfig({ root, env: {} })).toMatchObject({
      dataDir: join(root, 'var/baoku'),
      articlesFile: join(root, 'var/baoku/articles.jsonl'),
      port: 8080,
      indexUid: 'papers',
      contentDir: '/srv/pages',
    });
    const env = {
      BAOKU_DATA: 'elsewhere',
      PORT: '9090',
      MEILI_URL: 'http://search.internal:7700',
      MEILI_MASTER_KEY: 'k'.repeat(32),
    };
    expect(loadConfig({ root, env })).toMatchObject({
      dataDir: join(root, 'elsewhere'),
      port: 9090,
      meili: { url: 'http://search.internal:7700', masterKey: 'k'.repeat(32) },
    });
    expect(loadConfig({ root, env, flags: { data: 'flagged' } }).dataDir).toBe(
      join(root, 'flagged'),
    );
  });

  it('builds the site from BAOKU_ARTICLES into BAOKU_DIST when they are set', () => {
    const config = loadConfig({
      root: project(),
      env: { BAOKU_ARTICLES: '/tmp/a.jsonl', BAOKU_DIST: '/tmp/site' },
    });
    expect(config).toMatchObject({ articlesFile: '/tmp/a.jsonl', distDir: '/tmp/site' });
  });

  it('refuses an unknown key, naming the file and the key', () => {
    const root = project({ dataDir: 'x' });
    expect(() => loadConfig({ root, env: {} })).toThrow(ConfigError);
    expect(() => loadConfig({ root, env: {} })).toThrow(
      `${join(root, 'baoku.config.json')}: (top level): Unrecognized key: "dataDir"`,
    );
  });

  it('reads the site and report addresses, the site address without a trailing slash and on the configured port by default', () => {
    expect(loadConfig({ root: project({ port: 8080 }), env: {} }).siteUrl).toBe(
      'http://localhost:8080',
    );
    const config = loadConfig({
      root: project({
        siteUrl: 'https://baoku.example.org/',
        reportUrl: 'mailto:desk@example.org',
      }),
      env: {},
    });
    expect([config.siteUrl, config.reportUrl]).toEqual([
      'https://baoku.example.org',
      'mailto:desk@example.org',
    ]);
    expect(
      loadConfig({
        root: project(),
        env: { BAOKU_REPORT_URL: 'https://git.example.org/x/issues/new' },
      }).reportUrl,
    ).toBe('https://git.example.org/x/issues/new');
    expect(() => loadConfig({ root: project({ reportUrl: 'desk@example.org' }), env: {} })).toThrow(
      /reportUrl: a mailto: address or an http\(s\) URL/,
    );
  });

  it('refuses malformed values from the file and from the environment', () => {
    expect(() => loadConfig({ root: project({ port: 'eighty' }), env: {} })).toThrow(
      /baoku\.config\.json: port: /,
    );
    expect(() => loadConfig({ root: project('{ not json'), env: {} })).toThrow(/not valid JSON/);
    expect(() => loadConfig({ root: project(), env: { PORT: 'eighty' } })).toThrow(
      /^\$PORT: "eighty"/,
    );
    expect(() => loadConfig({ root: project(), env: { BAOKU_INDEX: 'no spaces' } })).toThrow(
      ConfigError,
    );
  });

  it('names every file of the data folder in one place', () => {
    const files = dataFiles('/d');
    expect(files).toMatchObject({
      articles: '/d/articles.jsonl',
      searchConfig: '/d/search.json',
      meili: '/d/meili',
      lock: '/d/baoku.lock',
    });
    expect(files.indexState('articles')).toBe('/d/index-state-articles.json');
  });

  it('reads several servers, their keys from the environment or a file, and which papers each holds', () => {
    const root = project({
      servers: [
        {
          name: 'east',
          url: 'http://10.0.0.11:7700',
          keyEnv: 'EAST_KEY',
          papers: ['qiantang', 'jinri-xiasha'],
        },
        { name: 'west', url: 'http://10.0.0.12:7700', keyFile: 'west.key' },
        { name: 'local', papers: ['gongshu'] },
      ],
    });
    writeFileSync(join(root, 'west.key'), `${'w'.repeat(32)}\n`);
    const config = loadConfig({ root, env: { EAST_KEY: 'e'.repeat(32) } });
    expect(config.servers).toEqual([
      {
        name: 'east',
        url: 'http://10.0.0.11:7700',
        masterKey: 'e'.repeat(32),
        papers: ['qiantang', 'jinri-xiasha'],
      },
      { name: 'west', url: 'http://10.0.0.12:7700', masterKey: 'w'.repeat(32), papers: null },
      { name: 'local', url: null, masterKey: null, papers: ['gongshu'] },
    ]);
    const { bySlug, unplaced } = placePapers(config.servers, ['qiantang', 'gongshu', 'xihu']);
    expect(Object.fromEntries(bySlug)).toEqual({
      qiantang: 'east',
      gongshu: 'local',
      xihu: 'west',
    });
    expect(unplaced).toEqual([]);
    expect(
      placePapers(
        config.servers.filter((s) => s.papers),
        ['xihu'],
      ).unplaced,
    ).toEqual(['xihu']);
  });

  it('refuses a configuration of servers that cannot be meant', () => {
    const refuse =
      (servers: unknown, env: NodeJS.ProcessEnv = {}) =>
      () =>
        loadConfig({ root: project({ servers }), env });
    expect(
      refuse([
        { name: 'a', url: 'http://x:1' },
        { name: 'a', url: 'http://y:1', papers: ['p'] },
      ]),
    ).toThrow(/duplicate server name "a"/);
    expect(
      refuse([
        { name: 'a', url: 'http://x:1', papers: ['p'] },
        { name: 'b', url: 'http://y:1', papers: ['p'] },
      ]),
    ).toThrow(/paper "p" is on server "a" already/);
    expect(
      refuse([{ name: 'a' }, { name: 'b', papers: ['p'] }, { name: 'c', papers: ['q'] }]),
    ).toThrow(/at most one server without "url"/);
    expect(
      refuse([
        { name: 'a', url: 'http://x:1' },
        { name: 'b', url: 'http://y:1' },
      ]),
    ).toThrow(/at most one server without "papers"/);
    expect(refuse([{ name: 'a', url: 'http://x:1', keyEnv: 'NOT_SET' }])).toThrow(
      /servers\.0\.keyEnv: \$NOT_SET is not set/,
    );
    expect(refuse([{ name: 'A b', url: 'http://x:1' }])).toThrow(ConfigError);
    expect(() =>
      loadConfig({
        root: project({ servers: [{ name: 'a', url: 'http://x:1' }] }),
        env: { MEILI_URL: 'http://z:7700' },
      }),
    ).toThrow(/servers and meiliUrl \(MEILI_URL\) both set/);
  });
});
