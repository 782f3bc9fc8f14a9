import type { Locale, LocalizedText } from '../types.js';
import { labelOf } from '../vocabulary.js';

export function pick(text: LocalizedText, locale: Locale): string {
  return text[locale] ?? text.en;
}

/**
 * `decimals` places at most, trailing zeros dropped, optional thousands separators.
 * Hand-written rather than toLocaleString: Intl formatting is slow on hot paths and the
 * output must not depend on the machine's ICU data.
 */
function formatFixed(value: number, decimals: number, group: boolean): string {
  // From 2^53 on every double is a whole number: nothing to round, and scaling it by 10^decimals
  // and back is not exact (1e21 came back as 999,999,999,999,999,868,928), while toFixed writes
  // 1e21 and beyond as 1e+21. Its digits are the exact value's, as toFixed prints those below.
  if (Math.abs(value) > Number.MAX_SAFE_INTEGER && Number.isFinite(value)) {
    const digits = BigInt(Math.abs(value)).toString();
    return (value < 0 ? '-' : '') + (group ? groupThousands(digits) : digits);
  }
  const factor = 10 ** decimals;
  const rounded = Math.round(Math.abs(value) * factor) / factor;
  const sign = value < 0 && rounded !== 0 ? '-' : '';
  // Most figures are whole yuan, people and hours: their digits without toFixed, a split and two
  // expressions (every number of every message goes through here).
  if (Number.isInteger(rounded) && rounded <= Number.MAX_SAFE_INTEGER) {
    const digits = String(rounded);
    return sign + (group ? groupThousands(digits) : digits);
  }
  let [whole, frac = ''] = rounded.toFixed(decimals).split('.');
  frac = frac.replace(/0+$/, '');
  if (group) whole = groupThousands(whole!);
  return `${sign}${whole}${frac ? `.${frac}` : ''}`;
}

/** A finite whole number's digits: String's below 1e21, the exact value's from there (String writes 1e21 as "1e+21"). */
function wholeDigits(whole: number): string {
  return Math.abs(whole) < 1e21 ? String(whole) : BigInt(whole).toString();
}

