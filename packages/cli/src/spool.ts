/**
 * Where the run's reports wait for the workspace join: one temporary file (in os.tmpdir(), in
 * a folder only this user can read) holding each file's report as a JSON line, and in memory
 * only where each line is. The norms across documents need every file before any file's final
 * findings are known (a district's finding lands in a school's file), so reports cannot go to
 * the output as they arrive; holding them in the heap would make memory grow with the corpus.
 * Removed by `close()`, and at process exit if a caller never got that far.
 *
 * With `--cache`, the records of the files checked this run are written here too — each
 * report line between its record's metadata line and end (result-cache.ts) — so a save copies
 * them from this file instead of the run holding them all until then.
 *
 * Writes are gathered in a buffer of WRITE_BUFFER bytes (a warm run spools thousands of small
 * cache hits: one system call each was a twentieth of it); reads of lines that lie one after
 * another are made a window at a time.
 */
import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAt, writeAt } from './positioned-io.js';

const WRITE_BUFFER = 1 << 20;
/** Lines read back together: up to this many bytes, lines at most READ_GAP bytes apart. */
const READ_WINDOW = 1 << 20;
const READ_GAP = 1 << 12;

const open = new Set<Spool>();
let hooked = false;
const removeAll = () => {
  for (const s of open) s.close();
};

/** Bytes written just before and after a line that are not part of it (a cache record's metadata line and end). */
export interface Around {
  before?: Uint8Array;
  after?: Uint8Array;
  /**
   * The line is a report (its first `report` bytes), a line break, and the file's rendered
   * output element (rendered.ts): each part can be read alone.
   */
  report?: number;
}

export class Spool {
  readonly folder: string;
  private fd: number | undefined;
  /** Bytes in the file; `buffered` more wait in `buffer`. */
  private flushed = 0;
  private buffer: Buffer = Buffer.allocUnsafe(WRITE_BUFFER);
  private buffered = 0;
  /** Byte offset and length of each index's line; -1 = not written. */
  private readonly offsets: Float64Array;
  private readonly lengths: Uint32Array;
  /** Per index, the report's length + 1 when its line also holds a rendered element (Around.report); else 0. */
  private readonly splits: Uint32Array;
  /** The last window read (`reads`), its file offset. */
  private window: Buffer = Buffer.alloc(0);
  private windowAt = 0;

  constructor(count: number) {
    this.folder = mkdtempSync(join(tmpdir(), 'edunorm-run-'));
    this.offsets = new Float64Array(count).fill(-1);
    this.lengths = new Uint32Array(count);
    this.splits = new Uint32Array(count);
    try {
      this.fd = openSync(join(this.folder, 'reports.jsonl'), 'wx+', 0o600);
    } catch (error) {
      rmSync(this.folder, { recursive: true, force: true });
      throw error;
    }
    open.add(this);
    if (!hooked) {
      hooked = true;
      process.once('exit', removeAll);
    }
  }

  /**
   * `line`: the report's JSON, as text or as its UTF-8 bytes (a cache hit's, never decoded),
   * copied at once. Returns where what was written begins (`around.before`, else the line).
   */
  write(index: number, line: string | Uint8Array, around?: Around): number {
    const at = this.end;
    if (around?.before) this.append(around.before);
    this.offsets[index] = this.end;
    const bytes = typeof line === 'string' ? Buffer.from(line, 'utf8') : line;
    this.append(bytes);
    this.lengths[index] = bytes.length;
    this.splits[index] = around?.report !== undefined ? around.report + 1 : 0;
    if (around?.after) this.append(around.after);
    return at;
  }

  private append(bytes: Uint8Array): void {
    if (this.buffered + bytes.length > WRITE_BUFFER) this.flush();
    if (bytes.length >= WRITE_BUFFER) {
      this.writeOut(bytes);
      return;
    }
    this.buffer.set(bytes, this.buffered);
    this.buffered += bytes.length;
  }

