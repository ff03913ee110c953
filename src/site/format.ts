/** How the site writes an article's parts: dates, pages, kinds, bylines, titles. Pure; browser and build. */
import type { Article, ArticleKind, Byline } from '../model/article.ts';
import { articlePath } from '../model/article-path.ts';
import { t } from './i18n.ts';

export const articleUrl = (a: Pick<Article, 'id'>) => articlePath(a.id);

/** 2021-05-24 → 2021年5月24日; partial dates keep their precision; null → 日期不详. */
export function formatDate(date: string | null): string {
  if (!date) return t('date.unknown');
  const [y, m, d] = date.split('-');
  return `${t('date.year', { year: y! })}${m ? t('date.month', { month: Number(m) }) : ''}${d ? t('date.day', { day: Number(d) }) : ''}`;
}

export function formatBylines(bylines: Byline[]): string {
  const byRole = new Map<string, string[]>();
  for (const b of bylines) byRole.set(b.role, [...(byRole.get(b.role) ?? []), b.name]);
  return [...byRole]
    .map(([role, names]) => (role === '作者' ? names.join(' ') : `${role} ${names.join(' ')}`))
    .join('　');
}

/** 文章 / 简讯 / 公告; an unknown kind as it is. */
export function kindLabel(kind: ArticleKind | string): string {
  const key = `kind.${kind}` as const;
  return key === 'kind.article' || key === 'kind.brief' || key === 'kind.notice' ? t(key) : kind;
}

/** 第3版, or 版次不详. */
export function pageLabel(page: string | null): string {
  return page ? t('page.number', { page }) : t('page.unknown');
}

/** The paper's name, or （未归属报纸） for pages outside any paper. */
export function paperLabel(paperName: string): string {
  return paperName || t('paper.unknown');
}

/** The headline, else the kicker, else the opening of the body. */
export function title(a: Pick<Article, 'headline' | 'kicker' | 'body'>): string {
  return a.headline || a.kicker || `${a.body.slice(0, 24)}…`;
}

export function slug(text: string): string {
  return encodeURIComponent(text);
}
