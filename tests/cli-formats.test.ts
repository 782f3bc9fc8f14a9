import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeCommandData, escapeCommandProperty } from '../packages/cli/src/formatters/github.js';
import { escapeCell } from '../packages/cli/src/formatters/markdown.js';
import { runCli } from './helpers/run-cli.js';
import { findAll, parseXml, type XmlElement } from './helpers/xml.js';

let dir: string;

const BAD_BUDGET = `apiVersion: edunorm/v1
kind: SchoolBudget
school:
  code: "130902101"
  name: 李庄小学
  level: primary
fiscalYear: 2025
budget:
  publicFunds: 4000000
  teacherTraining: 150000
`;
/** Compliant, with one unknown key whose name holds every character the formats must escape. */
const ODD_KEY = 'a<b>&c"d|e%f,g:h';
const WARN_ONLY = `apiVersion: edunorm/v1
kind: SchoolBudget
school: { code: "1", name: 小学, level: primary }
fiscalYear: 2025
budget:
  publicFunds: 4000000
  teacherTraining: 200000
  ${JSON.stringify(ODD_KEY)}: 1
`;
/** A small school not being relocated: an info finding (small-school-consolidation). */
const DISTRICT = `apiVersion: edunorm/v1
kind: DistrictIndicators
district: { code: "130900", name: xxx市, type: city }
year: 2025
indicators:
  compulsoryRetentionRate: 0.99
  standardizedSchoolRate: 0.95
schools:
  - { code: "130902101", name: 李庄小学, level: primary, enrollment: 86, relocationPlanned: false, designation: none }
`;
const ODD_FILE = 'odd,name:x.yaml';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'edunorm-formats-'));
  writeFileSync(join(dir, 'bad.yaml'), BAD_BUDGET);
  writeFileSync(join(dir, ODD_FILE), WARN_ONLY);
  writeFileSync(join(dir, 'district.yaml'), DISTRICT);
  writeFileSync(join(dir, 'other.yaml'), 'name: not ours\n');
  mkdirSync(join(dir, 'many'));
  // 25 unknown keys: 25 warnings, more than a PR comment shows unfolded.
  const keys = Array.from({ length: 25 }, (_, i) => `  extra${i}: 1\n`).join('');
  writeFileSync(join(dir, 'many', 'long.yaml'), WARN_ONLY.replace(`  ${JSON.stringify(ODD_KEY)}: 1\n`, keys));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const check = (args: string[]) => runCli(['check', ...args, '--locale', 'en'], { cwd: dir });

/** Active rule ids of a document kind, as `edunorm rules --format json` lists them. */
function ruleIdsOfKind(kind: string): string[] {
  const r = runCli(['rules', '--format', 'json'], { cwd: dir });
  return (JSON.parse(r.stdout) as { id: string; kind: string }[]).filter((x) => x.kind === kind).map((x) => x.id);
}

