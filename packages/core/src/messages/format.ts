import type { Locale, LocalizedText } from '../types.js';

export function pick(text: LocalizedText, locale: Locale): string {
  return text[locale] ?? text.en;
}

/**
 * `decimals` places at most, trailing zeros dropped, optional thousands separators.
 * Hand-written rather than toLocaleString: Intl formatting is slow on hot paths and the
 * output must not depend on the machine's ICU data.
 */
function formatFixed(value: number, decimals: number, group: boolean): string {
  const factor = 10 ** decimals;
  const rounded = Math.round(Math.abs(value) * factor) / factor;
  let [whole, frac = ''] = rounded.toFixed(decimals).split('.');
  frac = frac.replace(/0+$/, '');
  if (group) whole = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = value < 0 && rounded !== 0 ? '-' : '';
  return `${sign}${whole}${frac ? `.${frac}` : ''}`;
}

/** 180000 → "180,000"; keeps up to two decimals for amounts that are not whole yuan. */
export function formatYuan(value: number): string {
  return formatFixed(value, 2, true);
}

/** 0.0375 → "3.75%"; at most two decimals, trailing zeros dropped. */
export function formatPercent(value: number): string {
  return `${formatFixed(value * 100, 2, true)}%`;
}

/** Plain number with at most three decimals (multipliers, hours, counts). */
export function formatNumber(value: number): string {
  return formatFixed(value, 3, false);
}

/** `points`: a difference of two shares in percentage points (0.005 → "0.5"). */
export type ValueFormat = 'yuan' | 'pct' | 'points' | 'num' | 'int' | 'text';

export function formatValue(value: unknown, format: ValueFormat | undefined): string {
  if (typeof value === 'number' && Number.isFinite(value)) {
    switch (format) {
      case 'yuan':
        return formatYuan(value);
      case 'pct':
        return formatPercent(value);
      case 'points':
        return formatFixed(value * 100, 2, false);
      case 'int':
        return String(Math.round(value));
      case 'num':
        return formatNumber(value);
      default:
        return formatNumber(value);
    }
  }
  if (value === undefined || value === null) return '—';
  return String(value);
}

const PLACEHOLDER = /\{([\w.-]+)(?:\|(yuan|pct|points|num|int|text))?\}/g;

/**
 * Fills `{name}` / `{name|yuan}` placeholders from a context object. Plain string
 * substitution: rule messages are data, never evaluated.
 */
export function fillTemplate(template: string, context: Record<string, unknown>): string {
  return template.replace(PLACEHOLDER, (_m, name: string, format: ValueFormat | undefined) => {
    const value = lookup(context, name);
    return formatValue(value, format);
  });
}

export function templatePlaceholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

function lookup(context: Record<string, unknown>, name: string): unknown {
  if (Object.prototype.hasOwnProperty.call(context, name)) return context[name];
  let current: unknown = context;
  for (const part of name.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.prototype.hasOwnProperty.call(current, part)) {
      return undefined;
    }
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}
