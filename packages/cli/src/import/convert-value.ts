import type { LocalizedText } from '@edunorm/core';
import { parseHumanBoolean, yearOfDate } from '@edunorm/core/internal';
import type { FieldSpec } from './field-mapping.js';
import { normalizeHeader, titleCore } from './field-mapping.js';
import type { CellValue } from './sheet.js';

/**
 * Converts one cell to the contract's value for its field. Only written conventions are
 * converted (`4,800,000.00 元`, `97.5%`, `是`/`否`, `专任教师`); anything else is returned as a
 * problem, never guessed.
 */
export type Conversion = { value: string | number | boolean } | { problem: LocalizedText };

const problem = (zh: string, en: string): Conversion => ({ problem: { 'zh-CN': zh, en } });

/** Amounts and counts are written with full-width digits, commas and signs too: NFKC makes them ASCII. */
const ascii = (text: string) => text.normalize('NFKC').replace(/[\s\u00a0]/g, '');

/** `4,800,000` / `4800000.5`; thousands separators only in their proper places. */
const DECIMAL = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

function parseDecimal(text: string): number | undefined {
  return DECIMAL.test(text) ? Number(text.replace(/,/g, '')) : undefined;
}

/** Rounds away binary noise (`4.8 × 10000`, `97.5 / 100`) without changing any written digit. */
const clean = (n: number) => Number(n.toPrecision(12));

const shown = (value: CellValue) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value));

function toYuan(value: CellValue): Conversion {
  if (typeof value === 'number') return Number.isFinite(value) ? { value: clean(value) } : problem(`金额“${value}”不是有限的数字`, `"${value}" is not a finite amount`);
  if (typeof value === 'string') {
    let text = ascii(value).replace(/^(¥|RMB|CNY)/i, '');
    let scale = 1;
    if (/万元?$/.test(text)) {
      scale = 10000;
      text = text.replace(/万元?$/, '');
    } else text = text.replace(/元整?$/, '');
    const n = parseDecimal(text);
    if (n !== undefined) return { value: clean(n * scale) };
  }
  return problem(
    `无法把“${shown(value)}”读作金额:请写成数字(元),如 4800000、4,800,000 或 4,800,000.00 元`,
    `cannot read "${shown(value)}" as an amount: write a number of yuan such as 4800000, 4,800,000 or 4,800,000.00 元`,
  );
}

function toFraction(value: CellValue): Conversion {
  // A percentage-formatted Excel cell already holds the fraction (97.5% is stored as 0.975).
  if (typeof value === 'number' && value >= 0 && value <= 1) return { value: clean(value) };
  if (typeof value === 'string') {
    const text = ascii(value);
    const pct = /^(.*)%$/.exec(text);
    const n = parseDecimal(pct ? pct[1]! : text);
    if (n !== undefined && pct) return { value: clean(n / 100) };
    if (n !== undefined && n >= 0 && n <= 1) return { value: n };
  }
  return problem(
    `无法把“${shown(value)}”读作比例:请写成百分数(如 97.5%)或 0 到 1 之间的小数(如 0.975)`,
    `cannot read "${shown(value)}" as a rate: write a percentage (97.5%) or a fraction between 0 and 1 (0.975)`,
  );
}

/** Integers, with the unit word people add (`6年`, `380学时`) and, for years, a date's year (a date cell, or a date written 2009/9/1). */
function toInteger(value: CellValue, isYear: boolean): Conversion {
  if (value instanceof Date && isYear) return { value: value.getUTCFullYear() };
  if (typeof value === 'number' && Number.isInteger(value)) return { value };
  if (typeof value === 'string') {
    // A date cell saved into a CSV by Excel is its displayed text (2009/9/1): its year, as for a date cell of an .xlsx.
    const dated = isYear ? yearOfDate(value) : undefined;
    if (dated !== undefined) return { value: dated };
    const n = parseDecimal(ascii(value).replace(isYear ? /年度?$/ : /(年|次|人|所)$/, ''));
    if (n !== undefined && Number.isInteger(n)) return { value: n };
  }
  return isYear
    ? problem(`无法把“${shown(value)}”读作年份:请写四位数字,如 2025`, `cannot read "${shown(value)}" as a year: write four digits such as 2025`)
    : problem(`无法把“${shown(value)}”读作整数`, `cannot read "${shown(value)}" as a whole number`);
}

/** Plain numbers: hours, years of rural service, and the performance-pay level written `1:1.5`. */
function toNumber(value: CellValue): Conversion {
  if (typeof value === 'number' && Number.isFinite(value)) return { value: clean(value) };
  if (typeof value === 'string') {
    const text = ascii(value).replace(/^1:/, '').replace(/(学时|小时|年|倍)$/, '');
    const n = parseDecimal(text);
    if (n !== undefined) return { value: n };
  }
  return problem(`无法把“${shown(value)}”读作数字`, `cannot read "${shown(value)}" as a number`);
}

function toBoolean(value: CellValue): Conversion {
  if (typeof value === 'boolean') return { value };
  // 是/否 and the other words of VOCABULARY.boolean (the same words a schema/type fix offers).
  const meant = parseHumanBoolean(ascii(String(value)));
  if (meant !== undefined) return { value: meant };
  return problem(`无法把“${shown(value)}”读作是/否:请填“是”或“否”`, `cannot read "${shown(value)}" as yes/no: write 是 or 否 (yes/no)`);
}

function toEnum(value: CellValue, field: FieldSpec): Conversion {
  const words = field.words!;
  const text = normalizeHeader(String(value));
  const found = words.get(text) ?? (field.key === 'title' ? words.get(titleCore(text)) : undefined);
  if (found) return { value: found };
  const chinese = [...words.keys()].filter((w) => /\p{Script=Han}/u.test(w));
  const english = [...new Set(words.values())];
  return problem(
    `无法识别${field.label['zh-CN']}“${shown(value)}”:可填 ${chinese.join('、')}(或 ${english.join('、')})`,
    `unknown ${field.key} "${shown(value)}": use one of ${english.join(', ')} (or ${chinese.join('、')})`,
  );
}

/** Codes and ids are text even when Excel stores them as numbers (130902008). */
function toText(value: CellValue): Conversion {
  if (typeof value === 'number') return { value: Number.isInteger(value) ? value.toFixed(0) : String(value) };
  if (typeof value === 'string') return { value: value.trim() };
  return problem(`“${shown(value)}”应为文字`, `"${shown(value)}" should be text`);
}

export function convertCell(value: CellValue, field: FieldSpec): Conversion {
  switch (field.type) {
    case 'yuan':
      return toYuan(value);
    case 'fraction':
      return toFraction(value);
    case 'year':
      return toInteger(value, true);
    case 'integer':
      return toInteger(value, false);
    case 'number':
      return toNumber(value);
    case 'boolean':
      return toBoolean(value);
    case 'enum':
      return toEnum(value, field);
    case 'code':
    case 'text':
      return toText(value);
  }
}