describe('--format junit', () => {
  let root: XmlElement;
  let code: number | null;
  beforeAll(() => {
    const r = check(['bad.yaml', ODD_FILE, 'district.yaml', 'other.yaml', '--format', 'junit']);
    code = r.code;
    root = parseXml(r.stdout);
  });

  it('is well-formed XML: <testsuites> with one <testsuite> per checked edunorm file', () => {
    expect(code).toBe(1);
    expect(root.name).toBe('testsuites');
    expect(root.children.map((s) => [s.name, s.attributes.name])).toEqual([
      ['testsuite', 'bad.yaml'],
      ['testsuite', ODD_FILE],
      ['testsuite', 'district.yaml'],
    ]);
  });

  it('one <testcase> per active rule of the file\'s kind plus the structural ids that fired; counts add up', () => {
    const suite = (name: string) => root.children.find((s) => s.attributes.name === name)!;
    const names = (s: XmlElement) => findAll(s, 'testcase').map((c) => c.attributes.name);
    const budgetRules = ruleIdsOfKind('SchoolBudget');
    expect(budgetRules).toContain('teacher-training-funds');
    expect(names(suite('bad.yaml')).sort()).toEqual([...budgetRules].sort());
    expect(names(suite(ODD_FILE)).sort()).toEqual([...budgetRules, 'schema/unknown-key'].sort());
    expect(names(suite('district.yaml')).sort()).toEqual(ruleIdsOfKind('DistrictIndicators').sort());
    for (const s of root.children) {
      expect(Number(s.attributes.tests)).toBe(findAll(s, 'testcase').length);
      expect(Number(s.attributes.failures)).toBe(findAll(s, 'testcase').filter((c) => findAll(c, 'failure').length > 0).length);
    }
    expect(Number(root.attributes.tests)).toBe(findAll(root, 'testcase').length);
    expect(root.attributes.failures).toBe('1');
  });

  it('an error is a <failure> naming file:line:col, the rule id and the message', () => {
    const failures = findAll(root, 'failure');
    expect(failures).toHaveLength(1);
    const [f] = failures;
    expect(f!.attributes.type).toBe('teacher-training-funds');
    expect(f!.attributes.message).toContain('3.75% of public funds, below the required 5%');
    expect(f!.text).toContain('bad.yaml:10:20 teacher-training-funds');
  });

  it('warnings and infos do not fail a test case: they are in its <system-out>, escaped', () => {
    const warned = findAll(root, 'testcase').find((c) => c.attributes.name === 'schema/unknown-key')!;
    expect(findAll(warned, 'failure')).toEqual([]);
    const out = findAll(warned, 'system-out')[0]!.text;
    expect(out).toContain(`warning ${ODD_FILE}:8:3`);
    expect(out).toContain(ODD_KEY);
    const info = findAll(root, 'testcase').find((c) => c.attributes.name === 'small-school-consolidation')!;
    expect(findAll(info, 'failure')).toEqual([]);
    expect(findAll(info, 'system-out')[0]!.text).toMatch(/^info district\.yaml:9:\d+ /);
  });

  it('a clean run is a report with passing test cases and exit 0', () => {
    const r = check(['district.yaml', '--format', 'junit']);
    expect(r.code).toBe(0);
    const clean = parseXml(r.stdout);
    expect(clean.attributes.failures).toBe('0');
    expect(findAll(clean, 'testcase').length).toBeGreaterThan(0);
  });

  it('the strict parser used here rejects what a CI server would reject', () => {
    expect(() => parseXml('<a><b></a></b>')).toThrow();
    expect(() => parseXml('<a x="1 & 2"/>')).toThrow();
    expect(() => parseXml('<a>1 < 2</a>')).toThrow();
    expect(() => parseXml('<a/><b/>')).toThrow();
    expect(parseXml('<?xml version="1.0"?>\n<a x="&quot;&#10;">&lt;&amp;</a>\n')).toMatchObject({ name: 'a', attributes: { x: '"\n' }, text: '<&' });
  });
});

