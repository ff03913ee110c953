import type { GetStaticPaths } from 'astro';
import { loadConfig } from '../../../config/index.ts';
import type { Article } from '../../../model/article.ts';
import { groupBy } from '../../../site/browse.ts';
import { atomFeed, feedPath } from '../../../site/feeds.ts';
import { paperLabel } from '../../../site/format.ts';
import { loadArticles } from '../../../site/load-articles.ts';

export const getStaticPaths = (() =>
  [...groupBy(loadArticles(), (a) => [a.paper])].map(([slug, articles]) => ({
    params: { slug: slug || 'unknown' },
    props: { slug: slug || 'unknown', articles },
  }))) satisfies GetStaticPaths;

export function GET({ props }: { props: { slug: string; articles: Article[] } }) {
  const page = `/papers/${props.slug}/`;
  const xml = atomFeed({
    title: paperLabel(props.articles[0]!.paperName),
    page,
    path: feedPath('papers', props.slug),
    articles: props.articles,
    siteUrl: loadConfig().siteUrl,
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}
