/**
 * Hostile inputs through `check()`: it never throws, answers quickly, and every problem is a
 * located finding a user can act on. (The same inputs go through the CLI in cli.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { check, DEFAULT_MAX_FILE_BYTES, type CheckOptions, type CheckResult } from '../../packages/core/src/index.js';
import { brief, resultProblems } from '../helpers/findings.js';
import {
  aliasBomb,
  blockAliasBomb,
  budget,
  deepBlockMap,
  deepBlockSeq,
  deepFlowMap,
  deepFlowSeq,
  ODD_NUMBERS,
  PROTO_DOCUMENTS,
  prototypeSnapshot,
  seededBytes,
  staffing,
  YAML11_BOOLEANS,
} from './inputs.js';

/** Checks a text, asserting the invariants every result has, and how long it took. */
async function checked(text: string, options: CheckOptions = {}): Promise<CheckResult & { ms: number }> {
  const t0 = performance.now();
  const result = await check(text, { locale: 'en', ...options });
  const ms = performance.now() - t0;
  expect(resultProblems(text, result)).toEqual([]);
  return { ...result, ms };
}

const ids = (r: CheckResult) => r.findings.map(brief);

describe('alias bombs', () => {
  it('billion laughs (flow) is capped and reported as yaml/alias-limit, quickly', async () => {
    const r = await checked(aliasBomb());
    expect(r.findings.map((f) => f.ruleId)).toContain('yaml/alias-limit');
    expect(r.findings.find((f) => f.ruleId === 'yaml/alias-limit')!.severity).toBe('error');
    expect(r.ms).toBeLessThan(2_000);
  });

  it('the same in block style, aliased into a field edunorm reads', async () => {
    const r = await checked(blockAliasBomb());
    expect(r.findings.map((f) => f.ruleId)).toContain('yaml/alias-limit');
    expect(r.ms).toBeLessThan(2_000);
  });

  it('a bomb in one document leaves the other documents checked', async () => {
    const r = await checked(`${aliasBomb()}---\n${budget(4800000, 1000)}`);
    expect(r.findings.map((f) => f.ruleId)).toContain('yaml/alias-limit');
    const norm = r.findings.find((f) => f.ruleId === 'teacher-training-funds');
    expect(norm?.documentIndex).toBe(1);
  });
});

describe('10,000-deep nesting', () => {
  for (const [name, make, line] of [
    ['flow sequences', deepFlowSeq, 3],
    ['flow mappings', deepFlowMap, 3],
    ['block sequences', deepBlockSeq, 4],
  ] as const) {
    it(`${name}: no exception, one located error, in time`, async () => {
      const r = await checked(make());
      const errors = r.findings.filter((f) => f.severity === 'error');
      expect(errors.length).toBeGreaterThan(0);
      expect(errors[0]!.range.start.line).toBe(line);
      expect(r.ms).toBeLessThan(5_000);
    });
  }

  it('block mappings 10,000 deep (50 MB, with the size limit raised): no exception', async () => {
    const text = deepBlockMap();
    const r = await checked(text, { maxFileBytes: text.length + 1 });
    expect(r.isEdunorm).toBe(true);
    expect(r.findings.length).toBeGreaterThan(0);
    expect(r.ms).toBeLessThan(20_000);
  }, 60_000);
});

