import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinPack, check, createRuleSet, testRulePack, type RuleDefinition } from '../packages/core/src/index.js';
import { loadRulePackFromDirectory } from '../packages/core/src/node.js';
import { NORM_IDS, PACK_NORM_IDS, WORKSPACE_NORM_IDS } from './helpers/norm-ids.js';
import { RULES_DIR, SHARED } from './helpers/paths.js';

const pack = loadRulePackFromDirectory(RULES_DIR);


describe('the default pack', () => {
  it('holds exactly the norms of norms.md and workspace.md', () => {
    expect(pack.rules.map((r) => r.id).sort()).toEqual([...PACK_NORM_IDS].sort());
    expect(pack.rules.filter((r) => r.scope === 'workspace').map((r) => r.id).sort()).toEqual([...WORKSPACE_NORM_IDS].sort());
  });

  it.runIf(SHARED)('matches the ids and severities of shared/spec/workspace.md', () => {
    const spec = readFileSync(join(SHARED!, 'spec', 'workspace.md'), 'utf8');
    const rows = [...spec.matchAll(/^\| `([a-z0-9-]+)` \|[^|]*\| (error|warning|info) \|/gm)];
    expect(rows.map((m) => m[1]).sort()).toEqual([...WORKSPACE_NORM_IDS].sort());
    for (const [, id, severity] of rows) expect(pack.rules.find((r) => r.id === id)!.severity, id).toBe(severity);
  });

  it.runIf(SHARED)('matches the ids, severities and quotes of shared/spec/norms.md', () => {
    // The norm tables, not the "Changes from v1" table of pack v2 (its rows name ids too).
    const norms = readFileSync(join(SHARED!, 'spec', 'norms.md'), 'utf8').replace(/^## Changes from v1[\s\S]*?(?=^## )/m, '');
    const rows = [...norms.matchAll(/^\| `([a-z0-9-]+)` \|(.*)$/gm)];
    expect(rows).toHaveLength(33);
    expect(rows.map((m) => m[1]).sort()).toEqual([...NORM_IDS].sort());
    for (const [, id, rest] of rows) {
      const rule = pack.rules.find((r) => r.id === id)!;
      const quote = /"([^"]+)"(?:[^"]*)$/.exec(rest!)?.[1];
      expect(quote, `quote of ${id} in norms.md`).toBeDefined();
      // The rule quotes the plan's sentence as norms.md does (a second sentence may follow).
      const plain = (t: string) => t.replace(/[“”"]/g, '').replace(/\s+/g, '');
      expect(plain(`${rule.citation.quote} ${rule.citation.also ?? ''}`), id).toContain(plain(quote!));
    }
  });

  it('is the pack embedded in @edunorm/core (run `npm run build` after editing rules)', () => {
    // The built-in pack also embeds the sense checks of rules/plausibility (tests/plausibility.test.ts).
    const embedded = builtinPack().rules.filter((r) => !r.id.startsWith('plausibility/'));
    expect(embedded.map((r) => [r.id, r.citation.quote, r.params])).toEqual(pack.rules.map((r) => [r.id, r.citation.quote, r.params]));
  });
});

describe.each(pack.rules.map((r) => [r.id, r] as [string, RuleDefinition]))('rule %s', (_id, rule) => {
  it('has a citation, messages and docs in both languages, documented parameters and test cases', () => {
    expect(rule.citation.source).toMatch(/^(P14|DT)$/);
    expect(rule.citation.quote.length).toBeGreaterThan(8);
    expect(rule.citation.section).not.toBe('');
    for (const text of [rule.title, rule.description, ...rule.outcomes.map((o) => o.message)]) {
      expect(text['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      // English text is English: Latin words, Chinese only for a quoted term of the plan.
      expect(text.en).toMatch(/[A-Za-z]{3,}/);
      const cjk = (text.en.match(/[\u4e00-\u9fff]/gu) ?? []).length;
      expect(cjk / text.en.length, text.en).toBeLessThan(0.1);
    }
    for (const [name, param] of Object.entries(rule.params)) {
      expect(param.description['zh-CN'], `${name} zh-CN`).toMatch(/[\u4e00-\u9fff]/);
      expect(param.description.en, `${name} en`).not.toBe('');
    }
    expect(rule.tests.valid.length).toBeGreaterThanOrEqual(2);
    expect(rule.tests.invalid.length).toBeGreaterThanOrEqual(2);
  });

  for (const kind of ['valid', 'invalid'] as const) {
    for (const tc of rule.tests[kind]) {
      it(`${kind}: ${tc.name}`, async () => {
        const report = await testRulePack({ name: pack.name, rules: [{ ...rule, tests: { valid: kind === 'valid' ? [tc] : [], invalid: kind === 'invalid' ? [tc] : [] } }] });
        expect(report.failures).toEqual([]);
        expect(report.cases).toBe(1);
      });
    }
  }
});

describe('the rule tester itself', () => {
  it('fails a case whose expected line is wrong', async () => {
    const rule = pack.rules.find((r) => r.id === 'teacher-training-funds')!;
    const broken = { ...rule, tests: { valid: [], invalid: [{ ...rule.tests.invalid[0]!, findings: [{ line: 99, severity: 'error' as const }] }] } };
    const report = await testRulePack({ name: 'x', rules: [broken] });
    expect(report.failures).toHaveLength(1);
    // Chinese unless told, as check().
    expect(report.failures[0]!.message).toBe('第 1 个问题:行 7 ≠ 99');
    const en = await testRulePack({ name: 'x', rules: [broken] }, { locale: 'en' });
    expect(en.failures[0]!.message).toBe('finding 1: line 7 ≠ 99');
  });

  it('fails a valid case that produces a finding', async () => {
    const rule = pack.rules.find((r) => r.id === 'teacher-training-funds')!;
    const broken = { ...rule, tests: { valid: [{ name: 'not valid', document: rule.tests.invalid[0]!.document }], invalid: [] } };
    const report = await testRulePack({ name: 'x', rules: [broken] }, { locale: 'en' });
    expect(report.failures.map((f) => f.message)).toEqual(['expected no teacher-training-funds finding']);
    expect((await testRulePack({ name: 'x', rules: [broken] })).failures.map((f) => f.message)).toEqual(['不应有 teacher-training-funds 的问题']);
  });
});

describe('engine use', () => {
  it('gives the same findings when 100 documents are checked at once as one by one', async () => {
    const ruleSet = createRuleSet([pack]);
    const texts = pack.rules.flatMap((r) => r.tests.invalid.flatMap((t) => (t.document === undefined ? [] : [t.document])));
    const many = Array.from({ length: 100 }, (_, i) => texts[i % texts.length]!);
    const sequential = [];
    for (const t of many) sequential.push((await check(t, { ruleSet })).findings);
    const parallel = await Promise.all(many.map((t) => check(t, { ruleSet }).then((r) => r.findings)));
    expect(parallel).toEqual(sequential);
    expect(sequential.flat().length).toBeGreaterThanOrEqual(100);
  });
});
