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

/**
 * `points`: a difference of two shares in percentage points (0.005 → "0.5").
 * `label`: a code of the data contract in the reader's language (`junior` → 初中).
 */
export type ValueFormat = 'yuan' | 'pct' | 'points' | 'num' | 'int' | 'text' | 'label';

/** Names of the contract's codes (levels, roles, titles, designations, district types). */
const LABELS: Record<string, LocalizedText> = {
  kindergarten: { 'zh-CN': '幼儿园', en: 'kindergarten' },
  primary: { 'zh-CN': '小学', en: 'primary school' },
  junior: { 'zh-CN': '初中', en: 'junior secondary school' },
  senior: { 'zh-CN': '普通高中', en: 'senior secondary school' },
  'nine-year': { 'zh-CN': '九年一贯制学校', en: 'nine-year school' },
  'complete-secondary': { 'zh-CN': '完全中学', en: 'complete secondary school' },
  vocational: { 'zh-CN': '中职学校', en: 'vocational school' },
  special: { 'zh-CN': '特殊教育学校', en: 'special-education school' },
  higher: { 'zh-CN': '高等学校', en: 'higher-education institution' },
  teacher: { 'zh-CN': '专任教师', en: 'teacher' },
  management: { 'zh-CN': '管理人员', en: 'management' },
  'teaching-auxiliary': { 'zh-CN': '教辅人员', en: 'teaching auxiliary' },
  logistics: { 'zh-CN': '工勤人员', en: 'logistics' },
  'quality-senior': { 'zh-CN': '优质高中', en: 'quality senior school' },
  'high-quality-junior': { 'zh-CN': '高质量初中', en: 'high-quality junior school' },
  'standardized-township-junior': { 'zh-CN': '标准化乡镇初中', en: 'standardized township junior school' },
  city: { 'zh-CN': '市', en: 'city' },
  county: { 'zh-CN': '县', en: 'county' },
};

export function formatValue(value: unknown, format: ValueFormat | undefined, locale: Locale = 'zh-CN'): string {
  if (format === 'label' && typeof value === 'string') return LABELS[value]?.[locale] ?? value;
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

const PLACEHOLDER = /\{([\w.-]+)(?:\|(yuan|pct|points|num|int|text|label))?\}/g;

/**
 * Fills `{name}` / `{name|yuan}` placeholders from a context object. Plain string
 * substitution: rule messages are data, never evaluated.
 */
export function fillTemplate(template: string, context: Record<string, unknown>, locale: Locale = 'zh-CN'): string {
  return template.replace(PLACEHOLDER, (_m, name: string, format: ValueFormat | undefined) => {
    const value = lookup(context, name);
    return formatValue(value, format, locale);
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
