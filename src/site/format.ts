import type { Article, Byline } from '../model/article.ts';

export const articleUrl = (a: Pick<Article, 'id'>) => `/a/${a.id}/`;

/** 2021-05-24 → 2021年5月24日; partial dates keep their precision; null → 日期不详. */
export function formatDate(date: string | null): string {
  if (!date) return '日期不详';
  const [y, m, d] = date.split('-');
  return `${y}年${m ? `${Number(m)}月` : ''}${d ? `${Number(d)}日` : ''}`;
}

export function formatBylines(bylines: Byline[]): string {
  const byRole = new Map<string, string[]>();
  for (const b of bylines) byRole.set(b.role, [...(byRole.get(b.role) ?? []), b.name]);
  return [...byRole].map(([role, names]) => (role === '作者' ? names.join(' ') : `${role} ${names.join(' ')}`)).join('　');
}

export function title(a: Pick<Article, 'headline' | 'kicker' | 'body'>): string {
  return a.headline || a.kicker || `${a.body.slice(0, 24)}…`;
}

export function slug(text: string): string {
  return encodeURIComponent(text);
}
