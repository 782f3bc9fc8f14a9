import type { LocalizedText, RuleDefinition, RuleTestCase, Severity } from '@edunorm/core';
import { ruleSetForCase, runCaseIn } from '@edunorm/core/internal';

export interface ExampleFinding {
  /** For a case of several files: the file the finding is in. */
  file?: string;
  line: number;
  column: number;
  severity: Severity;
  message: LocalizedText;
}

/** A rule's own test case, with the findings the rule actually gives on it (both languages). */
export interface RuleExample {
  valid: boolean;
  name: string;
  /** The name in Chinese, when the case has one (RuleTestCase.nameZh). */
  nameZh?: string;
  /** The case's text; for a case of several files, each file under a `# file:` line. */
  document: string;
  params?: Record<string, unknown>;
  findings: ExampleFinding[];
}

/**
 * Cases to show, per kind: those with the rule's default parameters first (what a reader
 * without a configuration gets), in file order, at most `perKind`.
 */
function pick(cases: readonly RuleTestCase[], perKind: number): RuleTestCase[] {
  return [...cases.filter((c) => !c.params), ...cases.filter((c) => c.params)].slice(0, perKind);
}

/**
 * Examples are the rule's test cases, run through the checker as `edunorm test-rules` runs
 * them (the rule alone, the case's parameters), so the documented findings cannot drift
 * from what the rule does.
 */
export async function ruleExamples(rule: RuleDefinition, perKind: number): Promise<RuleExample[]> {
  const out: RuleExample[] = [];
  for (const [valid, cases] of [
    [true, pick(rule.tests.valid, perKind)],
    [false, pick(rule.tests.invalid, perKind)],
  ] as const) {
    for (const tc of cases) {
      const ruleSet = ruleSetForCase({ name: rule.source.pack, rules: [rule] }, rule, tc.params);
      const [zh, en] = await Promise.all([runCaseIn(tc, ruleSet, 'zh-CN'), runCaseIn(tc, ruleSet, 'en')]);
      const mineEn = en.findings.filter((f) => f.ruleId === rule.id);
      const findings = zh.findings
        .filter((f) => f.ruleId === rule.id)
        .map((f, i) => ({ ...(f.file ? { file: f.file } : {}), line: f.range.start.line, column: f.range.start.column, severity: f.severity, message: { 'zh-CN': f.message, en: mineEn[i]?.message ?? '' } }));
      out.push({ valid, name: tc.name, ...(tc.nameZh ? { nameZh: tc.nameZh } : {}), document: caseText(tc), ...(tc.params ? { params: tc.params } : {}), findings });
    }
  }
  return out;
}

/** A case as one text to show: its document, or its files one after another under `# file:` lines. */
export function caseText(tc: RuleTestCase): string {
  if (tc.document !== undefined) return tc.document;
  return Object.entries(tc.files ?? {})
    .map(([file, text]) => `# file: ${file}\n${text.replace(/\n$/, '')}`)
    .join('\n\n');
}
