/**
 * Issue 10 item 9: names that come from files are looked up as own properties only, and a pack
 * with no rule files is a located configuration error (exit 2), never "0 rules, all clear".
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigurationError, RulePackError, createRuleSet, loadRulePack } from '../../packages/core/src/index.js';
import { RULES_DIR } from '../helpers/paths.js';
import { STACK_TRACE } from '../helpers/sarif.js';
import { pool, runCliAsync, type TimedRun } from '../hostile/cli-runner.js';
import { budget } from '../hostile/inputs.js';

const RULE = 'teacher-training-funds.yaml';
const original = readFileSync(join(RULES_DIR, RULE), 'utf8');

function positionOf(text: string, needle: string): string {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`${needle} not in the text`);
  const before = text.slice(0, index).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

const PROTO_NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty'];

interface Case {
  /** Writes the case's files into `dir` (a copy of rules/plan14 is at dir/pack). */
  setup: (dir: string) => void;
  /** Expected `file:line:col: … (code)` line on stderr. */
  where: string;
  code: string;
  message: RegExp;
  /** Also run `edunorm test-rules pack`, which must fail the same way. */
  testRules?: boolean;
}

const withRule = (broken: string) => (dir: string) => writeFileSync(join(dir, 'pack', RULE), broken);
const calc = (name: string) => original.replace('calculator: bounds', `calculator: ${name}`);

const CASES: Record<string, Case> = {
  ...Object.fromEntries(
    PROTO_NAMES.map((name) => [
      `calculator: ${name}`,
      { setup: withRule(calc(name)), where: `pack/${RULE}:${positionOf(calc(name), `calculator: ${name}`).replace(/:(\d+)$/, (_m, c: string) => `:${Number(c) + 'calculator: '.length}`)}`, code: 'rule-file/unknown-calculator', message: new RegExp(`unknown calculator "${name}"`), testRules: true },
    ]),
  ),
  'report.at: __proto__': {
    setup: withRule(original.replace('  at: budget.teacherTraining', '  at: __proto__')),
    where: `pack/${RULE}:${positionOf(original.replace('  at: budget.teacherTraining', '  at: __proto__'), '__proto__')}`,
    code: 'rule-file/unknown-field',
    message: /"__proto__" is not a field/,
    testRules: true,
  },
  'a rule id __proto__': {
    setup: (dir) => writeFileSync(join(dir, 'pack', '__proto__.yaml'), original.replace('id: teacher-training-funds', 'id: __proto__')),
    where: 'pack/__proto__.yaml:2:5',
    code: 'rule-file/schema',
    message: /id/,
  },
  'a config parameter named constructor': {
    setup: (dir) => writeFileSync(join(dir, 'edunorm.config.yaml'), 'extends: [./pack]\nrules:\n  teacher-training-funds:\n    params: { constructor: 1 }\n'),
    where: 'edunorm.config.yaml:4:15',
    code: 'config/unknown-param',
    message: /has no parameter "constructor"/,
  },
  'config rule ids __proto__ and toString': {
    setup: (dir) => writeFileSync(join(dir, 'edunorm.config.yaml'), 'extends: [./pack]\nrules:\n  __proto__: off\n  toString: warning\n'),
    where: 'edunorm.config.yaml:3:3',
    code: 'config/unknown-rule',
    message: /unknown rule id "__proto__"/,
  },
  'an empty pack folder': {
    setup: (dir) => {
      mkdirSync(join(dir, 'empty'));
      writeFileSync(join(dir, 'edunorm.config.yaml'), 'extends:\n  - ./empty\n');
    },
    where: 'edunorm.config.yaml:2:5',
    code: 'config/empty-pack',
    message: /no rule files/,
  },
  'a pack of Rule.YAML files in capitals': {
    setup: (dir) => {
      mkdirSync(join(dir, 'caps'));
      writeFileSync(join(dir, 'caps', 'Teacher-Training-Funds.YAML'), original);
      writeFileSync(join(dir, 'edunorm.config.yaml'), 'extends: [./caps]\n');
    },
    where: 'caps/Teacher-Training-Funds.YAML:1:1',
    code: 'rule-file/name',
    message: /rename Teacher-Training-Funds\.YAML to Teacher-Training-Funds\.yaml/,
  },
};

