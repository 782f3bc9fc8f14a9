/**
 * Issue 15 item 3: the YAML mistakes of people typing Chinese, each on its real line and
 * column, in Chinese, with the fix: full-width colon, tab or U+3000 indentation, full-width
 * digits, an unclosed quote, a date where a year belongs.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../packages/core/src/index.js';

const staffing = (lines: Record<number, string> = {}) => {
  const base = [
    'apiVersion: edunorm/v1',
    'kind: Staffing',
    'school:',
    '  code: "130902101"',
    '  name: 李庄小学',
    '  level: primary',
    'fiscalYear: 2025',
    'reference:',
    '  localAvgMonthlyPerformancePay: 3200',
    '  localCivilServantAvgSalary: 96000',
    'staff:',
    '  - id: T001',
    '    name: 张老师',
    '    role: teacher',
    '    hiredYear: 2010',
  ];
  for (const [n, text] of Object.entries(lines)) base[Number(n) - 1] = text;
  return `${base.join('\n')}\n`;
};

const at = async (text: string, locale: 'zh-CN' | 'en' = 'zh-CN') => {
  const r = await check(text, { locale });
  return r.findings.map((f) => ({ id: f.ruleId, at: `${f.range.start.line}:${f.range.start.column}`, message: f.message, fix: f.fix ? `${f.fix.range.start.line}:${f.fix.range.start.column}-${f.fix.range.end.column} ${JSON.stringify(f.fix.newText)}` : undefined }));
};

describe('YAML mistakes explained where they are', () => {
  it('a full-width colon: on its line and column, in Chinese, with the corrected line and a fix', async () => {
    const f = await at(staffing({ 5: '  name：李庄小学' }));
    expect(f).toEqual([{ id: 'yaml/syntax', at: '5:7', message: expect.stringContaining('全角冒号'), fix: '5:7-8 ": "' }]);
    expect(f[0]!.message).toContain('应写成 `name: 李庄小学`');
    expect((await at(staffing({ 5: '  name：李庄小学' }), 'en'))[0]!.message).toMatch(/full-width colon/);
  });

  it('indentation with the full-width space U+3000: on that line (not lines below), in Chinese', async () => {
    const f = await at(staffing({ 5: '\u3000\u3000name: 李庄小学' }));
    expect(f.map((x) => x.at)).toEqual(['5:1']);
    expect(f[0]!.message).toContain('全角空格(U+3000)');
  });

  it('indentation with a tab: on that line and column', async () => {
    const f = await at(staffing({ 13: '  \tname: 张老师' }));
    expect(f.map((x) => `${x.id}@${x.at}`)).toEqual(['yaml/syntax@13:3']);
    expect(f[0]!.message).toContain('制表符');
  });

  it('an unclosed quote: at the opening quote, with the fix closing it at the line end', async () => {
    const f = await at(staffing({ 4: '  code: "130902101' }));
    expect(f[0]).toEqual({ id: 'yaml/syntax', at: '4:9', message: expect.stringContaining('引号 " 没有闭合'), fix: '4:19-19 "\\""' });
  });

  it('full-width digits in a number: named as such, with the ASCII figure as the fix', async () => {
    const f = await at(staffing({ 7: 'fiscalYear: ２０２５' }));
    expect(f.map((x) => `${x.id}@${x.at}`)).toEqual(['schema/type@7:13']);
    expect(f[0]!.message).toContain('全角数字');
    expect(f[0]!.message).toContain('应写成 2025');
    expect(f[0]!.fix).toBe('7:13-17 "2025"');
  });

  it('a date where a year belongs: says it takes a year, with the year as the fix', async () => {
    const f = await at(staffing({ 15: '    hiredYear: 2005-09-01' }));
    expect(f.map((x) => `${x.id}@${x.at}`)).toEqual(['schema/type@15:16']);
    expect(f[0]!.message).toContain('只填年份');
    expect(f[0]!.fix).toBe('15:16-26 "2005"');
  });

  it('a full-width colon inside a valid value is text, not a mistake', async () => {
    expect(await at(staffing({ 13: '    name: 张老师：班主任' }))).toEqual([]);
  });
});

/**
 * Outside review: three YAML problems told wrongly. An alias without its anchor was called an
 * alias bomb at 1:1; an unclosed `{` or `[` was an indentation error on the next line (and in
 * English the parser's own words); a duplicate key did not say which key, where it was first
 * written, or which value the check used.
 */
