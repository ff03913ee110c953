import type { Byline, BylineRole } from '../model/article.ts';
import { DATELINE_HEAD } from './line-shapes.ts';
import type { Segmenter } from '../text/segmenter.ts';
import { isPersonName, looksLikeName, penName } from './names.ts';
import { SINGLE_SURNAMES } from './surnames.ts';

/** What a byline says: names with roles, and/or a source without names (本报综合报道). */
export interface BylineInfo {
  bylines: Byline[];
  source: string | null;
  /** Printed with a leading mark (■▲●): it opens an article. */
  marked: boolean;
  /** Printed in parentheses alone on a line, (王某): it closes an article. */
  closing: boolean;
}

// Printed role words, longest first, and the role each is normalised to.
const ROLE_WORDS: [string, BylineRole][] = [
  ['本报首席记者', '记者'],
  ['本报见习记者', '记者'],
  ['本报特约记者', '记者'],
  ['本报通讯员', '通讯员'],
  ['本报评论员', '作者'],
  ['本报记者', '记者'],
  ['首席记者', '记者'],
  ['见习记者', '记者'],
  ['特约记者', '记者'],
  ['融媒体记者', '记者'],
  ['全媒体记者', '记者'],
  ['摄影记者', '摄影'],
  ['特约评论员', '作者'],
  ['评论员', '作者'],
  ['责任编辑', '编辑'],
  ['版式设计', '编辑'],
  ['特约通讯员', '通讯员'],
  ['通讯员', '通讯员'],
  ['实习生', '实习生'],
  ['记者', '记者'],
  ['摄影', '摄影'],
  ['摄像', '摄影'],
  ['编辑', '编辑'],
  ['制图', '编辑'],
  ['美编', '编辑'],
  ['文/图', '作者'],
  ['图/文', '作者'],
  ['文图', '作者'],
  ['撰文', '作者'],
  ['作者', '作者'],
  ['口述', '作者'],
  ['整理', '作者'],
  ['讲述', '作者'],
  ['文', '作者'],
  ['图', '摄影'],
  ['摄', '摄影'],
  // Senders of a letters column sign with who they are: 读者 王某, 患者家属 李某.
  ['患者家属', '作者'],
  ['读者', '作者'],
  ['市民', '作者'],
  ['居民', '作者'],
  ['村民', '作者'],
  ['网友', '作者'],
  ['家长', '作者'],
];
const ROLE_LOOKUP = new Map(ROLE_WORDS);
// A role printed after the name: 陈北跑摄, 王磊 摄, 张三/文. 文 only counts beside another such credit.
const SUFFIX_ROLES: [string, BylineRole][] = [
  ['摄影', '摄影'],
  ['摄', '摄影'],
  ['整理', '作者'],
  ['/文', '作者'],
  ['/图', '摄影'],
];
// Words after the names that are not part of them: "记者 张三 报道", "本报记者 李四 采写".
const TRAILING_VERBS = /[\s\u3000]*(报道|采写|撰文|整理|参与采写|发自[\u4e00-\u9fff]{2,6})$/;

const PAGE_CREDIT =
  /^(本版|本期)?(版式设计|版面设计|版式|编辑|责任编辑|责编|美编|制图|校对|统筹|图表制作|设计)[、:：\s]/;
// Role words a byline line may start with when it has no space in it: 记者张三, 本报记者李四.
const ROLE_START =
  /^(本报|首席|见习|特约|融媒体|全媒体|摄影|记者|通讯员|实习生|编辑|作者|口述|整理|撰文|[\u4e00-\u9fff]{1,10}(社|网|台|报|中心)记者)/;
const MARKS = /^[■▲●◆□★☆▇█]\s*/;
const SOURCE =
  /^(本报综合报道|本报综合|综合报道|据[\u4e00-\u9fff]{2,12}报道|据[\u4e00-\u9fff]{2,8}社?电?|来源[:：].{2,20}|本报讯)$/;
// Organisations printed between names (记者 张三 某某区融媒体中心 李四) are neither names nor a reason to doubt the line.
const ORGANISATION =
  /(中心|局|委|办|社|院|站|队|所|公司|集团|街道|社区|报|台|部|处|科|组|会|馆|团|镇|乡|村|县|区|市|省)$/;

