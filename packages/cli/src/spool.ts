/**
 * Where the run's reports wait for the workspace join: one temporary file (in os.tmpdir(), in
 * a folder only this user can read) holding each file's report as a JSON line, and in memory
 * only where each line is. The norms across documents need every file before any file's final
 * findings are known (a district's finding lands in a school's file), so reports cannot go to
 * the output as they arrive; holding them in the heap would make memory grow with the corpus.
 * Removed by `close()`, and at process exit if a caller never got that far.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const open = new Set<Spool>();
let hooked = false;
const removeAll = () => {
  for (const s of open) s.close();
};

export class Spool {
  readonly folder: string;
  private fd: number | undefined;
  private size = 0;
  /** Byte offset and length of each index's line; -1 = not written. */
  private readonly offsets: Float64Array;
  private readonly lengths: Uint32Array;

  constructor(count: number) {
    this.folder = mkdtempSync(join(tmpdir(), 'edunorm-run-'));
    this.offsets = new Float64Array(count).fill(-1);
    this.lengths = new Uint32Array(count);
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

  /** `line`: the report's JSON, as text or as its UTF-8 bytes (a cache hit's, never decoded). */
  write(index: number, line: string | Uint8Array): void {
    const bytes = typeof line === 'string' ? Buffer.from(line, 'utf8') : line;
    let done = 0;
    while (done < bytes.length) done += writeSync(this.fd!, bytes, done, bytes.length - done, this.size + done);
    this.offsets[index] = this.size;
    this.lengths[index] = bytes.length;
    this.size += bytes.length;
  }

  has(index: number): boolean {
    return this.offsets[index]! >= 0;
  }

  read(index: number): string {
    return this.readBytes(index).toString('utf8');
  }

  /** A line as its UTF-8 bytes (a part of it may be passed on without being decoded). */
  readBytes(index: number): Buffer {
    const offset = this.offsets[index]!;
    if (offset < 0) throw new Error(`spool: no report for target ${index}`);
    const buffer = Buffer.allocUnsafe(this.lengths[index]!);
    let done = 0;
    while (done < buffer.length) {
      const n = readSync(this.fd!, buffer, done, buffer.length - done, offset + done);
      if (n <= 0) throw new Error('spool: the temporary file was cut short');
      done += n;
    }
    return buffer;
  }

  /** Bytes written (for --verbose and the memory bench). */
  get bytes(): number {
    return this.size;
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
    rmSync(this.folder, { recursive: true, force: true });
    open.delete(this);
  }
}
