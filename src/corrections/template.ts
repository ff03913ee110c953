/**
 * "报告错误" on an article page: a correction for that article, prefilled with its anchor and its
 * fields as they are now, for an editor to change what is wrong, say why and date, and add to
 * content/corrections.jsonl. Shown as text to paste, or sent to the mailto: or issue URL of the config.
 */
import type { Article } from '../model/article.ts';
import { anchorOf, currentFields } from './apply.ts';

/** One line of corrections.jsonl, every editable field as the article has it now; reason and date to fill in. */
export function correctionTemplate(a: Article): string {
  return JSON.stringify({
    action: 'edit',
    ...anchorOf(a),
    set: currentFields(a),
    reason: '',
    date: '',
  });
}

/**
 * Where "报告错误" points when config.reportUrl is set. A URL with {title} and {body} gets them filled in
 * (encoded); a mailto: address gets ?subject=&body=; any other URL gets &title=&body= (GitHub's and
 * Gitea's new-issue pages read those).
 */
export function reportHref(reportUrl: string, subject: string, body: string): string {
  const enc = encodeURIComponent;
  if (/\{(title|body)\}/.test(reportUrl))
    return reportUrl.replace(/\{title\}/g, enc(subject)).replace(/\{body\}/g, enc(body));
  const join = reportUrl.includes('?') ? '&' : '?';
  if (reportUrl.startsWith('mailto:'))
    return `${reportUrl}${join}subject=${enc(subject)}&body=${enc(body)}`;
  return `${reportUrl}${join}title=${enc(subject)}&body=${enc(body)}`;
}
