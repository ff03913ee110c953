import type { GetStaticPaths } from 'astro';
import { loadConfig } from '../../../config/index.ts';
import type { Article } from '../../../model/article.ts';
import { creditedPeople } from '../../../model/credits.ts';
import { groupBy } from '../../../site/browse.ts';
import { atomFeed, feedPath } from '../../../site/feeds.ts';
import { loadArticles } from '../../../site/load-articles.ts';

export const getStaticPaths = (() =>
  [...groupBy(loadArticles(), (a) => creditedPeople(a).map((b) => b.name))].map(
    ([name, articles]) => ({
      params: { name },
      props: { name, articles },
    }),
  )) satisfies GetStaticPaths;

export function GET({ props }: { props: { name: string; articles: Article[] } }) {
  const page = `/reporters/${encodeURIComponent(props.name)}/`;
  const xml = atomFeed({
    title: props.name,
    page,
    path: feedPath('reporters', props.name),
    articles: props.articles,
    siteUrl: loadConfig().siteUrl,
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}
