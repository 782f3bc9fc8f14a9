/**
 * Text from a user's file (names, ids, file names, baseline entries, config values) never
 * acts on a terminal, a CI log or a Markdown renderer: no control character reaches the
 * output raw, no line edunorm did not mean as a workflow command starts with `::`, and no
 * HTML or Markdown syntax survives into a pull-request comment.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileReport } from '../packages/cli/src/file-report.js';
import { openGithub } from '../packages/cli/src/formatters/github.js';
import { outlineOf } from '../packages/cli/src/formatters/writer.js';
import { escapeCell } from '../packages/cli/src/formatters/markdown.js';
import { escapeXmlText } from '../packages/cli/src/formatters/xml-escape.js';
import { guardLines, safeText } from '../packages/cli/src/safe-text.js';
import { ROOT } from './helpers/paths.js';
import { runCli } from './helpers/run-cli.js';
import { parseXml, findAll } from './helpers/xml.js';

/** The staff name of the report: it would mask a value and stop command processing. */
const EVIL_NAME = 'x\n::add-mask::secret\n::stop-commands::tok\u001b]0;pwned\u0007\u001b[2J\u2028\u202eevil\u009b';
/** A file name that would be a workflow command if printed at the start of a line. */
const EVIL_FILE = '::warning file=x::owned\n::error::x.yaml';
const EVIL_SKIPPED = '\n::add-mask::skipped\u001b[31m.yaml';

const staffing = (name: string) => `apiVersion: edunorm/v1
kind: Staffing
school: { code: "130902101", name: 李庄小学, level: primary }
fiscalYear: 2025
reference: { localAvgMonthlyPerformancePay: 3200, localCivilServantAvgSalary: 96000 }
staff:
  - id: T001
    name: ${JSON.stringify(name)}
    role: teacher
    title: first
    certified: true
    hiredYear: 2009
    annualSalary: 99000
    baseSalary: 4800
    classTeacher: true
    classTeacherAllowance: 600
    trainingHours5y: 400
`;

/** Raw controls that may not appear (LF separates lines; nothing else). */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const COMMAND_LINE = /^\s*::/m;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'edunorm-safe-'));
  writeFileSync(join(dir, EVIL_FILE), staffing(EVIL_NAME));
  writeFileSync(join(dir, EVIL_SKIPPED), 'name: not ours\n');
  writeFileSync(
    join(dir, 'baseline.json'),
    JSON.stringify({ format: 1, tool: 'edunorm', version: '0', entries: [{ fingerprint: 'f'.repeat(32), ruleId: '\u001b]0;pwned\u0007', file: EVIL_FILE, anchor: '\n::add-mask::anchor', count: 1, message: 'm' }] }),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[]) => runCli(['check', '.', '--locale', 'en', '--no-color', ...args], { cwd: dir });

