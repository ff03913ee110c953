import { loadConfig } from '../../config/index.ts';
import { atomFeed, feedPath } from '../../site/feeds.ts';
import { t } from '../../site/i18n.ts';
import { loadArticles } from '../../site/load-articles.ts';

export function GET() {
  const xml = atomFeed({
    title: t('feed.newest'),
    page: '/',
    path: feedPath('newest'),
    articles: loadArticles(),
    siteUrl: loadConfig().siteUrl,
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}
