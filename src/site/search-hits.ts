/** One search result as the reader sees it: kicker, highlighted headline, where and when, a snippet. */
import { articlePath } from '../model/article-path.ts';
import { pageLabel, title } from './format.ts';
import { t } from './i18n.ts';
import { esc, hits } from './search-ui.ts';

/** The fields of a stored article document the hit shows. */
interface Hit {
  id: string;
  kicker: string;
  headline: string;
  body: string;
  paperName: string;
  date: string | null;
  page: string | null;
  districts: string[];
  _highlightResult?: Record<string, { value: string } | undefined>;
  _snippetResult?: Record<string, { value: string } | undefined>;
}

/**
 * A hit's markup. Text from the archive is escaped; highlighted and snippet values come escaped by
 * InstantSearch (escapeHTML), with its <mark> tags as the only markup: markup in an article stays text.
 */
export function hitHtml(hit: Record<string, unknown>): string {
  const h = hit as unknown as Hit;
  const marked = (attribute: 'kicker' | 'headline') =>
    h._highlightResult?.[attribute]?.value ?? esc(h[attribute]);
  const where = [
    h.paperName,
    h.date ?? t('date.unknown'),
    h.page ? pageLabel(h.page) : '',
    h.districts.join('、'),
  ]
    .filter(Boolean)
    .join(' · ');
  const snippet = h._snippetResult?.body?.value ?? esc(h.body.slice(0, 120));
  return `<article class="hit">${h.kicker ? `<div class="kicker">${marked('kicker')}</div>` : ''}<h3><a href="${esc(articlePath(h.id))}">${h.headline ? marked('headline') : esc(title(h))}</a></h3><p class="muted">${esc(where)}</p><p>${snippet}</p></article>`;
}

export function searchHits(container: string) {
  return hits({
    container,
    item: hitHtml,
    empty: () => `<div class="notice" role="status">${esc(t('search.empty'))}</div>`,
  });
}
