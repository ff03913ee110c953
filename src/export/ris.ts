import type { Article } from '../model/article.ts';
import { creditedPeople } from '../model/credits.ts';
import { articlePath } from '../model/article-path.ts';

const line = (tag: string, value: string) => `${tag}  - ${value.replace(/\r?\n/g, ' ')}\r\n`;

/** One RIS record (TY - NEWS) as Zotero and EndNote import it. */
export function risRecord(a: Article, baseUrl: string): string {
  let out = line('TY', 'NEWS');
  for (const b of creditedPeople(a).filter((x) => x.role !== '编辑')) out += line('AU', b.name);
  out += line(
    'TI',
    [a.headline || a.kicker || a.body.slice(0, 20), a.subheadline].filter(Boolean).join('：'),
  );
  if (a.paperName) out += line('T2', a.paperName);
  if (a.date) {
    out += line('PY', a.date.slice(0, 4));
    out += line('DA', a.date.replace(/-/g, '/'));
  }
  if (a.page) out += line('SP', a.page);
  for (const k of a.keywords) out += line('KW', k);
  for (const d of a.districts) out += line('CY', d);
  out += line('UR', `${baseUrl.replace(/\/$/, '')}${articlePath(a.id)}`);
  out += line('AB', a.body.slice(0, 500));
  out += line('ID', a.id);
  out += 'ER  - \r\n';
  return out;
}
