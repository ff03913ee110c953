export interface Titles {
  kicker: string;
  headline: string;
  subheadline: string;
}

/**
 * Roles of the printed title lines. One line is the headline. Of two, a first line ending in a colon
 * or shorter than the second is the 引题 (kicker) above the 主标题; otherwise the second is the 副题.
 * Three are kicker, headline, subheadline.
 */
export function assignTitles(lines: string[]): Titles {
  const t = lines.map((l) => l.trim()).filter(Boolean);
  if (t.length === 0) return { kicker: '', headline: '', subheadline: '' };
  if (t.length === 1) return { kicker: '', headline: t[0]!, subheadline: '' };
  if (t.length === 2) {
    const [a, b] = t as [string, string];
    if (/[:：]$/.test(a) || a.length <= b.length)
      return { kicker: a, headline: b, subheadline: '' };
    return { kicker: '', headline: a, subheadline: b };
  }
  return { kicker: t[0]!, headline: t[1]!, subheadline: t.slice(2).join(' ') };
}
