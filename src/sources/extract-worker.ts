/**
 * A worker thread of the extraction pool: builds the extract context once from the papers it is
 * given, then extracts each page sent to it. See extract-pool.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { extractPage, type PageSource } from '../ingest/extract-page.ts';
import type { Paper } from '../model/paper.ts';
import { extractContext } from './extract-sources.ts';

const { papers } = workerData as { papers: Paper[] };
const context = await extractContext(papers);
const port = parentPort!;
port.on('message', ({ id, source }: { id: number; source: PageSource }) => {
  try {
    port.postMessage({ id, record: extractPage(source, context) });
  } catch (error) {
    port.postMessage({ id, error: `${(error as Error).message} (${(error as Error).stack?.split('\n')[1]?.trim() ?? ''})` });
  }
});
port.postMessage({ ready: true });
