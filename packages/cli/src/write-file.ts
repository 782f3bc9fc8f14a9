import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const CHUNK = 1 << 20;

/**
 * Writes a file atomically: to a new temporary file beside it (created exclusively, so nothing
 * planted at that name is followed), flushed to disk, then renamed over the target. An
 * interruption at any point — an error, a full disk, SIGKILL — leaves the old file as it was
 * or the new one complete, never half of either; on an error the temporary file is removed.
 * The new file keeps the permissions of the one it replaces.
 *
 * `createFolders`: a missing folder on the way is created first (`--output reports/x.sarif`).
 * `mode`: the new file's permissions (else those of the file replaced, or 0666 less the umask).
 * `exclusive`: the file must not exist yet — the complete temporary file is hard-linked into
 * place, which fails with EEXIST when another process got there first (two `baseline` runs
 * started together: one wins, the other is told, nothing is lost).
 */
export function writeFileAtomic(path: string, content: string | Uint8Array, options: { createFolders?: boolean; exclusive?: boolean; mode?: number } = {}): void {
  const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const dir = dirname(path);
  if (options.createFolders) mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let mode = options.mode ?? 0o666;
  if (options.mode === undefined) {
    try {
      mode = statSync(path).mode & 0o7777;
    } catch {
      // A new file: default permissions (less the umask).
    }
  }
  const fd = openSync(tmp, 'wx', mode);
  let open = true;
  try {
    for (let offset = 0; offset < data.length; ) offset += writeSync(fd, data, offset, Math.min(CHUNK, data.length - offset));
    fsyncSync(fd);
    closeSync(fd);
    open = false;
    if (options.exclusive) {
      linkSync(tmp, path);
      try {
        unlinkSync(tmp);
      } catch {}
    } else renameSync(tmp, path);
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
