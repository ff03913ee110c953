import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startMeili, type MeiliConnection } from '../../src/search/server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    meili: { host: string; apiKey: string };
    /** Two more servers, for a deployment of several (tests/search/federation.meili.test.ts); pid to stop one. */
    meiliPair: { host: string; apiKey: string; pid: number }[];
  }
}

/**
 * Real Meilisearch servers for the whole run, on free ports with throw-away data folders: one that
 * most tests share, and a pair that the federation tests split papers over (and stop one of).
 */
export default async function setup(project: TestProject) {
  const dirs: string[] = [];
  const servers: MeiliConnection[] = [];
  const start = async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'baoku-meili-'));
    dirs.push(dataDir);
    const meili = await startMeili({ dataDir, port: 0 });
    servers.push(meili);
    return meili;
  };
  // One after another: each picks a free port, and two picking at once could pick the same.
  const main = await start();
  const a = await start();
  const b = await start();
  project.provide('meili', { host: main.host, apiKey: main.apiKey });
  project.provide(
    'meiliPair',
    [a, b].map((m) => ({ host: m.host, apiKey: m.apiKey, pid: m.pid! })),
  );
  return async () => {
    await Promise.all(servers.map((s) => s.stop()));
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  };
}
