/**
 * Atom feeds (RFC 4287) for the newest articles and per district, reporter and paper, written with the
 * `feed` library at build time. An entry's time is its issue date at 00:00 China time; articles whose
 * date is unknown have no place in a feed and are left out (the browse pages list them).
 */
import { Feed } from 'feed';
import type { Article } from '../model/article.ts';
import { creditedPeople } from '../model/credits.ts';
import { articlePath } from '../model/article-path.ts';
import { byNewest } from './browse.ts';
import { paperLabel, title } from './format.ts';
import { t } from './i18n.ts';

export const FEED_DEFAULTS = {
  /** Entries per feed: the newest. */
  entries: 50,
  /** Characters of the body in an entry's summary. */
  summaryChars: 200,
} as const;

export type FeedKind = 'districts' | 'reporters' | 'papers';

/** Where a feed is on the site: /feeds/newest.atom, /feeds/districts/上城区.atom … */
export function feedPath(kind: FeedKind | 'newest', key = ''): string {
  return kind === 'newest'
    ? '/feeds/newest.atom'
    : `/feeds/${kind}/${encodeURIComponent(key)}.atom`;
}

// Characters XML 1.0 does not allow, which OCR text sometimes carries.
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const xmlSafe = (text: string) => text.replace(NOT_XML, '');
/**
 * Text for an element the library marks type="html": escaped, so that a feed reader shows archive text
 * such as <script> as text (and no ]]> can end its CDATA section early).
 */
const htmlText = (text: string) =>
  xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An issue date (YYYY-MM-DD, YYYY-MM or YYYY) as the start of that day, month or year in China time. */
export function issueTime(date: string): Date {
  const [y, m = '01', d = '01'] = date.split('-');
  return new Date(`${y}-${m}-${d}T00:00:00+08:00`);
}

export interface FeedOptions {
  title: string;
  /** The page the feed follows (its alternate), e.g. /districts/上城区/. */
  page: string;
  /** The feed's own path (feedPath). */
  path: string;
  articles: Article[];
  siteUrl: string;
}

/** The feed's Atom XML: the newest dated articles, each with its link, authors, summary and places. */
export function atomFeed(options: FeedOptions): string {
  const base = options.siteUrl.replace(/\/$/, '');
  const dated = options.articles
    .filter((a) => a.date)
    .sort(byNewest)
    .slice(0, FEED_DEFAULTS.entries);
  const feed = new Feed({
    title: xmlSafe(t('feed.title', { title: options.title })),
    id: `${base}${options.path}`,
    link: `${base}${options.page}`,
    language: 'zh-CN',
    updated: dated[0] ? issueTime(dated[0].date!) : new Date(0),
    generator: t('site.name'),
    feedLinks: { atom: `${base}${options.path}` },
    author: { name: t('site.name') },
    copyright: t('feed.rights'),
  });
  for (const a of dated) {
    const url = `${base}${articlePath(a.id)}`;
    feed.addItem({
      title: htmlText([a.kicker, title(a), a.subheadline].filter(Boolean).join(' | ')),
      id: url,
      link: url,
      date: issueTime(a.date!),
      description: htmlText(
        `${paperLabel(a.paperName)}${a.page ? ` ${t('page.number', { page: a.page })}` : ''}：${a.body.replace(/\s+/g, ' ').slice(0, FEED_DEFAULTS.summaryChars)}`,
      ),
      author: creditedPeople(a)
        .filter((b) => b.role !== '编辑')
        .map((b) => ({ name: xmlSafe(b.name) })),
      category: a.districts.map((d) => ({ name: xmlSafe(d), term: xmlSafe(d) })),
    });
  }
  return feed.atom1();
}