let root: string;
const runs = new Map<string, { check: TimedRun; testRules?: TimedRun }>();

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'edunorm-pack-names-'));
  const entries = Object.entries(CASES);
  entries.forEach(([, c], i) => {
    const dir = join(root, `case${i}`);
    cpSync(RULES_DIR, join(dir, 'pack'), { recursive: true });
    writeFileSync(join(dir, 'school.yaml'), budget(4800000, 1000));
    writeFileSync(join(dir, 'edunorm.config.yaml'), 'extends: [./pack]\n');
    c.setup(dir);
  });
  const jobs = entries.flatMap(([name, c], i) => [
    { name, kind: 'check' as const, args: ['check', 'school.yaml'], cwd: join(root, `case${i}`) },
    ...(c.testRules ? [{ name, kind: 'testRules' as const, args: ['test-rules', 'pack'], cwd: join(root, `case${i}`) }] : []),
  ]);
  const done = await pool(jobs, 3, (j) => runCliAsync(j.args, { cwd: j.cwd, timeoutMs: 60_000 }));
  jobs.forEach((j, k) => {
    const entry = runs.get(j.name) ?? ({} as { check: TimedRun; testRules?: TimedRun });
    entry[j.kind === 'check' ? 'check' : 'testRules'] = done[k]!;
    runs.set(j.name, entry);
  });
}, 180_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

function expectLocated(run: TimedRun, c: Case): void {
  expect(run.signal, 'killed').toBeNull();
  expect(run.code, run.stderr).toBe(2);
  expect(run.stderr).not.toMatch(STACK_TRACE);
  expect(run.stderr).not.toMatch(/internal error|TypeError/);
  const line = run.stderr.split('\n').find((l) => l.includes(`${c.where}: `) && l.includes(`(${c.code})`));
  expect(line, run.stderr).toBeDefined();
  expect(line).toMatch(c.message);
}

describe('names from files are own names only; a pack without rule files is an error', () => {
  for (const [name, c] of Object.entries(CASES)) {
    it(`${name}: edunorm check exits 2 naming ${c.where} (${c.code})`, () => expectLocated(runs.get(name)!.check, c));
    if (c.testRules) it(`${name}: edunorm test-rules exits 2 naming it too`, () => expectLocated(runs.get(name)!.testRules!, c));
  }

  it('edunorm check with /etc as a pack exits 2 (not 0 rules)', async () => {
    const dir = join(root, 'etc');
    mkdirSync(dir);
    writeFileSync(join(dir, 'school.yaml'), budget(4800000, 1000));
    writeFileSync(join(dir, 'edunorm.config.yaml'), 'extends: [/etc]\n');
    const r = await runCliAsync(['check', 'school.yaml'], { cwd: dir });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/edunorm\.config\.yaml:1:\d+: |\/etc\//);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it('edunorm test-rules on an empty folder exits 2 saying it holds no rule files', async () => {
    mkdirSync(join(root, 'nothing'));
    const r = await runCliAsync(['test-rules', 'nothing'], { cwd: root });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/no rule files/);
  });

  it('core: loadRulePack and RuleSet treat Object.prototype names as unknown, with typed errors', () => {
    for (const name of PROTO_NAMES) {
      expect(() => loadRulePack('p', [{ file: RULE, text: calc(name) }])).toThrow(RulePackError);
    }
    const pack = loadRulePack('p', [{ file: RULE, text: original }]);
    expect(() => createRuleSet([pack], JSON.parse('{"__proto__": "off"}') as never)).toThrow(ConfigurationError);
    expect(() => createRuleSet([pack], { 'teacher-training-funds': { params: JSON.parse('{"constructor": 1}') as never } })).toThrow(ConfigurationError);
  });
});
