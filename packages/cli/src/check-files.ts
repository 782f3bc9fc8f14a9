import { readFileSync } from 'node:fs';
import { check, type Finding, type Locale, type RuleSet } from '@edunorm/core';
import type { FileTarget } from './find-files.js';

export interface FileReport {
  file: FileTarget;
  /** False when the file is not an edunorm file (skipped, no findings). */
  isEdunorm: boolean;
  findings: Finding[];
}

const ORIGIN = { line: 1, column: 1, offset: 0 };

function fileFinding(ruleId: string, message: string): Finding {
  return { ruleId, severity: 'error', message, range: { start: ORIGIN, end: ORIGIN }, documentIndex: 0, path: '' };
}

/** Reads one file; an unreadable file becomes a finding on that file, never an exception. */
export function readTarget(target: FileTarget, locale: Locale): { text?: string; finding?: Finding } {
  try {
    const buffer = readFileSync(target.absolute);
    return { text: new TextDecoder('utf-8').decode(buffer) };
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

/** Checks files one after another (one engine run at a time per rule set). */
export async function checkFiles(targets: readonly FileTarget[], ruleSet: RuleSet, locale: Locale): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  for (const target of targets) {
    const { text, finding } = readTarget(target, locale);
    if (finding || text === undefined) {
      reports.push({ file: target, isEdunorm: true, findings: finding ? [finding] : [] });
      continue;
    }
    const result = await check(text, { locale, ruleSet });
    reports.push({ file: target, isEdunorm: result.isEdunorm, findings: result.findings });
  }
  return reports;
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
