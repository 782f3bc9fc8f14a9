#!/usr/bin/env node
// Runs a rule pack's own valid/invalid cases: `node scripts/test-rules.mjs [folder]`.
// Needs a built core (`npx tsc -b packages/core`). The CLI offers the same as `edunorm test-rules`.
import { testRulePack } from '../packages/core/dist/index.js';
import { loadRulePackFromDirectory } from '../packages/core/dist/node.js';

const folder = process.argv[2] ?? 'rules/plan14';
try {
  const pack = loadRulePackFromDirectory(folder);
  const report = await testRulePack(pack);
  for (const f of report.failures) {
    console.log(`✗ ${f.ruleId} [${f.kind}] ${f.caseName}: ${f.message}`);
    console.log(`  expected: ${JSON.stringify(f.expected)}`);
    console.log(`  actual:   ${JSON.stringify(f.actual)}`);
  }
  console.log(`${report.rules} rules, ${report.cases} cases: ${report.cases - report.failures.length} passed, ${report.failures.length} failed`);
  process.exitCode = report.failures.length ? 1 : 0;
} catch (error) {
  console.error(error.message);
  process.exitCode = 2;
}