  private flush(): void {
    if (!this.buffered) return;
    const pending = this.buffered;
    this.buffered = 0;
    this.writeOut(this.buffer.subarray(0, pending));
  }

  private writeOut(bytes: Uint8Array): void {
    writeAt(this.fd!, bytes, this.flushed);
    this.flushed += bytes.length;
  }

  has(index: number): boolean {
    return this.offsets[index]! >= 0;
  }

  read(index: number): string {
    return this.readBytes(index).toString('utf8');
  }

  /**
   * A line as its UTF-8 bytes (a part of it may be passed on without being decoded): a view of
   * a window read with the lines after it, when they follow it closely. Never changed later.
   */
  readBytes(index: number): Buffer {
    return this.part(index, 'line');
  }

  /** Whether the line holds a rendered element after its report (Around.report). */
  hasRendered(index: number): boolean {
    return this.splits[index]! > 0;
  }

  /** The report part of a line that holds a rendered element (a new buffer; without one, the line as `readBytes` gives it). */
  readReport(index: number): Buffer {
    const split = this.splits[index]!;
    if (!split) return this.readBytes(index);
    return this.readRange(this.offsets[index]!, split - 1);
  }

  /** The rendered element of a line that holds one, read as `readBytes` reads lines: the reports beside it are not read. */
  readRendered(index: number): Buffer {
    return this.part(index, 'rendered');
  }

  /** Where a part of index `i`'s line lies: the whole line, or its rendered element. */
  private extent(i: number, which: 'line' | 'rendered'): [at: number, length: number] {
    const skip = which === 'rendered' ? this.splits[i]! : 0;
    return [this.offsets[i]! + skip, this.lengths[i]! - skip];
  }

  private part(index: number, which: 'line' | 'rendered'): Buffer {
    if (this.offsets[index]! < 0) throw new Error(`spool: no report for target ${index}`);
    const [at, length] = this.extent(index, which);
    if (at < this.windowAt || at + length > this.windowAt + this.window.length) {
      // As far as the same parts of the next lines lie close after this one (they do in a run
      // in one thread, and for cache hits): read them with it.
      let end = at + length;
      for (let next = index + 1; next < this.offsets.length && this.offsets[next]! >= 0; next++) {
        const [o, n] = this.extent(next, which);
        if (o < end || o - end > READ_GAP || o + n - at > READ_WINDOW) break;
        end = o + n;
      }
      // A new buffer every time: views of the last one may still be held (lazy reports, output chunks).
      this.window = this.readRange(at, end - at);
      this.windowAt = at;
    }
    return this.window.subarray(at - this.windowAt, at - this.windowAt + length);
  }

  /** `length` bytes written at `at` (what `write` returned), as a new buffer. */
  readRange(at: number, length: number): Buffer {
    if (at + length > this.flushed) this.flush();
    const buffer = Buffer.allocUnsafe(length);
    if (readAt(this.fd!, buffer, length, at) < length) throw new Error('spool: the temporary file was cut short');
    return buffer;
  }

  /** Passes `length` bytes from `at` to `out`, a window at a time (a cache save copying this run's records). */
  copyRange(at: number, length: number, out: (bytes: Buffer) => void): void {
    for (let done = 0; done < length; ) {
      const n = Math.min(READ_WINDOW, length - done);
      out(this.readRange(at + done, n));
      done += n;
    }
  }

  private get end(): number {
    return this.flushed + this.buffered;
  }

  /** Bytes written (for --verbose and the memory bench). */
  get bytes(): number {
    return this.end;
  }

  /** Removes the file and its folder; safe to call more than once. */
  close(): void {
    if (this.fd !== undefined) {
      try {
        closeSync(this.fd);
      } catch {
        // already closed
      }
      this.fd = undefined;
    }
    this.buffer = Buffer.alloc(0);
    this.window = Buffer.alloc(0);
    rmSync(this.folder, { recursive: true, force: true });
    open.delete(this);
  }
}