describe('--format github', () => {
  it('one workflow command per finding: ::error / ::warning / ::notice with file, line, col, end and title', () => {
    const r = check(['bad.yaml', ODD_FILE, 'district.yaml', '--format', 'github']);
    expect(r.code).toBe(1);
    const commands = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(commands).toHaveLength(3);
    expect(commands[0]).toBe(
      '::error file=bad.yaml,line=10,col=20,endLine=10,endColumn=26,title=teacher-training-funds::' +
        'Teacher-training funds of 150,000 yuan are 3.75%25 of public funds, below the required 5%25 (at least 200,000 yuan; short by 50,000 yuan)',
    );
    // `,` and `:` in a property would end it; `%` is the escape character itself.
    expect(commands[1]).toMatch(/^::warning file=odd%2Cname%3Ax\.yaml,line=8,col=3,endLine=8,endColumn=\d+,title=schema\/unknown-key::Unknown field `a<b>&c"d\|e%25f,g:h`/);
    expect(commands[2]).toMatch(/^::notice file=district\.yaml,line=9,col=\d+,endLine=9,endColumn=\d+,title=small-school-consolidation::/);
    for (const c of commands) expect(c).toMatch(/^::(error|warning|notice) (file|line|col|endLine|endColumn|title)=[^,:]*(,(line|col|endLine|endColumn|title)=[^,:]*)*::.+$/);
  });

  it('escapes as GitHub\'s toCommandValue does', () => {
    expect(escapeCommandData('50% off\r\nnext')).toBe('50%25 off%0D%0Anext');
    expect(escapeCommandProperty('a,b:c%\n')).toBe('a%2Cb%3Ac%25%0A');
  });

  it('prints nothing but the summary on a clean run, exit 0', () => {
    const r = check([join('many', '..', 'district.yaml'), '--format', 'github', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/^::/m);
  });
});

describe('--format markdown', () => {
  const cells = (row: string) => row.slice(2, -2).split(/(?<!\\)\|/).map((c) => c.trim());

  it('a summary line and a table: file, line, severity, rule (linked to its page), message', () => {
    const r = check(['bad.yaml', ODD_FILE, '--format', 'markdown']);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('❌ **edunorm**: 1 error(s), 1 warning(s), 0 info (2 file(s) checked)');
    expect(lines).toContain('| File | Line | Severity | Rule | Message |');
    const rows = lines.filter((l) => l.startsWith('| ') && !l.startsWith('| File') && !l.startsWith('| ---'));
    expect(rows.map(cells)).toEqual([
      [
        'bad.yaml',
        '10:20',
        '❌ error',
        '[teacher-training-funds](https://github.com/edunorm/edunorm/blob/main/docs/rules/teacher-training-funds.md)',
        expect.stringContaining('3.75% of public funds'),
      ],
      // The pipe in the key is escaped, so the row keeps its five cells.
      [ODD_FILE, '8:3', '⚠️ warning', '[schema/unknown-key](https://github.com/edunorm/edunorm/blob/main/docs/rules/schema-unknown-key.md)', expect.stringContaining('\\`a&lt;b&gt;&amp;c&quot;d\\|e%f,g:h\\`')],
    ]);
    expect(r.stdout).not.toContain('<details>');
  });

  it('folds a long table into <details>', () => {
    const r = check(['many', '--format', 'markdown']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^⚠️ \*\*edunorm\*\*: 0 error\(s\), 25 warning\(s\)/);
    expect(r.stdout).toContain('<details>\n<summary>Show 25 finding(s)</summary>\n\n| File |');
    expect(r.stdout.trimEnd().endsWith('</details>')).toBe(true);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('| many/long.yaml |'))).toHaveLength(25);
  });

  it('says all clear on a clean run, in Chinese when asked; with --quiet it names what was not shown', () => {
    const r = runCli(['check', 'district.yaml', '--format', 'markdown', '--quiet', '--locale', 'zh-CN'], { cwd: dir });
    // district.yaml has one info (small-school-consolidation): --quiet hides it, and says so.
    expect(r.stdout).toBe('✅ **edunorm**:没有错误(检查了 1 个文件;--quiet 未显示 0 个警告、1 个提示)\n');
    writeFileSync(join(dir, 'clean.yaml'), 'apiVersion: edunorm/v1\nkind: SchoolBudget\nschool: { code: "1", name: 小学, level: primary }\nfiscalYear: 2025\nbudget: { publicFunds: 4000000, teacherTraining: 200000 }\n');
    const clean = runCli(['check', 'clean.yaml', '--format', 'markdown', '--locale', 'zh-CN'], { cwd: dir });
    expect(clean.stdout).toBe('✅ **edunorm**:全部符合要求(检查了 1 个文件)\n');
  });

  it('escapes HTML and Markdown everywhere, code spans included (tests/cli-output-safety.test.ts renders them)', () => {
    expect(escapeCell('a <b> & `<c>|d` | e\nf')).toBe('a &lt;b&gt; &amp; \\`&lt;c&gt;\\|d\\` \\| e\\\\nf');
  });
});

describe('formats', () => {
  it('an unknown format exits 2 and lists the known ones', () => {
    const r = check(['bad.yaml', '--format', 'xml']);
    expect(r.code).toBe(2);
    for (const name of ['stylish', 'json', 'sarif', 'junit', 'github', 'markdown']) expect(r.stderr).toContain(name);
  });
});
