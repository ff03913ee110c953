/**
 * The one configuration every script, the site build and astro.config.mjs read: defaults named once
 * here, an optional baoku.config.json at the project root over them, environment variables over that,
 * and a command's own flags over everything. Validated with zod at this boundary; an unknown key is
 * an error, since a misspelt setting that is silently ignored is worse than none. Nothing writes
 * process.env to pass a setting on: whoever needs one calls loadConfig.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../errors/index.ts';

/** Settings when nothing says otherwise. Paths are relative to the project root. */
export const DEFAULTS = {
  content: 'content',
  data: 'data',
  dist: 'dist',
  port: 4321,
  index: 'articles',
} as const;

export const CONFIG_FILE = 'baoku.config.json';

const Port = z.number().int().min(1).max(65535);
const IndexUid = z.string().regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "-" and "_" only');

/** baoku.config.json: every key optional. The Meilisearch master key is not one: keep secrets out of files. */
export const ConfigFile = z
  .object({
    /** Folder of the papers' pages and papers.json. */
    content: z.string().min(1).optional(),
    /** Folder of everything baoku makes: articles, report, the embedded Meilisearch. */
    data: z.string().min(1).optional(),
    /** Where the static site is built. */
    dist: z.string().min(1).optional(),
    /** The articles file the site is built from (default <data>/articles.jsonl). */
    articles: z.string().min(1).optional(),
    /** Port of the site served by npm start. */
    port: Port.optional(),
    /** Name of the live Meilisearch index. */
    index: IndexUid.optional(),
    /** A running Meilisearch to use instead of the embedded one. */
    meiliUrl: z.url().optional(),
    /** The site's public address: links in feeds and, by default, in exports. */
    siteUrl: z.url().optional(),
    /**
     * Where "报告错误" on an article page goes: a mailto: address or an issue URL ({title} and {body}
     * filled in). Unset: the page shows the prefilled correction as text to paste.
     */
    reportUrl: z.string().regex(/^(mailto:|https?:\/\/)\S+$/, 'a mailto: address or an http(s) URL').optional(),
  })
  .strict();
export type ConfigFile = z.infer<typeof ConfigFile>;

/** Environment variables, and the setting each one sets. */
export const ENVIRONMENT = {
  BAOKU_CONTENT: 'content',
  BAOKU_DATA: 'data',
  BAOKU_DIST: 'dist',
  BAOKU_ARTICLES: 'articles',
  PORT: 'port',
  BAOKU_INDEX: 'index',
  MEILI_URL: 'meiliUrl',
  BAOKU_SITE_URL: 'siteUrl',
  BAOKU_REPORT_URL: 'reportUrl',
} as const satisfies Record<string, keyof ConfigFile>;

export interface Config {
  /** The project root: relative paths are resolved against it, and baoku.config.json is read from it. */
  root: string;
  /** The config file read, or null when there is none. */
  file: string | null;
  contentDir: string;
  dataDir: string;
  distDir: string;
  articlesFile: string;
  port: number;
  indexUid: string;
  /** The site's public address, without a trailing slash (default http://localhost:<port>). */
  siteUrl: string;
  /** Where "报告错误" goes (mailto: or an issue URL); null shows the correction as text. */
  reportUrl: string | null;
  /** A running Meilisearch (MEILI_URL, MEILI_MASTER_KEY); url null means the embedded server. */
  meili: { url: string | null; masterKey: string | null };
}

/** What the last ingest made of content/corrections.jsonl; the site reads it beside the articles file. */
export const CORRECTIONS_LOG = 'corrections-log.json';

/** The files and folders baoku keeps in a data folder, named once. */
export function dataFiles(dataDir: string) {
  return {
    /** Every article, one JSON record a line: the authoritative record of content/. */
    articles: join(dataDir, 'articles.jsonl'),
    /** Per input file: hash, outcome, articles — lets a re-run skip unchanged files. */
    pages: join(dataDir, 'pages.json'),
    report: join(dataDir, 'ingest-report.json'),
    /** Every correction with what became of it, and the ids withdrawn or merged away. */
    correctionsLog: join(dataDir, CORRECTIONS_LOG),
    /** Host, index and search-only key: copied beside the site as /search-config.json. */
    searchConfig: join(dataDir, 'search.json'),
    lock: join(dataDir, 'baoku.lock'),
    /** The embedded Meilisearch: database, dumps, snapshots, key, log. */
    meili: join(dataDir, 'meili'),
    /** What the live index `uid` was built from. */
    indexState: (uid: string) => join(dataDir, `index-state-${uid}.json`),
  };
}

function fromEnvironment(env: NodeJS.ProcessEnv): ConfigFile {
  const out: Record<string, unknown> = {};
  for (const [name, key] of Object.entries(ENVIRONMENT)) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    const parsed = ConfigFile.shape[key].safeParse(key === 'port' ? Number(value) : value);
    if (!parsed.success) throw new ConfigError(`$${name}`, null, `"${value}": ${parsed.error.issues[0]!.message}`);
    out[key] = parsed.data;
  }
  return out as ConfigFile;
}

function fromFile(file: string): ConfigFile {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(file, null, `not valid JSON (${(error as Error).message})`);
  }
  const parsed = ConfigFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(file, null, `${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  return parsed.data;
}

export interface LoadOptions {
  /** Project root (default: the working folder, where npm runs the scripts). */
  root?: string;
  env?: NodeJS.ProcessEnv;
  /** A command's own flags, over everything else. */
  flags?: ConfigFile;
}

/** The configuration in force: flags over environment over baoku.config.json over DEFAULTS. */
export function loadConfig(options: LoadOptions = {}): Config {
  const root = resolve(options.root ?? process.cwd());
  const env = options.env ?? process.env;
  const candidate = join(root, CONFIG_FILE);
  const file = existsSync(candidate) ? candidate : null;
  const flags = Object.fromEntries(Object.entries(options.flags ?? {}).filter(([, v]) => v !== undefined));
  const parsedFlags = ConfigFile.safeParse(flags);
  if (!parsedFlags.success) throw new ConfigError('command line', null, parsedFlags.error.issues[0]!.message);
  const merged: ConfigFile = { ...(file ? fromFile(file) : {}), ...fromEnvironment(env), ...parsedFlags.data };
  const at = (path: string) => resolve(root, path);
  const dataDir = at(merged.data ?? DEFAULTS.data);
  return Object.freeze({
    root,
    file,
    contentDir: at(merged.content ?? DEFAULTS.content),
    dataDir,
    distDir: at(merged.dist ?? DEFAULTS.dist),
    articlesFile: merged.articles ? at(merged.articles) : dataFiles(dataDir).articles,
    port: merged.port ?? DEFAULTS.port,
    siteUrl: (merged.siteUrl ?? `http://localhost:${merged.port ?? DEFAULTS.port}`).replace(/\/+$/, ''),
    reportUrl: merged.reportUrl ?? null,
    indexUid: merged.index ?? DEFAULTS.index,
    meili: Object.freeze({ url: merged.meiliUrl ?? null, masterKey: env.MEILI_MASTER_KEY || null }),
  });
}
