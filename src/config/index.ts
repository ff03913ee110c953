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
  /** Where the browser sends searches: the site's own /meili/<server>/, passed on by npm start (or a reverse proxy). */
  searchUrl: '/meili',
  /** The name of the one server when baoku.config.json lists none. */
  serverName: 'main',
} as const;

export const CONFIG_FILE = 'baoku.config.json';

const Port = z.number().int().min(1).max(65535);
const IndexUid = z.string().regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "-" and "_" only');
const Slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and "-"');

/**
 * One Meilisearch server of a deployment with several (baoku.config.json `servers`): its name (also
 * its name in Meilisearch's network and in the site's /meili/<name>/ path), where it runs, where its
 * master key comes from, and the papers (slugs) whose articles live on it.
 */
export const ServerEntry = z
  .object({
    name: Slug,
    /** A running Meilisearch; left out for the embedded server (at most one). */
    url: z.url().optional(),
    /** The environment variable holding its master key. */
    keyEnv: z
      .string()
      .regex(/^[A-Z_][A-Z0-9_]*$/, 'an environment variable name')
      .optional(),
    /** A file holding its master key (mode 0600; relative to the project root). */
    keyFile: z.string().min(1).optional(),
    /** Slugs of the papers it holds; left out on one server, which then holds every paper not listed elsewhere. */
    papers: z.array(Slug).optional(),
  })
  .strict()
  .refine((s) => !(s.keyEnv && s.keyFile), 'keyEnv or keyFile, not both');
export type ServerEntry = z.infer<typeof ServerEntry>;

const Servers = z
  .array(ServerEntry)
  .min(1)
  .superRefine((servers, ctx) => {
    const names = new Set<string>();
    const placed = new Map<string, string>();
    servers.forEach((server, i) => {
      if (names.has(server.name))
        ctx.addIssue({
          code: 'custom',
          path: [i, 'name'],
          message: `duplicate server name "${server.name}"`,
        });
      names.add(server.name);
      for (const paper of server.papers ?? []) {
        const other = placed.get(paper);
        if (other)
          ctx.addIssue({
            code: 'custom',
            path: [i, 'papers'],
            message: `paper "${paper}" is on server "${other}" already: a paper's articles live on one server`,
          });
        placed.set(paper, server.name);
      }
    });
    if (servers.filter((s) => !s.url).length > 1)
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: 'at most one server without "url" (the embedded one)',
      });
    if (servers.filter((s) => !s.papers).length > 1)
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: 'at most one server without "papers" (the one holding every other paper)',
      });
  });

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
    reportUrl: z
      .string()
      .regex(/^(mailto:|https?:\/\/)\S+$/, 'a mailto: address or an http(s) URL')
      .optional(),
    /** Where the browser sends searches (default /meili: the site's own, passed on to the servers). */
    searchUrl: z
      .string()
      .regex(/^(\/|https?:\/\/)/, 'a path on the site (/meili) or an http(s) URL')
      .optional(),
    /** Several Meilisearch servers, and which papers live on which (default: one server). */
    servers: Servers.optional(),
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
  BAOKU_SEARCH_URL: 'searchUrl',
} as const satisfies Record<string, keyof ConfigFile>;

/** A search server as the commands use it: its key read, its papers known. */
export interface ServerConfig {
  name: string;
  /** null: the embedded server, started by baoku with its data in <data>/meili. */
  url: string | null;
  /** Its master key; null for the embedded server (baoku keeps its key) or a server run without one. */
  masterKey: string | null;
  /** Slugs of the papers it holds; null: every paper no other server lists. */
  papers: string[] | null;
}

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
  /** Where the browser sends searches; server `name` is at `<searchUrl>/<name>`. */
  searchUrl: string;
  /** The search servers, in order (the first is the usual entry): one unless baoku.config.json lists several. */
  servers: ServerConfig[];
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
    /** What the live index `uid` was built from (on `server`, when there are several). */
    indexState: (uid: string, server?: string | null) =>
      join(dataDir, `index-state-${uid}${server ? `@${server}` : ''}.json`),
  };
}

