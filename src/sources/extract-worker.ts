/**
 * A worker thread of the extraction pool: builds the extract context once from the papers it is
 * given, then extracts each page sent to it. See extract-pool.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { extractPage, type PageSource } from '../ingest/extract-page.ts';
import type { Paper } from '../model/paper.ts';
import type { SegmenterEngine } from '../text/segmenter.ts';
import { extractContext } from './extract-sources.ts';

const { papers, engine } = workerData as { papers: Paper[]; engine?: SegmenterEngine };
const context = await extractContext(papers, engine);
const port = parentPort!;
port.on('message', ({ id, source }: { id: number; source: PageSource }) => {
  try {
    port.postMessage({ id, record: extractPage(source, context) });
  } catch (error) {
    port.postMessage({
      id,
      error: `${(error as Error).message} (${(error as Error).stack?.split('\n')[1]?.trim() ?? ''})`,
    });
  }
});
port.postMessage({ ready: true });
