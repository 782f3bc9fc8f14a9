/**
 * A broken rule pack named in edunorm.config.yaml (`extends: [./broken-pack]`): exit 2, a
 * message naming `file:line:col` of the problem, no report on stdout, no stack trace.
 * Positions are computed from the mutated text, so the test follows edits of the rule file.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES_DIR } from '../helpers/paths.js';
import { STACK_TRACE } from '../helpers/sarif.js';
import { pool, runCliAsync, type TimedRun } from './cli-runner.js';
import { budget } from './inputs.js';

const RULE = 'teacher-training-funds.yaml';
const original = readFileSync(join(RULES_DIR, RULE), 'utf8');

/** 1-based line:column of the first occurrence of `needle` in `text`. */
function positionOf(text: string, needle: string | RegExp): string {
  const index = typeof needle === 'string' ? text.indexOf(needle) : (needle.exec(text)?.index ?? -1);
  if (index < 0) throw new Error(`${String(needle)} not in the mutated text`);
  const before = text.slice(0, index).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

/** The first line that is neither blank nor a comment: where a missing key is reported. */
const firstKey = (text: string) => positionOf(text, /^(?!#)\S/m);

interface Case {
  /** The rule file as broken; undefined when the case breaks something else. */
  rule?: (text: string) => string;
  config?: string;
  /** Extra files in the pack folder (a FIFO is made by name). */
  extra?: 'folder' | 'fifo';
  /** The expected `file:line:col: … (code)` pieces. */
  file: string;
  at: (broken: string) => string | RegExp;
  code: string;
  message: RegExp;
}

const CASES: Record<string, Case> = {
  'invalid YAML': {
    rule: (t) => t.replace(/^kind: SchoolBudget$/m, 'kind: [SchoolBudget'),
    file: RULE,
    // The unclosed `[` or the start of the next line, whichever the parser names.
    at: (t) => {
      const line = Number(positionOf(t, 'kind: [').split(':')[0]);
      return new RegExp(`:(${line}:\\d+|${line + 1}:1): `);
    },
    code: 'rule-file/yaml',
    message: /./,
  },
  'unknown fact': {
    rule: (t) => t.replace('fact: school.level', 'fact: school.levle'),
    file: RULE,
    at: (t) => positionOf(t, 'school.levle'),
    code: 'rule-file/unknown-fact',
    message: /unknown fact "school\.levle"/,
  },
  'unknown operator': {
    rule: (t) => t.replace(/operator: in,/, 'operator: isWithin,'),
    file: RULE,
    at: (t) => positionOf(t, 'isWithin'),
    code: 'rule-file/unknown-operator',
    message: /unknown operator "isWithin"/,
  },
  'missing id': {
    rule: (t) => t.replace(/^id: .*\n/m, ''),
    file: RULE,
    at: firstKey,
    code: 'rule-file/schema',
    message: /missing required property "id"/,
  },
  'missing citation': {
    rule: (t) => t.replace(/^citation:\n(?: {2}.*\n)+/m, ''),
    file: RULE,
    at: firstKey,
    code: 'rule-file/schema',
    message: /missing required property "citation"/,
  },
  'citation without its quote': {
    rule: (t) => t.replace(/^ {2}quote: .*\n/m, ''),
    file: RULE,
    at: (t) => positionOf(t, /^citation:/m),
    code: 'rule-file/schema',
    message: /missing required property "quote"/,
  },
  'bad severity': {
    rule: (t) => t.replace(/^severity: error$/m, 'severity: fatal'),
    file: RULE,
    at: (t) => positionOf(t, 'fatal'),
    code: 'rule-file/schema',
    message: /severity must be one of error, warning, info/,
  },
  'a parameter default of the wrong type': {
    rule: (t) => t.replace(/default: 0\.05$/m, 'default: "5%"'),
    file: RULE,
    at: (t) => positionOf(t, '"5%"'),
    code: 'rule-file/param-type',
    message: /minShare.*expected a fraction/,
  },
  'a parameter of the wrong type in the configuration': {
    config: 'extends: [./broken-pack]\nrules:\n  teacher-training-funds:\n    params: { levels: junior }\n',
    file: 'edunorm.config.yaml',
    at: () => '4:23',
    code: 'config/bad-param',
    message: /levels: expected a list of strings/,
  },
  'an alias bomb in a rule file': {
    rule: (t) => t.replace(/^kind: SchoolBudget$/m, `kind: SchoolBudget\n${['a0: &a0 [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(', ')}]`)].join('\n')}`),
    file: RULE,
    at: firstKey,
    code: 'rule-file/yaml',
    message: /alias/i,
  },
  'a folder named *.yaml in the pack': { extra: 'folder', file: 'zz-folder.yaml', at: () => '1:1', code: 'rule-file/unreadable', message: /EISDIR/ },
  'a FIFO named *.yaml in the pack': { extra: 'fifo', file: 'zz-fifo.yaml', at: () => '1:1', code: 'rule-file/unreadable', message: /not a regular file/ },
};

let root: string;
const runs = new Map<string, { run: TimedRun; broken: string }>();

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'edunorm-packs-'));
  const entries = Object.entries(CASES);
  entries.forEach(([, c], i) => {
    const dir = join(root, `case${i}`);
    cpSync(RULES_DIR, join(dir, 'broken-pack'), { recursive: true });
    writeFileSync(join(dir, 'school.yaml'), budget(4800000, 1000));
    writeFileSync(join(dir, 'edunorm.config.yaml'), c.config ?? 'extends: [./broken-pack]\n');
    if (c.rule) writeFileSync(join(dir, 'broken-pack', RULE), c.rule(original));
    if (c.extra === 'folder') mkdirSync(join(dir, 'broken-pack', c.file));
    if (c.extra === 'fifo') execFileSync('mkfifo', [join(dir, 'broken-pack', c.file)]);
  });
  const done = await pool(
    entries.map((e, i) => [e, i] as const),
    3,
    ([, i]) => runCliAsync(['check', 'school.yaml', '--format', 'sarif'], { cwd: join(root, `case${i}`), timeoutMs: 30_000 }),
  );
  entries.forEach(([name, c], i) => runs.set(name, { run: done[i]!, broken: c.rule ? c.rule(original) : (c.config ?? '') }));
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a broken rule pack named in edunorm.config.yaml', () => {
  it('the unbroken copy of the pack loads and checks (exit 1 on a failing school)', async () => {
    const dir = join(root, 'intact');
    cpSync(RULES_DIR, join(dir, 'broken-pack'), { recursive: true });
    writeFileSync(join(dir, 'school.yaml'), budget(4800000, 1000));
    writeFileSync(join(dir, 'edunorm.config.yaml'), 'extends: [./broken-pack]\n');
    const r = await runCliAsync(['check', 'school.yaml', '--format', 'sarif'], { cwd: dir });
    expect(r.code, r.stderr).toBe(1);
  });

  for (const [name, c] of Object.entries(CASES)) {
    it(`${name}: exit 2 naming ${c.file}:line:col (${c.code})`, () => {
      const { run, broken } = runs.get(name)!;
      expect(run.signal, 'killed').toBeNull();
      expect(run.code, run.stderr).toBe(2);
      expect(run.stdout, 'no report when the configuration is broken').toBe('');
      expect(run.stderr).not.toMatch(STACK_TRACE);
      expect(run.stderr).not.toMatch(/internal error/);
      const prefix = c.file === 'edunorm.config.yaml' ? c.file : `broken-pack/${c.file}`;
      const where = c.at(broken);
      const line = run.stderr.split('\n').find((l) => l.includes(`${prefix}:`) && l.includes(`(${c.code})`));
      expect(line, run.stderr).toBeDefined();
      if (typeof where === 'string') expect(line).toContain(`${prefix}:${where}: `);
      else expect(line).toMatch(new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${where.source}`));
      expect(line).toMatch(c.message);
    });
  }
});
