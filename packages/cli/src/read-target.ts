/**
 * Reading one file to check, defensively: whatever is at the path (a FIFO, a device, a folder
 * behind a symlink, a file without permission, a 5 GB dump, bytes that are not UTF-8) becomes
 * either text to check or one finding on that file — never a hang, a crash or an exception.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs';
import { DEFAULT_MAX_FILE_BYTES, decodeBytes, fileEncodingFinding, fileTooLargeFinding, fileUnreadableFinding, isEdunormText } from '@edunorm/core/internal/file-limits';
import type { Finding, Locale } from '@edunorm/core';
import { fsPathOf, type FileTarget } from './find-files.js';
import { MESSAGES as M } from './messages.js';

export interface ReadResult {
  text?: string;
  bytes?: Buffer;
  /** The file could not be checked at all (unreadable, too large): its only finding. */
  finding?: Finding;
  /** A file too large to read that does not declare edunorm: skipped like any file that is not ours. */
  notEdunorm?: boolean;
  /** A finding to add to the file's report when it turns out to be an edunorm file (encoding). */
  extra?: Finding;
  /** The file's stat when the bytes were read (what `--cache` records beside their digest). */
  stat?: { size: number; mtimeMs: number; ctimeMs: number; ino: number; at: number };
}

const CHUNK = 1 << 20;
/** How the CLI raises the size limit, said in file/too-large (the page and the editor cannot). */
const RAISE_LIMIT = M.raiseSizeLimit();

function unreadable(reason: string, locale: Locale, what: 'file' | 'folder' = 'file'): ReadResult {
  return { finding: fileUnreadableFinding(reason, locale, what) };
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

/** UTF-8, UTF-16 or UTF-32, with or without a byte-order mark (core's decodeBytes, YAML 1.2 §5.2). */
function decode(bytes: Buffer): { text: string; invalidAt?: number } {
  return decodeBytes(bytes);
}

const isLink = (path: string | Buffer): boolean => {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
};

/** Reads one file to check; see the module comment. */
export function readTarget(target: Pick<FileTarget, 'absolute' | 'fsPath' | 'walkError'>, locale: Locale, maxFileBytes = DEFAULT_MAX_FILE_BYTES): ReadResult {
  // A folder the walk could not list: its files are unknown, which is never "all clear".
  if (target.walkError) return unreadable(target.walkError, locale, 'folder');
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO without a writer must not wait for one.
    fd = openSync(fsPathOf(target), constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    // A file that is listed but "does not exist" is a link to nothing: said as that.
    return unreadable(code === 'ENOENT' && isLink(fsPathOf(target)) ? 'dangling link' : code, locale);
  }
  try {
    // When the stat was taken (just before it): what the cache's racy-stat rule compares the
    // file's times with (result-cache.ts `trusted`), however long the check and its recording take.
    const at = Date.now();
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return unreadable('EISDIR', locale);
    if (!stat.isFile()) return unreadable('not a regular file', locale);
    if (stat.size > maxFileBytes) {
      return declaresEdunorm(fd) ? { finding: fileTooLargeFinding(stat.size, maxFileBytes, locale, RAISE_LIMIT) } : { notEdunorm: true };
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
        return isEdunormText(head) || declaresEdunorm(fd) ? { finding: fileTooLargeFinding(total, maxFileBytes, locale, RAISE_LIMIT) } : { notEdunorm: true };
      }
      want = Math.min(CHUNK, maxFileBytes + 1 - total);
    }
    const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
    const { text, invalidAt } = decode(bytes);
    return { bytes, text, stat: { size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino, at }, ...(invalidAt !== undefined ? { extra: fileEncodingFinding(text, invalidAt, locale) } : {}) };
  } catch (error) {
    return unreadable((error as NodeJS.ErrnoException).code ?? String(error), locale);
  } finally {
    closeSync(fd);
  }
}
