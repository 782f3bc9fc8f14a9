/**
 * The editor's incremental checks (issue 14 item 4) must give exactly what a check from
 * scratch gives: after every edit of random edit sequences on staffing, budget and district
 * files, the incremental result deep-equals `check()` — every finding's rule id, range,
 * severity, message and order, the suppressed ones, measurements and contributions.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check, type CheckOptions } from '../packages/core/src/check.js';
import { IncrementalChecker, type CheckPath } from '../packages/core/src/incremental-check.js';
import { changedRange, spliceRecord } from '../packages/core/src/parse/incremental-parse.js';
import { parseYaml } from '../packages/core/src/parse/parse-yaml.js';
import type { PathSegment } from '../packages/core/src/path.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { classifyText } from '../packages/core/src/classify.js';
import { buildOutline } from '../packages/core/src/parse/outline.js';
import { DocumentModels } from '../packages/language-server/src/document-models.js';
import { rng, staffingText } from '../bench/corpus.mjs';
import { EXAMPLES } from './helpers/paths.js';

const example = (p: string) => readFileSync(join(EXAMPLES, p), 'utf8');

/** Staffing files with findings of most norms: seeded, 40 people, one with comments and a directive. */
const STAFFING = staffingText(rng(7), '99007', '测试学校', 'senior', 40);
const BASES: Record<string, string> = {
  generated: STAFFING,
  // A directive before a record and a comment after the list: directives must still apply.
  directives: STAFFING.replace(/\n( {2}- id: T00005)/, '\n  # edunorm-disable-next-line teacher-training-hours -- 进修中\n$1') + '# 结尾注释\nnotes: 末尾\n',
  noncompliant: example('noncompliant/staffing.yaml'),
  compliant: example('compliant/staffing.yaml'),
  rural: example('compliant/rural-staffing.yaml'),
  budget: example('noncompliant/budget.yaml'),
  district: example('district/county-2025.yaml'),
};

/** Every path to every node of a plain value. */
function paths(value: unknown, prefix: PathSegment[] = []): PathSegment[][] {
  const out: PathSegment[][] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

interface Edit {
  /** Where, as a share of the text's length (lines are found from it). */
  at: number;
  remove: number;
  insert: string;
}

const PIECES = ['0', '7', '12', '9', ' ', ':', ': ', '-', '- ', '\n', '\n    ', '\n  - ', '#', '"', "'", '{', '}', '[', ']', 'true', 'false', 'null', 'x', '王', '　', '\t', 'teacher', 'role: ', 'classTeacherAllowance: 0', 'annualSalary: 1', '---\n', '&a ', '*a', '\r', '99999999', '.5', '1e3'];
const editArb: fc.Arbitrary<Edit> = fc.record({
  at: fc.integer({ min: 0, max: 999_999 }).map((n) => n / 1e6),
  remove: fc.oneof(fc.constant(0), fc.constant(1), fc.integer({ min: 0, max: 40 })),
  insert: fc.oneof(fc.constant(''), fc.constantFrom(...PIECES), fc.array(fc.constantFrom(...PIECES), { maxLength: 4 }).map((a) => a.join(''))),
});

const VALUES = ['true', 'false', 'teacher', 'management', 'logistics', '0', '800', '1200', '90000', '', 'abc', '"5"', 'senior', 'none', '2030', '-1', '王芳'];

type Mode = 'typing' | 'value' | 'line' | 'raw';
const modeArb: fc.Arbitrary<Mode> = fc.constantFrom('typing', 'typing', 'value', 'value', 'line', 'raw');

/**
 * Applies an edit: typing a digit into a figure, giving a field another value, deleting or
 * doubling a line, or a raw insertion/deletion anywhere (which may break the YAML).
 */
function apply(text: string, edit: Edit, mode: Mode): string {
  let at = Math.floor(edit.at * text.length);
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEndAt = text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at);
  const line = text.slice(lineStart, lineEndAt);
  if (mode === 'value') {
    const colon = line.indexOf(': ');
    if (colon < 0) return text;
    return text.slice(0, lineStart + colon + 2) + VALUES[edit.remove % VALUES.length] + text.slice(lineEndAt);
  }
  if (mode === 'line') {
    const next = Math.min(text.length, lineEndAt + 1);
    return edit.remove % 2 ? text.slice(0, lineStart) + text.slice(next) : text.slice(0, next) + line + '\n' + text.slice(next);
  }
  if (mode === 'typing') {
    const lineEnd = text.indexOf('\n', at);
    at = lineEnd < 0 ? text.length : lineEnd;
    const digit = /\d$/.test(text.slice(0, at));
    return text.slice(0, digit ? at - 1 : at) + (edit.insert.replace(/[^0-9]/g, '') || '5') + text.slice(at);
  }
  return text.slice(0, at) + edit.insert + text.slice(Math.min(text.length, at + edit.remove));
}

