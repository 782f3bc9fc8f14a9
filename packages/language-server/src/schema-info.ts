/** Reads what the core's JSON Schemas say about a field: meaning, unit, allowed values. */
import { DOCUMENT_KINDS, SCHOOL_LEVEL_NAMES, documentSchemas, schemaAt, type DocumentKind, type FieldDoc, type JsonSchema, type Locale, type PathSegment } from '@edunorm/core';
import { say } from './messages.js';

export function isDocumentKind(kind: string | undefined): kind is DocumentKind {
  return kind !== undefined && (DOCUMENT_KINDS as readonly string[]).includes(kind);
}

export function fieldSchema(kind: DocumentKind, path: readonly PathSegment[]): JsonSchema | undefined {
  return schemaAt(kind, path);
}

export function docOf(schema: JsonSchema | undefined): FieldDoc | undefined {
  const doc = schema?.['x-doc'] as FieldDoc | undefined;
  return doc && typeof doc['zh-CN'] === 'string' ? doc : undefined;
}

export function kindDoc(kind: DocumentKind): FieldDoc | undefined {
  return docOf(documentSchemas[kind]);
}

export function enumValues(schema: JsonSchema | undefined): string[] {
  const values = schema?.enum;
  if (Array.isArray(values)) return values.filter((v): v is string => typeof v === 'string');
  if (typeof schema?.const === 'string') return [schema.const];
  return [];
}

/**
 * What one enum value means. `x-help` lists them as `primary 小学、junior 初中` (zh-CN) and
 * the values themselves are English words, so the zh-CN help is what adds meaning.
 */
export function enumMeaning(schema: JsonSchema | undefined, value: string, locale: Locale): string | undefined {
  const level = (SCHOOL_LEVEL_NAMES as Record<string, FieldDoc>)[value];
  if (level && schema?.enum && (schema.enum as string[]).includes('primary')) return level[locale];
  const help = schema?.['x-help'] as FieldDoc | undefined;
  if (!help) return undefined;
  for (const entry of help['zh-CN'].split(/、|,\s*/)) {
    const [head, ...rest] = entry.trim().split(/\s+/);
    if (head === value && rest.length) return locale === 'zh-CN' ? rest.join(' ') : value;
  }
  return undefined;
}

const UNIT_NAMES: Record<string, FieldDoc> = {
  yuan: { 'zh-CN': '元', en: 'yuan' },
  fraction: { 'zh-CN': '0–1 的小数(如 0.975 表示 97.5%)', en: 'a fraction 0–1 (0.975 means 97.5%)' },
  year: { 'zh-CN': '年份(整数)', en: 'a year (integer)' },
  count: { 'zh-CN': '个数(整数)', en: 'a count (integer)' },
  multiplier: { 'zh-CN': '倍数', en: 'a multiplier' },
  hours: { 'zh-CN': '学时', en: 'hours' },
  years: { 'zh-CN': '年数', en: 'years' },
};

export function unitText(schema: JsonSchema | undefined, locale: Locale): string | undefined {
  const unit = schema?.['x-unit'];
  return typeof unit === 'string' ? UNIT_NAMES[unit]?.[locale] : undefined;
}

/** The line a hover or completion shows for a field's type and unit. */
export function typeLine(schema: JsonSchema | undefined, locale: Locale): string | undefined {
  if (!schema) return undefined;
  const unit = unitText(schema, locale);
  const values = enumValues(schema);
  if (values.length > 1) return say(locale, `可选值:${values.join('、')}`, `One of: ${values.join(', ')}`);
  if (schema.type === 'boolean') return say(locale, '填 true(是)或 false(否)', 'true or false');
  if (schema.type === 'array') return say(locale, '列表(每项以 - 开头)', 'a list (items start with -)');
  if (unit) return say(locale, `单位:${unit}`, `Unit: ${unit}`);
  if (schema.type === 'string') return say(locale, '文字', 'text');
  return undefined;
}

/** Formats a value in its field's unit for a sentence: 150000 → "150,000 元". */
export function formatFieldValue(schema: JsonSchema | undefined, raw: string, locale: Locale): string | undefined {
  const value = Number(raw);
  if (!raw || !Number.isFinite(value)) return undefined;
  const unit = schema?.['x-unit'];
  if (unit === 'yuan') return `${value.toLocaleString('en-US', { maximumFractionDigits: 2 })} ${say(locale, '元', 'yuan')}`;
  if (unit === 'fraction') return `${(Math.round(value * 10000) / 100).toLocaleString('en-US', { maximumFractionDigits: 2 })}%`;
  return undefined;
}
