import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressPrinter } from '../../src/pipeline/progress.ts';

function capture() {
  const stream = new PassThrough() as PassThrough & { isTTY?: boolean };
  let text = '';
  stream.on('data', (chunk) => (text += chunk));
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => text };
}

describe('progress when stderr is not a terminal', () => {
  it('prints plain lines, one per tenth, with files read, articles extracted and documents indexed', () => {
    const out = capture();
    const progress = progressPrinter(out.stream);
    for (let i = 1; i <= 100; i++) progress.update('extract', i, 100, i * 3);
    progress.update('index', 300, 300);
    progress.stop();
    const lines = out.text().trim().split('\n');
    expect(lines).toHaveLength(11 + 1);
    expect(lines.at(-2)).toBe('files read: 100/100, 300 articles extracted');
    expect(lines.at(-1)).toBe('documents indexed: 300/300');
    expect(out.text()).not.toMatch(/\u001b\[/);
  });
});
