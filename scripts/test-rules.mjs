#!/usr/bin/env node
// Runs a rule pack's own valid/invalid cases: `node scripts/test-rules.mjs [folder]`.
// Needs a built core (`npx tsc -b packages/core`). The CLI offers the same as `edunorm test-rules`.
import { testRulePack } from '../packages/core/dist/index.js';
import { loadRulePackFromDirectory } from '../packages/core/dist/node.js';

// Without a folder: the built-in pack's two folders, the norms and the sense checks.
const folders = process.argv[2] ? [process.argv[2]] : ['rules/plan14', 'rules/plausibility'];
try {
  const packs = folders.map((f) => loadRulePackFromDirectory(f));
  const pack = { name: packs[0].name, rules: packs.flatMap((p) => p.rules) };
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
