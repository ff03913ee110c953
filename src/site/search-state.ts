/** Runtime search settings, served as /search-config.json beside the built site. */
export interface SearchConfig {
  host: string;
  index: string;
  /** A key that can only search this index. */
  apiKey: string;
}

export { dateToNum, numToDate } from '../search/query.ts';
