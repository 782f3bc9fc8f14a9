import { check, type StructuralRule } from '@edunorm/core';
import type { ExampleFinding } from './rule-examples.js';

/**
 * The findings of a structural id on its docs example (both languages), as `explain` and the
 * docs pages show them; [] when it has no example. The example is checked for real, so the
 * page always quotes the checker's current words.
 */
export async function structuralExampleFindings(rule: StructuralRule): Promise<ExampleFinding[]> {
  const { example, reportUnused } = rule.docs;
  if (!example) return [];
  const options = { reportUnusedDirectives: reportUnused === true };
  const [zh, en] = await Promise.all([check(example, { ...options, locale: 'zh-CN' }), check(example, { ...options, locale: 'en' })]);
  const mineEn = en.findings.filter((f) => f.ruleId === rule.id);
  return zh.findings
    .filter((f) => f.ruleId === rule.id)
    .map((f, i) => ({ line: f.range.start.line, column: f.range.start.column, severity: f.severity, message: { 'zh-CN': f.message, en: mineEn[i]?.message ?? '' } }));
}
