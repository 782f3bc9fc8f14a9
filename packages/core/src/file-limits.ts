/**
 * Limits on what one checked file may cost, and the findings that say a limit was hit. Light on
 * purpose (no parser, no engine): the CLI uses it while reading files, before deciding whether
 * the rule engine needs loading at all (`@edunorm/core/file-limits`).
 */
import { pick } from './messages/format.js';
import type { Finding, Locale } from './types.js';

/** True when a text declares itself an edunorm file (`apiVersion: edunorm/...` on some line; a byte-order mark may precede it). */
export function isEdunormText(text: string): boolean {
  return /^\uFEFF?[ \t]*["']?apiVersion["']?[ \t]*:[ \t]*["']?edunorm\//m.test(text);
}

/**
 * 2 MiB: the worst file of that size we could build stays within 2 GB and 60 s. Measured end to
 * end (`edunorm check FILE --format sarif`, Node 20; README "Security"), peak RSS: a file the
 * fast parser declines (one `&anchor` is enough) goes to `yaml`, which needs up to ~650 bytes
 * of memory per byte of dense input. A one-line flow list of a million `1,` (2 MiB) peaked at
 * 1.4 GB in 5 s; at 4.8 MB the same shape took 2.9 GB, and `- {}` per line 1.5 GB at 5 MiB and
 * 2.4 GB at 10 MiB — over budget. Ordinary files cost far less (2 MiB of block-style staff
 * records: 0.24 GB, 1.3 s). A 2 MiB file holds ~4,800 staff records with every field in block
 * style, ~10,000 in one-line flow style; larger files can raise the limit.
 */
export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;
/** Enough for any real file (one finding per field of a 1,000-person list); bounds memory and reports. */
export const DEFAULT_MAX_FINDINGS = 10_000;

/** Length of a text in UTF-8 bytes, without encoding it. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export const ORIGIN = { line: 1, column: 1, offset: 0 } as const;

/** The finding for a file above the size limit (also used by the CLI, which does not read such a file). */
export function fileTooLargeFinding(bytes: number, limit: number, locale: Locale): Finding {
  const size = (n: number) => (n >= 1048576 ? `${(n / 1048576).toFixed(1)} MiB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${n} B`);
  return {
    ruleId: 'file/too-large',
    severity: 'error',
    message: pick(
      {
        'zh-CN': `文件大小 ${size(bytes)}(${bytes} 字节),超过上限 ${size(limit)},未检查。请按学校拆分成多个文件,或调高大小上限。`,
        en: `This file is ${size(bytes)} (${bytes} bytes), above the limit of ${size(limit)}; it was not checked. Split it (one school per file) or raise the size limit.`,
      },
      locale,
    ),
    range: { start: { ...ORIGIN }, end: { ...ORIGIN } },
    documentIndex: 0,
    path: '',
  };
}

