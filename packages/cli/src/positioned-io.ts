/**
 * Reads and writes at a file offset until the whole range is done: `readSync`/`writeSync` may
 * move fewer bytes than asked. One loop each for the spool and the cache file.
 */
import { readSync, writeSync } from 'node:fs';

/** Reads up to `length` bytes at `position` into `buffer`; the count read (short only at the end of the file). */
export function readAt(fd: number, buffer: Uint8Array, length: number, position: number): number {
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buffer, done, length - done, position + done);
    if (n <= 0) break;
    done += n;
  }
  return done;
}

/** Writes all of `bytes` at `position`. */
export function writeAt(fd: number, bytes: Uint8Array, position: number): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done, position + done);
}
