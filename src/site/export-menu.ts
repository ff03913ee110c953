import { writeBundle } from '../export/bundle.ts';
import { fetchAll } from '../export/fetch-all.ts';
import { exportFileName, formatRecord, preamble, type Format } from '../export/formats.ts';
import { parseSearchParams } from '../search/query.ts';
import { t } from './i18n.ts';

/** The export menu on the search page: the search in the URL, every match, one file. */
export function startExportMenu() {
  const menu = document.getElementById('export-menu');
  const status = document.getElementById('export-status');
  if (!menu || !status) return;
  menu.addEventListener('click', async (event) => {
    const button = (event.target as HTMLElement).closest('button[data-format]') as HTMLButtonElement | null;
    if (!button) return;
    const format = button.dataset.format as Format | 'bundle';
    const buttons = [...menu.querySelectorAll('button')];
    buttons.forEach((b) => (b.disabled = true));
    try {
      const config = await (await fetch('/search-config.json', { cache: 'no-store' })).json();
      const request = parseSearchParams(new URLSearchParams(location.search));
      const matches = fetchAll({
        host: config.host,
        apiKey: config.apiKey,
        index: config.index,
        request,
        onProgress: (done, total) => (status.textContent = t('export.progress', { done, total })),
      });
      const parts: BlobPart[] = [];
      let count = 0;
      if (format === 'bundle') {
        // The research bundle: the same files the CLI's --format bundle writes (src/export/bundle.ts).
        const articles = [];
        for await (const article of matches) articles.push(article);
        const info = { request, baseUrl: location.origin, index: { name: config.index, version: config.indexVersion ?? null }, exportedAt: new Date(), exportedFrom: 'site' as const };
        await writeBundle(articles, info, (chunk) => parts.push(chunk as Uint8Array<ArrayBuffer>));
        count = articles.length;
      } else {
        parts.push(preamble(format));
        for await (const article of matches) {
          parts.push(formatRecord(format, article, location.origin));
          count++;
        }
      }
      const name = exportFileName([request.q, ...request.districts, ...request.papers, ...request.reporters, request.from ?? '', request.to ?? ''], format, new Date().toISOString().slice(0, 10));
      const url = URL.createObjectURL(new Blob(parts, { type: 'application/octet-stream' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      status.textContent = t('export.done', { count, file: name });
    } catch (error) {
      status.textContent = t('export.failed', { message: (error as Error).message });
    } finally {
      buttons.forEach((b) => (b.disabled = false));
    }
  });
}
