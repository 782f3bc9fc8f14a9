/**
 * Reading one file to check, defensively: whatever is at the path (a FIFO, a device, a folder
 * behind a symlink, a file without permission, a 5 GB dump, bytes that are not UTF-8) becomes
 * either text to check or one finding on that file — never a hang, a crash or an exception.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { DEFAULT_MAX_FILE_BYTES, fileTooLargeFinding, isEdunormText } from '@edunorm/core/internal/file-limits';
import type { Finding, Locale } from '@edunorm/core';
import type { FileTarget } from './find-files.js';

export interface ReadResult {
  text?: string;
  bytes?: Buffer;
  /** The file could not be checked at all (unreadable, too large): its only finding. */
  finding?: Finding;
  /** A file too large to read that does not declare edunorm: skipped like any file that is not ours. */
  notEdunorm?: boolean;
  /** A finding to add to the file's report when it turns out to be an edunorm file (encoding). */
  extra?: Finding;
}

const CHUNK = 1 << 20;

function unreadable(reason: string, locale: Locale): ReadResult {
  const message = locale === 'zh-CN' ? `无法读取此文件(${reason}),未检查。` : `This file cannot be read (${reason}); it was not checked.`;
  const origin = { line: 1, column: 1, offset: 0 };
  return { finding: { ruleId: 'file/unreadable', severity: 'error', message, range: { start: origin, end: { ...origin } }, documentIndex: 0, path: '' } };
}

/**
 * Whether a file too large to read declares `apiVersion: edunorm/...`, read in 1 MiB chunks
 * (memory stays flat whatever its size; a line cut between chunks is read whole).
 */
function declaresEdunorm(fd: number): boolean {
  const buffer = Buffer.alloc(CHUNK);
  let carry = '';
  let position = 0;
  for (;;) {
    const n = readSync(fd, buffer, 0, CHUNK, position);
    if (n <= 0) return false;
    position += n;
    const text = carry + buffer.toString('latin1', 0, n);
    if (isEdunormText(text)) return true;
    carry = text.slice(Math.max(text.lastIndexOf('\n') + 1, text.length - 256));
  }
}

/** UTF-16 with a byte-order mark is valid YAML; anything else is read as UTF-8. */
function decode(bytes: Buffer): { text: string; invalidAt?: number } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes) };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    return { text, invalidAt: Math.max(0, text.indexOf('\uFFFD')) };
  }
}

function encodingFinding(text: string, offset: number, locale: Locale): Finding {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  const start = { line, column: offset - lineStart + 1, offset };
  const end = { line, column: start.column + 1, offset: offset + 1 };
  return {
    ruleId: 'file/encoding',
    severity: 'error',
    message:
      locale === 'zh-CN'
        ? '此文件不是 UTF-8 编码(可能是 GBK/ANSI),从这里开始的文字无法正确读取(如姓名、学校名称)。请在编辑器中以 UTF-8 编码重新保存。'
        : 'This file is not UTF-8 (perhaps GBK/ANSI); text from here on cannot be read correctly (names, school names). Save it again as UTF-8.',
    range: { start, end },
    documentIndex: 0,
    path: '',
  };
}

/** Reads one file to check; see the module comment. */
export function readTarget(target: FileTarget, locale: Locale, maxFileBytes = DEFAULT_MAX_FILE_BYTES): ReadResult {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO without a writer must not wait for one.
    fd = openSync(target.absolute, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return unreadable((error as NodeJS.ErrnoException).code ?? String(error), locale);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return unreadable('EISDIR', locale);
    if (!stat.isFile()) return unreadable(locale === 'zh-CN' ? '不是普通文件' : 'not a regular file', locale);
    if (stat.size > maxFileBytes) {
      return declaresEdunorm(fd) ? { finding: fileTooLargeFinding(stat.size, maxFileBytes, locale) } : { notEdunorm: true };
    }
    // Read one byte more than the file's size (and never more than the limit + 1): a file
    // that grows while it is read is still caught by the limit.
    const chunks: Buffer[] = [];
    let total = 0;
    let want = Math.min(stat.size + 1, maxFileBytes + 1);
    for (;;) {
      const buffer = Buffer.alloc(want);
      let filled = 0;
      while (filled < want) {
        const n = readSync(fd, buffer, filled, want - filled, null);
        if (n <= 0) break;
        filled += n;
      }
      chunks.push(filled === want ? buffer : buffer.subarray(0, filled));
      total += filled;
      if (filled < want) break;
      if (total > maxFileBytes) {
        const head = Buffer.concat(chunks).toString('latin1');
        return isEdunormText(head) || declaresEdunorm(fd) ? { finding: fileTooLargeFinding(total, maxFileBytes, locale) } : { notEdunorm: true };
      }
      want = Math.min(CHUNK, maxFileBytes + 1 - total);
    }
    const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
    const { text, invalidAt } = decode(bytes);
    return { bytes, text, ...(invalidAt !== undefined ? { extra: encodingFinding(text, invalidAt, locale) } : {}) };
  } catch (error) {
    return unreadable((error as NodeJS.ErrnoException).code ?? String(error), locale);
  } finally {
    closeSync(fd);
  }
}
