/**
 * Outside review D: the incremental checker against check() after adversarial edit sequences —
 * typing in a staff line (positions that split characters beyond the BMP), values, comments and
 * directives, indentation, records deleted and doubled, whole documents pasted, the file emptied,
 * YAML broken and made valid again (back to the last readable text) — on generated and example
 * files, CRLF, several documents, a key after the list, a `school:` written as a list. After
 * every edit the result deep-equals check() of the same text: every finding's rule id, range,
 * severity, message, fix and related places, the suppressed ones, measurements, contributions.
 * REVIEWD_SEEDS=300 runs longer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, type CheckOptions } from '../../packages/core/src/check.js';
import { IncrementalChecker } from '../../packages/core/src/incremental-check.js';
import { rng, staffingText, budgetText } from '../../bench/corpus.mjs';
import { EXAMPLES } from '../helpers/paths.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { classifyText } from '../../packages/core/src/classify.js';
import { buildOutline } from '../../packages/core/src/parse/outline.js';
import { DocumentModels } from '../../packages/language-server/src/document-models.js';

const example = (p: string) => readFileSync(join(EXAMPLES, p), 'utf8');
const STAFF = staffingText(rng(3), '99003', '测试学校', 'senior', 30);
const BASES: string[] = [
  STAFF,
  STAFF.replace(/\n/g, '\r\n'),
  STAFF.replace(/name: (\S+)/g, 'name: 𠀀$1😀'),
  STAFF.replace(/id: T00007/, 'id: T00003').replace(/id: T00012/, 'id: T00003'),
  STAFF.replace(/\n( {2}- id: T00005)/, '\n  # edunorm-disable-next-line teacher-training-hours -- 进修中\n$1').replace(/\n( {2}- id: T00009)/, '\n# edunorm-disable class-teacher-allowance -- 批准\n$1').replace(/\n( {2}- id: T00014)/, '\n# edunorm-enable class-teacher-allowance\n$1') + '# 结尾\nnotes: 末尾\n',
  example('noncompliant/staffing.yaml'),
  example('compliant/staffing.yaml'),
  example('compliant/rural-staffing.yaml'),
  example('district/county-2025.yaml'),
  example('county/schools/chengguan-primary/staffing-2025.yaml'),
  example('county/schools/dongzhuang-primary/staffing-2025.yaml'),
  example('county/district-2025.yaml'),
  example('noncompliant/budget.yaml'),
  `${STAFF}---\n${budgetText(rng(4), '99003', '测试学校', 'senior')}`,
  STAFF + 'fiscalYaer: 2025\n',
  STAFF.replace(/annualSalary:/g, (m, i) => (i % 3 ? m : 'annualSalery:')).replace(/classTeacher:/, 'clasTeacher:') + 'notez: 1\n# 尾\n',
  '---\n' + STAFF.replace(/\nstaff:\n/, '\nreferance: 1\nstaff:\n') + '...\n',
  STAFF.replace(/\nreference:\n.*\n.*\n/, '\n').replace(/\n$/, '\nreference:\n  localAvgMonthlyPerformancePay: 3200\n  localCivilServantAvgSalary: 96000\n'),
  STAFF.replace('  level: senior\n', '  level: senior\n  district: "130925"\n'),
  STAFF.replace(/\n/g, '\r\n').replace(/name: (\S+)/g, 'name: 😀$1') + 'fiscalYaer: 1\r\n',
  STAFF.replace('\nstaff:\n', '\n# edunorm-disable class-teacher-allowance -- 县里批准\nstaff:\n') + '# edunorm-enable class-teacher-allowance\n# edunorm-disable teacher-training-hours -- 尾部\n',
  'apiVersion: edunorm/v1\nkind: Staffing\nschool:\n  - code: "130925101"\n  - name: 李庄小学\n  - level: primary\n  - district: "130925"\nfiscalYear: 2025\nreference:\n  - localAvgMonthlyPerformancePay: 3200\n  - localCivilServantAvgSalary: 96000\n  - x: 1\n  - y: 2\n  - z: 3\nstaff:\n  - id: T001\n    name: 王芳\n    role: teacher\n    annualSalary: 90000\n',
  example('district/county-2025.yaml').replace(/\nindicators:\n((?:  .*\n)+)/, (m, body: string) => `\nindicators:\n${body.replace(/^  /gm, '  - ')}`),
  STAFF.split('\nstaff:\n')[0] + '\nstaff:\n' + STAFF.split('\nstaff:\n')[1]!.replace(/(^|\n) {2}/g, '$1'),
  STAFF.replace(/(- id: T000(\d)(\d)\n)/g, (m, a, b, c) => (Number(c) % 4 === 0 ? `${a}    annualSalery: 1\n` : m)),
];
const PIECES = ['0', '7', '12', ' ', '  ', ':', ': ', '- ', '\n', '\r\n', '\r', '\n    ', '\n  - ', '\n  - id: T99999\n    role: teacher\n', '#', '# x', '"', "'", '{', '}', '[', ']', 'true', 'null', '王', '𠀀', '\ud840', '\udc00', '　', '\t', '：', 'role: ', 'classTeacherAllowance: 0', 'annualSalary: 1', '---\n', '...\n', '&a ', '*a', '99999999', '.5', '\uFEFF', '# edunorm-disable-next-line class-teacher-allowance -- 理由\n', '# edunorm-disable-line teacher-training-hours -- 理由', '# edunorm-disable -- r\n', '# edunorm-enable\n', 'kind: SchoolBudget\n', 'apiVersion: edunorm/v2\n', '|\n      文本\n', '>-\n', '~', '!!str ', '? ', '\u2028', '\u0085', '\u00a0'];

const LOCAL = ['0', '9', ' # 注释', ' # 𠀀😀', '𠀀', '王', '"', "'", ' ', '\t', '：', ': x', '\r', '\n    ', '\n      ', '\n    note: 1', '\n    classTeacherAllowance: 0', '\n    annualSalary: 100000', '\n    title: senior', '\n    inEstablishment: false', '\n  ', '\n', '-', '[', '{', '&a', '*a', 'e5', '.0', '\u2028', '\u00a0', '#edunorm-x', ' # edunorm-disable-line class-teacher-allowance -- 理由', '\n    # edunorm-disable-next-line teacher-training-hours -- 理由'];
function local(r: () => number, text: string, history: string[]): string {
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)]!;
  const x = r();
  if (x < 0.25 && history.length) return history[history.length - 1]!;
  const lines = [...text.matchAll(/\n( {4}[^\n]*)/g)];
  if (!lines.length) return edit(r, text);
  const m = pick(lines);
  const lineStart = m.index! + 1;
  const len = m[1]!.length;
  // a UTF-16 position inside the line (may split a surrogate pair)
  const indent = m[1]!.match(/^ */)![0].length;
  const at = lineStart + (r() < 0.9 ? indent : 0) + Math.floor(r() * (len + 1 - (r() < 0.9 ? indent : 0)));
  const remove = r() < 0.6 ? 0 : Math.floor(r() * 4);
  const end = Math.min(lineStart + len, at + remove);
  const benign = ['0', '9', '12', ' # 注释', ' # 𠀀😀', '𠀀', '王', 'x', '\n    note: 1', '\n    classTeacherAllowance: 0', '\n    annualSalary: 100000', '\n    title: senior', '\n    inEstablishment: false', '\n    role: management', '\n    certified: false'];
  return text.slice(0, at) + (r() < 0.2 ? '' : r() < 0.7 ? pick(benign) : pick(LOCAL)) + text.slice(end);
}
function edit(r: () => number, text: string): string {
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)]!;
  const mode = Math.floor(r() * 8);
  const at = Math.floor(r() * (text.length + 1));
  const lines = text.split('\n');
  const li = Math.floor(r() * lines.length);
  switch (mode) {
    case 0: case 1: {
      const n = r() < 0.5 ? 0 : Math.floor(r() * 6);
      const ins = r() < 0.3 ? '' : Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(PIECES)).join('');
      return text.slice(0, at) + ins + text.slice(at + n);
    }
    case 2: { // a digit in a number
      const m = [...text.matchAll(/\d+/g)];
      if (!m.length) return text;
      const x = pick(m);
      const p = x.index! + Math.floor(r() * x[0].length);
      return text.slice(0, p) + pick(['0', '9', '', '00', '5']) + text.slice(p + 1);
    }
    case 3: { // indentation
      lines[li] = r() < 0.5 ? ' ' + lines[li] : lines[li]!.replace(/^ /, '');
      return lines.join('\n');
    }
    case 4: { // delete or duplicate a record (lines from a "- " line to the next)
      const starts = lines.map((l, i) => [l, i] as const).filter(([l]) => /^\s*- /.test(l)).map(([, i]) => i);
      if (!starts.length) return text;
      const k = Math.floor(r() * starts.length);
      const s = starts[k]!;
      const e = starts[k + 1] ?? s + 1;
      const block = lines.slice(s, e);
      if (r() < 0.5) lines.splice(s, e - s);
      else lines.splice(e, 0, ...block);
      return lines.join('\n');
    }
    case 5: { // a line replaced by another line of the text
      lines[li] = pick(lines);
      return lines.join('\n');
    }
    case 6: { // whole other document pasted / file emptied
      const x = r();
      if (x < 0.2) return '';
      if (x < 0.5) return pick(BASES);
      return text.slice(0, at) + pick(BASES) + text.slice(at);
    }
    default: { // a value
      const m = [...text.matchAll(/: ([^\n]*)/g)];
      if (!m.length) return text;
      const x = pick(m);
      const s = x.index! + 2;
      return text.slice(0, s) + pick(['true', 'false', 'teacher', '0', '1200', '-1', 'abc', '"5"', 'senior', '2030', '王芳', '', 'null', '1e3', '0x10', '[]', '{}']) + text.slice(s + x[1]!.length);
    }
  }
}

