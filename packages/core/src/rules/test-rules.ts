import { check } from '../check.js';
import type { CheckResult, Finding, Locale, LocalizedText } from '../types.js';
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
  /** What went wrong, in plain words (in the locale asked for, zh-CN unless told), with expected and actual findings. */
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

const L = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

/**
 * What a failed case says, in both languages (a rule author in a Chinese bureau reads the same
 * report as one who reads English); tests/cli-messages.test.ts calls every entry.
 */
export const RULE_TEST_MESSAGES = {
  notEdunorm: () => L('测试文档不是 edunorm 文档(没有 apiVersion: edunorm/v1)', 'the test document is not an edunorm document (no apiVersion: edunorm/v1)'),
  edunormDocument: () => L('edunorm 文档', 'edunorm document'),
  skipped: () => L('被跳过(不是 edunorm 文档)', 'skipped (not an edunorm document)'),
  broken: () => L('测试文档本身有错误', 'the test document itself is broken'),
  unexpected: (ruleId: string) => L(`不应有 ${ruleId} 的问题`, `expected no ${ruleId} finding`),
  noExpected: () => L('invalid 用例须列出它预期的问题(findings)', 'an invalid case must list the findings it expects'),
  atLeastOne: () => L('至少一个问题', 'at least one finding'),
  count: (expected: number, actual: number) => L(`预期 ${expected} 个问题,实际 ${actual} 个`, `expected ${expected} finding(s), got ${actual}`),
  finding: (n: number, problems: readonly LocalizedText[]) => L(`第 ${n} 个问题:${problems.map((p) => p['zh-CN']).join(';')}`, `finding ${n}: ${problems.map((p) => p.en).join('; ')}`),
  file: (actual: string | undefined, expected: string) => L(`文件 ${actual ?? '(无)'} ≠ ${expected}`, `file ${actual ?? '(none)'} ≠ ${expected}`),
  line: (actual: number, expected: number) => L(`行 ${actual} ≠ ${expected}`, `line ${actual} ≠ ${expected}`),
  column: (actual: number, expected: number) => L(`列 ${actual} ≠ ${expected}`, `column ${actual} ≠ ${expected}`),
  severity: (actual: string, expected: string) => L(`严重程度 ${actual} ≠ ${expected}`, `severity ${actual} ≠ ${expected}`),
  outcome: (actual: string | undefined, expected: string) => L(`结果 ${actual} ≠ ${expected}`, `outcome ${actual} ≠ ${expected}`),
  path: (actual: string, expected: string) => L(`路径 ${actual} ≠ ${expected}`, `path ${actual} ≠ ${expected}`),
  zhLacks: (text: string) => L(`中文消息中没有“${text}”`, `zh-CN message lacks "${text}"`),
  enLacks: (text: string) => L(`英文消息中没有“${text}”`, `en message lacks "${text}"`),
  unfilled: () => L('消息中有未填上的占位符(显示为“—”)', 'a message placeholder was not filled (shown as "—")'),
};
const M = RULE_TEST_MESSAGES;

async function runCase(pack: RulePack, rule: RuleDefinition, kind: 'valid' | 'invalid', tc: RuleTestCase, locale: Locale): Promise<RuleTestFailure | undefined> {
  const fail = (message: LocalizedText, expected: unknown, actual: unknown): RuleTestFailure => ({ ruleId: rule.id, caseName: tc.name, kind, message: message[locale], expected, actual });
  const ruleSet = ruleSetForCase(pack, rule, tc.params);
  const [zh, en] = await Promise.all([runCaseIn(tc, ruleSet, 'zh-CN'), runCaseIn(tc, ruleSet, 'en')]);
  const mine = zh.findings.filter((f) => f.ruleId === rule.id);
  const mineEn = en.findings.filter((f) => f.ruleId === rule.id);
  if (!zh.isEdunorm) return fail(M.notEdunorm(), M.edunormDocument()[locale], M.skipped()[locale]);
  const broken = zh.findings.filter((f) => f.ruleId.startsWith('yaml/') || f.ruleId === 'schema/kind' || f.ruleId === 'schema/api-version');
  if (broken.length) return fail(M.broken(), [], broken.map(summarize));
  if (kind === 'valid') {
    return mine.length ? fail(M.unexpected(rule.id), [], mine.map(summarize)) : undefined;
  }
  const expected = tc.findings ?? [];
  if (expected.length === 0) return fail(M.noExpected(), M.atLeastOne()[locale], mine.map(summarize));
  if (mine.length !== expected.length) return fail(M.count(expected.length, mine.length), expected, mine.map(summarize));
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    const a = mine[i]!;
    const aEn = mineEn[i]!;
    const problems: LocalizedText[] = [];
    if (e.file !== undefined && a.file !== e.file) problems.push(M.file(a.file, e.file));
    if (a.range.start.line !== e.line) problems.push(M.line(a.range.start.line, e.line));
    if (e.column !== undefined && a.range.start.column !== e.column) problems.push(M.column(a.range.start.column, e.column));
    if (e.severity && a.severity !== e.severity) problems.push(M.severity(a.severity, e.severity));
    if (e.outcome && a.outcome !== e.outcome) problems.push(M.outcome(a.outcome, e.outcome));
    if (e.path && a.path !== e.path) problems.push(M.path(a.path, e.path));
    if (e.message && !a.message.includes(e.message)) problems.push(M.zhLacks(e.message));
    if (e.messageEn && !aEn.message.includes(e.messageEn)) problems.push(M.enLacks(e.messageEn));
    // A placeholder the context could not fill renders as "—": a broken template.
    if (a.message.includes('—') || aEn.message.includes('—')) problems.push(M.unfilled());
    if (problems.length) return fail(M.finding(i + 1, problems), e, { ...summarize(a), messageEn: aEn.message });
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

/**
 * Runs every rule's own valid/invalid cases; what `edunorm test-rules` and the test suite use.
 * `locale`: the language of each failure's message (zh-CN unless told, as check()).
 */
export async function testRulePack(pack: RulePack, options: { locale?: Locale } = {}): Promise<RuleTestReport> {
  const locale = options.locale ?? 'zh-CN';
  const report: RuleTestReport = { rules: pack.rules.length, cases: 0, failures: [] };
  for (const rule of pack.rules) {
    for (const kind of ['valid', 'invalid'] as const) {
      for (const tc of rule.tests[kind]) {
        report.cases++;
        const failure = await runCase(pack, rule, kind, tc, locale);
        if (failure) report.failures.push(failure);
      }
    }
  }
  return report;
}
