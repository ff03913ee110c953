import { createSegmenter } from '../../src/text/segmenter.ts';

/** jieba's own dictionary and nothing else: what the stages see for a paper with no region. */
export const segmenter = createSegmenter([]);
