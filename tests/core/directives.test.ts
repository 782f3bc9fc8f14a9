/**
 * Issue 10 item 4: only real YAML comments are suppression directives, and a directive acts
 * inside its own `---` document only.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { check } from '../../packages/core/src/index.js';
import { parseWithYaml, parseYaml } from '../../packages/core/src/parse/parse-yaml.js';
import { parseDirectives } from '../../packages/core/src/suppressions.js';

const budget = (name: string, training = 10000, extra = '') => `apiVersion: edunorm/v1
kind: SchoolBudget
school:
  code: "130902008"
  name: ${name}
  level: junior
fiscalYear: 2025
budget:
  publicFunds: 1000000
${extra}  teacherTraining: ${training}
`;

const ids = async (text: string) => {
  const r = await check(text, { locale: 'en' });
  return { found: r.findings.map((f) => `${f.ruleId}@${f.range.start.line}`), suppressed: r.suppressed.map((f) => `${f.ruleId}@${f.range.start.line}`) };
};

describe('suppression directives are comment tokens', () => {
  it('a real comment still suppresses (fast path and yaml path alike)', async () => {
    const text = `# edunorm-disable teacher-training-funds -- 县教育局批准\n${budget('李庄小学')}`;
    expect(await ids(text)).toEqual({ found: [], suppressed: ['teacher-training-funds@11'] });
    // An anchor sends the text to the yaml parser: same result.
    const viaYaml = text.replace('level: junior', 'level: &l junior');
    expect(parseYaml(viaYaml).comments).toEqual(parseWithYaml(viaYaml).comments);
    expect(await ids(viaYaml)).toEqual({ found: [], suppressed: ['teacher-training-funds@11'] });
  });

  it('a `#` directive inside a double-quoted name suppresses nothing', async () => {
    const text = budget('"李庄小学 # edunorm-disable teacher-training-funds -- 已批准"');
    expect(await ids(text)).toEqual({ found: ['teacher-training-funds@10'], suppressed: [] });
  });

  it('inside a single-quoted name, or a disable-line inside a quoted value, suppresses nothing', async () => {
    expect((await ids(budget("'李庄小学 # edunorm-disable teacher-training-funds -- 已批准'"))).found).toEqual(['teacher-training-funds@10']);
    const sameLine = budget('李庄小学', 10000).replace('teacherTraining: 10000', 'teacherTraining: 10000\n  note: "x # edunorm-disable-line teacher-training-funds -- y"');
    const r = await check(sameLine, { locale: 'en' });
    expect(r.suppressed).toEqual([]);
  });

  it('a line of a block scalar (|) is content, not a directive', async () => {
    const text = budget('李庄小学', 10000, '  note: |\n    # edunorm-disable teacher-training-funds -- 写在多行文本里\n    第二行\n');
    const r = await ids(text);
    expect(r.suppressed).toEqual([]);
    expect(r.found).toContain('teacher-training-funds@13');
  });

  // Outside review: `---` then a character JavaScript's \s matches but YAML does not count as
  // white space, then `# edunorm-disable …`. To `yaml` that line is no marker and no comment (an
  // implicit key that does not end on its line); the fast path once took it for `--- # comment`.
  it.each([
    ['NBSP', '\u00a0'],
    ['VT', '\u000b'],
    ['FF', '\u000c'],
    ['U+3000', '\u3000'],
    ['U+FEFF', '\ufeff'],
    ['U+2028', '\u2028'],
  ])('`---` followed by %s and `# edunorm-disable` is no comment: it suppresses nothing, and the line is a YAML error', async (_name, space) => {
    const text = `---${space}# edunorm-disable teacher-training-funds -- x\n${budget('李庄小学')}`;
    expect(parseYaml(text).comments).toEqual(parseWithYaml(text).comments);
    const r = await check(text, { locale: 'en' });
    expect(r.suppressed).toEqual([]);
    expect(r.findings.map((f) => f.ruleId)).toContain('yaml/syntax');
    expect(r.findings.filter((f) => f.severity === 'error').length).toBeGreaterThan(0);
  });

  it('`---` followed by spaces and a comment stays a marker with a comment (fast path)', async () => {
    const text = `---   # edunorm-disable teacher-training-funds -- 县教育局批准\n${budget('李庄小学')}`;
    expect(await ids(text)).toEqual({ found: [], suppressed: ['teacher-training-funds@11'] });
  });

  it('a line of a multi-line double-quoted scalar is content', async () => {
    const text = budget('"李庄\n    # edunorm-disable teacher-training-funds -- 引号内\n    小学"');
    const r = await ids(text);
    expect(r.suppressed).toEqual([]);
    expect(r.found).toContain('teacher-training-funds@12');
  });

  it('a disable without enable ends at its document: the next --- document is checked', async () => {
    const text = `# edunorm-disable teacher-training-funds -- 仅第一所学校\n${budget('一中')}---\n${budget('二中')}`;
    const r = await ids(text);
    expect(r.suppressed).toEqual(['teacher-training-funds@11']);
    expect(r.found).toEqual(['teacher-training-funds@22']);
  });

  it('a disable-line or next-line comment never reaches into another document', async () => {
    // The comment is the last line of document 0; the line after it is `---`, then document 1.
    const text = `${budget('一中')}# edunorm-disable-next-line teacher-training-funds -- x\n---\n${budget('二中')}`;
    const directives = parseDirectives(parseYaml(text));
    expect(directives.map((d) => [d.line, d.documentIndex])).toEqual([[11, 0]]);
    expect((await ids(text)).found).toEqual(['teacher-training-funds@10', 'teacher-training-funds@22']);
  });

  it('directives of each document are theirs: an enable in document 1 does not end a block of document 0 early', async () => {
    const text = `${budget('一中', 10000, '  # edunorm-disable teacher-training-funds -- 一中\n')}---\n# edunorm-enable teacher-training-funds\n${budget('二中')}`;
    const r = await ids(text);
    expect(r.suppressed).toEqual(['teacher-training-funds@11']);
    expect(r.found).toEqual(['teacher-training-funds@23']);
  });

  it('a spreadsheet cell holding a directive, imported into a string, suppresses nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edunorm-directive-'));
    try {
      const rows = [
        ['字段', '值'],
        ['学校代码', '130902101'],
        ['学校名称', '李庄小学 # edunorm-disable teacher-training-funds -- 已批准'],
        ['学段', '小学'],
        ['预算年度', '2025'],
        ['年度公用经费预算总额(元)', '4000000'],
        ['教师培训经费(元)', '150000'],
      ];
      writeFileSync(join(dir, 'budget.csv'), rows.map((r) => r.join(',')).join('\n') + '\n');
      const r = runCli(['import', 'budget.csv', '--kind', 'SchoolBudget', '--output', 'budget.yaml', '--locale', 'en'], { cwd: dir });
      expect(r.code, r.stderr).toBe(1);
      const text = readFileSync(join(dir, 'budget.yaml'), 'utf8');
      expect(text).toContain('# edunorm-disable teacher-training-funds');
      const result = await check(text, { locale: 'en' });
      expect(result.suppressed).toEqual([]);
      expect(result.findings.map((f) => f.ruleId)).toContain('teacher-training-funds');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
