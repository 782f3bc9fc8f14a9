/**
 * Reading a workspace file that is not open in the editor ("check workspace", watch events).
 * Whatever sits at the path — a FIFO, `/dev/urandom` behind a symlink, a folder, a 5 GB dump —
 * the answer comes at once: the file is opened non-blocking (a FIFO without a writer does not
 * wait for one, so no thread-pool thread is held), `fstat` on the open descriptor decides
 * (no race with a swapped path), only regular files are read, and never more than the size
 * limit plus one byte. Async: the server keeps answering while it reads.
 */
import { DEFAULT_MAX_FILE_BYTES } from '@edunorm/core';
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

export type ReadOutcome =
  | { text: string }
  /** `not-regular`: FIFO, device, socket, folder; `too-large`: above the limit; `unreadable`: open/read failed (`code`). */
  | { skipped: 'not-regular' | 'too-large' | 'unreadable'; code: string; size?: number; head?: string };

/** Bytes read from a too-large file to tell whether it declares `apiVersion: edunorm/…`. */
const HEAD_BYTES = 64 * 1024;

function decode(bytes: Buffer): string {
  // UTF-16 with a byte-order mark is valid YAML (as the CLI reads it); otherwise UTF-8.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

export async function readWorkspaceFile(path: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<ReadOutcome> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { skipped: 'unreadable', code: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return { skipped: 'not-regular', code: stat.isDirectory() ? 'EISDIR' : 'not a regular file' };
    if (stat.size > maxBytes) {
      const head = Buffer.alloc(Math.min(HEAD_BYTES, stat.size));
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      return { skipped: 'too-large', code: 'too large', size: stat.size, head: decode(head.subarray(0, bytesRead)) };
    }
    // One byte past the size seen: a file that grew since fstat is still caught by the limit.
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead <= 0) break;
      filled += bytesRead;
    }
    if (filled > maxBytes) return { skipped: 'too-large', code: 'too large', size: filled, head: decode(buffer.subarray(0, HEAD_BYTES)) };
    return { text: decode(buffer.subarray(0, filled)) };
  } catch (error) {
    return { skipped: 'unreadable', code: (error as NodeJS.ErrnoException).code ?? String(error) };
  } finally {
    await handle.close().catch(() => undefined);
  }
}
