import type { Article } from '../../src/model/article.ts';
import { makeArticle } from '../helpers/meili.ts';

const places = [
  { district: '上城区', street: '四季青街道' },
  { district: '拱墅区', street: '湖墅街道' },
  { district: '钱塘区', street: '白杨街道' },
  { district: '滨江区', street: '长河街道' },
];

/** Twenty articles across four districts, two papers and two years — and some hostile text. */
export function fixtureArticles(): Article[] {
  const list: Article[] = Array.from({ length: 20 }, (_, i) => {
    const p = places[i % 4]!;
    const year = i < 10 ? 2022 : 2023;
    const date = `${year}-${String((i % 6) + 1).padStart(2, '0')}-${String((i % 20) + 1).padStart(2, '0')}`;
    return makeArticle({
      id: `e2e-${String(i).padStart(2, '0')}`,
      paper: i % 2 ? 'east' : 'west',
      paperName: i % 2 ? '城东报' : '城西报',
      file: `${i % 2 ? 'east' : 'west'}/${date}/${(i % 3) + 1}.txt`,
      page: String((i % 3) + 1),
      date,
      datePrecision: 'day',
      dateSource: 'path',
      kicker: i % 5 === 0 ? '民生实事' : '',
      headline: `${p.street}第${i + 1}场邻里节`,
      body: `近日，${p.district}${p.street}举办第${i + 1}场邻里节活动，居民共同参与。\n\n活动现场热闹非凡。`,
      bylines: [{ name: i % 2 ? '林晓' : '何佳', role: '记者' }, { name: '孙丽', role: '通讯员' }],
      districts: [p.district],
      streets: [{ name: p.street, district: p.district }],
      keywords: ['邻里节', p.street],
    });
  });
  list.push(
    makeArticle({
      id: 'e2e-smart-seal',
      paper: 'west', paperName: '城西报', file: 'west/2023-08-01/2.txt', page: '2', date: '2023-08-01', datePrecision: 'day', dateSource: 'path',
      headline: '余杭区:智慧印章上线',
      body: '村里使用智慧印章之后，盖章不用再跑回来。',
      bylines: [{ name: '何佳', role: '记者' }],
      districts: ['余杭区'],
      keywords: ['智慧印章'],
    }),
    makeArticle({
      id: 'e2e-hostile',
      paper: 'east', paperName: '城东报', file: 'east/2023-09-01/1.txt', page: '1', date: '2023-09-01', datePrecision: 'day', dateSource: 'path',
      headline: '<script>window.__pwned=1</script>标题注入测试',
      body: '=HYPERLINK("http://example.invalid") 正文里有 <img src=x onerror="window.__pwned=2"> 和 &lt;b&gt; 以及 <em>假高亮</em> __ais-highlight__假__/ais-highlight__ 注入测试。',
      bylines: [{ name: '林晓', role: '记者' }],
      districts: ['钱塘区'],
      keywords: ['注入测试'],
    }),
  );
  return list;
}
