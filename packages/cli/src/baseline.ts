import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Finding } from '@edunorm/core';
import type { FileReport } from './check-files.js';
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

export function createBaseline(reports: readonly FileReport[], version: string): BaselineFile {
  const byPrint = new Map<string, BaselineEntry>();
  for (const r of reports) {
    for (const f of r.findings) {
      const fp = fingerprint(r.file.relative, f);
      const e = byPrint.get(fp);
      if (e) e.count++;
      else byPrint.set(fp, { fingerprint: fp, ruleId: f.ruleId, file: r.file.relative, anchor: f.anchor ?? f.path, count: 1, message: f.message });
    }
  }
  const entries = [...byPrint.values()].sort((a, b) => a.file.localeCompare(b.file) || a.anchor.localeCompare(b.anchor) || a.ruleId.localeCompare(b.ruleId));
  return { format: 1, tool: 'edunorm', version, entries };
}

export function readBaseline(path: string): BaselineFile {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(M.baselineUnreadable(path, error instanceof Error ? error.message : String(error)));
  }
  const b = data as Partial<BaselineFile>;
  if (b?.format !== 1 || !Array.isArray(b.entries)) throw new UsageError(M.notABaseline(path));
  return b as BaselineFile;
}

/**
 * Drops findings recorded in the baseline (each entry absorbs up to `count` findings) and
 * returns the entries nothing matched any more (fixed since: they can be removed).
 */
export function applyBaseline(reports: readonly FileReport[], baseline: BaselineFile): { reports: FileReport[]; stale: BaselineEntry[]; matched: number } {
  const budget = new Map(baseline.entries.map((e) => [e.fingerprint, e.count]));
  let matched = 0;
  const out = reports.map((r) => ({
    ...r,
    findings: r.findings.filter((f) => {
      const fp = fingerprint(r.file.relative, f);
      const left = budget.get(fp) ?? 0;
      if (left <= 0) return true;
      budget.set(fp, left - 1);
      matched++;
      return false;
    }),
  }));
  // Only entries of files checked in this run can be called stale.
  const checked = new Set(reports.map((r) => r.file.relative));
  const stale = baseline.entries.filter((e) => checked.has(e.file) && (budget.get(e.fingerprint) ?? 0) === e.count);
  return { reports: out, stale, matched };
}
