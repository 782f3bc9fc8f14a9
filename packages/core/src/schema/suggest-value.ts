import { findTerm, VOCABULARY } from '../vocabulary.js';
import type { Unit } from './document-schemas.js';

/**
 * Reads a number the way finance staff write it in a spreadsheet: `4,800,000`, `¥4 800 000`,
 * `4,800,000.00 元`, `480万`. Returns undefined when the text is not clearly a number, so
 * nothing is guessed.
 */
export function parseHumanNumber(text: string): number | undefined {
  let s = text.trim().replace(/^[¥￥]\s*/, '').replace(/\s*元$/, '');
  let scale = 1;
  if (/万$/.test(s)) {
    scale = 10000;
    s = s.slice(0, -1).trim();
  } else if (/亿$/.test(s)) {
    scale = 100000000;
    s = s.slice(0, -1).trim();
  }
  // Thousands separators: ASCII comma, full-width comma, thin or plain spaces between groups.
  if (/^-?\d{1,3}([,，\s\u2009]\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/[,，\s\u2009]/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return undefined;
  const n = Number(s) * scale;
  return Number.isFinite(n) ? Math.round(n * 100) / 100 : undefined;
}

/** `97.5%` → 0.975; `0.975` → 0.975; `97.5` (no sign) → undefined (ambiguous as text). */
export function parsePercentText(text: string): number | undefined {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*[%％]\s*$/.exec(text);
  if (m) return Math.round(Number(m[1]) * 1000) / 100000;
  const plain = /^\s*(0(?:\.\d+)?|1(?:\.0+)?)\s*$/.exec(text);
  return plain ? Number(plain[1]) : undefined;
}

/**
 * YAML 1.1 booleans (yes/no, on/off, y/n) are strings in YAML 1.2, and spreadsheets say 是/否:
 * the boolean they meant, by the words of `VOCABULARY.boolean`.
 */
export function parseHumanBoolean(text: string): boolean | undefined {
  const term = findTerm(VOCABULARY.boolean, text);
  return term ? term.code === 'true' : undefined;
}

export interface ValueSuggestion {
  value: unknown;
  /** YAML text to put in place of the node. */
  text: string;
}

/** Full-width digits, point, minus and percent (typed with a Chinese input method) as ASCII. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uff10-\uff19\uff0e\uff0d\uff05]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Whether a text holds full-width digits (２０２５). */
export const hasFullWidthDigits = (text: string): boolean => /[\uff10-\uff19]/.test(text);

/** A date (`2005-09-01`, `2005/9/1`, `2005年9月1日`) → its year; undefined for anything else. */
export function yearOfDate(text: string): number | undefined {
  const m = /^\s*(\d{4})\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*$/.exec(toHalfWidth(text));
  return m ? Number(m[1]) : undefined;
}

/** What a wrongly typed value was most likely meant to be, if that is certain enough. */
export function suggestTypedValue(expected: string, unit: Unit | undefined, actual: unknown, sourceText: string): ValueSuggestion | undefined {
  if (expected === 'number' || expected === 'integer') {
    if (typeof actual === 'string') {
      let n: number | undefined;
      // Punctuation typed after the figure (`4800000，` on a Chinese keyboard) is no part of it.
      const ascii = toHalfWidth(actual).replace(/[，,。;；、:：\s]+$/, '');
      if (unit === 'fraction') n = parsePercentText(ascii);
      else if (unit === 'year') {
        const m = /^\s*(\d{4})\s*年?\s*$/.exec(ascii);
        n = m ? Number(m[1]) : yearOfDate(ascii);
      } else n = parseHumanNumber(ascii);
      if (n === undefined) return undefined;
      if (expected === 'integer' && !Number.isInteger(n)) return undefined;
      return { value: n, text: String(n) };
    }
    if (typeof actual === 'boolean') return undefined;
    return undefined;
  }
  if (expected === 'boolean' && typeof actual === 'string') {
    const b = parseHumanBoolean(actual);
    return b === undefined ? undefined : { value: b, text: String(b) };
  }
  if (expected === 'string' && (typeof actual === 'number' || typeof actual === 'boolean')) {
    // Keep the characters the user typed (leading zeros of a school code survive).
    const raw = sourceText.trim();
    return { value: raw, text: JSON.stringify(raw) };
  }
  return undefined;
}
