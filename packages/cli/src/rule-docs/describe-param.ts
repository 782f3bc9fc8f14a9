import type { ActiveRule, Locale } from '@edunorm/core';
import { YEAR_FIELD } from '@edunorm/core/internal';

/** A parameter value as written in a configuration file (fractions stay fractions: 0.05). */
export function formatParamValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(formatParamValue).join(', ')}]`;
  if (value && typeof value === 'object') return `{ ${Object.entries(value).map(([k, v]) => `${k}: ${formatParamValue(v)}`).join(', ')} }`;
  return String(value);
}

/**
 * The years a rule judges: its `effective` range and the year conditions of its `applies` (most
 * year gates are there, on a parameter: `year > baseYear`), with the rule's parameters — the
 * configured ones when given, else the defaults. Outside review: five year-gated norms were
 * described as applying in every year.
 */
function yearRange(rule: Pick<ActiveRule, 'definition'> & { params?: Record<string, unknown> }): { from?: number; to?: number } {
  const def = rule.definition;
  let from = def.effective?.from;
  let to = def.effective?.to;
  const valueOf = (v: unknown): number | undefined => {
    if (typeof v === 'number') return v;
    if (v && typeof v === 'object' && typeof (v as { param?: unknown }).param === 'string') {
      const name = (v as { param: string }).param;
      const given = rule.params && Object.hasOwn(rule.params, name) ? rule.params[name] : def.params[name]?.default;
      return typeof given === 'number' ? given : undefined;
    }
    return undefined;
  };
  const field = YEAR_FIELD[def.kind];
  // Only conditions every document must meet: the leaves of `all` (an `any` or `not` is no gate).
  const walk = (c: unknown): void => {
    if (!c || typeof c !== 'object') return;
    const cond = c as { all?: unknown[]; fact?: string; operator?: string; value?: unknown; path?: string };
    if (Array.isArray(cond.all)) return cond.all.forEach(walk);
    if (cond.fact !== field || cond.path !== undefined) return;
    const n = valueOf(cond.value);
    if (n === undefined) return;
    if (cond.operator === 'greaterThan') from = Math.max(from ?? -Infinity, n + 1);
    else if (cond.operator === 'greaterThanInclusive') from = Math.max(from ?? -Infinity, n);
    else if (cond.operator === 'lessThan') to = Math.min(to ?? Infinity, n - 1);
    else if (cond.operator === 'lessThanInclusive') to = Math.min(to ?? Infinity, n);
    else if (cond.operator === 'equal') [from, to] = [n, n];
  };
  walk(def.applies);
  return { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
}

/** `2022 年起` / `from 2022`; undefined when the rule applies to every year. */
export function effectiveYears(rule: Pick<ActiveRule, 'definition'> & { params?: Record<string, unknown> }, locale: Locale): string | undefined {
  const e = yearRange(rule);
  if (e.from === undefined && e.to === undefined) return undefined;
  if (locale === 'zh-CN') {
    if (e.from !== undefined && e.to !== undefined) return e.from === e.to ? `${e.from} 年` : `${e.from}–${e.to} 年`;
    return e.from !== undefined ? `${e.from} 年起` : `至 ${e.to} 年`;
  }
  if (e.from !== undefined && e.to !== undefined) return e.from === e.to ? `${e.from}` : `${e.from}–${e.to}`;
  return e.from !== undefined ? `from ${e.from}` : `until ${e.to}`;
}

/** The severities a rule's findings may have, rule-level first: more than one when outcomes set their own (a warning on the path, an error at the target year). */
export function findingSeverities(rule: Pick<ActiveRule, 'definition'> & { severity?: ActiveRule['severity'] }): ActiveRule['definition']['severity'][] {
  // A configured severity is every outcome's.
  if (rule.severity) return [rule.severity];
  const def = rule.definition;
  const used = new Set(def.outcomes.map((o) => o.severity ?? def.severity));
  if (used.size === 0) return [def.severity];
  return used.has(def.severity) ? [def.severity, ...[...used].filter((s) => s !== def.severity)] : [...used];
}
