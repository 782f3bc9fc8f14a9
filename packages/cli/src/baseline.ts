import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import type { Finding } from '@edunorm/core';
import type { FileReport } from './file-report.js';
import { jsonErrorOffset } from './json-error-offset.js';
import { UsageError } from './usage-error.js';
import { MESSAGES as M } from './messages.js';

/**
 * A baseline records accepted findings by a fingerprint that does not contain line numbers:
 * rule id + file + document identity (kind and school/district code) + the path, with staff
 * and schools named by id/code (`staff[id=T001].classTeacherAllowance`) + the outcome.
 * Inserting lines above a finding, or reordering staff, keeps it matched.
 */
export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  file: string;
  anchor: string;
  /** How many findings share this fingerprint (a record with the same problem twice). */
  count: number;
  /** The message when recorded, for people reading the file. */
  message: string;
}

export interface BaselineFile {
  format: 1;
  tool: 'edunorm';
  version: string;
  entries: BaselineEntry[];
}

export function fingerprint(file: string, f: Finding): string {
  return createHash('sha256')
    .update([f.ruleId, file, f.anchor ?? `${f.documentIndex}/${f.path}`, f.outcome ?? ''].join('\u0000'))
    .digest('hex')
    .slice(0, 32);
}

/** Collects a baseline's entries from reports as they stream by (only the entries are held). */
export class BaselineRecorder {
  private readonly byPrint = new Map<string, BaselineEntry>();

  add(r: FileReport): void {
    for (const f of r.findings) {
      const fp = fingerprint(r.file.relative, f);
      const e = this.byPrint.get(fp);
      if (e) e.count++;
      else this.byPrint.set(fp, { fingerprint: fp, ruleId: f.ruleId, file: r.file.relative, anchor: f.anchor ?? f.path, count: 1, message: f.message });
    }
  }

  baseline(version: string): BaselineFile {
    const entries = [...this.byPrint.values()].sort((a, b) => a.file.localeCompare(b.file) || a.anchor.localeCompare(b.anchor) || a.ruleId.localeCompare(b.ruleId));
    return { format: 1, tool: 'edunorm', version, entries };
  }
}

export function createBaseline(reports: Iterable<FileReport>, version: string): BaselineFile {
  const recorder = new BaselineRecorder();
  for (const r of reports) recorder.add(r);
  return recorder.baseline(version);
}

const isCount = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 1;
const ENTRY_FIELDS = ['fingerprint', 'ruleId', 'file', 'anchor'] as const;
const TEXT = { 'zh-CN': '文字', en: 'a string' };

/** `line:column` of a character offset (JSON.parse names the offset of a syntax error). */
export function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return `${before.length}:${before[before.length - 1]!.length + 1}`;
}

/**
 * Reads a baseline, hand-edited ones included: anything but `{format: 1, entries: [...]}` with
 * well-formed entries is a clear exit-2 error naming the file and where (line:column of a
 * syntax error, `entries[i].field` of a wrong value) — never a crash later on.
 */
export function readBaseline(path: string, shown = path): BaselineFile {
  let text: string;
  try {
    // Opened without blocking and read only as a regular file: a FIFO with no writer would
    // wait forever, a device never end.
    const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const st = fstatSync(fd);
      if (st.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
      if (!st.isFile()) throw new UsageError(M.baselineUnreadable(shown, M.notRegularFile()));
      // A byte-order mark (Windows Notepad, PowerShell 5 save one) is no part of the JSON.
      text = readFileSync(fd, 'utf8').replace(/^\uFEFF/, '');
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UsageError(M.baselineUnreadable(shown, M.systemError(code)));
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    const where = `:${lineColumn(text, jsonErrorOffset(text))}`;
    throw new UsageError({ 'zh-CN': `${shown}${where}: 基线文件不是有效的 JSON`, en: `${shown}${where}: the baseline is not valid JSON` });
  }
  const b = data as Partial<BaselineFile> | null;
  if (typeof b !== 'object' || b === null || Array.isArray(b) || b.format !== 1 || !Array.isArray(b.entries)) {
    throw new UsageError(M.notABaseline(shown));
  }
  b.entries.forEach((e: unknown, i) => {
    const bad = (field: string, want: { 'zh-CN': string; en: string }) =>
      new UsageError({
        'zh-CN': `${shown}: entries[${i}]${field} 不对:应为${want['zh-CN']};请用 edunorm baseline … --force 重新生成`,
        en: `${shown}: entries[${i}]${field} is wrong: expected ${want.en}; regenerate it with edunorm baseline … --force`,
      });
    if (typeof e !== 'object' || e === null || Array.isArray(e)) throw bad('', { 'zh-CN': '一个对象', en: 'an object' });
    const entry = e as Record<string, unknown>;
    for (const field of ENTRY_FIELDS) if (typeof entry[field] !== 'string') throw bad(`.${field}`, TEXT);
    // The message is for people reading the file; only its type matters.
    if (entry.message !== undefined && typeof entry.message !== 'string') throw bad('.message', TEXT);
    if (!isCount(entry.count)) throw bad('.count', { 'zh-CN': '正整数', en: 'a whole number ≥ 1' });
  });
  return b as BaselineFile;
}

/**
 * Drops findings recorded in the baseline, one file at a time (each entry absorbs up to `count`
 * findings of its file), and tells which entries nothing matched any more (fixed since: they
 * can be removed). A fingerprint names its file, so files never share an entry: `apply` gives
 * the same answer however often, and in whatever order, it is called for a file — `check`
 * applies it as reports stream past, and may do so once to count and once to write.
 */
export class BaselineFilter {
  private readonly counts: Map<string, number>;
  private readonly used = new Set<string>();
  private readonly checked = new Set<string>();

  constructor(private readonly file: BaselineFile) {
    this.counts = new Map(file.entries.map((e) => [e.fingerprint, e.count]));
  }

  apply(r: FileReport): FileReport {
    this.checked.add(r.file.relative);
    const budget = new Map<string, number>();
    const findings = r.findings.filter((f) => {
      const fp = fingerprint(r.file.relative, f);
      const left = budget.get(fp) ?? this.counts.get(fp) ?? 0;
      if (left <= 0) return true;
      budget.set(fp, left - 1);
      this.used.add(fp);
      return false;
    });
    return findings.length === r.findings.length ? r : { ...r, findings };
  }

  /** Entries of files seen by `apply` that matched nothing. */
  stale(): BaselineEntry[] {
    return this.file.entries.filter((e) => this.checked.has(e.file) && !this.used.has(e.fingerprint));
  }
}
