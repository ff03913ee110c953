import { readFileSync } from 'node:fs';
import { inject, describe, expect, it } from 'vitest';

/** Local addresses listening on a TCP port, from /proc/net/tcp (and tcp6). */
function listeners(port: number): string[] {
  const out: string[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.trim().split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      const [addr, hexPort] = local!.split(':');
      if (state === '0A' && parseInt(hexPort!, 16) === port) out.push(addr!);
    }
  }
  return out;
}

describe.skipIf(process.platform !== 'linux')('the embedded Meilisearch', () => {
  it('listens on 127.0.0.1 only', () => {
    const port = Number(new URL(inject('meili').host).port);
    const addresses = listeners(port);
    expect(addresses.length).toBeGreaterThan(0);
    // 0100007F is 127.0.0.1 in /proc's little-endian hex.
    expect(addresses.every((a) => a === '0100007F')).toBe(true);
  });
});
