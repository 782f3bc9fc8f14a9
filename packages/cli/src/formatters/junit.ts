import { relatedLines } from './related.js';
import type { Finding, Locale, Severity } from '@edunorm/core';
import type { FileReport } from '../file-report.js';
import { testCasesOf } from './junit-cases.js';
import type { ReportWriter, WriteContext } from './writer.js';
import { escapeXmlAttribute as attr, escapeXmlText as text } from './xml-escape.js';

const SEVERITY_WORD: Record<Locale, Record<Severity, string>> = {
  'zh-CN': { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

const where = (file: string, f: Finding) => `${file}:${f.range.start.line}:${f.range.start.column}`;

/**
 * JUnit XML for CI servers that show test reports (GitLab, Jenkins, Azure): one
 * <testsuite> per checked file, one <testcase> per rule. Each error is a <failure>, so
 * the test report fails exactly when `edunorm check` exits 1. Warnings and infos do not
 * exit 1, so they do not fail a test case either: they are listed in its <system-out>.
 */
export function openJunit(context: WriteContext): ReportWriter {
  const words = SEVERITY_WORD[context.locale];
  const ruleSet = context.ruleSet!;
  // The totals on the root element are counted before the first file (writer.ts, OutlineBuilder).
  const totals = context.outline.testCases;
  if (!totals) throw new Error('junit: the outline was built without the rule set, so it has no test-case totals');
  const file = (report: FileReport): string => {
    // Skipped (non-edunorm) files are not submissions: json and sarif leave them out too.
    if (!report.isEdunorm) return '';
    const file = report.file.relative;
    const cases = testCasesOf(report, ruleSet);
    const failing = cases.filter((c) => c.findings.some((f) => f.severity === 'error')).length;
    const body = cases.map((c) => {
      const errors = c.findings.filter((f) => f.severity === 'error');
      const notes = c.findings.filter((f) => f.severity !== 'error');
      const open = `    <testcase classname="${attr(file)}" name="${attr(c.ruleId)}" file="${attr(file)}" time="0"`;
      if (!errors.length && !notes.length) return `${open}/>`;
      const inner = [
        ...errors.map(
          (f) => `      <failure type="${attr(c.ruleId)}" message="${attr(f.message)}">${text([`${where(file, f)} ${c.ruleId}`, f.message, ...relatedLines(f, file, true).map((l) => `  ↳ ${l}`)].join('\n'))}</failure>`,
        ),
        ...(notes.length ? [`      <system-out>${text(notes.map((f) => [`${words[f.severity]} ${where(file, f)} ${f.message}`, ...relatedLines(f, file, true).map((l) => `  ↳ ${l}`)].join('\n')).join('\n'))}</system-out>`] : []),
      ];
      return `${open}>\n${inner.join('\n')}\n    </testcase>`;
    });
    return (
      `  <testsuite name="${attr(file)}" tests="${cases.length}" failures="${failing}" errors="0" skipped="0" time="0">` +
      (body.length ? `\n${body.join('\n')}\n  </testsuite>` : '</testsuite>') +
      '\n'
    );
  };
  return {
    start: () => `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="edunorm" tests="${totals.tests}" failures="${totals.failures}" errors="0" time="0">\n`,
    file,
    end: () => `</testsuites>\n`,
  };
}
