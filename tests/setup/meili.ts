import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startMeili } from '../../src/search/server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    meili: { host: string; apiKey: string };
  }
}

/** One real Meilisearch for the whole run, on a free port with a throw-away data folder. */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), 'baoku-meili-'));
  const meili = await startMeili({ dataDir, port: 0 });
  project.provide('meili', { host: meili.host, apiKey: meili.apiKey });
  return async () => {
    await meili.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
