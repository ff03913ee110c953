/**
 * What a single printed line looks like, judged from its text alone: a title, a credit, a notice
 * heading, a table cell. Pure predicates, shared by block detection and article splitting.
 */
/** A sentence is complete when the line ends in 。！？… (maybe followed by a closing quote or bracket). */
export const ENDS_SENTENCE = /[。！？!?…；;]["”’」』）)]*$/;

export const NOTICE_TITLE =
  /^(公告|通告|公示|启事|声明|通知|告示|讣告|招聘启事|寻人启事|遗失声明|征集公告|拆迁公告|[\u4e00-\u9fff]{0,8}(公告|通告|公示))$/;

// Captions and notes that belong to a table or picture, not to the titles next to them.
export const CAPTION =
  /^[（(]?(注|说明|备注|统计时间|数据来源|资料来源|来源|制表|制图|图为|摄影|作者单位|作者系|作者为)[:：]|(统计表|一览表|情况表|明细表|示意图|考核表)$|^[（(](本报|新华社)[\u4e00-\u9fff\d]{0,16}电[)）]$/;

// A dateline printed at the end, （本报华盛顿5月6日电）, closes its article like a credit.
export const CLOSING_DATELINE = /^[（(](本报|新华社)[\u4e00-\u9fff\d、]{0,20}电[)）]$/;

/** A sentence's end and a name in parentheses after it: ……好用。（晓风） closes the text it signs. */
export const SIGNED_SENTENCE = /。["”’」』]*[（(][\u4e00-\u9fff·]{2,6}[)）]$/;

export const DATE_LINE = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/;

/**
 * Lines that end an article rather than start one: picture and layout credits (X摄, 制图：X,
 * 版式设计：X), notes on the author ((作者为…)), sources (图片来源：…, 据新华社), an editor's sign-off
 * a closing dateline. (An editor's sign-off, ——编 者, closes the note above an article, not the article.)
 */
const CLOSER =
  /(摄|摄影报道)[)）]?$|(摄|摄影报道)[（(][^()（）]{1,12}[)）]$|^(本版)?(制图|版式设计|美编|图片来源|资料来源|数据来源|本期统筹|责编|责任编辑|校对)[:：\s]|^[（(](作者|本文作者)[^()（）]{1,60}[)）]$|^[（(][^()（）]{0,20}(整理|供稿|提供|来源)[)）]$|^[（(]?(完|全文完|本系列.{0,12}结束)[)）]?$|^据[\u4e00-\u9fff]{2,12}(电|报道|消息)$/;

// Service details printed at the end of an article: an address, a phone number, a web or mail address.
const SERVICE_LINE =
  /^[（(]?[\u4e00-\u9fff]{0,4}(地址|电话|热线|网址|官网|邮箱|微信|公众号|联系人|邮编)[:：\s]|^[（(]?(https?:\/\/|www\.)\S+[)）]?$|^[\d\-－—（）() ]{7,}$|@[\w.-]+\.[a-z]{2,}$/i;

export function closesArticle(text: string): boolean {
  return (
    CLOSER.test(text) ||
    CLOSING_DATELINE.test(text) ||
    SERVICE_LINE.test(text) ||
    DATE_LINE.test(text)
  );
}

/** A line that could be a title: short, not a finished sentence, not a number or a list item. */
export function titleLike(text: string): boolean {
  if (text.length < 2 || text.length > 40) return false;
  // A headline may ask or exclaim (南方为何出现连阴雨？), but never runs on into a second sentence.
  const asks = /[！？!?]["”’」』）)]*$/.test(text) && !/[。；;]/.test(text) && text.length <= 30;
  if ((ENDS_SENTENCE.test(text) && !asks) || /[，,、（(]$/.test(text)) return false;
  // A sentence and the writer's name after it (……好用。（晓风）) end a text; a headline has no full stop.
  if (SIGNED_SENTENCE.test(text)) return false;
  // A line that stops on 的 runs on into the next: the rest of a sentence cut by a column break.
  if (/[\u4e00-\u9fff]的$/.test(text) && (/[，,]/.test(text) || text.length >= 8)) return false;
  if (/^[\d\s.%/\-–~:：]+$/.test(text) || numberWithUnit(text)) return false;
  if (CAPTION.test(text) || closesArticle(text)) return false;
  return true;
}

/** A figure printed large beside a story (7.7万, 120万吨, 459个): a number and its unit, no words. */
function numberWithUnit(text: string): boolean {
  return /^(?:[\d.,，%％]+\s*[万亿千百]?[\u4e00-\u9fff]{0,2}[%％]?[\s\u3000\u00a0]*)+$/.test(text);
}

/**
 * The common shape of a Chinese headline: two phrases set apart by a space (老街换新颜 居民笑开颜),
 * with no comma or full stop. A 小标题 inside an article is usually one clause or two joined by a comma.
 */
export function headlineShaped(text: string): boolean {
  return (
    text.length >= 6 &&
    text.length <= 40 &&
    /[\u4e00-\u9fff”"’》」)）][ \u3000]+[“"‘《「(（\u4e00-\u9fff]/.test(text) &&
    !/[，,；;。：:！？]/.test(text) &&
    // A name and a work set apart (李某　《歌名》) is an entry of a list, not a headline.
    !/[ \u3000]《[^》]*》$/.test(text)
  );
}

/** Numbered 小标题 (一、… （二）… 3. … 第四章 …) head a part of an article, never a new one. */
export function numberedSubhead(text: string): boolean {
  return /^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[、.．](?!\d)|第[一二三四五六七八九十百\d]+[章节部分条篇]|[①②③④⑤⑥⑦⑧⑨⑩])/.test(
    text,
  );
}

export function cellLike(text: string): boolean {
  return text.length <= 16 && !ENDS_SENTENCE.test(text) && !/[，,：:]/.test(text);
}

export function numeric(text: string): boolean {
  return (
    /\d/.test(text) && text.replace(/[\d.%\s/\-–~元件个家人次分名年月日kgKG万亿]/g, '').length <= 4
  );
}

/**
 * The dateline that opens a news story: 本报讯, 本报北京1月31日电, 新华社杭州5月3日电, 据新华社金边1月30日电,
 * 本报记者从…获悉 is not one. Names in parentheses may follow; find-bylines reads them.
 */
export const DATELINE_HEAD =
  /^[■▲●]?\s*(?:本报讯|(?:据)?(?:本报|新华社|中新社|[\u4e00-\u9fff]{2,8}社)(?:[\u4e00-\u9fff、·]{0,12}\d{1,2}月\d{1,2}日)?电)/;

export function startsWithDateline(text: string): boolean {
  return DATELINE_HEAD.test(text);
}
