/**
 * Every string the site shows, read through one t() from one dictionary (i18n/zh-CN.json), as
 * Starlight keeps its UI strings. Placeholders are {name}. Imported by the pages and by browser code.
 */
import strings from './i18n/zh-CN.json' with { type: 'json' };

export type MessageKey = keyof typeof strings;

export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return strings[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
