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