describe('__proto__, constructor and prototype keys', () => {
  for (const [name, text] of Object.entries(PROTO_DOCUMENTS)) {
    it(`${name}: read as plain keys, Object.prototype untouched`, async () => {
      const before = prototypeSnapshot();
      const r = await checked(text);
      expect(prototypeSnapshot()).toEqual(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
      expect(r.isEdunorm).toBe(true);
      expect(r.findings.length).toBeGreaterThan(0);
    });
  }

  it('an own __proto__ key is an unknown key on its line, and does not make school.level read as senior', async () => {
    const r = await checked(PROTO_DOCUMENTS['inside school']!);
    expect(ids(r)).toEqual(['schema/unknown-key@7:3', 'schema/unknown-key@10:3', 'schema/unknown-key@13:3']);
    // `__proto__: { level: senior }` would make the school a senior school if it became the
    // prototype; as junior it must still be checked against the 5% training norm.
    const low = await checked(PROTO_DOCUMENTS['inside school']!.replace('teacherTraining: 240000', 'teacherTraining: 1000'));
    expect(low.findings.map((f) => f.ruleId)).toContain('teacher-training-funds');
  });

  it('staff ids __proto__ twice are a duplicate like any other', async () => {
    const r = await checked(PROTO_DOCUMENTS['staff records']!);
    expect(ids(r)).toContain('duplicate-staff-id@16:11');
    expect(ids(r)).toContain('schema/enum@3:38');
  });
});

describe('byte-order mark and line endings', () => {
  const text = budget(4800000, 1000);
  const variants: [string, string][] = [
    ['LF', text],
    ['CRLF', text.replace(/\n/g, '\r\n')],
    ['BOM', `\uFEFF${text}`],
    ['BOM + CRLF', `\uFEFF${text.replace(/\n/g, '\r\n')}`],
    // An anchor sends the text to the full YAML parser instead of the fast path.
    ['CRLF, full parser', `${text.replace('fiscalYear: 2025', 'fiscalYear: &y 2025')}`.replace(/\n/g, '\r\n')],
    ['BOM + CRLF, full parser', `\uFEFF${text.replace('fiscalYear: 2025', 'fiscalYear: &y 2025')}`.replace(/\n/g, '\r\n')],
  ];
  for (const [name, variant] of variants) {
    it(`${name}: the finding is on line 10, column 20, and its offsets cover the value`, async () => {
      const r = await checked(variant);
      expect(r.isEdunorm).toBe(true);
      expect(ids(r)).toEqual(['teacher-training-funds@10:20']);
      const f = r.findings[0]!;
      expect(variant.slice(f.range.start.offset, f.range.end.offset)).toBe('1000');
      expect(f.range.end.column).toBe(24);
      expect(f.fix && variant.slice(f.fix.range.start.offset, f.fix.range.end.offset)).toBe('1000');
    });
  }

  it('two BOMs: only the first is a byte-order mark, the second is a character of line 1', async () => {
    const r = await checked(`\uFEFF\uFEFF${text}`);
    expect(r.isEdunorm).toBe(true);
    expect(r.findings.length).toBeGreaterThan(0);
  });

  it('BOM: a finding on line 1 has the column the user sees', async () => {
    for (const eol of ['\n', '\r\n']) {
      const r = await checked(`\uFEFFapiVersion: edunorm/v2${eol}kind: SchoolBudget${eol}`);
      expect(r.findings.map((f) => `${brief(f)}-${f.range.end.column}`)).toEqual(['schema/api-version@1:13-23']);
    }
  });

  it('CRLF: duplicate keys and syntax errors are located too', async () => {
    const dup = await checked(budget(4800000, 240000, 'fiscalYear: 2024\n').replace(/\n/g, '\r\n'));
    expect(ids(dup)).toEqual(['yaml/duplicate-key@11:1']);
    const syntax = await checked(budget(4800000, 240000).replace('  name: 第八中学', '  name: "第八中学').replace(/\n/g, '\r\n'));
    expect(syntax.findings[0]!.ruleId).toBe('yaml/syntax');
    expect(syntax.findings[0]!.range.start.line).toBeGreaterThanOrEqual(5);
  });
});

describe('odd bytes and near-empty files', () => {
  it('invalid UTF-8 (a GBK-encoded name, decoded with replacement characters): checked, no exception', async () => {
    const bytes = Buffer.concat([Buffer.from(budget(4800000, 1000).split('第八中学')[0]!), Buffer.from([0xb5, 0xda, 0xb0, 0xcb, 0xd6, 0xd0, 0xd1, 0xa7]), Buffer.from(budget(4800000, 1000).split('第八中学')[1]!)]);
    const r = await checked(bytes.toString('utf8'));
    expect(ids(r)).toEqual(['teacher-training-funds@10:20']);
  });

  it('random binary (seeded), alone and after an edunorm header: no exception, in time', async () => {
    for (let seed = 1; seed <= 20; seed++) {
      const junk = seededBytes(seed, 4096).toString('latin1');
      const alone = await checked(junk);
      expect(alone.ms).toBeLessThan(2_000);
      const headed = await checked(`apiVersion: edunorm/v1\nkind: Staffing\n${junk}`);
      expect(headed.isEdunorm).toBe(true);
      expect(headed.findings.length, `seed ${seed}`).toBeGreaterThan(0);
      const utf8 = await checked(`apiVersion: edunorm/v1\n${seededBytes(seed, 4096).toString('utf8')}`);
      expect(utf8.isEdunorm).toBe(true);
    }
  });

  it('lone surrogates and NUL characters in values: checked normally', async () => {
    const r = await checked(budget(4800000, 1000).replace('第八中学', '\uD800x\uDFFF\u0000y'));
    expect(ids(r)).toEqual(['teacher-training-funds@10:20']);
  });

  it('empty, whitespace-only, comment-only and `---`-only files are not edunorm files: no findings', async () => {
    for (const text of ['', '\n\n', '   \t\n', '\uFEFF', '# 说明\n# apiVersion: edunorm/v1\n', '---\n', '---\n...\n---\n', '\uFEFF---\r\n']) {
      expect(await checked(text), JSON.stringify(text)).toMatchObject({ isEdunorm: false, findings: [], documents: [] });
    }
  });

  it('a lone scalar document: not ours when it does not declare edunorm, one finding when it looks like it does', async () => {
    expect((await checked('42\n')).isEdunorm).toBe(false);
    expect((await checked('hello world\n')).isEdunorm).toBe(false);
    expect(ids(await checked('"apiVersion: edunorm/v1"\n'))).toEqual(['schema/not-a-mapping@1:1']);
    expect(ids(await checked('apiVersion: edunorm/v1\nkind: SchoolBudget\n---\nhello\n'))).toContain('schema/not-a-mapping@4:1');
  });

  it('an edunorm header followed by `---` only: the empty document is no finding, the header is checked', async () => {
    const r = await checked('apiVersion: edunorm/v1\nkind: SchoolBudget\n---\n');
    expect(r.findings.map((f) => f.ruleId)).toContain('schema/required');
    expect(r.findings.every((f) => f.documentIndex === 0)).toBe(true);
  });
});

describe('duplicate keys', () => {
  const cases: [string, string, string][] = [
    ['top level', budget(4800000, 240000, 'fiscalYear: 2024\n'), 'yaml/duplicate-key@11:1'],
    ['inside school', budget(4800000, 240000).replace('  level: junior\n', '  level: junior\n  level: senior\n'), 'yaml/duplicate-key@7:3'],
    ['inside budget', budget(4800000, 240000, '  teacherTraining: 1\n'), 'yaml/duplicate-key@11:3'],
    ['in a flow map', `${budget(4800000, 240000)}performancePay: { multiplier: 1.1, multiplier: 9 }\n`, 'yaml/duplicate-key@11:36'],
    ['in a staff record', staffing('true', '    classTeacher: false\n'), 'yaml/duplicate-key@11:5'],
    ['quoted and plain spellings of one key', budget(4800000, 240000, '"fiscalYear": 2024\n'), 'yaml/duplicate-key@11:1'],
  ];
  for (const [name, text, expected] of cases) {
    it(`${name}: a located error on the second key`, async () => {
      const r = await checked(text);
      expect(ids(r)).toContain(expected);
      expect(r.findings.find((f) => f.ruleId === 'yaml/duplicate-key')!.severity).toBe('error');
    });
  }
});

describe('numbers YAML reads differently from what a form means', () => {
  for (const [written, ruleId] of ODD_NUMBERS) {
    it(`publicFunds: ${written} → ${ruleId} on its value, never a silent pass`, async () => {
      const r = await checked(budget(written, 240000));
      expect(ids(r)).toContain(`${ruleId}@9:16`);
      const f = r.findings.find((x) => x.ruleId === ruleId)!;
      expect(f.severity).toBe('error');
      expect(f.message).toContain(written);
      expect(f.message).not.toMatch(/\bnull\b/);
    });
  }

  it('teacherTraining: .inf does not pass the 5% norm: the document has an error', async () => {
    for (const v of ['.inf', '1e309', '.nan']) {
      const r = await checked(budget(4800000, v));
      expect(ids(r), v).toEqual(['schema/type@10:20']);
    }
  });

  it('hexadecimal, octal and leading-zero numbers get a fix to the decimal value', async () => {
    for (const [written, value] of [
      ['0x10', '16'],
      ['0o17', '15'],
      ['017', '17'],
    ]) {
      const r = await checked(budget(4800000, written));
      const f = r.findings.find((x) => x.ruleId === 'schema/number-format');
      expect(f?.fix?.newText, written).toBe(value);
      expect(brief(f!)).toBe('schema/number-format@10:20');
    }
  });

  it('plain decimals, signs, decimals and exponents are fine', async () => {
    for (const v of ['240000', '+240000', '240000.0', '2.4e5', '0', '0.0']) {
      const r = await checked(budget(4800000, v));
      expect(r.findings.filter((f) => f.ruleId.startsWith('schema/')), v).toEqual([]);
    }
  });

  for (const [written, meant] of YAML11_BOOLEANS) {
    it(`classTeacher: ${written} is a type error with a fix to ${meant}, not false or absent`, async () => {
      const r = await checked(staffing(written));
      const f = r.findings.find((x) => x.ruleId === 'schema/type');
      expect(f && brief(f)).toBe('schema/type@9:19');
      expect(f!.severity).toBe('error');
      expect(f!.fix?.newText).toBe(meant);
    });
  }

  it('YAML 1.1 booleans and special floats in a rate are errors', async () => {
    const district = (v: string) =>
      `apiVersion: edunorm/v1\nkind: DistrictIndicators\ndistrict: { code: "130900", name: xxx市, type: city }\nyear: 2025\nindicators:\n  compulsoryRetentionRate: ${v}\n`;
    for (const v of ['yes', '.inf', '.nan', '0x1']) {
      const r = await checked(district(v));
      expect(r.findings.filter((f) => f.severity === 'error').map(brief), v).toEqual([expect.stringMatching(/^schema\/(type|number-format)@6:28$/)]);
    }
  });
});

describe('size limit', () => {
  it(`texts above maxFileBytes (default ${DEFAULT_MAX_FILE_BYTES} bytes) get file/too-large and are not parsed`, async () => {
    const small = budget(4800000, 1000);
    const r = await checked(small, { maxFileBytes: 100 });
    expect(r.findings.map((f) => `${brief(f)}:${f.severity}`)).toEqual(['file/too-large@1:1:error']);
    expect(r.findings[0]!.message).toMatch(/limit/);
    // check() serves the page and the editor, which cannot raise the limit: splitting is the advice, nothing else.
    expect(r.findings[0]!.message).not.toMatch(/raise/);
    const zh = await check(small, { maxFileBytes: 100, locale: 'zh-CN' });
    expect(zh.findings[0]!.message).toMatch(/请按学校拆分成多个文件。$/);
    expect(zh.findings[0]!.message).not.toMatch(/调高/);
    // Bytes are UTF-8 bytes: the Chinese name counts three per character.
    const bytes = Buffer.byteLength(small);
    expect((await checked(small, { maxFileBytes: bytes })).findings.map((f) => f.ruleId)).toEqual(['teacher-training-funds']);
    expect((await checked(small, { maxFileBytes: bytes - 1 })).findings.map((f) => f.ruleId)).toEqual(['file/too-large']);
    // A large text that is not an edunorm file is still not ours.
    expect((await checked('x'.repeat(200), { maxFileBytes: 100 })).isEdunorm).toBe(false);
  });

  it('the default limit applies without options', async () => {
    const big = budget(4800000, 1000, `# ${'x'.repeat(DEFAULT_MAX_FILE_BYTES)}\n`);
    const r = await checked(big);
    expect(r.findings.map((f) => f.ruleId)).toEqual(['file/too-large']);
    expect(r.ms).toBeLessThan(2_000);
  });

  it('a flood of findings is capped: file/too-many-findings, bounded time', async () => {
    const text = `apiVersion: edunorm/v1\nkind: Staffing\nschool: { code: "1", name: x, level: junior }\nfiscalYear: 2025\nstaff:\n${'  - {}\n'.repeat(50_000)}`;
    const r = await checked(text, { maxFindings: 1000 });
    expect(r.findings).toHaveLength(1001);
    expect(brief(r.findings[0]!)).toBe('file/too-many-findings@1:1');
    expect(Number(/about (\d+) more/.exec(r.findings[0]!.message)?.[1])).toBeGreaterThan(100_000);
    expect(r.ms).toBeLessThan(10_000);
  });
});
