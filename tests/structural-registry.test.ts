/**
 * The structural-check registry (packages/core/src/checks): every id any code path can emit —
 * found by reading the sources and by running the fixtures and hostile inputs — has a registry
 * entry and a generated docs page, and the links the tools give lead to pages that exist.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinPack, check, STRUCTURAL_RULES } from '../packages/core/src/index.js';
import { hasRulePage, ruleDocUrl, rulePageName, structuralRule } from '../packages/core/src/internal.js';
import * as hostile from './hostile/inputs.js';
import { EXAMPLES, ROOT } from './helpers/paths.js';

/**
 * Namespaces of structural ids; an id of a new family needs its namespace here to be looked for.
 * (`plausibility/…` ids are rules of the built-in pack, rules/plausibility/*.yaml, with pages of their own.)
 */
const NAMESPACES = ['yaml', 'schema', 'file', 'directive', 'config', 'rule-file', 'engine', 'import', 'workspace'];
const ID_LITERAL = new RegExp(`['"\`]((?:${NAMESPACES.join('|')})/[a-z0-9][a-z0-9-]*|duplicate-staff-id)['"\`]`, 'g');
const NORMS = new Set(builtinPack().rules.map((r) => r.id));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' || name === 'node_modules' ? [] : sourceFiles(path);
    return /\.ts$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const SOURCES = ['packages/core/src', 'packages/cli/src', 'packages/language-server/src', 'extension/src', 'packages/web/src']
  .map((d) => join(ROOT, d))
  .filter(existsSync)
  .flatMap(sourceFiles);

/** Ids that are neither a norm of the built-in pack nor registered, or registered without a page. */
function lacking(ids: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const id of ids) {
    if (NORMS.has(id)) continue;
    if (!structuralRule(id) || !existsSync(join(ROOT, 'docs/rules', rulePageName(id)))) out.add(id);
  }
  return [...out].sort();
}

/** Finding ids of a text, with the options that reach the rarer checks. */
async function idsOf(text: string, options: Parameters<typeof check>[1] = {}): Promise<string[]> {
  const result = await check(text, { reportUnusedDirectives: true, ...options });
  return [...result.findings, ...result.suppressed].map((f) => f.ruleId);
}

describe('the structural-check registry', () => {
  it('the meta-check itself reports an id with no entry or no page', () => {
    expect(lacking(['schema/no-such-check', 'teacher-training-funds', 'schema/type'])).toEqual(['schema/no-such-check']);
  });

  it('every structural id written in the sources is registered and has a docs page', () => {
    const found = new Map<string, string>();
    for (const file of SOURCES) {
      for (const m of readFileSync(file, 'utf8').matchAll(ID_LITERAL)) if (!found.has(m[1]!)) found.set(m[1]!, relative(ROOT, file));
    }
    // The scan sees the ids it should: a broken pattern would make this test pass on nothing.
    expect(found.size).toBeGreaterThan(45);
    for (const id of ['schema/type', 'file/encoding', 'config/unknown-pack', 'rule-file/unknown-fact', 'import/unconvertible', 'engine/error']) expect([...found.keys()]).toContain(id);
    expect(lacking(found.keys()).map((id) => `${id} (${found.get(id)})`)).toEqual([]);
  });

  it('no finding id or problem code is built at run time (a `schema/${keyword}` id would have no entry)', () => {
    const dynamic = SOURCES.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\b(?:ruleId|code):\s*`[^`]*\$\{/g)].map((m) => `${relative(ROOT, file)}: ${m[0]}`),
    );
    expect(dynamic).toEqual([]);
  });

  it('every id the fixtures, examples and hostile inputs produce is registered and has a page', async () => {
    const texts: string[] = [];
    const yamlFiles = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? yamlFiles(path) : /\.ya?ml$/.test(name) ? [path] : [];
      });
    for (const dir of [join(ROOT, 'tests/fixtures'), EXAMPLES]) for (const f of yamlFiles(dir)) texts.push(readFileSync(f, 'utf8'));
    texts.push(
      hostile.aliasBomb(),
      hostile.blockAliasBomb(),
      hostile.deepFlowSeq(200),
      hostile.deepBlockMap(200),
      ...Object.values(hostile.PROTO_DOCUMENTS),
      ...hostile.ODD_NUMBERS.map(([written]) => hostile.budget(written, 240000)),
      ...hostile.YAML11_BOOLEANS.map(([written]) => hostile.staffing(written)),
      hostile.budget('"4,800,000"', 240000, 'extra: 1\n# edunorm-disable-next-line teacher-training-funds\n# edunorm-disable-line\n# edunorm-disable-next-line no-such-rule -- x\n'),
      hostile.budget(4800000, 240000, 'note: 1  # edunorm-disable-line schema/unknown-key -- ok\n# edunorm-disable-next-line teacher-training-funds -- unused\n'),
      ...STRUCTURAL_RULES.flatMap((r) => (r.docs.example ? [r.docs.example] : [])),
    );
    const ids = new Set<string>();
    for (const text of texts) for (const id of await idsOf(text)) ids.add(id);
    for (const id of await idsOf(hostile.budget('"x"', '"y"'), { maxFindings: 1 })) ids.add(id);
    for (const id of await idsOf(hostile.budget(1, 1), { maxFileBytes: 10 })) ids.add(id);
    expect(ids.size).toBeGreaterThan(20);
    expect(lacking(ids)).toEqual([]);
  }, 60_000);

  it('every registered id has a generated page listed in docs/rules/README.md, an example or a situation, and a link', () => {
    const index = readFileSync(join(ROOT, 'docs/rules/README.md'), 'utf8');
    for (const rule of STRUCTURAL_RULES) {
      const page = join(ROOT, 'docs/rules', rulePageName(rule.id));
      expect(existsSync(page), `${rule.id}: docs/rules/${rulePageName(rule.id)} (run npm run docs)`).toBe(true);
      expect(readFileSync(page, 'utf8')).toContain(`from ${rule.source}.`);
      expect(index).toContain(`[\`${rule.id}\`](${rulePageName(rule.id)})`);
      expect(rule.docs.example !== undefined || rule.docs.situation !== undefined, rule.id).toBe(true);
      expect(ruleDocUrl(rule.id)).toBe(`https://github.com/edunorm/edunorm/blob/main/docs/rules/${rulePageName(rule.id)}`);
    }
    expect(new Set(STRUCTURAL_RULES.map((r) => r.id)).size).toBe(STRUCTURAL_RULES.length);
  });

  it('links only to pages that exist: none for a county\'s own rule, one URL spelling for CLI and editor', () => {
    expect(ruleDocUrl('config/invalid')).toBe('https://github.com/edunorm/edunorm/blob/main/docs/rules/config-invalid.md');
    expect(existsSync(join(ROOT, 'docs/rules/config-invalid.md'))).toBe(true);
    expect(ruleDocUrl('teacher-training-funds')).toBe('https://github.com/edunorm/edunorm/blob/main/docs/rules/teacher-training-funds.md');
    expect(hasRulePage('county-extra-rule')).toBe(false);
    expect(ruleDocUrl('county-extra-rule')).toBeUndefined();
    // No second copy of the URL scheme anywhere in the tools.
    const copies = SOURCES.filter((f) => !f.endsWith(join('checks', 'registry.ts')) && readFileSync(f, 'utf8').includes('blob/main/docs/rules'));
    expect(copies.map((f) => relative(ROOT, f))).toEqual([]);
  });
});
