import { check } from '../check.js';
import type { CheckResult, Finding, Locale } from '../types.js';
import { checkWorkspace } from '../workspace/check-workspace.js';
import { builtinPack } from '../builtin-pack.js';
import { collectOtherRuleRefs } from './load-pack.js';
import { RuleSet, type RuleSettings } from './rule-set.js';
import type { RuleDefinition, RulePack, RuleTestCase } from './rule-types.js';

/** A test case of a rule that did not give the findings it expects. */
export interface RuleTestFailure {
  ruleId: string;
  caseName: string;
  kind: 'valid' | 'invalid';
  /** What went wrong, in plain words, with expected and actual findings. */
  message: string;
  expected: unknown;
  actual: unknown;
}

/** What `testRulePack` found: how many rules and cases ran, and every failure. */
export interface RuleTestReport {
  rules: number;
  cases: number;
  failures: RuleTestFailure[];
}

function summarize(f: Finding & { file?: string }) {
  return { ...(f.file ? { file: f.file } : {}), line: f.range.start.line, column: f.range.start.column, severity: f.severity, outcome: f.outcome, path: f.path, message: f.message };
}

async function runCase(pack: RulePack, rule: RuleDefinition, kind: 'valid' | 'invalid', tc: RuleTestCase): Promise<RuleTestFailure | undefined> {
  const fail = (message: string, expected: unknown, actual: unknown): RuleTestFailure => ({ ruleId: rule.id, caseName: tc.name, kind, message, expected, actual });
  const ruleSet = ruleSetForCase(pack, rule, tc.params);
  const [zh, en] = await Promise.all([runCaseIn(tc, ruleSet, 'zh-CN'), runCaseIn(tc, ruleSet, 'en')]);
  const mine = zh.findings.filter((f) => f.ruleId === rule.id);
  const mineEn = en.findings.filter((f) => f.ruleId === rule.id);
  if (!zh.isEdunorm) return fail('the test document is not an edunorm document (no apiVersion: edunorm/v1)', 'edunorm document', 'skipped');
  const broken = zh.findings.filter((f) => f.ruleId.startsWith('yaml/') || f.ruleId === 'schema/kind' || f.ruleId === 'schema/api-version');
  if (broken.length) return fail('the test document itself is broken', [], broken.map(summarize));
  if (kind === 'valid') {
    return mine.length ? fail(`expected no ${rule.id} finding`, [], mine.map(summarize)) : undefined;
  }
  const expected = tc.findings ?? [];
  if (expected.length === 0) return fail('an invalid case must list the findings it expects', 'at least one finding', mine.map(summarize));
  if (mine.length !== expected.length) return fail(`expected ${expected.length} finding(s), got ${mine.length}`, expected, mine.map(summarize));
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    const a = mine[i]!;
    const aEn = mineEn[i]!;
    const problems: string[] = [];
    if (e.file !== undefined && a.file !== e.file) problems.push(`file ${a.file ?? '(none)'} ≠ ${e.file}`);
    if (a.range.start.line !== e.line) problems.push(`line ${a.range.start.line} ≠ ${e.line}`);
    if (e.column !== undefined && a.range.start.column !== e.column) problems.push(`column ${a.range.start.column} ≠ ${e.column}`);
    if (e.severity && a.severity !== e.severity) problems.push(`severity ${a.severity} ≠ ${e.severity}`);
    if (e.outcome && a.outcome !== e.outcome) problems.push(`outcome ${a.outcome} ≠ ${e.outcome}`);
    if (e.path && a.path !== e.path) problems.push(`path ${a.path} ≠ ${e.path}`);
    if (e.message && !a.message.includes(e.message)) problems.push(`zh-CN message lacks "${e.message}"`);
    if (e.messageEn && !aEn.message.includes(e.messageEn)) problems.push(`en message lacks "${e.messageEn}"`);
    // A placeholder the context could not fill renders as "—": a broken template.
    if (a.message.includes('—') || aEn.message.includes('—')) problems.push('a message placeholder was not filled');
    if (problems.length) return fail(`finding ${i + 1}: ${problems.join('; ')}`, e, { ...summarize(a), messageEn: aEn.message });
  }
  return undefined;
}

/**
 * The rule alone, with a case's parameters. A workspace rule also gets the rules it reuses
 * (from the pack, else the built-in pack), turned off: they are counted with, not reported.
 */
export function ruleSetForCase(pack: RulePack, rule: RuleDefinition, params?: Record<string, unknown>): RuleSet {
  const settings: RuleSettings = params ? { [rule.id]: { params } } : {};
  const rules = [rule];
  // Rules it reuses the figures or the parameters of (`{ param, rule }`) are in the set, off.
  const refs: Parameters<typeof collectOtherRuleRefs>[2] = [];
  collectOtherRuleRefs(rule.facts, [], refs);
  const others = new Set([...Object.values(rule.contributions ?? {}).map((spec) => spec.reuse.rule), ...refs.map((r) => r.rule)]);
  for (const id of others) {
    const reused = pack.rules.find((r) => r.id === id) ?? builtinPack().rules.find((r) => r.id === id);
    if (reused && !rules.includes(reused)) {
      rules.push(reused);
      settings[reused.id] = 'off';
    }
  }
  return new RuleSet([{ name: pack.name, rules }], settings);
}

/** A case's findings: of its one document, or of its files checked together (each finding with its file). */
export async function runCaseIn(tc: RuleTestCase, ruleSet: RuleSet, locale: Locale): Promise<Pick<CheckResult, 'isEdunorm'> & { findings: (Finding & { file?: string })[] }> {
  if (tc.document !== undefined) return check(tc.document, { ruleSet, locale });
  const files = Object.entries(tc.files ?? {}).map(([file, text]) => ({ file, text }));
  const { results } = await checkWorkspace(files, { ruleSet, locale });
  const findings: (Finding & { file: string })[] = [];
  for (const [file, result] of results) for (const f of result.findings) findings.push({ ...f, file });
  return { isEdunorm: [...results.values()].every((r) => r.isEdunorm), findings };
}

/** Runs every rule's own valid/invalid cases; what `edunorm test-rules` and the test suite use. */
export async function testRulePack(pack: RulePack): Promise<RuleTestReport> {
  const report: RuleTestReport = { rules: pack.rules.length, cases: 0, failures: [] };
  for (const rule of pack.rules) {
    for (const kind of ['valid', 'invalid'] as const) {
      for (const tc of rule.tests[kind]) {
        report.cases++;
        const failure = await runCase(pack, rule, kind, tc);
        if (failure) report.failures.push(failure);
      }
    }
  }
  return report;
}
