/**
 * Outside review B: Excel on a Chinese Windows saves a date cell into a CSV as its displayed
 * text (2009/9/1). The same sheet saved as .xlsx gives `hiredYear: 2009` (a date cell's year),
 * but its CSV was refused ("无法把“2009/9/1”读作年份") and the column dropped.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'edunorm-review-b-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const csv = [
  '学校代码,130902101,学校名称,李庄小学',
  '学段,小学,年度,2025',
  '工号,姓名,岗位类别,入职年份',
  'T001,张老师,专任教师,2009/9/1',
  'T002,李老师,专任教师,2011-09-01',
  'T003,王老师,专任教师,2015年9月1日',
  'T004,赵老师,专任教师,2019.09.01',
  'T005,钱老师,专任教师,2025年',
].join('\r\n');

describe('edunorm import: a year column holding dates as text (a CSV saved by Excel)', () => {
  it('takes each date’s year, as it does for a date cell of an .xlsx', () => {
    writeFileSync(join(dir, 'staff.csv'), csv);
    const r = runCli(['import', 'staff.csv', '--kind', 'Staffing', '--locale', 'zh-CN'], { cwd: dir });
    expect(r.stdout + r.stderr).not.toContain('读作年份');
    const yaml = readFileSync(join(dir, 'staff.yaml'), 'utf8');
    expect([...yaml.matchAll(/hiredYear: (\d+)/g)].map((m) => Number(m[1]))).toEqual([2009, 2011, 2015, 2019, 2025]);
  });

  it.each(['入职时间', '入职日期'])('a column headed %s is the year of hire too (outside review B: it was an unknown column, the years lost)', (header) => {
    writeFileSync(join(dir, 'dated.csv'), csv.replace('入职年份', header));
    const r = runCli(['import', 'dated.csv', '--kind', 'Staffing', '--locale', 'zh-CN', '-o', 'dated.yaml', '--force'], { cwd: dir });
    expect(r.stdout + r.stderr).not.toContain(header);
    const yaml = readFileSync(join(dir, 'dated.yaml'), 'utf8');
    expect([...yaml.matchAll(/hiredYear: (\d+)/g)].map((m) => Number(m[1]))).toEqual([2009, 2011, 2015, 2019, 2025]);
  });

  it('still refuses a text that is no date and no year', () => {
    writeFileSync(join(dir, 'bad.csv'), csv.replace('2009/9/1', '九月'));
    const r = runCli(['import', 'bad.csv', '--kind', 'Staffing', '--locale', 'zh-CN'], { cwd: dir });
    expect(r.stdout + r.stderr).toContain('无法把“九月”读作年份');
  });
});
