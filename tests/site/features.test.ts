import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORRECTIONS_LOG } from '../../src/config/index.ts';
import { Correction } from '../../src/corrections/schema.ts';
import { buildSite } from '../helpers/site.ts';
import { correctedFeatures } from './fixtures/features.ts';

// The editors' and researchers' features of the static site, built from the fixture as an ingest with
// corrections leaves it, with a report address and a public site address configured.
const { articles, log } = correctedFeatures();
const REPORT = 'mailto:desk@example.org';
const SITE = 'https://baoku.example.org';
let dist = '';
const html = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');
const text = (path: string) => html(path).replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

beforeAll(() => {
  dist = buildSite(articles, { beside: { [CORRECTIONS_LOG]: JSON.stringify(log) }, env: { BAOKU_REPORT_URL: REPORT, BAOKU_SITE_URL: SITE } });
}, 180_000);
afterAll(() => {
  if (dist) rmSync(dirname(dist), { recursive: true, force: true });
});

describe('corrections on the site', () => {
  it('shows the corrected article and marks it as corrected, linking to the log', () => {
    const page = text('a/e2e-typo');
    expect(page).toContain('望江街道开展防汛演练');
    expect(page).not.toContain('防讯');
    expect(html('a/e2e-typo')).toContain('href="/corrections/#a-e2e-typo"');
  });

  it('answers a withdrawn id with a page that says so and why, not a 404, and without its text', () => {
    const page = text('a/e2e-withdrawn');
    expect(page).toContain('此文已撤下');
    expect(page).toContain('通知内容有误，已撤下');
    expect(page).not.toContain('停水');
  });

  it('answers an id merged into another with a link to it', () => {
    expect(text('a/e2e-cut-2')).toContain('此文已并入另一篇');
    expect(html('a/e2e-cut-2')).toContain('href="/a/e2e-cut-1/"');
    expect(text('a/e2e-cut-1')).toContain('书房每天开放到晚上九点');
  });

  it('leaves withdrawn articles out of every list', () => {
    for (const path of ['districts/钱塘区', 'dates/2023/2023-10-07', 'papers/west']) {
      expect(existsSync(join(dist, path, 'index.html')), path).toBe(true);
      expect(text(path), path).not.toContain('停水');
    }
  });

  it('lists every correction on the log page: what, when, why, and the one that matched no article', () => {
    const page = text('corrections');
    expect(page).toContain('主标题： 望江街道开展防讯演练 → 望江街道开展防汛演练');
    expect(page).toContain('2023-10-09');
    expect(page).toContain('夜班编辑');
    expect(page).toContain('标题错字');
    expect(page).toContain('已撤下的文章 e2e-withdrawn');
    expect(page).toContain('未能对应到现有文章');
    expect(html('corrections').match(/data-status="/g)).toHaveLength(4);
  });

  it('puts 报告错误 on every article page, going to the configured mailto: with the prefilled correction', () => {
    for (const a of articles) {
      const page = html(`a/${a.id}`);
      const href = /id="report-link" href="([^"]+)"/.exec(page)?.[1]?.replace(/&amp;/g, '&');
      expect(href, a.id).toMatch(/^mailto:desk@example\.org\?subject=/);
      const body = decodeURIComponent(new URL(href!).searchParams.get('body') ?? '');
      const line = body.split('\n').find((l) => l.startsWith('{'))!;
      const correction = { ...JSON.parse(line), reason: '测试', date: '2024-01-01' };
      expect(Correction.parse(correction)).toMatchObject({ action: 'edit', id: a.id, file: a.file, headline: a.headline });
    }
  });
});

describe('page sizes', () => {
  it('keeps every page of the fixture site under 200 KB', () => {
    const pages = (readdirSync(dist, { recursive: true }) as string[]).filter((f) => f.endsWith('.html'));
    const big = pages.filter((f) => statSync(join(dist, f)).size > 200_000);
    expect(big).toEqual([]);
  });
});