describe('incremental parse: one record re-read', () => {
  it('reads what the whole parse reads: values, every node location, comments and positions', () => {
    let spliced = 0;
    fc.assert(
      fc.property(fc.constantFrom('generated', 'directives', 'noncompliant', 'district'), fc.array(fc.tuple(editArb, modeArb), { minLength: 1, maxLength: 6 }), (base, edits) => {
        let file = parseYaml(BASES[base]!);
        for (const [edit, mode] of edits) {
          const text = apply(file.text, edit, mode);
          const range = changedRange(file.text, text);
          const next = range ? spliceRecord(file, text, range.from, range.oldTo, range.newTo) : undefined;
          const whole = parseYaml(text);
          if (next) {
            spliced++;
            expect(whole.documents).toHaveLength(1);
            const [a, b] = [next.documents[0]!, whole.documents[0]!];
            expect(a.value).toStrictEqual(b.value);
            expect(a.span).toEqual(b.span);
            expect(a.problems).toEqual(b.problems);
            expect(next.comments).toEqual(whole.comments);
            for (const p of [...paths(b.value), ['staff', 9999], ['nope'], ['staff', 0, 'nope', 'deeper']]) expect(a.locate(p)).toEqual(b.locate(p));
            for (let o = 0; o <= text.length; o += 97) expect(next.positions.position(o)).toEqual(whole.positions.position(o));
            expect(next.positions.lineCount).toBe(whole.positions.lineCount);
          }
          file = next ?? whole;
        }
      }),
      { numRuns: 80, seed: 14 },
    );
    // The property is about the re-read path: it must have been taken often.
    expect(spliced).toBeGreaterThan(60);
  }, 180_000);
});

