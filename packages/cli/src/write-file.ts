import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const CHUNK = 1 << 20;

/**
 * Writes a file atomically: to a new temporary file beside it (created exclusively, so nothing
 * planted at that name is followed), flushed to disk, then renamed over the target. An
 * interruption at any point — an error, a full disk, SIGKILL — leaves the old file as it was
 * or the new one complete, never half of either; on an error the temporary file is removed.
 * The new file keeps the permissions of the one it replaces.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let mode = 0o666;
  try {
    mode = statSync(path).mode & 0o7777;
  } catch {
    // A new file: default permissions (less the umask).
  }
  const fd = openSync(tmp, 'wx', mode);
  let open = true;
  try {
    for (let offset = 0; offset < data.length; ) offset += writeSync(fd, data, offset, Math.min(CHUNK, data.length - offset));
    fsyncSync(fd);
    closeSync(fd);
    open = false;
    renameSync(tmp, path);
  } catch (error) {
    if (open) {
      try {
        closeSync(fd);
      } catch {}
    }
    try {
      unlinkSync(tmp);
    } catch {}
    throw error;
  }
  // Make the rename itself durable (best effort: not every system can fsync a folder).
  try {
    const dirFd = openSync(dir, 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  } catch {}
}
