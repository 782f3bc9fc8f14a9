import { createHash } from 'node:crypto';
import type { DocumentSummary, Finding, Locale, SuppressedFinding } from '@edunorm/core';
import type { FileTarget } from './find-files.js';
import type { WorkspaceFileInput } from '@edunorm/core/internal';

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
  /**
   * What the file's documents contribute to the norms across documents, and its directives:
   * kept (and cached) so files are checked together without holding their texts. Removed
   * before output.
   */
  workspace?: WorkspaceFileInput;
}

/** A document of a checked file, without its range (kept small in the cache). */
export type ReportedDocument = Omit<DocumentSummary, 'range'>;

/** The documents of a check result, as a file report keeps them. */
export function reportedDocuments(documents: readonly DocumentSummary[]): ReportedDocument[] {
  return documents.map(({ range: _range, ...rest }) => rest);
}

export interface CheckFilesOptions {
  locale: Locale;
  reportUnusedDirectives: boolean;
  /** Files larger than this are not read (`file/too-large`); default 16 MiB (`--max-file-size`). */
  maxFileBytes?: number;
}

/** The file's content digest: computed once per read, kept in the cache beside its size and mtime. */
export function contentDigest(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** What a cached result depends on: the file's content, the configuration, version and options. */
export function resultKey(contentSha: string, configHash: string, version: string, options: CheckFilesOptions): string {
  return createHash('sha256')
    // `workspace-1`: results carry their contributions to the norms across documents; an entry
    // written before they did would lack them.
    .update(`${contentSha}\0${configHash}\0${version}\0${options.locale}\0${options.reportUnusedDirectives}\0${options.maxFileBytes ?? ''}\0workspace-1`)
    .digest('hex');
}

export interface Summary {
  files: number;
  checked: number;
  skipped: number;
  errors: number;
  warnings: number;
  infos: number;
}

export function summarize(reports: readonly FileReport[]): Summary {
  const s: Summary = { files: reports.length, checked: 0, skipped: 0, errors: 0, warnings: 0, infos: 0 };
  for (const r of reports) {
    if (r.isEdunorm) s.checked++;
    else s.skipped++;
    for (const f of r.findings) {
      if (f.severity === 'error') s.errors++;
      else if (f.severity === 'warning') s.warnings++;
      else s.infos++;
    }
  }
  return s;
}
