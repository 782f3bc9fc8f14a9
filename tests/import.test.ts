import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { check, DOCUMENT_KINDS, type Finding } from '../packages/core/src/index.js';
import { parseYaml } from '../packages/core/src/internal.js';
import { convertCell } from '../packages/cli/src/import/convert-value.js';
import { layoutFor, mappingTableMarkdown } from '../packages/cli/src/import/field-mapping.js';
import { parseCsv } from '../packages/cli/src/import/read-csv.js';
import { blockRows, encodeGb18030, FISCAL_YEAR, handWrittenYaml, HEADERS, REFERENCE, SCHOOL, sheetRow, staffRecords, toCsv } from './fixtures/import/staff-sheet.js';
import { EXAMPLES, ROOT } from './helpers/paths.js';
import { runCli } from './helpers/run-cli.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'edunorm-import-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const records = staffRecords(80);
const expectedDocument = { apiVersion: 'edunorm/v1', kind: 'Staffing', school: SCHOOL, fiscalYear: FISCAL_YEAR, reference: REFERENCE, staff: records };

/** What must not change between an imported file and its hand-written twin. */
const shape = (findings: readonly Finding[]) => findings.map((f) => `${f.ruleId} ${f.path} ${f.severity}`).sort();

async function writeWorkbook(path: string, grid: (string | number | null | Date)[][], sheetName = '教职工', edit?: (sheet: ExcelJS.Worksheet) => void): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of grid) sheet.addRow(row);
  edit?.(sheet);
  await workbook.xlsx.writeFile(path);
}

const staffGrid = (asNumbers: boolean) => [...blockRows(), HEADERS.map(([h]) => h), ...records.map((r, k) => sheetRow(r, k, asNumbers))];

function importedValue(path: string): unknown {
  const doc = parseYaml(readFileSync(path, 'utf8')).documents[0]!;
  expect(doc.problems).toEqual([]);
  return doc.value;
}

