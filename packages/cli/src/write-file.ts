import { randomBytes } from 'node:crypto';
import { accessSync, closeSync, constants, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, readlinkSync, realpathSync, renameSync, rmdirSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

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
  /**
   * A link, pipe or device at the path is replaced by the new file, never followed or written
   * into (edunorm's own files: the cache, its key). Otherwise — a file the user named (`--output`) — a link is followed and the
   * file it points to is replaced, and a pipe, device or socket (`-o /dev/stdout`, a FIFO) is
   * written to as it is: renaming a file over it would replace `/dev/null` for everyone.
   */
  replaceLinks?: boolean;
  /**
   * Judged now, opened at the first write: the folders are made and the temporary file is
   * created and removed again at once (a folder, a read-only disk, no permission: the error is
   * the constructor's), a pipe or device is tested for writing without being opened. For an
   * output named before a long run (`check --output`): nothing of the run's is on disk while the
   * files are checked — no temporary file for a glob over that folder to find, none left behind
   * by Ctrl-C — and a FIFO blocks only when there is a report to give it.
   */
  openAtFirstWrite?: boolean;
}

/**
 * The absolute path of an output named on the command line. A name ending in a separator
 * (`-o m.sarif/`) names a folder: resolve() would drop the separator and the write replace the
 * file `m.sarif` — it is EISDIR instead, said as such (main.ts reportError).
 */
export function outputPath(cwd: string, value: string): string {
  if (/[\\/]$/.test(value)) throw Object.assign(new Error(`EISDIR: ${value} names a folder`), { code: 'EISDIR', syscall: 'open', path: resolve(cwd, value) });
  return resolve(cwd, value);
}

/**
 * Creates `folder` and the folders missing on the way to it, each with one `mkdir` from the
 * nearest folder that exists: a walk up and a walk down, so at most twice the path's depth of
 * system calls. Never Node's `mkdirSync(…, { recursive: true })`: it retries a `mkdir` that fails
 * with ENOENT under a parent that exists (a folder under /proc) for ever, at full CPU, and never
 * returns. A file where a folder must be (`-o budget.yaml/x`) is ENOTDIR; a folder that cannot be
 * made is its `mkdir`'s error (ENOENT, EACCES, EROFS…), for the caller to say.
 */
export function makeFolders(folder: string, mode?: number): string[] {
  const missing: string[] = [];
  const made: string[] = [];
  for (let at = resolve(folder); ; ) {
    let st;
    try {
      st = statSync(at);
    } catch (error) {
      const parent = dirname(at);
      // Said as a write (main.ts reportError): the folder was to be made, not read.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || parent === at) throw Object.assign(error as object, { syscall: 'mkdir' });
      missing.push(at);
      at = parent;
      continue;
    }
    if (!st.isDirectory()) throw Object.assign(new Error(`ENOTDIR: ${at} is not a folder`), { code: 'ENOTDIR', syscall: 'mkdir', path: at });
    break;
  }
  for (let i = missing.length - 1; i >= 0; i--) {
    const at = missing[i]!;
    try {
      mkdirSync(at, mode === undefined ? undefined : { mode });
    } catch (error) {
      // Made meanwhile by another process (two runs writing into one new folder): as good.
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && isFolder(at)) continue;
      removeFolders(made);
      throw error;
    }
    made.push(at);
  }
  return made;
}

/**
 * Removes folders makeFolders made (outermost first, as it returned them), innermost first, each
 * only while empty: a run that gave up leaves no `reports/2025/` behind (ESLint makes an output's
 * folders only when it writes the report). A folder something else was put in meanwhile stays.
 */
