import type { Finding, RuleSet } from '@edunorm/core';
import type { FileReport } from '../file-report.js';
import { documentKindsOf } from './document-kinds.js';

export interface TestCase {
  ruleId: string;
  findings: Finding[];
}

/**
 * Test cases of one file in the JUnit report: every active rule of the kinds it declares
 * (passed when silent), then any other id that fired (structural ones such as `schema/type`),
 * in a stable order. The report's totals (writer.ts, OutlineBuilder) count the same cases.
 */
export function testCasesOf(report: FileReport, ruleSet: RuleSet): TestCase[] {
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
