import { defineConfig } from 'vitest/config';

// tests/ mirrors src/. A test's project is in its name: *.meili.test.ts starts or uses a real Meilisearch,
// *.browser.test.ts drives Chromium (against a real Meilisearch too); every other *.test.ts — the
// extraction tests in tests/ingest/ among them — is a unit test that needs no server.
export default defineConfig({
  test: {
    // Tests share two cores; keep files from starving each other.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // What a browser test waits for (a page loaded, a search answered, a dead server reported) took
    // over the default second when the two cores were busy: a federation test failed so, once in
    // four full runs. A condition that never holds still fails, after 10 s.
    expect: { poll: { timeout: 10_000 } },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/**/*.meili.test.ts', 'tests/**/*.browser.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'meili',
          include: ['tests/**/*.meili.test.ts'],
          globalSetup: ['tests/setup/meili.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/**/*.browser.test.ts'],
          globalSetup: ['tests/setup/meili.ts'],
        },
      },
    ],
  },
});
