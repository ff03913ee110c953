/** One load run of the search page's requests with autocannon: what the bench's load part and `npm run loadtest` time. */
import autocannon from 'autocannon';

export interface LoadRun {
  /** Origin the requests go to (Meilisearch, or the site that proxies it). */
  url: string;
  /** Path of the multi-search endpoint under it. */
  path: string;
  /** Request bodies, sent in turn. */
  bodies: string[];
  /** The search-only key. */
  apiKey: string;
  connections: number;
  /** Requests in all. */
  amount: number;
}

export interface LoadResult {
  /** Requests per second, on average. */
  rps: number;
  p50: number;
  p99: number;
  /** Errors, timeouts and non-2xx answers together. */
  errors: number;
}

export async function loadRun(run: LoadRun): Promise<LoadResult> {
  const r = await autocannon({
    url: run.url,
    connections: run.connections,
    amount: run.amount,
    timeout: 30,
    requests: run.bodies.map((body) => ({
      method: 'POST',
      path: run.path,
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${run.apiKey}` },
      body,
    })),
  });
  return {
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
  };
}
