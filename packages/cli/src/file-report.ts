/**
 * What the check pipeline (run-check.ts) yields for each file and the counts every output
 * starts from: shared by the formatters, `report`, `baseline` and the result cache.
 */
import type { DocumentSummary, Finding, SuppressedFinding } from '@edunorm/core';
import type { WorkspaceFileInput } from '@edunorm/core/internal';
import type { FileTarget } from './find-files.js';

export interface FileReport {
  file: FileTarget;
  /** False when the file is not an edunorm file (skipped, no findings). */
  isEdunorm: boolean;
  findings: Finding[];
  /** Findings hidden by an inline directive with a reason. */
  suppressed: SuppressedFinding[];
  /**
   * Who each document of the file is about (kind, school or district code, name, level), as
   * the check read it: `report` groups files by school from this, never by reading them again.
   * Empty when the file could not be read or parsed.
   */
  documents?: ReportedDocument[];
}

/**
 * A file's result as it is checked and cached, before the files are checked together: the
 * report without its target, plus what its documents contribute to the norms across documents
 * (kept, and cached, so files are joined without holding their texts; never shown).
 */
export type CheckedFile = Omit<FileReport, 'file'> & { workspace?: WorkspaceFileInput };

/** A document of a checked file, without its range (kept small in the cache). */
export type ReportedDocument = Omit<DocumentSummary, 'range'>;

/** The documents of a check result, as a file report keeps them. */
export function reportedDocuments(documents: readonly DocumentSummary[]): ReportedDocument[] {
  return documents.map(({ range: _range, ...rest }) => rest);
}

export interface Summary {
  files: number;
  checked: number;
  skipped: number;
  errors: number;
  warnings: number;
  infos: number;
}

export const emptySummary = (): Summary => ({ files: 0, checked: 0, skipped: 0, errors: 0, warnings: 0, infos: 0 });

/** Adds one report to running counts (the pipeline counts as results arrive, formatters count what they show). */
export function countReport(s: Summary, r: Pick<FileReport, 'isEdunorm' | 'findings'>): Summary {
  s.files++;
  if (r.isEdunorm) s.checked++;
  else s.skipped++;
  countFindings(s, r.findings, 1);
  return s;
}

/** Adds `n` findings of one severity to the counts (a negative `n` removes them). */
export function countSeverity(s: Summary, severity: Finding['severity'], n: number): void {
  if (severity === 'error') s.errors += n;
  else if (severity === 'warning') s.warnings += n;
  else s.infos += n;
}

/** Adds (sign 1) or removes (sign -1) findings from the severity counts. */
export function countFindings(s: Summary, findings: readonly Pick<Finding, 'severity'>[], sign: 1 | -1): void {
  for (const f of findings) countSeverity(s, f.severity, sign);
}

export function summarize(reports: readonly FileReport[]): Summary {
  const s = emptySummary();
  for (const r of reports) countReport(s, r);
  return s;
}
