/**
 * An article as it is cut from a page, and the few ways splitting adds to one: titles, bylines, body
 * blocks (tables read row by row). Shared by both reading orders.
 */
import type { Byline } from '../model/article.ts';
import type { Block } from './page-blocks.ts';
import type { PageLine } from './page-lines.ts';

/** An article as cut from a page, before its text is reflowed into paragraphs. */
export interface RawArticle {
  kind: 'article' | 'brief' | 'notice';
  /** Title lines in printed order (引题, 主标题, 副题). */
  titles: string[];
  titleLines: number[];
  section: string | null;
  bylines: Byline[];
  /** Names credited for a part of the article: a sub-story's byline under its 小标题, a 整理 credit mid-text. */
  contributors: Byline[];
  source: string | null;
  /** Body lines in reading order, tables included as text; blank lines kept (they mark paragraphs). */
  body: PageLine[];
  tables: string[][][];
  /** While splitting: the last line of the table being read, so that the next group of cells joins it. */
  lastTableLine?: PageLine;
}

export function newArticle(kind: RawArticle['kind'] = 'article'): RawArticle {
  return {
    kind,
    titles: [],
    titleLines: [],
    section: null,
    bylines: [],
    contributors: [],
    source: null,
    body: [],
    tables: [],
  };
}

/**
 * Names of a byline block go to the article's bylines. A credit printed after text has begun (本报记者
 * X摄, 版式设计：Y, 记者 Z) also stays in the body where it was printed; one above the text does not.
 */
export function addByline(article: RawArticle, block: Block) {
  const info = block.byline!;
  for (const b of info.bylines)
    if (!article.bylines.some((x) => x.name === b.name)) article.bylines.push(b);
  if (info.source) article.source = info.source;
  if (article.body.some((l) => l.text)) addBody(article, block);
}

/**
 * A byline crediting a part of the article (小标题 / 本报记者 X / text, or 本报记者 X整理 between two
 * stretches of its text): its names are credited for that part, and the line stays in the body where it
 * was printed.
 */
export function addContributors(article: RawArticle, block: Block) {
  for (const b of block.byline!.bylines)
    if (![...article.bylines, ...article.contributors].some((x) => x.name === b.name))
      article.contributors.push(b);
  addBody(article, block);
}

export function addBody(article: RawArticle, block: Block) {
  const previousLine = article.body[article.body.length - 1];
  if (article.body.length > 0)
    article.body.push({
      n: block.lines[0]!.n,
      text: '',
      heading: false,
      indent: 0,
      width: 0,
      displayWidth: 0,
    });
  if (block.kind === 'table') {
    // Consecutive cell groups are one table flattened into columns: one group a row.
    const continues = previousLine !== undefined && article.lastTableLine === previousLine;
    if (continues) article.tables[article.tables.length - 1]!.push(block.lines.map((l) => l.text));
    else article.tables.push([block.lines.map((l) => l.text)]);
    article.lastTableLine = block.lines[block.lines.length - 1]!;
  }
  article.body.push(...block.lines);
}

export function setTitles(article: RawArticle, blocks: Block[]) {
  const lines = blocks.flatMap((b) => b.lines);
  article.titles = lines.map((l) => l.text);
  article.titleLines = lines.map((l) => l.n);
}

export function isEmpty(article: RawArticle): boolean {
  return article.body.every((l) => !l.text) && article.titles.length === 0;
}
