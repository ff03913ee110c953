import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../src/corrections/schema.ts';
import { CORRECTIONS_PER_PAGE, correctionHref, logOrder } from '../../src/site/corrections-log.ts';

const entry = (line: number, date: string, id: string): LogEntry => ({
  source: 'content/corrections.jsonl',
  line,
  action: 'edit',
  date,
  reason: 'r',
  by: null,
  status: 'applied',
  id,
  anchorId: id,
  title: 't',
  changes: [],
  related: [],
  problem: null,
});

describe('the corrections log on the site', () => {
  it('lists the newest corrections first, those of one day in the order of the file', () => {
    const order = logOrder([
      entry(1, '2024-01-01', 'a'),
      entry(2, '2024-03-01', 'b'),
      entry(3, '2024-01-01', 'c'),
    ]);
    expect(order.map((e) => e.id)).toEqual(['b', 'a', 'c']);
  });

  it('links an article to the page of the log that holds its entry', () => {
    const many = logOrder(
      Array.from({ length: CORRECTIONS_PER_PAGE + 10 }, (_, i) =>
        entry(i + 1, '2024-01-01', `id-${i}`),
      ),
    );
    expect(correctionHref(many, 'id-0')).toBe('/corrections/#a-id-0');
    expect(correctionHref(many, `id-${CORRECTIONS_PER_PAGE + 5}`)).toBe(
      `/corrections/2/#a-id-${CORRECTIONS_PER_PAGE + 5}`,
    );
  });
});
