import type { Byline, BylineRole } from '../model/article.ts';
import { isPersonName } from './names.ts';

/** What a byline says: names with roles, and/or a source without names (本报综合报道). */
export interface BylineInfo {
  bylines: Byline[];
  source: string | null;
  /** Printed with a leading mark (■▲●): it opens an article. */
  marked: boolean;
  /** Printed in parentheses alone on a line, (王杨军): it closes an article. */
  closing: boolean;
}

// Printed role words, longest first, and the role each is normalised to.
const ROLE_WORDS: [string, BylineRole][] = [
  ['本报首席记者', '记者'], ['本报见习记者', '记者'], ['本报特约记者', '记者'], ['本报通讯员', '通讯员'], ['本报记者', '记者'],
  ['首席记者', '记者'], ['见习记者', '记者'], ['特约记者', '记者'], ['融媒体记者', '记者'], ['全媒体记者', '记者'], ['摄影记者', '摄影'],
  ['责任编辑', '编辑'], ['特约通讯员', '通讯员'], ['通讯员', '通讯员'], ['实习生', '实习生'], ['记者', '记者'], ['摄影', '摄影'], ['摄像', '摄影'],
  ['编辑', '编辑'], ['文/图', '作者'], ['图/文', '作者'], ['文图', '作者'], ['撰文', '作者'], ['作者', '作者'], ['文', '作者'], ['图', '摄影'],
];

const MARKS = /^[■▲●◆□★☆▇█]\s*/;
const SOURCE = /^(本报综合报道|本报综合|综合报道|据[\u4e00-\u9fff]{2,12}报道|来源[:：].{2,20}|本报讯)$/;

function splitRole(token: string): [BylineRole, string] | null {
  for (const [word, role] of ROLE_WORDS) {
    if (token.startsWith(word)) return [role, token.slice(word.length).replace(/^[:：/]/, '')];
  }
  return null;
}

/**
 * Names with roles from a run of byline words: "记者 宛琼 通讯员 田远斌", "本报记者朱燕",
 * "王鹏 黄智". Returns null when any word is neither a role nor a person's name, so ordinary text
 * is never read as a byline. `defaultRole` applies to names printed before any role word.
 */
export function parseBylineWords(text: string, defaultRole: BylineRole, lenient = false): Byline[] | null {
  const tokens = text.split(/[\s\u3000、，,;；]+/).filter(Boolean);
  if (tokens.length === 0 || tokens.length > 8) return null;
  const bylines: Byline[] = [];
  let role = defaultRole;
  for (const token of tokens) {
    const exact = ROLE_WORDS.find(([word]) => word === token);
    if (exact) {
      role = exact[1];
      continue;
    }
    let name = token;
    if (!isPersonName(token)) {
      const split = splitRole(token);
      if (!split || !isPersonName(split[1])) {
        // Inside a dateline the role words already prove it is a byline; skip an OCR-damaged name.
        if (lenient) continue;
        return null;
      }
      [role, name] = split;
    }
    if (!bylines.some((b) => b.name === name)) bylines.push({ name, role });
  }
  return bylines.length > 0 ? bylines : null;
}

/** A line that is only a byline or a source line; null for anything else. */
export function parseBylineLine(line: string): BylineInfo | null {
  const trimmed = line.trim();
  if (trimmed.length < 2 || trimmed.length > 40) return null;
  const marked = MARKS.test(trimmed);
  // "记者 张三 报道" / "本报记者 李四 摄" — the verb after the names is not part of them.
  const text = trimmed.replace(MARKS, '').trim().replace(/\s+(报道|采写|撰文|整理)$/, '');
  if (SOURCE.test(text)) return { bylines: [], source: text, marked, closing: false };
  const paren = /^[(（]([^()（）]{2,30})[)）]$/.exec(text);
  if (paren) {
    const bylines = parseBylineWords(paren[1]!, '作者');
    return bylines ? { bylines, source: null, marked, closing: true } : null;
  }
  // A bare name line is only trusted for one to four names.
  const bylines = parseBylineWords(text, '作者');
  if (!bylines) return null;
  const hasRole = ROLE_WORDS.some(([word]) => text.includes(word));
  if (!hasRole && bylines.length > 4) return null;
  return { bylines, source: null, marked, closing: false };
}

/**
 * A dateline that opens the first paragraph: 本报讯(记者 宛琼 通讯员 田远斌), 本报北京1月31日电（记者杜一菲）,
 * 新华社杭州5月3日电（记者 X）. Returns the names and the paragraph without the parenthesis.
 */
export function parseDateline(paragraph: string): { bylines: Byline[]; rest: string; dateline: string } | null {
  const head = /^([■▲●]?\s*(?:本报讯|(?:本报|新华社|[\u4e00-\u9fff]{2,8}社)[\u4e00-\u9fff]{0,8}\d{1,2}月\d{1,2}日电))\s*/.exec(paragraph);
  if (!head) return null;
  const dateline = head[1]!.replace(MARKS, '');
  const after = paragraph.slice(head[0].length);
  const paren = /^[(（]([^()（）]{2,40})[)）]\s*/.exec(after);
  if (paren) {
    const bylines = parseBylineWords(paren[1]!, '记者', true);
    return bylines ? { bylines, rest: after.slice(paren[0].length), dateline } : null;
  }
  // Without parentheses: 本报讯 记者 张三 通讯员 李四 近日，… — role words and names separated by spaces,
  // up to the first word that is neither.
  const words = after.split(/([\s\u3000]+)/);
  const bylines: Byline[] = [];
  let role: BylineRole | null = null;
  let used = 0;
  for (let i = 0; i < words.length; i += 2) {
    const word = words[i]!;
    const exact = ROLE_WORDS.find(([w]) => w === word);
    const split = exact ? null : splitRole(word);
    if (exact) role = exact[1];
    else if (role && isPersonName(word)) bylines.push({ name: word, role });
    else if (split && isPersonName(split[1])) {
      role = split[0];
      bylines.push({ name: split[1], role });
    } else break;
    used = i + 2;
  }
  if (bylines.length === 0) return null;
  return { bylines, rest: words.slice(used).join('').trimStart(), dateline };
}

/** A closing credit at the end of the last paragraph: "……贡献力量。 (于文)" or "…。(记者 徐亮)". */
export function parseTrailingCredit(paragraph: string): { bylines: Byline[]; rest: string } | null {
  const m = /[\s\u3000]*[(（]([^()（）]{2,30})[)）]\s*$/.exec(paragraph);
  if (!m || m.index === 0) return null;
  if (!/[。！？!?”」』]$/.test(paragraph.slice(0, m.index).trim())) return null;
  const bylines = parseBylineWords(m[1]!, '作者');
  return bylines ? { bylines, rest: paragraph.slice(0, m.index).trimEnd() } : null;
}
