/**
 * Limits on what one checked file may cost, and the findings that say a file was not read. Light on
 * purpose (no parser, no engine): the CLI uses it while reading files, before deciding whether
 * the rule engine needs loading at all (`@edunorm/core/internal/file-limits`).
 */

/**
 * A line test: `apiVersion: edunorm/...` on some line (a byte-order mark may precede it). Only
 * for texts too large to parse (the CLI's size limit); every other text is classified exactly,
 * by parsing, with `classifyText` (classify.ts).
 */
export function isEdunormText(text: string): boolean {
  return /^\uFEFF?[ \t]*["']?apiVersion["']?[ \t]*:[ \t]*["']?edunorm\//m.test(text);
}

/**
 * Two limits keep the worst file within 2 GB and 60 s (Node 20, `edunorm check FILE --format
 * sarif`, peak RSS; README "Security"):
 * - 16 MiB for any file. Plain edunorm YAML takes the fast path, whose worst shape measured is a
 *   list of empty mappings (`- {}` per line): 16 MiB peaked at 1.06 GB in 2.1 s; 16 MiB of
 *   `k: 1` keys 0.58 GB, a 20,000-staff file (3.7 MB) 0.14 GB in 0.5 s.
 * - 2 Mi characters for a text the fast path declines (anchors, block scalars, tabs…), which
 *   goes to `yaml`: it needs up to ~650 bytes per byte of dense input (a one-line list of a
 *   million `1,` — 2 MiB — peaked at 1.4 GB in 5 s; 4.8 MB at 2.9 GB). That limit is
 *   DEFAULT_MAX_FULL_PARSE_LENGTH in parse/parse-yaml.ts.
 */
export const DEFAULT_MAX_FILE_BYTES = 16 * 1024 * 1024;
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

/**
 * A file's findings with the finding about how its bytes were read (file/encoding), as every
 * front end reports them: only when the file turned out to be ours (a binary that is not
 * edunorm gets no encoding finding), in offset order, the read finding first at an equal offset.
 */
export function withReadFinding<F extends { range: { start: { offset: number } } }>(findings: readonly F[], read: F | undefined, isEdunorm: boolean): F[] {
  if (!read || !isEdunorm) return [...findings];
  return [read, ...findings].sort((a, b) => a.range.start.offset - b.range.start.offset);
}

/** The findings that say a file was not read (they are declared with their checks, checks/file.ts). */
export { fileEncodingFinding, fileTooLargeFinding, fileUnreadableFinding } from './checks/file.js';

export { decodeBytes, detectEncoding, type DecodedText, type TextEncoding } from './parse/encoding.js';
/** The one offset↔line/column index (light: the CLI locates read-time findings with it). */
export { TextPositions } from './parse/text-positions.js';
/** User text shown with its invisible controls written visibly (the CLI's safe-text.ts, the browser checker). */
export { visibleControls } from './visible-text.js';
