import type { Article } from '../model/article.ts';
import { creditedPeople } from '../model/credits.ts';

/**
 * A GB/T 7714-2015 reference for a newspaper article: 作者. 题名[N]. 报纸名, 日期(版次).
 * More than three authors are cut to three and "等"; unknown parts are left out, not invented.
 */
export function gbt7714(
  a: Pick<
    Article,
    | 'bylines'
    | 'contributors'
    | 'kicker'
    | 'headline'
    | 'subheadline'
    | 'paperName'
    | 'date'
    | 'page'
    | 'body'
  >,
): string {
  const names = creditedPeople(a)
    .filter((b) => b.role !== '编辑')
    .map((b) => b.name);
  const authors = names.length > 3 ? `${names.slice(0, 3).join(', ')}, 等` : names.join(', ');
  const titleText = [a.headline || a.kicker || a.body.slice(0, 20), a.subheadline]
    .filter(Boolean)
    .join(': ');
  const where = [a.paperName, a.date ? `${a.date}${a.page ? `(${a.page})` : ''}` : '']
    .filter(Boolean)
    .join(', ');
  return `${authors ? `${authors}. ` : ''}${titleText}[N]. ${where || '报纸不详'}.`;
}
