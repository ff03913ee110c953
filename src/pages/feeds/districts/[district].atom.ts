import type { GetStaticPaths } from 'astro';
import { loadConfig } from '../../../config/index.ts';
import type { Article } from '../../../model/article.ts';
import { groupBy } from '../../../site/browse.ts';
import { atomFeed, feedPath } from '../../../site/feeds.ts';
import { loadArticles } from '../../../site/load-articles.ts';

export const getStaticPaths = (() =>
  [...groupBy(loadArticles(), (a) => a.districts)].map(([district, articles]) => ({
    params: { district },
    props: { district, articles },
  }))) satisfies GetStaticPaths;

export function GET({ props }: { props: { district: string; articles: Article[] } }) {
  const page = `/districts/${encodeURIComponent(props.district)}/`;
  const xml = atomFeed({
    title: props.district,
    page,
    path: feedPath('districts', props.district),
    articles: props.articles,
    siteUrl: loadConfig().siteUrl,
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}