describe('YAML problems told at their place, naming what is wrong', () => {
  const budget = (lines: Record<number, string | string[]> = {}) => {
    const base: (string | string[])[] = [
      'apiVersion: edunorm/v1',
      'kind: SchoolBudget',
      'school:',
      '  code: "130902008"',
      '  name: 第八中学',
      '  level: junior',
      'fiscalYear: 2025',
      'budget:',
      '  publicFunds: 4800000',
      '  teacherTraining: 264000',
    ];
    for (const [n, text] of Object.entries(lines)) base[Number(n) - 1] = text;
    return `${base.flat().join('\n')}\n`;
  };
  /** Every finding as id, severity, line:column and message, in both languages. */
  const both = async (text: string) => {
    const run = async (locale: 'zh-CN' | 'en') => (await check(text, { locale })).findings.map((f) => ({ id: f.ruleId, severity: f.severity, at: `${f.range.start.line}:${f.range.start.column}`, message: f.message }));
    const [zh, en] = [await run('zh-CN'), await run('en')];
    return zh.map((f, i) => ({ ...f, en: en[i]!.message }));
  };

  it('an alias without an anchor: at the alias, named, not an alias bomb', async () => {
    expect(await both(budget({ 8: 'budget: *nope', 9: [], 10: [] }))).toEqual([
      {
        id: 'yaml/syntax',
        severity: 'error',
        at: '8:9',
        message: '别名 *nope 没有对应的锚点 &nope:请删去 *nope,直接写出数值。',
        en: 'The alias *nope has no anchor &nope: remove *nope and write the value itself.',
      },
    ]);
  });

  it('an alias without an anchor in a document otherwise valid: a full-width colon in a value stays text', async () => {
    const findings = await both(budget({ 5: '  name: 第八中学：初中部', 7: 'fiscalYear: *year' }));
    expect(findings.map((f) => `${f.id}@${f.at} ${f.message}`)).toEqual(['yaml/syntax@7:13 别名 *year 没有对应的锚点 &year:请删去 *year,直接写出数值。']);
  });

  it('an alias whose anchor comes after it: says so, with the anchor’s line', async () => {
    expect(await both(budget({ 9: '  publicFunds: *pf', 10: '  teacherTraining: &pf 264000' }))).toEqual([
      {
        id: 'yaml/syntax',
        severity: 'error',
        at: '9:16',
        message: '别名 *pf 引用的锚点 &pf 写在它后面(第 10 行):别名只能引用前面已写过的锚点。请删去 *pf,直接写出数值。',
        en: 'The alias *pf refers to the anchor &pf, which comes after it (line 10): an alias can only refer to an anchor written before it. Remove *pf and write the value itself.',
      },
    ]);
  });

  it('a real alias bomb is still yaml/alias-limit', async () => {
    const bomb = `apiVersion: edunorm/v1\nkind: SchoolBudget\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n`;
    expect(await both(bomb)).toEqual([
      {
        id: 'yaml/alias-limit',
        severity: 'error',
        at: '1:1',
        message: 'YAML 别名(*引用)展开过多,已停止读取此文档(可能是恶意的“别名炸弹”)。请直接写出数值。',
        en: 'Too many YAML alias expansions; this document was not read (possibly an alias bomb). Write the values out.',
      },
    ]);
  });

  it('an unclosed { : at the bracket on its own line, in both languages, with the fix closing it', async () => {
    const text = budget({ 3: 'school: { code: "1", name: 小学, level: primary', 4: [], 5: [], 6: [] });
    expect(await both(text)).toEqual([
      {
        id: 'yaml/syntax',
        severity: 'error',
        at: '3:9',
        message: '第 3 行的花括号 { 没有闭合:请在这一行末尾补上 }。',
        en: 'The brace { opened on line 3 is not closed: add } at the end of this line.',
      },
    ]);
    const f = (await check(text, { locale: 'zh-CN' })).findings[0]!;
    expect(f.fix).toMatchObject({ newText: '}', range: { start: { line: 3, column: 46 }, end: { line: 3, column: 46 } } });
    const fixed = `${text.slice(0, text.indexOf('primary') + 7)}}${text.slice(text.indexOf('primary') + 7)}`;
    expect((await check(fixed)).findings.filter((x) => x.ruleId.startsWith('yaml/'))).toEqual([]);
  });

  it('an unclosed [ : 方括号, at the bracket', async () => {
    expect(await both(budget({ 3: 'school: [1, 2', 4: [], 5: [], 6: [] }))).toEqual([
      { id: 'yaml/syntax', severity: 'error', at: '3:9', message: '第 3 行的方括号 [ 没有闭合:请在这一行末尾补上 ]。', en: 'The bracket [ opened on line 3 is not closed: add ] at the end of this line.' },
    ]);
  });

  it('brackets inside one another, over two lines, or ended by the wrong one: where the closing bracket belongs', async () => {
    const at = async (line: string | string[]) => (await both(budget({ 3: line, 4: [], 5: [], 6: [] }))).map((f) => `${f.at} ${f.message} | ${f.en}`);
    expect(await at('school: { code: "1", levels: [1, 2 }')).toEqual(['3:30 第 3 行的方括号 [ 没有闭合:请在 `2` 后面补上 ]。 | The bracket [ opened on line 3 is not closed: add ] after `2`.']);
    expect(await at(['school: { code: "1",', '  level: primary'])).toEqual(['3:9 第 3 行的花括号 { 没有闭合:请在第 4 行末尾补上 }。 | The brace { opened on line 3 is not closed: add } at the end of line 4.']);
    expect(await at('school: { code: "1", level: primary ]')).toEqual(['3:9 第 3 行的花括号 { 没有闭合:结尾的 ] 应改成 }。 | The brace { opened on line 3 is not closed: the ] that ends it should be }.']);
  });

  it('a duplicate key: named, with the line of its first occurrence, and the value the check uses (the last)', async () => {
    const findings = await both(budget({ 9: ['  publicFunds: 1', '  publicFunds: 2'] }));
    expect(findings[0]).toEqual({
      id: 'yaml/duplicate-key',
      severity: 'error',
      at: '10:3',
      message: '字段 publicFunds 在第 9 行已写过一次(这里是第 10 行);只能保留一个,请删去多余的一行。现在检查用的是最后写的值(第 10 行)。',
      en: 'The key publicFunds is already written on line 9 (this is line 10); keep only one: delete the extra line. The check now uses the value written last (line 10).',
    });
    // The value checked is the last one (2 yuan), and its findings point at it, not at the first.
    expect(findings.find((f) => f.id === 'plausibility/public-funds-in-wan')).toMatchObject({ at: '10:16', message: expect.stringContaining('只有 2 元') });
  });

  it('a duplicate key inside school: named too', async () => {
    expect(await both(budget({ 4: ['  code: "130902008"', '  code: "130902009"'] }))).toEqual([
      {
        id: 'yaml/duplicate-key',
        severity: 'error',
        at: '5:3',
        message: '字段 code 在第 4 行已写过一次(这里是第 5 行);只能保留一个,请删去多余的一行。现在检查用的是最后写的值(第 5 行)。',
        en: 'The key code is already written on line 4 (this is line 5); keep only one: delete the extra line. The check now uses the value written last (line 5).',
      },
    ]);
  });

  it('a key written three times, in a flow map, or with a block value; no "value used" when the document is not read', async () => {
    const messages = async (text: string) => (await both(text)).filter((f) => f.id === 'yaml/duplicate-key').map((f) => `${f.at} ${f.message} | ${f.en}`);
    expect(await messages(budget({ 10: ['  teacherTraining: 1', '  teacherTraining: 2', '  teacherTraining: 264000'] }))).toEqual([
      '11:3 字段 teacherTraining 在第 10 行已写过一次(这里是第 11 行);只能保留一个,请删去多余的一行。现在检查用的是最后写的值(第 12 行)。 | The key teacherTraining is already written on line 10 (this is line 11); keep only one: delete the extra line. The check now uses the value written last (line 12).',
      '12:3 字段 teacherTraining 在前面已写过 2 次(第一次在第 10 行,这里是第 12 行);只能保留一个,请删去多余的一行。现在检查用的是最后写的值(第 12 行)。 | The key teacherTraining is already written 2 times before (first on line 10; this is line 12); keep only one: delete the extra line. The check now uses the value written last (line 12).',
    ]);
    expect(await messages(budget({ 8: 'budget: { publicFunds: 1, publicFunds: 4800000, teacherTraining: 264000 }', 9: [], 10: [] }))).toEqual([
      '8:27 字段 publicFunds 在这一行前面已写过一次;只能保留一个,请删去多余的那一项。现在检查用的是最后写的值。 | The key publicFunds is already written earlier on this line; keep only one: delete the extra entry. The check now uses the value written last.',
    ]);
    expect(await messages(budget({ 10: ['  teacherTraining: 264000', 'budget:', '  publicFunds: 1'] }))).toEqual([
      '11:1 字段 budget 在第 8 行已写过一次(这里是第 11 行);只能保留一个,请删去多余的那一项(连同它下面缩进的各行)。现在检查用的是最后写的值(第 11 行)。 | The key budget is already written on line 8 (this is line 11); keep only one: delete the extra entry (with the indented lines below it). The check now uses the value written last (line 11).',
    ]);
    // With a syntax error too the document is not read: no value is used, and none is named.
    expect(await messages(budget({ 4: ['  code: "1"', '  code: "2"'], 7: 'fiscalYear: [2025' }))).toEqual([
      '5:3 字段 code 在第 4 行已写过一次(这里是第 5 行);只能保留一个,请删去多余的一行。 | The key code is already written on line 4 (this is line 5); keep only one: delete the extra line.',
    ]);
  });

  it('a merge key on an alias with no anchor, beside an explicit key with nothing after it, is told, never thrown (fuzz: visit passes the missing value as null)', async () => {
    const text = '<<: *a\napiVersion: edunorm/v1\nkind: DistrictIndicators\ndistrict: { code: "130921", name: xx县, type: county }\nyear: 2025\nindicators: { compulsoryRetentionRate: 0.99 }\n? complex\n#\n';
    const r = await check(text, { locale: 'zh-CN' });
    expect(r.findings.map((f) => `${f.ruleId}@${f.range.start.line}:${f.range.start.column} ${f.message}`)).toEqual(['yaml/syntax@1:5 别名 *a 没有对应的锚点 &a:请删去 *a,直接写出数值。']);
  });
});
