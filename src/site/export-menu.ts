import { PartialResultError } from '../errors/index.ts';
import { writeBundle } from '../export/bundle.ts';
import { fetchAll } from '../export/fetch-all.ts';
import { exportFileName, formatRecord, preamble, type Format } from '../export/formats.ts';
import { parseSearchParams, type SearchRequest } from '../search/query.ts';
import type { SearchTarget } from '../search/federated.ts';
import { t } from './i18n.ts';
import { loadSearchConfig } from './search-config.ts';

/**
 * Every match of the request in one format, or as the research bundle (the same files the CLI's
 * --format bundle writes, src/export/bundle.ts); with allowPartial, servers that do not answer are left out.
 */
async function exportParts(
  target: SearchTarget,
  request: SearchRequest,
  format: Format | 'bundle',
  status: HTMLElement,
  allowPartial: boolean,
) {
  const matches = fetchAll({
    target,
    request,
    allowPartial,
    onProgress: (done, total) => (status.textContent = t('export.progress', { done, total })),
  });
  const parts: BlobPart[] = [];
  let count = 0;
  if (format === 'bundle') {
    const articles = [];
    for await (const article of matches) articles.push(article);
    const info = {
      request,
      baseUrl: location.origin,
      index: { name: target.index, version: target.version ?? null },
      exportedAt: new Date(),
      exportedFrom: 'site' as const,
    };
    await writeBundle(articles, info, (chunk) => parts.push(chunk as Uint8Array<ArrayBuffer>));
    count = articles.length;
  } else {
    parts.push(preamble(format));
    for await (const article of matches) {
      parts.push(formatRecord(format, article, location.origin));
      count++;
    }
  }
  return { parts, count };
}

/** The export menu on the search page: the search in the URL, every match, one file. */
export function startExportMenu() {
  const menu = document.getElementById('export-menu');
  const status = document.getElementById('export-status');
  if (!menu || !status) return;
  menu.addEventListener('click', async (event) => {
    const button = (event.target as HTMLElement).closest(
      'button[data-format]',
    ) as HTMLButtonElement | null;
    if (!button) return;
    const format = button.dataset.format as Format | 'bundle';
    const buttons = [...menu.querySelectorAll('button')];
    for (const b of buttons) b.disabled = true;
    try {
      const target = await loadSearchConfig();
      if (!target) throw new Error(t('search.down.after'));
      const request = parseSearchParams(new URLSearchParams(location.search));
      let result: Awaited<ReturnType<typeof exportParts>>;
      try {
        result = await exportParts(target, request, format, status, false);
      } catch (error) {
        if (!(error instanceof PartialResultError)) throw error;
        // A partial file is written only when the reader says so, knowing which papers it lacks.
        const papers = error.missing
          .flatMap((m) =>
            m.papers.length ? m.papers : [t('search.partial.server', { server: m.server })],
          )
          .join('、');
        if (!window.confirm(t('export.partial', { papers }))) {
          status.textContent = t('export.partialRefused', { papers });
          return;
        }
        result = await exportParts(target, request, format, status, true);
      }
      const name = exportFileName(
        [
          request.q,
          ...request.districts,
          ...request.papers,
          ...request.reporters,
          request.from ?? '',
          request.to ?? '',
        ],
        format,
        new Date().toISOString().slice(0, 10),
      );
      const url = URL.createObjectURL(new Blob(result.parts, { type: 'application/octet-stream' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      status.textContent = t('export.done', { count: result.count, file: name });
    } catch (error) {
      status.textContent = t('export.failed', { message: (error as Error).message });
    } finally {
      for (const b of buttons) b.disabled = false;
    }
  });
}
