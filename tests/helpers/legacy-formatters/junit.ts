// The whole-string formatter of commit cfc763c (before output streamed), kept only as the oracle of tests/cli-streaming.test.ts.
import { relatedLines } from '../../../packages/cli/src/formatters/related.js';
import type { Finding, Locale, RuleSet, Severity } from '@edunorm/core';
import type { FileReport } from '../../../packages/cli/src/file-report.js';
import { documentKindsOf } from '../../../packages/cli/src/formatters/document-kinds.js';
import { escapeXmlAttribute as attr, escapeXmlText as text } from '../../../packages/cli/src/formatters/xml-escape.js';

const SEVERITY_WORD: Record<Locale, Record<Severity, string>> = {
  'zh-CN': { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

interface TestCase {
  ruleId: string;
  findings: Finding[];
}

/**
 * Test cases of one file: every active rule of the kinds it declares (passed when silent),
 * then any other id that fired (structural ones such as `schema/type`), in a stable order.
 */
function testCasesOf(report: FileReport, ruleSet: RuleSet): TestCase[] {
  const kinds = new Set(documentKindsOf(report));
  const cases = new Map<string, TestCase>();
  for (const rule of ruleSet.rules) {
    if (kinds.has(rule.definition.kind)) cases.set(rule.definition.id, { ruleId: rule.definition.id, findings: [] });
  }
  for (const f of report.findings) {
    let c = cases.get(f.ruleId);
    if (!c) cases.set(f.ruleId, (c = { ruleId: f.ruleId, findings: [] }));
    c.findings.push(f);
  }
  return [...cases.values()];
}

const where = (file: string, f: Finding) => `${file}:${f.range.start.line}:${f.range.start.column}`;

/**
 * JUnit XML for CI servers that show test reports (GitLab, Jenkins, Azure): one
 * <testsuite> per checked file, one <testcase> per rule. Each error is a <failure>, so
 * the test report fails exactly when `edunorm check` exits 1. Warnings and infos do not
 * exit 1, so they do not fail a test case either: they are listed in its <system-out>.
 */
export function formatJunit(reports: readonly FileReport[], ruleSet: RuleSet, locale: Locale): string {
  const words = SEVERITY_WORD[locale];
  const suites: string[] = [];
  let totalTests = 0;
  let totalFailures = 0;
  for (const report of reports) {
    // Skipped (non-edunorm) files are not submissions: json and sarif leave them out too.
    if (!report.isEdunorm) continue;
    const file = report.file.relative;
    const cases = testCasesOf(report, ruleSet);
    const failing = cases.filter((c) => c.findings.some((f) => f.severity === 'error')).length;
    totalTests += cases.length;
    totalFailures += failing;
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
    suites.push(
      `  <testsuite name="${attr(file)}" tests="${cases.length}" failures="${failing}" errors="0" skipped="0" time="0">` +
        (body.length ? `\n${body.join('\n')}\n  </testsuite>` : '</testsuite>'),
    );
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="edunorm" tests="${totalTests}" failures="${totalFailures}" errors="0" time="0">\n` +
    (suites.length ? `${suites.join('\n')}\n` : '') +
    `</testsuites>\n`
  );
}