/** Tuning values of byline reading. */
export const bylineDefaults = {
  /** Most words (roles and names) on one byline line. */
  maxTokens: 10,
  /** Most names a line without any role word may carry and still count as a byline. */
  maxBareNames: 4,
  /** Longest byline line. */
  maxLineLength: 40,
};

// A reporter of another outlet named with it: 新华社记者, 人民网记者, 区融媒体中心记者, 新华社摄影记者.
const OUTLET_ROLE = /^[\u4e00-\u9fff]{1,10}(社|网|台|报|中心)(特约|首席|见习)?(摄影)?记者$/;

// A letter's sender named with where they live: 蒋村街道读者, 文三社区居民.
const PLACED_SENDER =
  /^[\u4e00-\u9fff]{1,12}(街道|社区|小区|村|镇|乡|区|县|市|省)(读者|居民|市民|村民|网友|家长)$/;

function roleOf(token: string): BylineRole | null {
  const role = ROLE_LOOKUP.get(token);
  if (role) return role;
  if (PLACED_SENDER.test(token)) return '作者';
  const outlet = OUTLET_ROLE.exec(token);
  return outlet ? (outlet[3] ? '摄影' : '记者') : null;
}

/** A role word the token starts with ("记者张三", "通讯员：李四"), and the rest. */
function splitRolePrefix(token: string): [BylineRole, string] | null {
  for (const [word, role] of ROLE_WORDS) {
    if (token.length <= word.length || !token.startsWith(word)) continue;
    const rest = token.slice(word.length);
    // One-character roles (文, 图, 摄) only with a mark after them: 文/张三, 图：李四.
    if (word.length === 1 && !/^[:：/]/.test(rest)) continue;
    return [role, rest.replace(/^[:：/]/, '')];
  }
  return null;
}

function splitRoleSuffix(token: string, allowWen: boolean): [string, BylineRole] | null {
  for (const [suffix, role] of SUFFIX_ROLES) {
    if (token.length > suffix.length + 1 && token.endsWith(suffix))
      return [token.slice(0, -suffix.length), role];
  }
  if (allowWen && /^[\u4e00-\u9fff]{3,4}文$/.test(token)) return [token.slice(0, -1), '作者'];
  return null;
}

/** A word jieba reads as place names only (江苏苏州, 杭州). */
function placeWord(word: string, seg: Segmenter): boolean {
  return seg.memo('place-word', word, () => {
    const tags = seg.tag(word);
    return tags.length > 0 && tags.every((t) => t.tag === 'ns');
  });
}

/** A word that carries its role and a plausible name with it: 记者张三, 文/李四, 王五摄. */
function provenRole(word: string, seg: Segmenter): boolean {
  const prefix = splitRolePrefix(word);
  if (prefix && isPersonName(prefix[1], seg)) return true;
  // 文/ and 图/ with their slash are credits by shape: a pen name may follow (文/禾木).
  if (prefix && /^[文图][/／]/.test(word) && looksLikeName(prefix[1], seg)) return true;
  const suffix = splitRoleSuffix(word, false);
  return suffix !== null && isPersonName(suffix[0], seg);
}

/**
 * Tokens of a byline: split at spaces and list marks, with a name printed spread out to the width of
 * three characters (于  洋, 王　腾) put back together.
 */
function tokens(text: string, seg: Segmenter): string[] {
  const raw = text.split(/[\s\u3000\u00a0、;；]+/).filter(Boolean);
  // Without a role word, single characters are not rejoined: 南 京 is a spaced-out heading, not a name.
  if (!raw.some((w) => roleOf(w) || provenRole(w, seg))) return raw;
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const token = raw[i]!;
    const next = raw[i + 1];
    if (
      /^[\u4e00-\u9fff]$/.test(token) &&
      !roleOf(token) &&
      next &&
      /^[\u4e00-\u9fff]{1,2}(摄|文)?$/.test(next) &&
      !roleOf(next)
    ) {
      out.push(token + next);
      i++;
    } else out.push(token);
  }
  return out;
}