describe('IncrementalChecker: the same result as check() after every edit', () => {
  const run = async (options: CheckOptions, numRuns: number, seed: number) => {
    let record = 0;
    let total = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('generated', 'generated', 'directives', 'directives', ...Object.keys(BASES)), fc.array(fc.tuple(editArb, modeArb), { minLength: 1, maxLength: 8 }), async (base, edits) => {
        const checker = new IncrementalChecker(options);
        let text = BASES[base]!;
        expect(await checker.check(text)).toStrictEqual(await check(text, options));
        for (const [edit, mode] of edits) {
          text = apply(text, edit, mode);
          const incremental = await checker.check(text);
          total++;
          if (checker.lastPath === 'record') record++;
          expect(incremental).toStrictEqual(await check(text, options));
        }
      }),
      { numRuns, seed },
    );
    // The property is about the incremental path: most edits must have taken it.
    expect(record / total).toBeGreaterThan(0.2);
  };

  it('zh-CN, with measurements and contributions (the editor)', async () => {
    await run({ measurements: true, workspace: true }, 80, 41);
  }, 180_000);

  it('en, unused directives reported, a low finding limit', async () => {
    await run({ locale: 'en', reportUnusedDirectives: true, maxFindings: 25 }, 50, 42);
  }, 180_000);

  it('a duplicate staff id made and unmade by editing one record: the findings of a check from scratch, each on its record', async () => {
    const checker = new IncrementalChecker({ locale: 'en' });
    await checker.check(STAFFING);
    /** Gives record `n` (1-based) another id: an edit inside that one record. */
    const setId = (text: string, n: number, id: string) => {
      const lines = text.split('\n');
      const at = lines.map((l, i) => [l, i] as const).filter(([l]) => l.startsWith('  - id: '))[n - 1]![1];
      lines[at] = `  - id: ${id}`;
      return lines.join('\n');
    };
    const lineOf = (text: string, n: number) => text.split('\n').map((l, i) => [l, i + 1] as const).filter(([l]) => l.startsWith('  - id: '))[n - 1]![1];
    const duplicates = (findings: readonly { ruleId: string; range: { start: { line: number; column: number } }; severity: string; message: string }[]) =>
      findings.filter((f) => f.ruleId === 'duplicate-staff-id').map((f) => [f.range.start.line, f.range.start.column, f.severity, f.message]);
    const message = (id: string, first: number) => `Staff id \`${id}\` is used twice: record ${first} already has it. Each staff id must be unique.`;
    const steps: [string, (t: string) => string, (t: string) => unknown[][]][] = [
      ['record 5 takes record 2\'s id', (t) => setId(t, 5, 'T00002'), (t) => [[lineOf(t, 5), 9, 'error', message('T00002', 2)]]],
      ['record 9 takes it too', (t) => setId(t, 9, 'T00002'), (t) => [[lineOf(t, 5), 9, 'error', message('T00002', 2)], [lineOf(t, 9), 9, 'error', message('T00002', 2)]]],
      ['record 2 gives it up: record 5 holds it first', (t) => setId(t, 2, 'T99999'), (t) => [[lineOf(t, 9), 9, 'error', message('T00002', 5)]]],
      ['record 9 gets its own back: no duplicate', (t) => setId(t, 9, 'T00009'), () => []],
      ['record 5 gets its own back', (t) => setId(t, 5, 'T00005'), () => []],
      ['record 2 too: the text as it was', (t) => setId(t, 2, 'T00002'), () => []],
    ];
    let text = STAFFING;
    for (const [, edit, expected] of steps) {
      const next = edit(text);
      expect(next).not.toBe(text);
      text = next;
      const result = await checker.check(text);
      expect(result).toStrictEqual(await check(text, { locale: 'en' }));
      expect(duplicates(result.findings)).toEqual(expected(text));
      expect(checker.lastPath).toBe('record');
    }
    expect(text).toBe(STAFFING);
  });

  it('edits in a comment, in a directive, of the kind, in a second document, beside characters beyond the BMP: what check() gives', async () => {
    const budget = example('noncompliant/budget.yaml');
    const both = `${STAFFING}---\n${budget}`;
    /** Each scenario: a start and edits in turn, with the path each edit must take where it is known. */
    const scenarios: [string, string, [(t: string) => string, CheckPath | undefined][]][] = [
      ['a comment in a record, typed and changed', BASES.directives!, [
        [(t) => t.replace(/(\n {4}role: \w+)/, '$1 # 注释'), undefined],
        [(t) => t.replace('# 注释', '# 注释改'), 'record'],
        [(t) => t.replace('# 注释改', '# 注释改了'), 'record'],
      ]],
      ['a directive: another rule, then no reason', BASES.directives!, [
        [(t) => t.replace('edunorm-disable-next-line teacher-training-hours', 'edunorm-disable-next-line class-teacher-allowance'), 'full'],
        [(t) => t.replace(' -- 进修中', ''), 'full'],
        [(t) => t.replace(/annualSalary: (\d+)/, 'annualSalary: 1$1'), 'record'],
      ]],
      ['the kind changed and back', STAFFING, [
        [(t) => t.replace('kind: Staffing', 'kind: SchoolBudget'), 'full'],
        [(t) => t.replace('kind: SchoolBudget', 'kind: Staffing'), 'full'],
        [(t) => t.replace(/annualSalary: (\d+)/, 'annualSalary: 2$1'), 'record'],
      ]],
      ['two documents: a figure in each', both, [
        [(t) => t.replace(/annualSalary: (\d+)/, 'annualSalary: 1$1'), undefined],
        [(t) => t.replace(/teacherTraining: \d+/, 'teacherTraining: 1'), undefined],
      ]],
      ['a name beyond the BMP before a figure of its record', STAFFING.replace(/(- id: T00003\n {4}name: )\S+/, '$1𠀀😀'), [
        [(t) => t.replace(/(𠀀😀\n(?: {4}.*\n)*? {4}role: )\S+/, '$1teacher # 𠀁'), 'record'],
        [(t) => t.replace('# 𠀁', '# 𠀁𠀂'), 'record'],
      ]],
    ];
    for (const [what, start, edits] of scenarios) {
      const checker = new IncrementalChecker({ measurements: true, workspace: true });
      let text = start;
      await checker.check(text);
      for (const [edit, path] of edits) {
        const next = edit(text);
        expect(next, what).not.toBe(text);
        text = next;
        const result = await checker.check(text);
        expect(result, what).toStrictEqual(await check(text, { measurements: true, workspace: true }));
        if (path) expect(checker.lastPath, what).toBe(path);
      }
    }
  });

  it('equal pay: an establishment teacher\'s salary moves the mean a non-establishment teacher is judged by — findings as check() gives them', async () => {
    const head = 'apiVersion: edunorm/v1\nkind: Staffing\nschool: { code: "130925101", name: 李庄小学, level: primary }\nfiscalYear: 2025\nstaff:\n';
    const person = (id: string, title: string, establishment: boolean, salary: number) =>
      `  - id: ${id}\n    name: 教师${id}\n    role: teacher\n    title: ${title}\n    certified: true\n    inEstablishment: ${establishment}\n    annualSalary: ${salary}\n`;
    let text = head + person('T001', 'first', true, 96000) + person('T002', 'first', true, 100000) + person('T003', 'first', false, 97000) + person('T004', 'second', false, 50000) + person('T005', 'second', true, 60000);
    const checker = new IncrementalChecker({ locale: 'en' });
    const equalPay = (findings: readonly { ruleId: string; range: { start: { line: number } }; message: string }[]) => findings.filter((f) => f.ruleId === 'equal-pay-non-establishment').map((f) => [f.range.start.line, f.message]);
    await checker.check(text);
    // At first T003 (97,000) is below the first-title mean (98,000), T004 (50,000) below the second-title one (60,000).
    const steps: [RegExp, string, number][] = [
      // T001 earns more: the first-title mean rises to 99,000; both are still below.
      [/annualSalary: 96000/, 'annualSalary: 98000', 2],
      // T005 (second title) earns less: the mean is T004's own 50,000, not above it.
      [/annualSalary: 60000/, 'annualSalary: 50000', 1],
      // T001 back: the first-title mean is 98,000 again, T003 still below it.
      [/annualSalary: 98000/, 'annualSalary: 96000', 1],
      // T002 less: the mean falls to 96,500, below T003's salary: no finding.
      [/annualSalary: 100000/, 'annualSalary: 97000', 0],
      // Outside review: a teacher who passed fails when the mean rises again — T002 back to
      // 100,000 (the mean 98,000 again; T003's part, a pass, had been kept unjudged).
      [/annualSalary: 97000/, 'annualSalary: 100000', 1],
      [/annualSalary: 100000/, 'annualSalary: 97000', 0],
      // And as the reviewer found it: T001's salary key mistyped, so the mean is T002's 97,000
      // alone — T003 (97,000) still passes; then T002 earns 99,000 and T003 fails.
      [/annualSalary: 96000/, 'annuaISalary: 96000', 0],
      [/annualSalary: 97000/, 'annualSalary: 99000', 1],
    ];
    for (const [from, to, count] of steps) {
      text = text.replace(from, to);
      const result = await checker.check(text);
      expect(checker.lastPath).toBe('record');
      expect(result).toStrictEqual(await check(text, { locale: 'en' }));
      expect(equalPay(result.findings)).toHaveLength(count);
    }
  });

  it('the result it returns can be changed by the caller without changing the next one', async () => {
    const checker = new IncrementalChecker({});
    const first = await checker.check(STAFFING);
    first.findings.length = 0;
    expect((await checker.check(STAFFING)).findings).toStrictEqual((await check(STAFFING)).findings);
    const edited = STAFFING.replace('annualSalary: ', 'annualSalary: 1');
    expect(await checker.check(edited)).toStrictEqual(await check(edited));
    expect(checker.lastPath).toBe('record');
  });
});