describe('terminal and workflow-command injection', { timeout: 120_000 }, () => {
  it('stylish output and stderr lists (stale baseline entries, --verbose skipped files) are neutralised', () => {
    const r = run(['--verbose', '--baseline', 'baseline.json']);
    expect(r.code).toBe(1);
    for (const out of [r.stdout, r.stderr]) {
      expect(out).not.toMatch(COMMAND_LINE);
      expect(out).not.toMatch(RAW_CONTROL);
    }
    // Visible, so a reader sees what the file holds.
    expect(r.stdout).toContain('x\\n::add-mask::secret\\n::stop-commands::tok\\x1b]0;pwned\\x07\\x1b[2J\\u2028\\u202eevil\\x9b');
    expect(r.stdout).toContain('\\x3a:warning file=x::owned\\n::error::x.yaml');
    expect(r.stderr).toContain('skipped \\n::add-mask::skipped\\x1b[31m.yaml');
    expect(r.stderr).toContain('\\x1b]0;pwned\\x07  \\n::add-mask::anchor');
    // The hint names the command and the flag it needs.
    expect(r.stderr).toContain("regenerate the baseline with: edunorm baseline . --output baseline.json --force");
  });

  it('a configuration problem quoting a value from the file cannot start a line', () => {
    const sub = mkdtempSync(join(tmpdir(), 'edunorm-safe-config-'));
    try {
      writeFileSync(join(sub, 'edunorm.config.yaml'), `rules:\n  ${JSON.stringify('x\n::add-mask::cfg\u001b[2J')}: warning\n`);
      writeFileSync(join(sub, 'a.yaml'), staffing('张老师'));
      const r = runCli(['check', '.', '--locale', 'en'], { cwd: sub });
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(COMMAND_LINE);
      expect(r.stderr).not.toMatch(RAW_CONTROL);
      expect(r.stderr).toContain('edunorm.config.yaml:2:');
    } finally {
      rmSync(sub, { recursive: true, force: true });
    }
  });

  it('an unknown command or rule id is echoed safely', () => {
    const r = runCli(['\n::add-mask::cmd\u001b[2J']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(COMMAND_LINE);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
    const e = runCli(['explain', '\n::error::id']);
    expect(e.code).toBe(2);
    expect(e.stderr).not.toMatch(COMMAND_LINE);
  });

  it('github format: the only command lines are the annotations, encoded as @actions/core does', () => {
    const r = run(['--format', 'github']);
    const findings = JSON.parse(run(['--format', 'json']).stdout).files.flatMap((f: { findings: unknown[] }) => f.findings);
    const commands = r.stdout.split('\n').filter((l) => /^\s*::/.test(l));
    expect(commands).toHaveLength(findings.length);
    for (const c of commands) expect(c).toMatch(/^::(error|warning|notice) file=[^:]*,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^:,]+::/);
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    // The runner decodes message data (%25 %0D %0A) and property values (also %3A %2C).
    const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
    const unescapeProperty = (s: string) => unescapeData(s.replace(/%3A/g, ':').replace(/%2C/g, ','));
    const allowance = commands.find((c) => c.includes('title=class-teacher-allowance'))!;
    const [, props, data] = /^::error (.*?)::(.*)$/.exec(allowance)!;
    // The file property decodes to the file's very name (the annotation attaches to it).
    expect(unescapeProperty(/file=([^,]*)/.exec(props!)![1]!)).toBe(EVIL_FILE);
    expect(unescapeData(data!)).not.toMatch(RAW_CONTROL);
    expect(unescapeData(data!)).toContain('x\\n::add-mask::secret');
  });

  // Outside review: the file property was made safe before it was encoded (`\x3a%3Ax.yaml`,
  // `a\nb.yaml`), which the runner decodes to names no file has.
  it.each([
    ['::x.yaml', '%3A%3Ax.yaml'],
    ['a\nb.yaml', 'a%0Ab.yaml'],
    ['a\r\nb,c:d%e.yaml', 'a%0D%0Ab%2Cc%3Ad%25e.yaml'],
    ['名单 `{0}` <x>.yaml', '名单 `{0}` <x>.yaml'],
  ])('github format: the file property of %j is what @actions/core writes: %s', (relative, encoded) => {
    const report: FileReport = {
      file: { absolute: `/x/${relative}`, relative },
      isEdunorm: true,
      findings: [{ ruleId: 'schema/type', severity: 'error', message: 'm', range: { start: { line: 2, column: 3, offset: 0 }, end: { line: 2, column: 7, offset: 9 } }, documentIndex: 0, path: '' }],
      suppressed: [],
    };
    const out = `${openGithub({ locale: 'en', version: '0', color: false, cwd: '/x', outline: outlineOf([report]) }).file(report)}`;
    expect(out).toBe(`::error file=${encoded},line=2,col=3,endLine=2,endColumn=7,title=schema/type::m\n`);
    // One line: nothing in the name ends the command or starts another.
    expect(out.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('github format: a file name with an escape sequence is shown made safe, never raw', () => {
    const relative = 'a\u001b[2Jb.yaml';
    const report: FileReport = { file: { absolute: `/x/${relative}`, relative }, isEdunorm: true, findings: [{ ruleId: 'schema/type', severity: 'error', message: 'm', range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 2, offset: 1 } }, documentIndex: 0, path: '' }], suppressed: [] };
    const out = `${openGithub({ locale: 'en', version: '0', color: false, cwd: '/x', outline: outlineOf([report]) }).file(report)}`;
    expect(out).not.toMatch(RAW_CONTROL);
    expect(out).toContain('file=a\\x1b[2Jb.yaml,');
  });

  it('github format: col and endColumn only when a finding is on one line', () => {
    const finding = (startLine: number, endLine: number) => ({
      ruleId: 'schema/type',
      severity: 'error' as const,
      message: 'm',
      range: { start: { line: startLine, column: 3, offset: 0 }, end: { line: endLine, column: 7, offset: 9 } },
      documentIndex: 0,
      path: '',
    });
    const report: FileReport = { file: { absolute: '/x/a.yaml', relative: 'a.yaml' }, isEdunorm: true, findings: [finding(2, 2), finding(2, 5)], suppressed: [] };
    const writer = openGithub({ locale: 'en', version: '0', color: false, cwd: '/x', outline: outlineOf([report]) });
    const [one, many] = `${writer.start()}${writer.file(report)}${writer.end()}`.split('\n');
    expect(one).toBe('::error file=a.yaml,line=2,col=3,endLine=2,endColumn=7,title=schema/type::m');
    expect(many).toBe('::error file=a.yaml,line=2,endLine=5,title=schema/type::m');
  });

  it('junit: CR in element text is &#13;, a line of text never starts with ::', () => {
    expect(escapeXmlText('a\r\nb\n::add-mask::c\n  ::x')).toBe('a&#13;\nb\n&#58;:add-mask::c\n  &#58;:x');
    const r = run(['--format', 'junit']);
    expect(r.stdout).not.toMatch(COMMAND_LINE);
    const failures = findAll(parseXml(r.stdout), 'failure');
    expect(failures.length).toBeGreaterThan(0);
  });

  it('guardLines leaves ordinary lines alone', () => {
    expect(guardLines('a\n  ::b\n::c\nd::e\n')).toBe('a\n  \\x3a:b\n\\x3a:c\nd::e\n');
    expect(safeText('plain 中文 text: ok')).toBe('plain 中文 text: ok');
  });
});

describe('markdown format: no HTML or Markdown from the user', { timeout: 120_000 }, () => {
  const require = createRequire(join(ROOT, 'extension', 'package.json'));
  // markdown-it (installed with the extension's packager) with raw HTML on, as GitHub allows some.
  const MarkdownIt = require('markdown-it') as new (o: object) => { render(s: string): string };
  const md = new MarkdownIt({ html: true, linkify: true });
  const NASTY = ['``<img src=x onerror=alert(1)>``', '<img src=x onerror=alert(1)>', 'a|b|c', '`code` and ``more``', '[click](javascript:alert(1))', '![i](http://x/y.png)', '**bold** _em_ ~~del~~ $x$', 'a\\|b', '&lt;script&gt;', '<script>alert(1)</script>'];

  for (const text of NASTY) {
    it(`a cell renders ${JSON.stringify(text)} as that very text`, () => {
      const table = `| a | b |\n| --- | --- |\n| ${escapeCell(text)} | z |\n`;
      const html = md.render(table);
      expect(html).not.toMatch(/<(img|script|code|strong|em|s|del)\b/);
      // A bare URL may be autolinked (as GitHub does): then only as itself, never as other text.
      for (const a of html.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)) expect(a[2]).toBe(a[1]);
      expect(html.replace(/<a href="([^"]*)">([^<]*)<\/a>/g, '')).not.toMatch(/<a\b/);
      const cells = [...html.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((m) => m[1]!.replace(/<a href="[^"]*">([^<]*)<\/a>/g, '$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
      expect(cells).toEqual([text, 'z']);
    });
  }

  it('a staff name holding HTML and pipes stays in its cell through the CLI', () => {
    const sub = mkdtempSync(join(tmpdir(), 'edunorm-safe-md-'));
    try {
      writeFileSync(join(sub, 'a.yaml'), staffing('``<img src=x onerror=alert(1)>`` | `x` | [y](javascript:z)'));
      const r = runCli(['check', '.', '--format', 'markdown', '--locale', 'en'], { cwd: sub });
      expect(r.code).toBe(1);
      const html = md.render(r.stdout);
      expect(html).not.toMatch(/<img\b|<a href="javascript/);
      const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].slice(1);
      for (const row of rows) expect([...row[1]!.matchAll(/<td>/g)]).toHaveLength(5);
      expect(readFileSync(join(sub, 'a.yaml'), 'utf8')).toContain('onerror');
    } finally {
      rmSync(sub, { recursive: true, force: true });
    }
  });
});