/**
 * Names with roles from a run of byline words: "记者 伍思远 通讯员 任秋禾", "本报记者朱燕", "王鹏 黄智",
 * "罗艾桦文 陈北跑摄", "记者暨佩娟、赵益普". Where role words prove the text is a byline, every
 * name-sized word is taken as a name (pen names, rare surnames), organisations between names are
 * skipped; without role words each word must read as a person's name by surname and jieba's tags.
 * Returns null when the text is not a byline, so ordinary text is never read as one. `defaultRole`
 * applies to names printed before any role word. `lenient` (inside a dateline) skips unreadable words.
 */
export function parseBylineWords(
  text: string,
  defaultRole: BylineRole,
  seg: Segmenter,
  lenient = false,
  options = bylineDefaults,
): Byline[] | null {
  const words = tokens(text.replace(TRAILING_VERBS, ''), seg);
  if (words.length === 0 || words.length > options.maxTokens) return null;
  const suffixCredits = words.filter((w) => /摄$/.test(w)).length;
  const shaped = lenient || words.some((w) => roleOf(w) || provenRole(w, seg));
  const bylines: Byline[] = [];
  let role = defaultRole;
  const add = (name: string, r: BylineRole) => {
    if (!bylines.some((b) => b.name === name)) bylines.push({ name, role: r });
  };
  let afterRole = false;
  // Right after a role word, a surname and one or two characters is a name even where it is also a
  // dictionary word (甘露, 江山): the role word says a name goes there.
  const nameOk = (name: string, slot = false) =>
    shaped
      ? looksLikeName(name, seg) ||
        (slot && /^[\u4e00-\u9fff]{2,3}$/.test(name) && SINGLE_SURNAMES.has(name[0]!))
      : isPersonName(name, seg);
  for (const word of words) {
    const exact = roleOf(word);
    if (exact) {
      role = exact;
      afterRole = true;
      continue;
    }
    const slot = afterRole;
    afterRole = false;
    const prefix = splitRolePrefix(word);
    if (prefix?.[1] && nameOk(prefix[1])) {
      [role] = prefix;
      add(prefix[1], role);
      continue;
    }
    const suffix = splitRoleSuffix(word, suffixCredits > 0);
    if (suffix && nameOk(suffix[0])) {
      add(suffix[0], suffix[1]);
      continue;
    }
    if (nameOk(word, slot)) {
      add(word, role);
      continue;
    }
    if (lenient || (shaped && ORGANISATION.test(word) && word.length <= 14)) continue;
    // Where the sender lives, printed before the role: 江苏苏州 读者 X.
    if (shaped && word.length <= 8 && placeWord(word, seg)) continue;
    return null;
  }
  // A credit that ends with 摄 on its own (记者 许诺 通讯员 闻天 摄) says every name on it took the picture.
  const last = words[words.length - 1]!;
  if (last === '摄' || last === '摄影') for (const b of bylines) b.role = '摄影';
  return bylines.length > 0 ? bylines : null;
}