export function removeFolders(made: readonly string[]): void {
  for (let i = made.length - 1; i >= 0; i--) {
    try {
      rmdirSync(made[i]!);
    } catch {
      return;
    }
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** An error as Node's fs gives it, for the one path the user named (not the temporary file beside it). */
function about(error: unknown, path: string): unknown {
  if (error && typeof error === 'object' && 'code' in error) return Object.assign(error, { path, dest: undefined });
  return error;
}

/**
 * Where a write to `path` goes: a regular file (what is there now, or nothing) is replaced
 * atomically at `path` — or, for a link, at the file it points to; a pipe, device or socket is a
 * stream, written to in place; a folder is an error (EISDIR), reported as such.
 */
function destinationOf(path: string, replaceLinks: boolean): { file: string } | { stream: string } {
  let link;
  try {
    link = lstatSync(path);
  } catch {
    return { file: path }; // nothing there (or not reachable: the write says why)
  }
  if (link.isSymbolicLink() && !replaceLinks) {
    let st;
    try {
      st = statSync(path);
    } catch {
      // A dangling link: the new file is created where it points.
      return { file: resolve(dirname(path), readlinkSync(path)) };
    }
    if (st.isDirectory()) throw Object.assign(new Error(`EISDIR: ${path} is a folder`), { code: 'EISDIR', syscall: 'open', path });
    if (!st.isFile()) return { stream: path };
    return { file: realpathSync(path) };
  }
  if (link.isDirectory()) throw Object.assign(new Error(`EISDIR: ${path} is a folder`), { code: 'EISDIR', syscall: 'open', path });
  // edunorm's own file: whatever was planted there (a FIFO to block on, a device) is replaced.
  if (replaceLinks) return { file: path };
  if (!link.isFile() && !link.isSymbolicLink()) return { stream: path };
  return { file: path };
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
  /** The file replaced (the named path, or the file a link there points to). */
  private readonly path: string;
  /** Written in place: a pipe, device or socket (destinationOf). */
  private readonly stream: boolean;
  /** Put in place: nothing is left for `abort()` to remove. */
  private committed = false;
  /** The folders made for it (createFolders), removed again by `abort()`. */
  private madeFolders: string[] = [];
  /** Opens the file or stream, when `openAtFirstWrite` left that to the first write. */
  private pending: (() => number) | undefined;

  constructor(
    /** As the user named it: what an error message says. */
    private readonly named: string,
    private readonly options: AtomicWriteOptions = {},
  ) {
    /** The temporary file while the constructor holds it open (removed if what follows fails). */
    let held: string | undefined;
    try {
      if (options.createFolders) this.madeFolders = makeFolders(dirname(named));
      const destination = destinationOf(named, options.replaceLinks === true);
      this.stream = 'stream' in destination;
      this.path = 'stream' in destination ? destination.stream : destination.file;
      this.dir = dirname(this.path);
      this.tmp = join(this.dir, `.${basename(this.path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
      if (this.stream) {
        if (options.exclusive) throw Object.assign(new Error(`EEXIST: ${named} exists`), { code: 'EEXIST', syscall: 'open', path: named });
        const path = this.path;
        if (!options.openAtFirstWrite) this.fd = openSync(path, 'w');
        else {
          accessSync(path, constants.W_OK);
          this.pending = () => openSync(path, 'w');
        }
        return;
      }
      let mode = options.mode ?? 0o666;
      if (options.mode === undefined) {
        try {
          mode = statSync(this.path).mode & 0o7777;
        } catch {
          // A new file: default permissions (less the umask).
        }
      }
      const tmp = this.tmp;
      this.fd = openSync(tmp, 'wx', mode);
      held = tmp;
      if (options.openAtFirstWrite) {
        closeSync(this.fd);
        this.fd = undefined;
        unlinkSync(tmp);
        this.pending = () => openSync(tmp, 'wx', mode);
      }
    } catch (error) {
      if (this.fd !== undefined) {
        try {
          closeSync(this.fd);
        } catch {}
        this.fd = undefined;
      }
      if (held !== undefined) {
        try {
          unlinkSync(held);
        } catch {}
      }
      removeFolders(this.madeFolders);
      throw about(error, named);
    }
  }

  /** Appends to the temporary file; on an error the temporary file is removed and the error thrown. */
  write(content: string | Uint8Array): void {
    this.openPending();
    if (this.fd === undefined) throw new Error(`${this.named}: written after it was committed or aborted`);
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    try {
      for (let offset = 0; offset < data.length; ) offset += writeSync(this.fd, data, offset, Math.min(CHUNK, data.length - offset));
    } catch (error) {
      this.abort();
      throw about(error, this.named);
    }
  }

  /** Flushes the temporary file and puts it in place of the target. */
  commit(): void {
    this.openPending();
    if (this.fd === undefined) throw new Error(`${this.named}: committed after it was committed or aborted`);
    if (this.stream) {
      // A stream has nothing to rename: what was written is there (a pipe's reader has it).
      this.committed = true;
      try {
        closeSync(this.fd);
      } catch (error) {
        throw about(error, this.named);
      } finally {
        this.fd = undefined;
      }
      return;
    }
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
      this.committed = true;
    } catch (error) {
      this.abort();
      throw about(error, this.named);
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

  /** Opens what `openAtFirstWrite` left for the first write (an error aborts, said for the named path). */
  private openPending(): void {
    const open = this.pending;
    if (!open) return;
    this.pending = undefined;
    try {
      this.fd = open();
    } catch (error) {
      this.abort();
      throw about(error, this.named);
    }
  }

  /** Gives up: the temporary file is removed, the target stays as it was. Safe to call twice, and a no-op after a commit. */
  abort(): void {
    if (this.committed) return;
    this.pending = undefined;
    if (this.fd !== undefined) {
      try {
        closeSync(this.fd);
      } catch {}
      this.fd = undefined;
    }
    if (!this.stream) {
      try {
        unlinkSync(this.tmp);
      } catch {}
    } // else nothing of ours to remove (and what was sent is sent)
    removeFolders(this.madeFolders);
    this.madeFolders = [];
  }
}

/**
 * Whether two absolute paths name one file: the same path, or (both there, links followed) the
 * same device and inode — an output named for an input by a link or a hard link.
 */
export function namesSameFile(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    const x = statSync(a, { throwIfNoEntry: false });
    const y = statSync(b, { throwIfNoEntry: false });
    return x !== undefined && y !== undefined && x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/** Writes a whole file atomically (AtomicFile: temporary file, flush, rename). */
export function writeFileAtomic(path: string, content: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  const file = new AtomicFile(path, options);
  file.write(content);
  file.commit();
}
