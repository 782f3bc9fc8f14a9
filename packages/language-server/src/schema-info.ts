/** Reads what the core's JSON Schemas say about a field: meaning, unit, allowed values. */
import { DOCUMENT_KINDS, VOCABULARY, documentSchemas, schemaAt, type DocumentKind, type FieldDoc, type JsonSchema, type Locale, type PathSegment } from '@edunorm/core';
import { vocabularyOf } from '@edunorm/core/internal';
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

/** What one value of a field with fixed values means, from the vocabulary (`primary` → 小学 / primary school). */
export function enumMeaning(schema: JsonSchema | undefined, value: string, locale: Locale): string | undefined {
  return vocabularyOf(schema)?.terms.find((t) => t.code === value)?.label[locale];
}

export function unitText(schema: JsonSchema | undefined, locale: Locale): string | undefined {
  const unit = schema?.['x-unit'];
  return typeof unit === 'string' ? VOCABULARY.unit.terms.find((t) => t.code === unit)?.label[locale] : undefined;
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