function knownEditOf(before: string, after: string) {
  let from = 0;
  while (from < before.length && from < after.length && before[from] === after[from]) from++;
  let tail = 0;
  while (tail < before.length - from && tail < after.length - from && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  return { previous: before, from, oldTo: before.length - tail, newTo: after.length - tail };
}

export const counts = { record: 0, total: 0 };
async function runSeed(seed: number, options: CheckOptions, steps: number, known: boolean, localShare = 0.85) {
  const r = rng(seed);
  const checker = new IncrementalChecker(options);
  let text = BASES[seed % BASES.length]!;
  await checker.check(text);
  const history: string[] = [text];
  for (let s = 0; s < steps; s++) {
    const next = r() < localShare ? local(r, text, history) : edit(r, text);

    const e = known ? knownEditOf(text, next) : undefined;
    const got = await checker.check(next, e);
    const want = await check(next, options);
    try {
      expect(got).toStrictEqual(want);
    } catch (error) {
      throw new Error(`seed ${seed} step ${s} path ${checker.lastPath}\nBEFORE ${JSON.stringify(text)}\nAFTER ${JSON.stringify(next)}\n${(error as Error).message.slice(0, 3000)}`);
    }
    if ((checker as unknown as { state?: { file?: unknown } }).state?.file) history.push(next);
    if (checker.lastPath === 'record') counts.record++;
    counts.total++;
    text = next;
  }
}

describe('review D fuzz', () => {
  const N = Number(process.env.REVIEWD_SEEDS ?? 16);
  it('zh, editor options', async () => {
    for (let seed = 1; seed <= N; seed++) await runSeed(seed, { measurements: true, workspace: true }, 25, seed % 2 === 0);
  }, 600_000);
  it('en, unused directives', async () => {
    for (let seed = 1000; seed < 1000 + N; seed++) await runSeed(seed, { locale: 'en', reportUnusedDirectives: true, measurements: true, workspace: true }, 25, seed % 2 === 1);
  }, 600_000);
  it('a low finding limit', async () => {
    for (let seed = 2000; seed < 2000 + N / 2; seed++) await runSeed(seed, { locale: 'en', maxFindings: 8 + (seed % 5) * 7, measurements: true }, 25, seed % 2 === 1);
  }, 600_000);
  it('document models: the outline and classification of the text as it is', () => {
    for (let seed = 3000; seed < 3000 + N; seed++) {
      const r = rng(seed);
      const models = new DocumentModels();
      let text = BASES[seed % BASES.length]!;
      let version = 1;
      models.outline(TextDocument.create('file:///m.yaml', 'yaml', version, text));
      const history: string[] = [text];
      for (let s = 0; s < 25; s++) {
        text = r() < 0.85 ? local(r, text, history) : edit(r, text);
        history.push(text);
        const doc = TextDocument.create('file:///m.yaml', 'yaml', ++version, text);
        expect(models.isEdunorm(doc, (t) => classifyText(t) === 'submission'), `seed ${seed} step ${s} ${JSON.stringify(text)}`).toBe(classifyText(text) === 'submission');
        const outline = models.outline(doc);
        expect(outline.documents, `seed ${seed} step ${s}`).toEqual(buildOutline(text).documents);
      }
    }
  }, 600_000);
  it('took the record path often', () => {
    // The comparison is about the incremental path: a good share of the edits must have taken it.
    if (counts.total > 0) expect(counts.record / counts.total).toBeGreaterThan(0.08);
  });
});