/** A line that is only a byline or a source line; null for anything else. */
export function parseBylineLine(
  line: string,
  seg: Segmenter,
  options = bylineDefaults,
): BylineInfo | null {
  const trimmed = line.trim();
  if (trimmed.length < 2 || trimmed.length > options.maxLineLength) return null;
  const marked = MARKS.test(trimmed);
  const text = trimmed.replace(MARKS, '').trim();
  // Cheap shape test first (most lines are text): a byline is short words, not one long run.
  if (
    !/[\s\u3000\u00a0、(（/：:]/.test(text) &&
    text.length > 5 &&
    !ROLE_START.test(text) &&
    !/摄$/.test(text)
  )
    return null;
  // A byline has no sentence punctuation; a line of wrapped body text often does.
  if (
    /[，,。！？!?：:“”"]/.test(text.replace(/^[^：:]{1,6}[：:]/, '')) ||
    /^[、，]|[、，]$/.test(text)
  )
    return null;
  if (SOURCE.test(text)) return { bylines: [], source: text, marked, closing: false };
  // Page furniture (版式设计：X, 本版编辑：Y) credits the page, not an article's reporting.
  if (PAGE_CREDIT.test(text)) return null;
  const paren = /^[(（]([^()（）]{2,30})[)）]$/.exec(text);
  if (paren) {
    const inner = paren[1]!.trim();
    if (SOURCE.test(inner)) return { bylines: [], source: inner, marked, closing: true };
    const bylines =
      parseBylineWords(inner, '作者', seg, false, options) ??
      (penName(inner, seg) ? [{ name: inner, role: '作者' as const }] : null);
    return bylines ? { bylines, source: null, marked, closing: true } : null;
  }
  // A sender label of a column: 读者 王某, 推荐人：张某.
  const label = /^([\u4e00-\u9fff]{1,4}人|读者)[:：\s]\s*([\u4e00-\u9fff·]{2,8})$/.exec(text);
  if (label && !roleOf(label[1]!) && isPersonName(label[2]!, seg))
    return { bylines: [{ name: label[2]!, role: '作者' }], source: null, marked, closing: false };
  // A letter signed with the writer's city and name: 江苏南京市 王某.
  const placed = /^([\u4e00-\u9fff]{2,10}[省市区县州盟旗])[\s\u3000]+([\u4e00-\u9fff]{2,4})$/.exec(
    text,
  );
  if (placed && placeWord(placed[1]!, seg) && isPersonName(placed[2]!, seg))
    return { bylines: [{ name: placed[2]!, role: '作者' }], source: null, marked, closing: false };
  // A role printed without a name (本报评论员) is a byline line all the same.
  if (roleOf(text) && text.length >= 3)
    return { bylines: [], source: null, marked, closing: false };
  const bylines = parseBylineWords(text, '作者', seg, false, options);
  if (!bylines) return null;
  const hasRole = tokens(text, seg).some(
    (w) => roleOf(w) || splitRolePrefix(w) || splitRoleSuffix(w, false),
  );
  // A bare name line is only trusted for a few names.
  if (!hasRole && bylines.length > options.maxBareNames) return null;
  return { bylines, source: null, marked, closing: false };
}

/**
 * A dateline that opens the first paragraph: 本报讯(记者 伍思远 通讯员 任秋禾), 本报北京1月31日电（记者杜一菲）,
 * 新华社杭州5月3日电（记者 X）. Returns the names and the paragraph without the parenthesis.
 */
export function parseDateline(
  paragraph: string,
  seg: Segmenter,
): { bylines: Byline[]; rest: string; dateline: string } | null {
  const head = DATELINE_HEAD.exec(paragraph);
  if (!head) return null;
  const dateline = head[0].replace(MARKS, '').trim();
  const after = paragraph.slice(head[0].length).replace(/^[\s\u3000]+/, '');
  const paren = /^[(（]([^()（）]{2,40})[)）]\s*/.exec(after);
  if (paren) {
    const bylines = parseBylineWords(paren[1]!, '记者', seg, true);
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
    const exact = roleOf(word);
    const split = exact ? null : splitRolePrefix(word);
    if (exact) role = exact;
    else if (role && isPersonName(word, seg)) bylines.push({ name: word, role });
    else if (split && isPersonName(split[1], seg)) {
      role = split[0];
      bylines.push({ name: split[1], role });
    } else break;
    used = i + 2;
  }
  if (bylines.length === 0) return null;
  return { bylines, rest: words.slice(used).join('').trimStart(), dateline };
}

/** A closing credit at the end of the last paragraph: "……贡献力量。 (于文)" or "…。(记者 徐亮)". */
export function parseTrailingCredit(
  paragraph: string,
  seg: Segmenter,
): { bylines: Byline[]; rest: string } | null {
  const m = /[\s\u3000]*[(（]([^()（）]{2,30})[)）]\s*$/.exec(paragraph);
  if (!m || m.index === 0) return null;
  if (!/[。！？!?”」』]$/.test(paragraph.slice(0, m.index).trim())) return null;
  const bylines = parseBylineWords(m[1]!, '作者', seg);
  return bylines ? { bylines, rest: paragraph.slice(0, m.index).trimEnd() } : null;
}
