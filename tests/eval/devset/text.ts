/** Small deterministic helpers for rendering pages: a seeded random source and PDF-style hard wrapping. */

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

/** FNV-1a over the keys: the same keys always seed the same sequence. */
function hash(keys: string[]): number {
  let h = 0x811c9dc5;
  for (const ch of keys.join('\u0000')) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** mulberry32, seeded from the keys (e.g. layout and page id), so one page's choices never depend on another's. */
export function rngFor(...keys: string[]): Rng {
  let a = hash(keys);
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
  };
}

/** Printed width of a character in CJK cells: ASCII letters, digits and punctuation take half a cell. */
export function cells(ch: string): number {
  return /[\x20-\x7e]/.test(ch) ? 0.5 : 1;
}

// Punctuation a typesetter keeps off the start of a line (it hangs at the end of the previous one),
// and openers it keeps off the end of a line.
const NO_LINE_START = new Set([...'，。、；：？！”’）》」』〉】,.;:?!)%']);
const NO_LINE_END = new Set([...'“‘（《「『〈【(']);

/**
 * Hard-wrap a paragraph at `width` cells, as text comes out of a PDF column. With `kinsoku`, closing
 * punctuation stays on the line it closes and opening punctuation moves to the next line; without it,
 * lines are cut anywhere (numbers and words too: "6\n0%").
 */
export function wrap(text: string, width: number, kinsoku = true): string[] {
  const lines: string[] = [];
  let cur = '';
  let used = 0;
  for (const ch of text) {
    const w = cells(ch);
    // A space never starts a line: it stays at the end of the line it follows.
    if (used + w > width && cur && ch !== ' ' && !(kinsoku && NO_LINE_START.has(ch))) {
      let carry = '';
      if (kinsoku) {
        const chars = [...cur];
        while (chars.length > 1 && NO_LINE_END.has(chars.at(-1)!)) carry = chars.pop()! + carry;
        cur = chars.join('');
      }
      lines.push(cur);
      cur = carry;
      used = [...carry].reduce((s, c) => s + cells(c), 0);
    }
    cur += ch;
    used += w;
  }
  if (cur) lines.push(cur);
  return lines;
}