function fromEnvironment(env: NodeJS.ProcessEnv): ConfigFile {
  const out: Record<string, unknown> = {};
  for (const [name, key] of Object.entries(ENVIRONMENT)) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    const parsed = ConfigFile.shape[key].safeParse(key === 'port' ? Number(value) : value);
    if (!parsed.success)
      throw new ConfigError(`$${name}`, null, `"${value}": ${parsed.error.issues[0]!.message}`);
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
  const flags = Object.fromEntries(
    Object.entries(options.flags ?? {}).filter(([, v]) => v !== undefined),
  );
  const parsedFlags = ConfigFile.safeParse(flags);
  if (!parsedFlags.success)
    throw new ConfigError('command line', null, parsedFlags.error.issues[0]!.message);
  const merged: ConfigFile = {
    ...(file ? fromFile(file) : {}),
    ...fromEnvironment(env),
    ...parsedFlags.data,
  };
  const at = (path: string) => resolve(root, path);
  const dataDir = at(merged.data ?? DEFAULTS.data);
  const meili = Object.freeze({
    url: merged.meiliUrl ?? null,
    masterKey: env.MEILI_MASTER_KEY || null,
  });
  if (merged.servers && merged.meiliUrl)
    throw new ConfigError(
      file ?? CONFIG_FILE,
      null,
      'servers and meiliUrl (MEILI_URL) both set: list the server in servers instead',
    );
  const servers = merged.servers
    ? merged.servers.map((s, i) =>
        Object.freeze({
          name: s.name,
          url: s.url ?? null,
          masterKey: serverKey(s, i, env, at, file),
          papers: s.papers ? Object.freeze([...s.papers]) : null,
        }),
      )
    : [
        Object.freeze({
          name: DEFAULTS.serverName,
          url: meili.url,
          masterKey: meili.masterKey,
          papers: null,
        }),
      ];
  return Object.freeze({
    root,
    file,
    contentDir: at(merged.content ?? DEFAULTS.content),
    dataDir,
    distDir: at(merged.dist ?? DEFAULTS.dist),
    articlesFile: merged.articles ? at(merged.articles) : dataFiles(dataDir).articles,
    port: merged.port ?? DEFAULTS.port,
    siteUrl: (merged.siteUrl ?? `http://localhost:${merged.port ?? DEFAULTS.port}`).replace(
      /\/+$/,
      '',
    ),
    reportUrl: merged.reportUrl ?? null,
    indexUid: merged.index ?? DEFAULTS.index,
    meili,
    searchUrl: (merged.searchUrl ?? DEFAULTS.searchUrl).replace(/\/+$/, ''),
    servers: Object.freeze(servers) as ServerConfig[],
  });
}

/** A server's master key, from its keyEnv or keyFile; an unset variable or unreadable file is an error. */
function serverKey(
  server: ServerEntry,
  i: number,
  env: NodeJS.ProcessEnv,
  at: (p: string) => string,
  file: string | null,
): string | null {
  const where = file ?? CONFIG_FILE;
  if (server.keyEnv) {
    const key = env[server.keyEnv];
    if (!key)
      throw new ConfigError(where, null, `servers.${i}.keyEnv: $${server.keyEnv} is not set`);
    return key;
  }
  if (server.keyFile) {
    try {
      return readFileSync(at(server.keyFile), 'utf8').trim();
    } catch (error) {
      throw new ConfigError(where, null, `servers.${i}.keyFile: ${(error as Error).message}`);
    }
  }
  return null;
}

/** Which server holds each paper: its listed server, else the one without a list. Unplaced papers are returned apart. */
export function placePapers(
  servers: Pick<ServerConfig, 'name' | 'papers'>[],
  slugs: string[],
): { bySlug: Map<string, string>; unplaced: string[] } {
  const bySlug = new Map<string, string>();
  const rest = servers.find((s) => s.papers === null);
  const unplaced: string[] = [];
  for (const slug of slugs) {
    const server = servers.find((s) => s.papers?.includes(slug)) ?? rest;
    if (server) bySlug.set(slug, server.name);
    else unplaced.push(slug);
  }
  return { bySlug, unplaced };
}