describe('edunorm import: round trips', () => {
  it('an .xlsx staff list with Chinese headers → YAML with the same data and findings as the hand-written file', async () => {
    await writeWorkbook(join(dir, '教职工名册.xlsx'), staffGrid(true));
    const r = runCli(['import', '教职工名册.xlsx', '--kind', 'Staffing', '--locale', 'zh-CN'], { cwd: dir });
    expect(r.stderr).toBe('');
    const out = join(dir, '教职工名册.yaml');
    const text = readFileSync(out, 'utf8');
    expect(text.split('\n')[0]).toBe('# 由 edunorm import 从 教职工名册.xlsx 的工作表“教职工”生成。');
    expect(importedValue(out)).toEqual(expectedDocument);

    const imported = await check(text);
    const handWritten = await check(handWrittenYaml(records));
    expect(shape(imported.findings)).toEqual(shape(handWritten.findings));
    expect(r.code).toBe(handWritten.findings.some((f) => f.severity === 'error') ? 1 : 0);
    expect(r.stdout).toContain('已写入 教职工名册.yaml:80 条教职工记录');
    // Keys in the contract's order, codes quoted, one block mapping per record noting its row.
    expect(text).toMatch(/^apiVersion: edunorm\/v1\nkind: Staffing\nschool:\n  code: "130902101"\n  name: 李庄小学\n  level: primary\nfiscalYear: 2025\nreference:\n/m);
    expect(text).toContain('  - id: T001  # 教职工 第 6 行\n    name: 张老师1\n    role: teacher\n    title: none\n');
  });

  it('a UTF-8 CSV with formatted amounts (4,800.00 元, 2019年) converts to the same data', async () => {
    writeFileSync(join(dir, 'staff.csv'), `\ufeff${toCsv(staffGrid(false))}`);
    const r = runCli(['import', 'staff.csv', '--kind', 'Staffing', '--output', 'out/staff.yaml'], { cwd: dir });
    expect(r.code, r.stdout + r.stderr).not.toBe(2);
    expect(importedValue(join(dir, 'out/staff.yaml'))).toEqual(expectedDocument);
    const text = readFileSync(join(dir, 'out/staff.yaml'), 'utf8');
    expect(shape((await check(text)).findings)).toEqual(shape((await check(handWrittenYaml(records))).findings));
  });

  it('a GB18030 CSV (Excel on a Chinese Windows) reads the same', () => {
    writeFileSync(join(dir, 'staff.csv'), encodeGb18030(toCsv(staffGrid(false))));
    const r = runCli(['import', 'staff.csv', '--kind', 'Staffing'], { cwd: dir });
    expect(r.code, r.stdout + r.stderr).not.toBe(2);
    expect(importedValue(join(dir, 'staff.yaml'))).toEqual(expectedDocument);
  });

  it('a two-column 字段/值 budget sheet gives the findings of the hand-written example', async () => {
    const grid = [
      ['字段', '值'],
      ['学校代码', '130902101'],
      ['学校名称', '李庄小学'],
      ['学段', '小学'],
      ['预算年度', '2025年'],
      ['年度公用经费预算总额(元)', '4,000,000.00 元'],
      ['教师培训经费(元)', '150,000'],
    ];
    await writeWorkbook(join(dir, 'budget.xlsx'), grid, '预算');
    const r = runCli(['import', 'budget.xlsx', '--kind', 'SchoolBudget', '--locale', 'zh-CN'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/12:20  预算!B7  错误  教师培训经费 150,000 元.*差 50,000 元.*teacher-training-funds/);
    const example = await check(readFileSync(join(EXAMPLES, 'noncompliant', 'budget.yaml'), 'utf8'));
    expect(shape((await check(readFileSync(join(dir, 'budget.yaml'), 'utf8'))).findings)).toEqual(shape(example.findings));
  });

  it('a DistrictIndicators sheet: block of indicators (97.5%) and a table of schools', () => {
    const grid = [
      ['行政区划代码', '130925', '市县名称', '示例县', '类型', '县'],
      ['年份', 2025],
      ['九年义务教育巩固率', '97.5%', '义务教育阶段中小学标准化率', 0.93],
      [],
      ['学校代码', '学校名称', '学段', '在校生人数', '是否规划搬迁', '1+2+3 培育提升计划'],
      ['130925101', '李庄小学', '小学', 86, '否', '无'],
      ['130925001', '县一中', '普通高中', 2400, '否', '优质高中'],
    ];
    writeFileSync(join(dir, 'county.csv'), toCsv(grid));
    const r = runCli(['import', 'county.csv', '--kind', 'DistrictIndicators'], { cwd: dir });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(importedValue(join(dir, 'county.yaml'))).toEqual({
      apiVersion: 'edunorm/v1',
      kind: 'DistrictIndicators',
      district: { code: '130925', name: '示例县', type: 'county' },
      year: 2025,
      indicators: { compulsoryRetentionRate: 0.975, standardizedSchoolRate: 0.93 },
      schools: [
        { code: '130925101', name: '李庄小学', level: 'primary', enrollment: 86, relocationPlanned: false, designation: 'none' },
        { code: '130925001', name: '县一中', level: 'senior', enrollment: 2400, relocationPlanned: false, designation: 'quality-senior' },
      ],
    });
    expect(r.stdout).toMatch(/compulsory-retention-rate/);
    expect(r.stdout).toMatch(/county!D6\s+info .*small-school-consolidation/);
  });
});

describe('edunorm import: cells it cannot convert', () => {
  it('names each bad cell as sheet!C12, keeps its text in the YAML and exits 1', async () => {
    const grid = staffGrid(true);
    // Row 12 of the sheet is record 6 (header on row 5): break its role, a yes/no and an amount.
    grid[11]![2] = '教研员';
    grid[11]![8] = '可能';
    grid[11]![7] = '四千二';
    grid[20]![6] = '9,80,000';
    await writeWorkbook(join(dir, 'staff.xlsx'), grid);
    const r = runCli(['import', 'staff.xlsx', '--kind', 'Staffing', '--locale', 'zh-CN'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/教职工!C12\s+错误\s+无法识别岗位类别“教研员”.*import\/unconvertible/);
    expect(r.stdout).toMatch(/教职工!I12\s+错误\s+无法把“可能”读作是\/否/);
    expect(r.stdout).toMatch(/教职工!H12\s+错误\s+无法把“四千二”读作金额/);
    expect(r.stdout).toMatch(/教职工!G21\s+错误\s+无法把“9,80,000”读作金额/);
    const text = readFileSync(join(dir, 'staff.yaml'), 'utf8');
    expect(text).toContain('role: 教研员');
    // The output's own check flags the kept text too, so the file cannot pass unnoticed.
    const findings = (await check(text)).findings.filter((f) => f.path.startsWith('staff[6].'));
    expect(findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['schema/enum', 'schema/type']));
  });

  it('reports Excel error cells and unknown columns by cell', async () => {
    const grid: (string | number | null)[][] = [['学校代码', '1', '学校名称', '小学', '学段', '小学', '年度', 2025], ['工号', '姓名', '岗位类别', '职务津贴'], ['T1', '甲', '专任教师', 100]];
    await writeWorkbook(join(dir, 'staff.xlsx'), grid);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, 'staff.xlsx'));
    workbook.getWorksheet('教职工')!.getCell('B3').value = { error: '#N/A' } as never;
    await workbook.xlsx.writeFile(join(dir, 'staff.xlsx'));
    const r = runCli(['import', 'staff.xlsx', '--kind', 'Staffing'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/教职工!B3\s+error\s+the cell holds the Excel error #N\/A/);
    expect(r.stdout).toMatch(/教职工!D2\s+warning\s+unknown column "职务津贴"/);
  });
});

describe('edunorm import: formulas and two-row headers', () => {
  it('a formula cell without a saved result is named (sheet!cell), kept as its text and flagged by the check', async () => {
    // Row 12 is record 6, row 14 record 8 (header on row 5); column G is 年工资收入.
    await writeWorkbook(join(dir, 'staff.xlsx'), staffGrid(true), '教职工', (sheet) => {
      sheet.getCell('G12').value = { formula: 'H12*12' } as ExcelJS.CellFormulaValue;
      sheet.getCell('G14').value = { formula: 'H14*12', result: records[8]!.annualSalary! } as ExcelJS.CellFormulaValue;
    });
    const zh = runCli(['import', 'staff.xlsx', '--kind', 'Staffing', '--locale', 'zh-CN'], { cwd: dir });
    expect(zh.code).toBe(1);
    expect(zh.stdout).toMatch(/教职工!G12\s+错误\s+单元格是公式 =H12\*12,但文件里没有保存计算结果.*无法导入年工资收入.*import\/formula-without-value/);
    expect(zh.stdout).not.toMatch(/教职工!G14 /);
    const text = readFileSync(join(dir, 'staff.yaml'), 'utf8');
    const staff = (importedValue(join(dir, 'staff.yaml')) as { staff: Record<string, unknown>[] }).staff;
    // Not dropped (an average would then count one teacher fewer): the formula's text stays …
    expect(staff[6]!.annualSalary).toBe('=H12*12');
    // … a formula with its result is read as the result …
    expect(staff[8]!.annualSalary).toBe(records[8]!.annualSalary);
    // … and the YAML cannot pass: its own check flags the text.
    const findings = (await check(text)).findings.filter((f) => f.path === 'staff[6].annualSalary');
    expect(findings.map((f) => f.ruleId)).toEqual(['schema/type']);
    const en = runCli(['import', 'staff.xlsx', '--kind', 'Staffing', '--locale', 'en', '--force'], { cwd: dir });
    expect(en.stdout).toMatch(/教职工!G12\s+error\s+the cell is the formula =H12\*12 without a saved result .*annualSalary cannot be imported/);
  });

  /** The staff sheet with 年工资收入 and 基本工资 (columns G, H) under one group title 工资. */
  const twoRowHeaderGrid = (subTitles: string[] = ['年工资收入', '基本工资']) => {
    const top = HEADERS.map(([h]) => h as string | null);
    const below = HEADERS.map(() => null as string | null);
    top[6] = '工资';
    top[7] = null;
    below[6] = subTitles[0]!;
    below[7] = subTitles[1]!;
    return [...blockRows(), top, below, ...records.map((r, k) => sheetRow(r, k, true))];
  };

  it('reads a two-row merged header (工资 over 年工资收入 | 基本工资) in .xlsx and CSV', async () => {
    await writeWorkbook(join(dir, 'staff.xlsx'), twoRowHeaderGrid(), '教职工', (sheet) => {
      sheet.mergeCells('G5:H5');
      // The other titles span both header rows, as such sheets are drawn.
      for (let c = 1; c <= HEADERS.length; c++) if (c !== 7 && c !== 8) sheet.mergeCells(5, c, 6, c);
    });
    const x = runCli(['import', 'staff.xlsx', '--kind', 'Staffing', '--locale', 'zh-CN'], { cwd: dir });
    expect(x.code, x.stdout + x.stderr).not.toBe(2);
    expect(x.stdout).not.toMatch(/import\/(unknown-column|skipped-row)/);
    expect(importedValue(join(dir, 'staff.yaml'))).toEqual(expectedDocument);
    expect(x.stdout).toContain('已写入 staff.yaml:80 条教职工记录');

    writeFileSync(join(dir, 'staff.csv'), toCsv(twoRowHeaderGrid()));
    const c = runCli(['import', 'staff.csv', '--kind', 'Staffing', '--output', 'csv.yaml'], { cwd: dir });
    expect(c.stdout).not.toMatch(/import\/(unknown-column|skipped-row)/);
    expect(importedValue(join(dir, 'csv.yaml'))).toEqual(expectedDocument);
  });

  it('names every column of a two-row header it cannot import, and values in a column without a header', async () => {
    const grid = twoRowHeaderGrid(['年工资收入', '绩效奖励']);
    grid[6]![HEADERS.length + 1] = '多余'; // a value in a column no header names (row 7, two columns right of the table)
    grid[9]![HEADERS.length + 1] = '多余';
    await writeWorkbook(join(dir, 'staff.xlsx'), grid, '教职工', (sheet) => sheet.mergeCells('G5:H5'));
    const r = runCli(['import', 'staff.xlsx', '--kind', 'Staffing', '--locale', 'zh-CN'], { cwd: dir });
    expect(r.stdout).toMatch(/教职工!H6\s+警告\s+未识别的列名“工资 \/ 绩效奖励”,此列已忽略.*import\/unknown-column/);
    expect(r.stdout).toMatch(/教职工!Q7\s+警告\s+Q 列没有列名,其中 2 个单元格\(自 Q7 起\)未导入/);
    const staff = (importedValue(join(dir, 'staff.yaml')) as { staff: Record<string, unknown>[] }).staff;
    expect(staff[0]!.annualSalary).toBe(records[0]!.annualSalary);
    expect(staff[0]!.baseSalary).toBeUndefined();
    const en = runCli(['import', 'staff.xlsx', '--kind', 'Staffing', '--locale', 'en', '--force'], { cwd: dir });
    expect(en.stdout).toMatch(/教职工!H6\s+warning\s+unknown column "工资 \/ 绩效奖励", ignored/);
    expect(en.stdout).toMatch(/教职工!Q7\s+warning\s+column Q has no header; its 2 cell\(s\) \(from Q7\) were not imported/);
  });
});

describe('edunorm import: files and options', () => {
  it('never overwrites without --force, and replaces with it', () => {
    writeFileSync(join(dir, 'staff.csv'), toCsv(staffGrid(false)));
    writeFileSync(join(dir, 'staff.yaml'), 'precious: true\n');
    const r = runCli(['import', 'staff.csv', '--kind', 'Staffing'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('staff.yaml exists; add --force to replace it');
    expect(readFileSync(join(dir, 'staff.yaml'), 'utf8')).toBe('precious: true\n');
    const forced = runCli(['import', 'staff.csv', '--kind', 'Staffing', '--force'], { cwd: dir });
    expect(forced.code).not.toBe(2);
    expect(readFileSync(join(dir, 'staff.yaml'), 'utf8')).toContain('kind: Staffing');
  });

  it('takes the school from flags, and a mapping file for other headers and words', () => {
    writeFileSync(join(dir, 'map.yaml'), 'columns:\n  教工编号: id\n  岗位: role\nvalues:\n  role:\n    任课教师: teacher\n');
    writeFileSync(join(dir, 'list.csv'), toCsv([['教工编号', '姓名', '岗位'], ['A1', '甲', '任课教师'], ['A2', '乙', '管理人员']]));
    const r = runCli(['import', 'list.csv', '--kind', 'staffing', '--mapping', 'map.yaml', '--school-code', '130902008', '--school-name', '第八中学', '--level', '初中', '--fiscal-year', '2025'], { cwd: dir });
    expect(r.code, r.stdout + r.stderr).not.toBe(2);
    expect(importedValue(join(dir, 'list.yaml'))).toEqual({
      apiVersion: 'edunorm/v1',
      kind: 'Staffing',
      school: { code: '130902008', name: '第八中学', level: 'junior' },
      fiscalYear: 2025,
      staff: [
        { id: 'A1', name: '甲', role: 'teacher' },
        { id: 'A2', name: '乙', role: 'management' },
      ],
    });
  });

  it('reads the sheet named by --sheet, and names the sheets when it is not there', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('说明').addRow(['本工作簿第二页是名册']);
    const list = workbook.addWorksheet('名册');
    for (const row of [['学校代码', '1', '学校名称', '某小学', '学段', '小学', '年度', 2025], ['工号', '姓名', '岗位类别'], ['A1', '甲', '专任教师']]) list.addRow(row);
    await workbook.xlsx.writeFile(join(dir, 'book.xlsx'));
    const r = runCli(['import', 'book.xlsx', '--kind', 'Staffing', '--sheet', '名册'], { cwd: dir });
    expect(r.code, r.stdout + r.stderr).not.toBe(2);
    expect(readFileSync(join(dir, 'book.yaml'), 'utf8')).toContain('# Generated by edunorm import from book.xlsx, sheet "名册".');
    const missing = runCli(['import', 'book.xlsx', '--kind', 'Staffing', '--sheet', '教职工', '--force'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no sheet "教职工" in book.xlsx; its sheets: 说明, 名册');
  });

  it('refuses a mapping file that names a field the contract does not have', () => {
    writeFileSync(join(dir, 'map.yaml'), 'columns:\n  月薪: monthlySalary\n');
    writeFileSync(join(dir, 'list.csv'), toCsv([['工号', '姓名', '岗位类别'], ['A1', '甲', '专任教师']]));
    const r = runCli(['import', 'list.csv', '--kind', 'Staffing', '--mapping', 'map.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/map\.yaml: columns\.月薪 names "monthlySalary", not a Staffing field; known: .*baseSalary/);
  });

  it('says what is missing instead of writing an incomplete file', () => {
    writeFileSync(join(dir, 'list.csv'), toCsv([['工号', '姓名', '岗位类别'], ['A1', '甲', '专任教师']]));
    const r = runCli(['import', 'list.csv', '--kind', 'Staffing'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing school\.code \(--school-code, or a "学校代码" row/);
    expect(existsSync(join(dir, 'list.yaml'))).toBe(false);
    expect(runCli(['import', 'list.csv', '--kind', 'Budget'], { cwd: dir }).stderr).toMatch(/--kind must be one of SchoolBudget, Staffing, DistrictIndicators/);
    expect(runCli(['import', 'list.xls', '--kind', 'Staffing'], { cwd: dir }).stderr).toMatch(/save the old \.xls workbook as \.xlsx/);
  });
});

describe('import conversions', () => {
  const field = (key: string) => [...layoutFor('Staffing').block, ...layoutFor('Staffing').table!.columns, ...layoutFor('DistrictIndicators').block].find((f) => f.key === key)!;
  const value = (v: string | number | boolean, key: string) => convertCell(v, field(key));
  it('converts written conventions', () => {
    expect(value('4,800,000', 'annualSalary')).toEqual({ value: 4800000 });
    expect(value('4,800,000.00 元', 'annualSalary')).toEqual({ value: 4800000 });
    expect(value('￥４８００', 'baseSalary')).toEqual({ value: 4800 });
    expect(value('48万元', 'annualSalary')).toEqual({ value: 480000 });
    expect(value('97.5%', 'indicators.compulsoryRetentionRate')).toEqual({ value: 0.975 });
    expect(value(0.975, 'indicators.compulsoryRetentionRate')).toEqual({ value: 0.975 });
    expect(value('是', 'classTeacher')).toEqual({ value: true });
    expect(value('否', 'classTeacher')).toEqual({ value: false });
    expect(value('中小学高级教师', 'title')).toEqual({ value: 'senior' });
    expect(value('正高级', 'title')).toEqual({ value: 'professor' });
    expect(value('工勤人员', 'role')).toEqual({ value: 'logistics' });
    expect(value(130902008, 'school.code')).toEqual({ value: '130902008' });
    expect(value('2019年', 'hiredYear')).toEqual({ value: 2019 });
  });
  it('refuses to guess', () => {
    for (const [v, key] of [
      ['9,80,000', 'annualSalary'],
      ['-', 'annualSalary'],
      [97.5, 'indicators.compulsoryRetentionRate'],
      ['97.5', 'indicators.compulsoryRetentionRate'],
      ['可能', 'classTeacher'],
      ['教研员', 'role'],
      ['2019.5', 'hiredYear'],
    ] as const) {
      expect(value(v, key), `${v} as ${key}`).toHaveProperty('problem');
    }
  });
  it('parses quoted CSV fields', () => {
    expect(parseCsv('a,"b,c","say ""hi""\nthere"\r\n1,2,3\n')).toEqual([['a', 'b,c', 'say "hi"\nthere'], ['1', '2', '3']]);
  });
});

describe('docs/import-mapping.md', () => {
  it('lists the mapping the importer uses', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'import-mapping.md'), 'utf8');
    for (const kind of DOCUMENT_KINDS) expect(doc, kind).toContain(mappingTableMarkdown(kind));
  });
});