/** "1234567" → "1,234,567" (a string of digits). */
function groupThousands(digits: string): string {
  if (digits.length <= 3 || !/^\d+$/.test(digits)) return digits;
  let i = digits.length % 3 || 3;
  let out = digits.slice(0, i);
  for (; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return out;
}

/** 180000 → "180,000"; keeps up to two decimals for amounts that are not whole yuan. */
export function formatYuan(value: number): string {
  return formatFixed(value, 2, true);
}

/** 0.0375 → "3.75%"; at most two decimals, trailing zeros dropped (more in messages, see `separate`). */
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

/** `field`: the placeholder's name, so that `{doc.school.level|label}` names a level and `{title|label}` a title. */
export function formatValue(value: unknown, format: ValueFormat | undefined, locale: Locale = 'zh-CN', field?: string): string {
  if (format === 'label' && typeof value === 'string') return labelOf(value, locale, field);
  if (typeof value === 'number' && Number.isFinite(value)) {
    switch (format) {
      case 'yuan':
        return formatYuan(value);
      case 'pct':
        return formatPercent(value);
      case 'points':
        return formatFixed(value * 100, 3, false);
      case 'int':
        return wholeDigits(Math.round(value));
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
 * Fields that are a difference between the actual and the required figure (shortfall, excess).
 * They follow their own rule (norms.md, "Messages, every rule"): never printed as 0, yuan to the
 * yuan (fen under 1 yuan), percentage points to at most 3 decimals.
 */
const DIFFERENCE = /(?:^|\.)(?:deviation|shortfall|excess|excessCount|shortCount|shortTotal)$/;

/** Decimal places each numeric format starts from (percent: of the percentage). */
const BASE_DECIMALS: Partial<Record<ValueFormat, number>> = { yuan: 2, pct: 2, num: 3 };
/** How many more places a figure may get so that it does not print like a different one. */
const MAX_EXTRA_DECIMALS = 10;

interface Slot {
  name: string;
  format: ValueFormat | undefined;
  value: unknown;
  decimals?: number;
}

/**
 * Two figures that are different numbers, beyond what binary arithmetic can put on them (1e-12
 * of the larger). Not the 1e-9 of the comparisons, and not 1e-9 of at least 1: a verdict on yuan
 * amounts can fail a share that differs from its threshold by less (239,999,998.99 of
 * 4,800,000,000 is 5% − 2.1e-10), and the message then printed "占公用经费 5%,低于 5%"
 * (outside review).
 */
function differ(a: number, b: number): boolean {
  return Math.abs(a - b) > 1e-12 * Math.max(Math.abs(a), Math.abs(b));
}

function scaled(value: number, format: ValueFormat | undefined): number {
  return format === 'pct' || format === 'points' ? value * 100 : value;
}

/** A difference: a shortfall in yuan to the yuan (fen when under 1 yuan), points to 3 decimals; never "0". */
function formatDifference(value: number, format: ValueFormat | undefined, locale: Locale): string | undefined {
  const abs = Math.abs(value);
  if (abs === 0) return undefined;
  const below = (unit: string) => (locale === 'en' ? `less than ${unit}` : `不足 ${unit}`);
  switch (format) {
    case 'yuan':
      if (abs >= 1) return formatFixed(value, 0, true);
      return Math.round(abs * 100) === 0 ? below('0.01') : formatFixed(value, 2, true);
    case 'points':
      return Math.round(abs * 100 * 1000) === 0 ? below('0.001') : formatFixed(value * 100, 3, false);
    case 'int':
      return Math.round(abs) === 0 ? below('1') : undefined;
    case 'num':
    case undefined:
      return Math.round(abs * 1000) === 0 ? below('0.001') : undefined;
    default:
      return undefined;
  }
}

function formatSlot(slot: Slot, locale: Locale): string {
  const { value, format } = slot;
  if (typeof value === 'number' && Number.isFinite(value)) {
    if (DIFFERENCE.test(slot.name)) {
      const text = formatDifference(value, format, locale);
      if (text !== undefined) return text;
    }
    if (slot.decimals !== undefined) {
      if (format === 'pct') return `${formatFixed(value * 100, slot.decimals, true)}%`;
      return formatFixed(value, slot.decimals, format === 'yuan');
    }
  }
  return formatValue(value, format, locale, slot.name);
}

/**
 * Gives more decimals to figures of one format that are different numbers but would print
 * the same (`4.99996%` against `5%`): a figure is never rounded onto its threshold.
 */
function separate(slots: Slot[]): void {
  const figures = slots.filter((s) => typeof s.value === 'number' && Number.isFinite(s.value) && BASE_DECIMALS[s.format!] !== undefined && !DIFFERENCE.test(s.name));
  for (let i = 0; i < figures.length; i++) {
    for (let j = i + 1; j < figures.length; j++) {
      const a = figures[i]!;
      const b = figures[j]!;
      if (a.format !== b.format) continue;
      const va = a.value as number;
      const vb = b.value as number;
      if (!differ(va, vb)) continue;
      const base = BASE_DECIMALS[a.format!]!;
      let d = Math.max(a.decimals ?? base, b.decimals ?? base);
      const same = () => formatFixed(scaled(va, a.format), d, false) === formatFixed(scaled(vb, b.format), d, false);
      if (!same()) continue;
      while (same() && d < base + MAX_EXTRA_DECIMALS) d++;
      a.decimals = Math.max(a.decimals ?? base, d);
      b.decimals = Math.max(b.decimals ?? base, d);
    }
  }
}

/**
 * Fills `{name}` / `{name|yuan}` placeholders from a context object. Plain string
 * substitution: rule messages are data, never evaluated.
 */
export function fillTemplate(template: string, context: Record<string, unknown>, locale: Locale = 'zh-CN'): string {
  const { literals, placeholders } = compiled(template);
  const slots: Slot[] = new Array(placeholders.length);
  for (let i = 0; i < placeholders.length; i++) {
    const { name, format } = placeholders[i]!;
    slots[i] = { name, format, value: lookup(context, name) };
  }
  separate(slots);
  let out = literals[0]!;
  for (let i = 0; i < slots.length; i++) {
    const value = formatSlot(slots[i]!, locale);
    let next = literals[i + 1]!;
    if (locale === 'zh-CN' && value.length) {
      // Chinese puts a space between Chinese and a figure or a Latin word (“差 1 元”), never
      // between two Chinese words: a template's space beside a value that is Chinese at that
      // side goes (“差不足 0.001 个百分点”, “属于某县”, not “差 不足 0.001”, “属于 某县”), and
      // stays beside a figure or a name in Latin letters (“属于 ABC County”). Only the template's
      // own space: one a value ends or begins with is the writer's.
      if (isHan(value.charCodeAt(0)) && literals[i]!.endsWith(' ') && out.length >= 2 && isHan(out.charCodeAt(out.length - 2))) out = out.slice(0, -1);
      if (isHan(value.charCodeAt(value.length - 1)) && next.length >= 2 && next.charCodeAt(0) === SPACE && isHan(next.charCodeAt(1))) next = next.slice(1);
    }
    out += value + next;
  }
  return out;
}

const SPACE = 0x20;
/** A Chinese character or a full-width sign (CJK punctuation, full-width forms): no space beside another. */
function isHan(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0x3000 && code <= 0x303f) || (code >= 0xff00 && code <= 0xffef);
}

/** A template cut at its placeholders: literals[i], placeholder i, literals[i + 1], … */
interface CompiledTemplate {
  literals: string[];
  placeholders: { name: string; format: ValueFormat | undefined }[];
}

/**
 * Templates are rule data, a few hundred in a pack: each is cut at its placeholders once. Running
 * the placeholder expression over every message of every finding (twice, to find and to
 * replace) was half the time of filling it. Bounded, since a template could also come from a
 * caller: past the bound the cache starts afresh.
 */
const COMPILED = new Map<string, CompiledTemplate>();
const MAX_COMPILED = 4096;

function compiled(template: string): CompiledTemplate {
  let c = COMPILED.get(template);
  if (c) return c;
  c = { literals: [], placeholders: [] };
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    c.literals.push(template.slice(last, m.index));
    c.placeholders.push({ name: m[1]!, format: m[2] as ValueFormat | undefined });
    last = m.index! + m[0].length;
  }
  c.literals.push(template.slice(last));
  if (COMPILED.size >= MAX_COMPILED) COMPILED.clear();
  COMPILED.set(template, c);
  return c;
}

export function templatePlaceholders(template: string): string[] {
  return compiled(template).placeholders.map((p) => p.name);
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
