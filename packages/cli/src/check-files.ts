import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Finding, Locale, SuppressedFinding } from '@edunorm/core';
import type { FileTarget } from './find-files.js';

export interface FileReport {
  file: FileTarget;
  /** False when the file is not an edunorm file (skipped, no findings). */
  isEdunorm: boolean;
  findings: Finding[];
  /** Findings hidden by an inline directive with a reason. */
  suppressed: SuppressedFinding[];
}

export interface CheckFilesOptions {
  locale: Locale;
  reportUnusedDirectives: boolean;
}

const ORIGIN = { line: 1, column: 1, offset: 0 };

export function fileFinding(ruleId: string, message: string): Finding {
  return { ruleId, severity: 'error', message, range: { start: ORIGIN, end: ORIGIN }, documentIndex: 0, path: '' };
}

/** Reads one file; an unreadable file becomes a finding on that file, never an exception. */
export function readTarget(target: FileTarget, locale: Locale): { text?: string; bytes?: Buffer; finding?: Finding } {
  try {
    const bytes = readFileSync(target.absolute);
    return { bytes, text: new TextDecoder('utf-8').decode(bytes) };
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    return {
      finding: fileFinding(
        'file/unreadable',
        locale === 'zh-CN' ? `无法读取此文件(${reason}),未检查。` : `This file cannot be read (${reason}); it was not checked.`,
      ),
    };
  }
}

/** What a cached result depends on besides the file's bytes. */
export function resultKey(bytes: Buffer, configHash: string, version: string, options: CheckFilesOptions): string {
  return createHash('sha256')
    .update(bytes)
    .update('\0')
    .update(configHash)
    .update('\0')
    .update(`${version}\0${options.locale}\0${options.reportUnusedDirectives}`)
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
