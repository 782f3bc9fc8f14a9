import type { ActiveRule, Locale } from '@edunorm/core';

/** A parameter value as written in a configuration file (fractions stay fractions: 0.05). */
export function formatParamValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(formatParamValue).join(', ')}]`;
  if (value && typeof value === 'object') return `{ ${Object.entries(value).map(([k, v]) => `${k}: ${formatParamValue(v)}`).join(', ')} }`;
  return String(value);
}

/** `2022 起` / `from 2022`; undefined when the rule applies to every year. */
export function effectiveYears(rule: Pick<ActiveRule, 'definition'>, locale: Locale): string | undefined {
  const e = rule.definition.effective;
  if (!e || (e.from === undefined && e.to === undefined)) return undefined;
  if (locale === 'zh-CN') {
    if (e.from !== undefined && e.to !== undefined) return `${e.from}–${e.to} 年`;
    return e.from !== undefined ? `${e.from} 年起` : `至 ${e.to} 年`;
  }
  if (e.from !== undefined && e.to !== undefined) return `${e.from}–${e.to}`;
  return e.from !== undefined ? `from ${e.from}` : `until ${e.to}`;
}
