import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const CHUNK = 1 << 20;

export interface AtomicWriteOptions {
  /** A missing folder on the way is created first (`--output reports/x.sarif`). */
  createFolders?: boolean;
  /**
   * The file must not exist yet: the complete temporary file is hard-linked into place, which
   * fails with EEXIST when another process got there first (two `baseline` runs started
   * together: one wins, the other is told, nothing is lost).
   */
  exclusive?: boolean;
  /** The new file's permissions (else those of the file replaced, or 0666 less the umask). */
  mode?: number;
  /**
   * `false`: not flushed to disk before the rename (still atomic for every reader and against
   * a process that dies: a crash of the whole system may leave the old file, or an empty one).
   * Only for files that verify themselves or that running again makes: the `--cache` (a torn
   * one is ignored) and `check --output` (a report). A baseline, a configuration, an imported
   * submission are flushed: they are someone's work.
   */
  durable?: boolean;
}

/**
 * A file written atomically, a chunk at a time: to a new temporary file beside it (created
 * exclusively, so nothing planted at that name is followed), flushed to disk by `commit()`,
 * then renamed over the target. An interruption at any point — an error, a full disk, SIGKILL —
 * leaves the old file as it was or the new one complete, never half of either; `abort()` (and
 * a failed `commit()`) removes the temporary file. The new file keeps the permissions of the
 * one it replaces. A report of any size streams through it (`check --output`) without being
 * held whole.
 */
export class AtomicFile {
  private fd: number | undefined;
  private readonly tmp: string;
  private readonly dir: string;

  constructor(
    private readonly path: string,
    private readonly options: AtomicWriteOptions = {},
  ) {
    this.dir = dirname(path);
    if (options.createFolders) mkdirSync(this.dir, { recursive: true });
    this.tmp = join(this.dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    let mode = options.mode ?? 0o666;
    if (options.mode === undefined) {
      try {
        mode = statSync(path).mode & 0o7777;
      } catch {
        // A new file: default permissions (less the umask).
      }
    }
    this.fd = openSync(this.tmp, 'wx', mode);
  }

  /** Appends to the temporary file; on an error the temporary file is removed and the error thrown. */
  write(content: string | Uint8Array): void {
    if (this.fd === undefined) throw new Error(`${this.path}: written after it was committed or aborted`);
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    try {
      for (let offset = 0; offset < data.length; ) offset += writeSync(this.fd, data, offset, Math.min(CHUNK, data.length - offset));
    } catch (error) {
      this.abort();
      throw error;
    }
  }

  /** Flushes the temporary file and puts it in place of the target. */
  commit(): void {
    if (this.fd === undefined) throw new Error(`${this.path}: committed after it was committed or aborted`);
    try {
      if (this.options.durable !== false) fsyncSync(this.fd);
      closeSync(this.fd);
      this.fd = undefined;
      if (this.options.exclusive) {
        linkSync(this.tmp, this.path);
        try {
          unlinkSync(this.tmp);
        } catch {}
      } else renameSync(this.tmp, this.path);
    } catch (error) {
      this.abort();
      throw error;
    }
    // Make the rename itself durable (best effort: not every system can fsync a folder).
    if (this.options.durable === false) return;
    try {
      const dirFd = openSync(this.dir, 'r');
      try {
        fsyncSync(dirFd);
      } finally {
        closeSync(dirFd);
      }
    } catch {}
  }

  /** Gives up: the temporary file is removed, the target stays as it was. Safe to call twice. */
  abort(): void {
    if (this.fd !== undefined) {
      try {
        closeSync(this.fd);
      } catch {}
      this.fd = undefined;
    }
    try {
      unlinkSync(this.tmp);
    } catch {}
  }
}

/** Writes a whole file atomically (AtomicFile: temporary file, flush, rename). */
export function writeFileAtomic(path: string, content: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  const file = new AtomicFile(path, options);
  file.write(content);
  file.commit();
}
