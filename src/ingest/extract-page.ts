import { createHash } from 'node:crypto';
import type { Article, Byline } from '../model/article.ts';
import type { Message, PageRecord } from '../model/page.ts';
import type { Paper } from '../model/paper.ts';
import type { Gazetteer } from '../gazetteer/index.ts';
import type { Segmenter } from '../text/segmenter.ts';
import type { Decoded } from './decode.ts';
import { findDate, type IssueDate } from './find-dates.ts';
import { parseDateline, parseTrailingCredit } from './find-bylines.ts';
import { findDistricts, inferHomeDistrict, inferRegion, paperRegion } from './find-districts.ts';
import { extractKeywords } from './keywords.ts';
import { pageLines } from './page-lines.ts';
import { reflow } from './reflow.ts';
import { splitArticles, type RawArticle } from './split-articles.ts';
import { assignTitles } from './titles.ts';
import { isCaption } from './captions.ts';

export { isCaption } from './captions.ts';

/** Bump when extraction changes, so that incremental ingests process every file again. */
export const EXTRACTOR_VERSION = '5';

/** One input file, read, hashed and decoded once, with what its path, sidecar or front matter says about it. */
export interface PageSource {
  file: string;
  /** sha256 of the file's bytes as read. */
  hash: string;
  /** The text (front matter blanked, line numbers kept), or why the bytes are not page text. */
  decoded: Decoded;
  paper: Paper | null;
  /** Issue date from metadata; null when the metadata says nothing. */
  date: IssueDate | null;
  page: string | null;
  messages?: Message[];
}

/**
 * What extraction needs besides the page, built once before the first page and never changed after:
 * the gazetteer and the segmenter (with the words of the configured papers' regions).
 */
export interface ExtractContext {
  gazetteer: Gazetteer;
  segmenter: Segmenter;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Articles of one page, or the reason there are none. Pure: no disk, no network. */
export function extractPage(source: PageSource, context: ExtractContext): PageRecord {
  const base = {
    file: source.file,
    hash: source.hash,
    paper: source.paper?.slug ?? '',
    page: source.page,
    messages: [...(source.messages ?? [])],
  };
  const decoded = source.decoded;
  if (!decoded.ok) {
    return {
      ...base,
      date: source.date?.date ?? null,
      datePrecision: source.date?.precision ?? 'unknown',
      dateSource: source.date?.source ?? 'unknown',
      encoding: null,
      status: 'skipped',
      reason: decoded.reason,
      articles: [],
      leftovers: [],
      messages: [
        ...base.messages,
        { file: source.file, line: 0, severity: 'error', message: decoded.reason },
      ],
    };
  }
  const text = decoded.text;
  const date = findDate(text, source.date);
  const lines = pageLines(text);
  const split = splitArticles(lines, context.segmenter);
  // A paper without a region is national: nothing is inferred for its pages. A loose page's region is
  // read from its place names.
  const region = source.paper
    ? paperRegion(context.gazetteer, source.paper.region ?? null)
    : inferRegion(text, context.gazetteer, null);
  const homeDistrict = source.paper
    ? (source.paper.homeDistrict ?? null)
    : inferHomeDistrict(text, context.gazetteer, region);

  const articles: Article[] = [];
  const seen = new Map<string, number>();
  for (const raw of split.articles) {
    const article = buildArticle(raw, source, date, homeDistrict, region, context);
    if (!article) continue;
    // Two articles with the same opening text on one page (a reprint) still need distinct ids.
    const n = seen.get(article.id) ?? 0;
    seen.set(article.id, n + 1);
    if (n > 0) article.id = `${article.id}-${n + 1}`;
    articles.push(article);
  }
  const leftovers = split.leftovers;
  const messages = [...base.messages];
  if (articles.length === 0)
    messages.push({
      file: source.file,
      line: 1,
      severity: 'warning',
      message: 'no article found on this page',
    });
  return {
    ...base,
    date: date.date,
    datePrecision: date.precision,
    dateSource: date.source,
    encoding: decoded.encoding,
    status: articles.length > 0 ? 'ingested' : 'skipped',
    reason: articles.length > 0 ? null : 'no article text found',
    articles,
    leftovers,
    messages,
  };
}

function buildArticle(
  raw: RawArticle,
  source: PageSource,
  date: IssueDate,
  homeDistrict: string | null,
  region: ReturnType<typeof inferRegion>,
  context: ExtractContext,
): Article | null {
  const paragraphs = reflow(raw.body);
  const bylines: Byline[] = [...raw.bylines];
  const addNames = (found: Byline[]) => {
    for (const b of found) if (!bylines.some((x) => x.name === b.name)) bylines.push(b);
  };
  // The dateline opens the first paragraph, or the one after a deck or a box label above it.
  for (const paragraph of paragraphs.filter((p) => !p.subhead).slice(0, 3)) {
    const dateline = parseDateline(paragraph.text, context.segmenter);
    if (dateline) {
      addNames(dateline.bylines);
      paragraph.text = dateline.rest;
      break;
    }
  }
  const last = paragraphs[paragraphs.length - 1];
  if (last) {
    const credit = parseTrailingCredit(last.text, context.segmenter);
    if (credit) {
      addNames(credit.bylines);
      last.text = credit.rest;
    }
  }
  const captions = paragraphs.filter((p) => isCaption(p.text)).map((p) => p.text);
  // Captions stay in the body where they were printed (they are part of what a reader searches);
  // `captions` lists them so that a page can set them apart.
  const bodyParagraphs = paragraphs.filter((p) => p.text.trim());
  const body = bodyParagraphs.map((p) => p.text).join('\n\n');
  if (!body.trim() && raw.titles.length === 0) return null;
  const titles = assignTitles(raw.titles);
  const districts = findDistricts(
    { ...titles, section: raw.section, body, homeDistrict },
    context.gazetteer,
    region,
    context.segmenter,
  );
  const keywordText = [titles.kicker, titles.headline, titles.subheadline, body].join('\n');
  const startLine = Math.min(
    ...[...raw.titleLines, ...raw.body.filter((l) => l.text).map((l) => l.n)].filter((n) => n > 0),
    Number.MAX_SAFE_INTEGER,
  );
  return {
    id: articleId(source.paper?.slug ?? '', source.file, body || titles.headline),
    paper: source.paper?.slug ?? '',
    paperName: source.paper?.name ?? '',
    file: source.file,
    line: Number.isFinite(startLine) && startLine < Number.MAX_SAFE_INTEGER ? startLine : 1,
    page: source.page,
    date: date.date,
    datePrecision: date.precision,
    dateSource: date.source,
    kind: raw.kind,
    section: raw.section,
    ...titles,
    subheads: bodyParagraphs.filter((p) => p.subhead).map((p) => p.text),
    body,
    tables: raw.tables,
    captions,
    source: raw.source,
    bylines,
    contributors: raw.contributors.filter((c) => !bylines.some((b) => b.name === c.name)),
    districts: districts.districts,
    districtAliases: districts.aliases,
    streets: districts.streets,
    keywords: extractKeywords(
      keywordText,
      context.segmenter,
      [...bylines, ...raw.contributors].map((b) => b.name),
    ),
  };
}

/** Stable across runs and re-orderings: the paper, the file and the article's opening text. */
export function articleId(paper: string, file: string, text: string): string {
  const opening = text.replace(/\s+/g, '').slice(0, 80);
  return createHash('sha256')
    .update(`${paper}\u0000${file}\u0000${opening}`)
    .digest('hex')
    .slice(0, 16);
}
