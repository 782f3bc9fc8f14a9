/**
 * Issue 10 item 5: which files are ours is decided by parsing (cheap first, exact second), for
 * every spelling of the declaration, for UTF-16/32 without a byte-order mark, and for rule and
 * configuration files.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { check, classifyText } from '../../packages/core/src/index.js';
import { decodeBytes } from '../../packages/core/src/file-limits.js';
import { RULES_DIR } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { budget } from '../hostile/inputs.js';
import { Validator } from '../../packages/language-server/src/validator.js';

/** A budget that breaks teacher-training-funds (1% of public funds), without its apiVersion line. */
const body = budget(1000000, 10000).replace(/^apiVersion: .*\n/, '');

const declarations: [string, string][] = [
  ['a tag', 'apiVersion: !!str edunorm/v1\n'],
  ['an anchor', 'apiVersion: &api edunorm/v1\n'],
  ['the value on the next line', 'apiVersion:\n  edunorm/v1\n'],
  ['a quoted key and value', '"apiVersion": "edunorm/v1"\n'],
  ['an escaped key', '"api\\u0056ersion": edunorm/v1\n'],
  ['an escaped value', 'apiVersion: "\\x65dunorm/v1"\n'],
  ['a single-quoted key', "'apiVersion': 'edunorm/v1'\n"],
];

describe('classifyText: a submission however apiVersion is written', () => {
  it.each(declarations)('%s is a submission and is checked', async (_name, first) => {
    const text = first + body;
    expect(classifyText(text)).toBe('submission');
    const r = await check(text, { locale: 'en' });
    expect(r.isEdunorm).toBe(true);
    expect(r.findings.map((f) => `${f.ruleId}@${f.range.start.line}`)).toContain(`teacher-training-funds@${text.split('\n').findIndex((l) => l.includes('teacherTraining')) + 1}`);
  });

  it('a one-line flow document and a JSON document are submissions', async () => {
    const flow = '{apiVersion: edunorm/v1, kind: SchoolBudget, school: {code: "130902008", name: 第八中学, level: junior}, fiscalYear: 2025, budget: {publicFunds: 1000000, teacherTraining: 10000}}\n';
    const json = JSON.stringify({ apiVersion: 'edunorm/v1', kind: 'SchoolBudget', school: { code: '130902008', name: '第八中学', level: 'junior' }, fiscalYear: 2025, budget: { publicFunds: 1000000, teacherTraining: 10000 } }, null, 2);
    for (const text of [flow, json]) {
      expect(classifyText(text)).toBe('submission');
      expect((await check(text, { locale: 'en' })).findings.map((f) => f.ruleId)).toContain('teacher-training-funds');
    }
  });

  it('a later document of a multi-document file makes the file a submission', () => {
    expect(classifyText(`title: notes\n---\napiVersion: edunorm/v1\n${body}`)).toBe('submission');
  });

  it('a half-typed submission with a syntax error is still a submission (its errors are shown)', async () => {
    const text = `apiVersion: edunorm/v1\n${body}  bad: [1, 2\n`;
    expect(classifyText(text)).toBe('submission');
    expect((await check(text, { locale: 'en' })).findings.map((f) => f.ruleId)).toContain('yaml/syntax');
  });

  // Outside review: a stray first line glues itself onto the declaration (`yaml` reads
  // `<line> apiVersion` as one key, an error); such a file was skipped as not ours, exit 0.
  it.each([
    ['a stray first line', `说明\napiVersion: edunorm/v1\n${body}`],
    ['`---` and a no-break space before a comment', `---\u00a0# 注释\napiVersion: edunorm/v1\n${body}`],
  ])('a submission whose declaration a syntax error swallows is still a submission: %s', async (_name, text) => {
    expect(classifyText(text)).toBe('submission');
    const r = await check(text, { locale: 'zh-CN' });
    expect(r.isEdunorm).toBe(true);
    expect(r.findings.map((f) => `${f.ruleId}@${f.range.start.line}:${f.severity}`)).toContain('yaml/syntax@1:error');
    // A broken YAML file that mentions the declaration only indented (block text) stays not ours.
    expect(classifyText('notes: |\n  apiVersion: edunorm/v1\nbad: [1, 2\n')).toBe('other');
  });

  it('text that only mentions the declaration is not ours: a comment, block text, a nested key', () => {
    expect(classifyText('# apiVersion: edunorm/v1\nname: x\n')).toBe('other');
    expect(classifyText('notes: |\n  apiVersion: edunorm/v1\n  kind: Staffing\n')).toBe('other');
    expect(classifyText('outer:\n  apiVersion: edunorm/v1\n')).toBe('other');
    expect(classifyText('apiVersion: apps/v1\nkind: Deployment\n')).toBe('other');
    expect(classifyText('')).toBe('other');
  });
});

