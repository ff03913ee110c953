/** One search result as the reader sees it: kicker, highlighted headline, where and when, a snippet. */
import hits from 'instantsearch.js/es/widgets/hits/hits.js';
import { articlePath } from '../model/article-path.ts';
import { pageLabel, title } from './format.ts';
import { t } from './i18n.ts';

type Html = (s: TemplateStringsArray, ...v: unknown[]) => unknown;
type Components = { Highlight: (p: object) => unknown; Snippet: (p: object) => unknown };

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
}

export function searchHits(container: string) {
  return hits({
    container,
    templates: {
      // Highlight and Snippet escape the archive's text: markup in an article stays text.
      item: (hit: Record<string, unknown>, { html, components }: { html: Html; components: Components }) => {
        const h = hit as unknown as Hit;
        const where = [h.paperName, h.date ?? t('date.unknown'), h.page ? pageLabel(h.page) : '', h.districts.join('、')].filter(Boolean).join(' · ');
        return html`<article class="hit">
          ${h.kicker ? html`<div class="kicker">${components.Highlight({ hit, attribute: 'kicker' })}</div>` : ''}
          <h3><a href=${articlePath(h.id)}>${h.headline ? components.Highlight({ hit, attribute: 'headline' }) : title(h)}</a></h3>
          <p class="muted">${where}</p>
          <p>${components.Snippet({ hit, attribute: 'body' })}</p>
        </article>`;
      },
      empty: (_results: unknown, { html }: { html: Html }) => html`<div class="notice" role="status">${t('search.empty')}</div>`,
    } as never,
  });
}