describe('the editor\'s document models: an outline and a classification per version, carried over record edits', () => {
  /** The bases above and the shapes an edit must not confuse: several documents, CRLF, characters beyond the BMP, block scalars. */
  const OUTLINE_BASES: Record<string, string> = {
    ...BASES,
    documents: `${STAFFING}---\n${example('compliant/staffing.yaml')}`,
    crlf: STAFFING.replace(/\n/g, '\r\n'),
    astral: STAFFING.replace(/name: (\S+)/g, 'name: 𠀀$1😀').replace(/role: teacher/, 'role: teacher # 注释 𠀁'),
    block: STAFFING.replace(/\n( {2}- id: T00003\n)/, '\n    notes: |\n      第一行\n      - 不是记录\n$1'),
    declaredLast: `${STAFFING.replace(/^apiVersion: edunorm\/v1\n/m, '')}apiVersion: edunorm/v1\n`,
  };

  it('the same outline as buildOutline and the same verdict as classifyText after every edit, mostly without either', () => {
    let carried = 0;
    let classified = 0;
    let edits = 0;
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(OUTLINE_BASES)), fc.array(fc.tuple(editArb, modeArb), { minLength: 1, maxLength: 8 }), (base, steps) => {
        const models = new DocumentModels();
        let text = OUTLINE_BASES[base]!;
        let version = 1;
        const classify = (t: string) => {
          classified++;
          return classifyText(t) === 'submission';
        };
        let outline = models.outline(TextDocument.create('file:///s.yaml', 'yaml', version, text));
        for (const [edit, mode] of steps) {
          text = apply(text, edit, mode);
          const doc = TextDocument.create('file:///s.yaml', 'yaml', ++version, text);
          const before = outline.documents;
          expect(models.isEdunorm(doc, classify)).toBe(classifyText(text) === 'submission');
          outline = models.outline(doc);
          const whole = buildOutline(text);
          edits++;
          if (outline.documents === before) carried++;
          expect(outline.text).toBe(text);
          expect(outline.documents).toEqual(whole.documents);
          expect(outline.positions.lineCount).toBe(whole.positions.lineCount);
          for (let o = 0; o <= text.length; o += 89) expect(outline.positions.position(o)).toEqual(whole.positions.position(o));
        }
      }),
      { numRuns: 120, seed: 15 },
    );
    // The properties are about the carried-over path: most record edits must take it.
    expect(carried / edits).toBeGreaterThan(0.3);
    expect(classified).toBeLessThan(0.7 * edits);
  }, 180_000);
});