describe('classifyText: rule files and configuration', () => {
  const ruleFiles = readdirSync(RULES_DIR).filter((f) => f.endsWith('.yaml'));

  it('every rule file of rules/plan14 is a rule file (its test documents are not submissions)', async () => {
    expect(ruleFiles.length).toBeGreaterThan(0);
    for (const name of ruleFiles) {
      const path = join(RULES_DIR, name);
      const text = readFileSync(path, 'utf8');
      expect(classifyText(text, path), name).toBe('rule-file');
      const r = await check(text, { path, locale: 'en' });
      expect(r.fileKind, name).toBe('rule-file');
      expect(r.findings, name).toEqual([]);
    }
  });

  it('the language server validates a rule file as a rule file, not as a submission', async () => {
    const path = join(RULES_DIR, 'teacher-training-funds.yaml');
    const text = readFileSync(path, 'utf8');
    const ok = await new Validator().validate({ uri: 'file:///x', version: 1, text, filePath: path, locale: 'en' });
    expect(ok.kind).toBe('rule-file');
    expect(ok.findings).toEqual([]);
    const broken = await new Validator().validate({ uri: 'file:///x', version: 2, text: text.replace(/calculator: \w+/, 'calculator: constructor'), filePath: path, locale: 'en' });
    expect(broken.findings.map((f) => f.ruleId)).toEqual(['rule-file/unknown-calculator']);
  });

  it('a broken rule file gives its rule-file problems as located findings', async () => {
    const path = join(RULES_DIR, 'teacher-training-funds.yaml');
    const text = readFileSync(path, 'utf8').replace(/calculator: \w+/, 'calculator: noSuchCalculator');
    const line = text.split('\n').findIndex((l) => l.includes('noSuchCalculator')) + 1;
    const r = await check(text, { path, locale: 'en' });
    expect(r.findings.map((f) => `${f.ruleId}@${f.range.start.line}:${f.range.start.column}`)).toEqual([`rule-file/unknown-calculator@${line}:${text.split('\n')[line - 1]!.indexOf('noSuchCalculator') + 1}`]);
  });

  it('edunorm.config.yaml is configuration (by its name), not checked as a submission', async () => {
    expect(classifyText('rules: {}\n', '/x/edunorm.config.yaml')).toBe('config');
    expect(classifyText('rules: {}\n', 'C:\\x\\edunorm.config.yml')).toBe('config');
    expect((await check('extends: [edunorm:plan14]\n', { path: 'edunorm.config.yaml' })).isEdunorm).toBe(false);
  });
});

describe('encodings without a byte-order mark', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'edunorm-classify-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const text = `apiVersion: edunorm/v1\n${body}`;
  const encode = (encoding: string): Buffer => {
    if (encoding === 'utf-16le') return Buffer.from(text, 'utf16le');
    if (encoding === 'utf-16be') return Buffer.from(text, 'utf16le').swap16();
    const cps = [...text].map((c) => c.codePointAt(0)!);
    const b = Buffer.alloc(cps.length * 4);
    cps.forEach((cp, i) => (encoding === 'utf-32le' ? b.writeUInt32LE(cp, i * 4) : b.writeUInt32BE(cp, i * 4)));
    return b;
  };

  it.each(['utf-16le', 'utf-16be', 'utf-32le', 'utf-32be'])('%s is detected by its NUL bytes and decoded', (encoding) => {
    const decoded = decodeBytes(encode(encoding));
    expect(decoded).toEqual({ text, encoding, bom: false });
  });

  it('a UTF-32 byte-order mark and a UTF-8 one are cut; a broken UTF-32 unit is located', () => {
    const bom = Buffer.from([0xff, 0xfe, 0, 0]);
    expect(decodeBytes(Buffer.concat([bom, encode('utf-32le')]))).toEqual({ text, encoding: 'utf-32le', bom: true });
    expect(decodeBytes(Buffer.from(`\ufeff${text}`))).toEqual({ text, encoding: 'utf-8', bom: true });
    const broken = Buffer.concat([encode('utf-32le').subarray(0, 8), Buffer.from([0, 0, 0x11, 0]), encode('utf-32le').subarray(8)]);
    expect(decodeBytes(broken).invalidAt).toBe(2);
  });

  it('edunorm check reads UTF-16 and UTF-32 files without BOM and finds the same finding', () => {
    mkdirSync(join(dir, 'in'));
    for (const e of ['utf-16le', 'utf-16be', 'utf-32le', 'utf-32be']) writeFileSync(join(dir, 'in', `${e}.yaml`), encode(e));
    const r = runCli(['check', 'in', '--format', 'json', '--locale', 'en'], { cwd: dir });
    expect(r.code, r.stderr).toBe(1);
    const out = JSON.parse(r.stdout) as { files: { path: string; findings: { ruleId: string; line: number }[] }[] };
    expect(out.files.map((f) => [f.path.replace(/\\/g, '/'), f.findings.map((x) => `${x.ruleId}@${x.line}`)]).sort()).toEqual(
      ['utf-16be', 'utf-16le', 'utf-32be', 'utf-32le'].map((e) => [`in/${e}.yaml`, ['teacher-training-funds@10']]),
    );
  });

  it('edunorm check rules/plan14 reports no schema/api-version error: rule files are checked as rule files', () => {
    const r = runCli(['check', RULES_DIR, '--format', 'json', '--locale', 'en'], { cwd: dir });
    expect(r.stdout).not.toContain('schema/api-version');
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });
});
