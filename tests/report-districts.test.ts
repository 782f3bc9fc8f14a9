import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/paths.js';
import { runCli } from './helpers/run-cli.js';

/**
 * `edunorm report`: one row per district and year (issue 13), with the county figures the
 * norms across documents computed, each with its verdict and the plan's section. Two
 * counties, two years each: examples/county (东河县 130927) and tests/fixtures/report/west-county
 * (西山县 130928, whose teachers' mean pay is above the reference in 2024 and below it in 2025).
 */

const WEST = 'tests/fixtures/report/west-county';
const EAST = 'examples/county';

/** The rows of the Markdown districts table, as arrays of cells. */
function markdownRows(md: string, heading: string): string[][] {
  const start = md.indexOf(heading);
  expect(start, md).toBeGreaterThan(-1);
  const lines = md.slice(start).split('\n').slice(2);
  const table = lines.slice(0, lines.findIndex((l) => !l.startsWith('|')));
  return table.map((l) => l.slice(2, -2).split(' | '));
}

/** The text of an HTML fragment, tags removed and `<br>` as a line break. */
const text = (html: string) =>
  html
    .replace(/<br>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

const rowOf = (html: string, code: string, year: number) => new RegExp(`<tr data-district="${code}" data-year="${year}">(.*?)</tr>`, 's').exec(html)?.[1] ?? '';
const cellsOf = (row: string) => [...row.matchAll(/<td[^>]*>(.*?)<\/td>/gs)].map((m) => text(m[1]!));

describe('edunorm report: one row per district and year', () => {
  let md: string;
  let header: string[];
  let rows: string[][];
  beforeAll(() => {
    // West first on the command line: the rows still come by code, then year.
    const r = runCli(['report', WEST, EAST, '--format', 'markdown', '--locale', 'zh-CN'], { cwd: ROOT });
    expect(r.code, r.stderr).toBe(0);
    md = r.stdout;
    const table = markdownRows(md, '#### 县域汇总(按市县和年度)');
    header = table[0]!;
    rows = table.slice(2);
  });

  it('Markdown: a row per district and year, by code then year, with the plan’s section in each norm’s header', () => {
    expect(rows.map((r) => `${r[0]} ${r[1]} ${r[2]}`)).toEqual(['东河县 130927 2024', '东河县 130927 2025', '西山县 130928 2024', '西山县 130928 2025']);
    expect(header).toEqual([
      '市/县',
      '代码',
      '年度',
      '结论',
      '关联学校文档',
      '县域高级岗位总量 (P14 三(三)2(4))',
      '县域教师平均工资 (P14 三(三)3(1))',
      '公务员工资口径 (P14 三(三)3(1))',
      '学校名单 (P14 三(三)2(1))',
      '指标较上年 (P14 三(二)2)',
      '问题',
    ]);
  });

  it('Markdown: the same district’s two years have their own figures and verdicts', () => {
    const [, , w2024, w2025] = [rows[0]!, rows[1]!, rows[2]!, rows[3]!];
    const pay = header.indexOf('县域教师平均工资 (P14 三(三)3(1))');
    // (91,000 + 93,000) / 2 and (85,000 + 89,000) / 2 against the district's 90,000.
    expect(w2024[pay]).toBe('✓ 达标;✓ 平均 92,000 元(1 所学校 2 人),不低于 90,000 元');
    expect(w2025[pay]).toBe('✗ 未达标(错误);✗ 平均 87,000 元(1 所学校 2 人),低于 90,000 元(差 3,000 元)');
    expect(w2024[3]).toBe('✓ 合规');
    expect(w2025[3]).toBe('✗ 不合规');
    expect(w2024[4]).toBe('1');
    // The retention rate fell, but stays above the 98% target: compared, and met.
    const change = header.indexOf('指标较上年 (P14 三(二)2)');
    expect(w2025[change]).toBe('✓ 达标;✓ 九年义务教育巩固率 2024 年 99% → 2025 年 98.5%(目标 98%);✓ 义务教育阶段中小学标准化率 2024 年 95% → 2025 年 96%(目标 92%)');
    expect(w2024[change]).toBe('— 未判定:没有同时检查 2023 年的指标文档');
    expect(w2024[header.indexOf('学校名单 (P14 三(三)2(1))')]).toBe('— 未判定:县指标文档没有学校名单(schools)');
    expect(w2025[header.indexOf('问题')]).toBe('错误 1,警告 2');
  });

  it('Markdown: the county pools, the fall below target and the schools list of 东河县 2025', () => {
    const east2025 = rows[1]!;
    expect(east2025[header.indexOf('县域高级岗位总量 (P14 三(三)2(4))')]).toBe('✗ 未达标(错误);✓ 小学 1/19 = 5.26%(上限 10%);✗ 初中 4/10 = 40%(上限 30%,超出 1 人)');
    expect(east2025[header.indexOf('指标较上年 (P14 三(二)2)')]).toBe(
      '✗ 未达标(警告);✗ 九年义务教育巩固率 2024 年 97.8% → 2025 年 97.5%(目标 98%);✓ 义务教育阶段中小学标准化率 2024 年 91% → 2025 年 93%(目标 92%)',
    );
    expect(east2025[header.indexOf('学校名单 (P14 三(三)2(1))')]).toBe('✗ 未达标(警告);✗ 名单外学校 1 所:西河小学(130927103);✗ 在校生与预算不一致 1 所(名单 / 预算):东庄小学(130927101) 90 / 86 人');
    expect(east2025[header.indexOf('公务员工资口径 (P14 三(三)3(1))')]).toBe('✗ 未达标(警告);✗ 1 所学校填报的数值与县指标文档的 98,000 元不一致:东河县第一初中(130927201) 96,000 元');
    // 2024 has no school documents: the norms over schools are not judged, not "met".
    expect(rows[0]![header.indexOf('县域教师平均工资 (P14 三(三)3(1))')]).toBe('— 未判定:没有关联的学校文档(school.district 为 130927、fiscalYear 为 2024)');
    // The district's findings are listed under the table, those landing in its schools' files too.
    const list = md.slice(md.indexOf('**东河县(130927) 2025 年度**'));
    expect(list).toContain('- examples/county/district-2025.yaml:4 东河县 2025 年度 3 所学校 29 名教师平均年工资收入 96,620.69 元');
    expect(list).toContain('- examples/county/schools/xihe-primary/budget-2025.yaml:7 西河小学(130927103)属于东河县(130927),但不在该县 2025 年度指标文档的学校名单(schools)中 (district-school-list)');
  });

  it('Markdown in English', () => {
    const en = runCli(['report', WEST, '--format', 'markdown', '--locale', 'en'], { cwd: ROOT });
    expect(en.code, en.stderr).toBe(0);
    const table = markdownRows(en.stdout, '#### Districts by year');
    const pay = table[0]!.indexOf('County teacher pay (P14 三(三)3(1))');
    expect(table.slice(2).map((r) => [r[2], r[pay]])).toEqual([
      ['2024', '✓ met; ✓ mean 92,000 yuan (2 people, 1 school(s)), at least 90,000 yuan'],
      ['2025', '✗ not met (error); ✗ mean 87,000 yuan (2 people, 1 school(s)), below 90,000 yuan (short by 3,000 yuan)'],
    ]);
  });
});

describe('edunorm report: the districts table of the HTML page', () => {
  let dir: string;
  let html: string;
  let en: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'edunorm-report-districts-'));
    const r = runCli(['report', WEST, EAST, '-o', join(dir, 'r.html')], { cwd: ROOT });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^已生成 .*r\.html:5 所学校,4 所合规;4 个市县年度;11 个文件/);
    html = readFileSync(join(dir, 'r.html'), 'utf8');
    expect(runCli(['report', WEST, EAST, '-o', join(dir, 'en.html'), '--locale', 'en'], { cwd: ROOT }).code).toBe(0);
    en = readFileSync(join(dir, 'en.html'), 'utf8');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a row per district and year, by code then year, each norm cell with its verdict and figures', () => {
    expect([...html.matchAll(/<tr data-district="(\d+)" data-year="(\d+)">/g)].map((m) => `${m[1]}@${m[2]}`)).toEqual(['130927@2024', '130927@2025', '130928@2024', '130928@2025']);
    const heads = [.../<table class="schools districts"><thead><tr>(.*?)<\/tr>/s.exec(html)![1]!.matchAll(/<th[^>]*>(.*?)<\/th>/gs)].map((m) => text(m[1]!));
    expect(heads).toContain('县域教师平均工资P14 三(三)3(1)');
    expect(html).toContain('<a href="#norm-county-teacher-pay-parity">县域教师平均工资</a><small class="cite">P14 三(三)3(1)</small>');
    const pay = heads.indexOf('县域教师平均工资P14 三(三)3(1)');
    expect(cellsOf(rowOf(html, '130928', 2024))[pay]).toBe('✓ 达标\n✓ 平均 92,000 元(1 所学校 2 人),不低于 90,000 元');
    expect(cellsOf(rowOf(html, '130928', 2025))[pay]).toBe('✗ 未达标(错误)\n✗ 平均 87,000 元(1 所学校 2 人),低于 90,000 元(差 3,000 元)');
    expect(rowOf(html, '130928', 2025)).toContain('<td class="fig c-error" title="西山县 2025 年度 1 所学校 2 名教师平均年工资收入 87,000 元,低于当地公务员平均工资收入 90,000 元(差 3,000 元)">');
    expect(cellsOf(rowOf(html, '130927', 2025))[heads.indexOf('县域高级岗位总量P14 三(三)2(4)')]).toBe('✗ 未达标(错误)\n✓ 小学 1/19 = 5.26%(上限 10%)\n✗ 初中 4/10 = 40%(上限 30%,超出 1 人)');
    expect(cellsOf(rowOf(en, '130927', 2025))[heads.indexOf('县域高级岗位总量P14 三(三)2(4)')]).toBe('✗ not met (error)\n✓ primary 1/19 = 5.26% (cap 10%)\n✗ junior secondary 4/10 = 40% (cap 30%, 1 too many)');
  });

  it('a district with findings links to its list, which names each file and line and the related locations', () => {
    const row = rowOf(html, '130927', 2025);
    const link = /<a href="#(district-\d+)">错误 3,警告 6<\/a>/.exec(row);
    expect(link, row).not.toBeNull();
    const section = new RegExp(`<section class="district-findings" id="${link![1]}">(.*?)</section>`, 's').exec(html)![1]!;
    expect(text(section)).toContain('东河县(130927) 2025 年度的问题');
    expect(section).toContain('<span class="loc">examples/county/district-2025.yaml:4</span>东河县 2025 年度 3 所学校 29 名教师平均年工资收入 96,620.69 元');
    expect(section).toContain('↳ <span class="loc">examples/county/schools/dongzhuang-primary/staffing-2025.yaml:12</span>东庄小学(130927101):7 名教师平均年工资收入 92,000 元');
    // Findings of the district's norms that land in a school's file are the district's too.
    expect(section).toContain('<span class="loc">examples/county/schools/no1-junior/staffing-2025.yaml:11</span>东河县第一初中(130927201)填报的当地公务员年平均工资收入 96,000 元');
    // The 2024 list is that year's alone.
    const link2024 = /<a href="#(district-\d+)">/.exec(rowOf(html, '130927', 2024))![1]!;
    const s2024 = new RegExp(`id="${link2024}">(.*?)</section>`, 's').exec(html)![1]!;
    expect(s2024).not.toContain('district-2025.yaml');
    expect(s2024.match(/<li class="warning">/g)).toHaveLength(3);
    // A district and year without findings has no link.
    expect(cellsOf(rowOf(html, '130928', 2024)).at(-1)).toBe('错误 0,警告 1');
  });

  it('the norm sections name each finding’s district with its year', () => {
    const section = /<section class="norm" id="norm-county-full-standardization">(.*?)<\/section>/s.exec(html)![1]!;
    expect(section).toContain('<b>东河县 2024</b>');
    expect(section).toContain('<b>东河县 2025</b>');
    expect(section).toContain('涉及 4 个市县年度');
  });
});

describe('edunorm report: a district’s cells follow check’s verdicts', () => {
  it('a finding suppressed with a reason shows the exemption, not ✗ and not ✓ (zh-CN and en)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'edunorm-report-exempt-'));
    try {
      cpSync(join(ROOT, WEST), dir, { recursive: true });
      const file = join(dir, 'district-2025.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('district:\n', '# edunorm-disable-next-line county-teacher-pay-parity -- 县政府 2026-01 批准补发\ndistrict:\n'));
      expect(runCli(['check', '.'], { cwd: dir }).stdout).not.toContain('county-teacher-pay-parity');
      const md = runCli(['report', '.', '--format', 'markdown'], { cwd: dir });
      const table = markdownRows(md.stdout, '#### 县域汇总(按市县和年度)');
      const pay = table[0]!.indexOf('县域教师平均工资 (P14 三(三)3(1))');
      expect(table[3]![pay]).toBe('已豁免:县政府 2026-01 批准补发;✗ 平均 87,000 元(1 所学校 2 人),低于 90,000 元(差 3,000 元)');
      expect(table[3]![3]).toBe('✓ 合规');
      const enMd = runCli(['report', '.', '--format', 'markdown', '--locale', 'en'], { cwd: dir });
      expect(markdownRows(enMd.stdout, '#### Districts by year')[3]![pay]).toMatch(/^exempted: 县政府 2026-01 批准补发; ✗ mean 87,000 yuan/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a norm not yet in force in the district’s year says so', () => {
    const dir = mkdtempSync(join(tmpdir(), 'edunorm-report-2021-'));
    try {
      cpSync(join(ROOT, WEST), dir, { recursive: true });
      for (const f of ['district-2024.yaml', 'schools/shanxia-primary/staffing-2024.yaml']) {
        const path = join(dir, f);
        writeFileSync(path, readFileSync(path, 'utf8').replace(/^(year|fiscalYear): 2024$/m, '$1: 2021'));
      }
      const table = markdownRows(runCli(['report', '.', '--format', 'markdown'], { cwd: dir }).stdout, '#### 县域汇总(按市县和年度)');
      expect(table[2]![2]).toBe('2021');
      // senior-post-share, whose counts the pool reuses, applies from 2022 too: nothing is counted.
      expect(table[2]![table[0]!.indexOf('县域高级岗位总量 (P14 三(三)2(4))')]).toBe('· 2022 年起适用');
      expect(table[3]![table[0]!.indexOf('县域高级岗位总量 (P14 三(三)2(4))')]).toBe('✓ 达标;✓ 小学 0/2 = 0%(上限 10%)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('edunorm report: hostile district and school names are text', () => {
  const NAME = '<img src=x onerror=alert(1)>::error::`x`|{0}\n# 标题';
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'edunorm-report-hostile-'));
    cpSync(join(ROOT, WEST), dir, { recursive: true });
    const quoted = JSON.stringify(NAME);
    for (const f of ['district-2024.yaml', 'district-2025.yaml']) {
      const path = join(dir, f);
      writeFileSync(path, readFileSync(path, 'utf8').replace('name: 西山县', `name: ${quoted}`));
    }
    for (const y of [2024, 2025]) {
      const path = join(dir, `schools/shanxia-primary/staffing-${y}.yaml`);
      writeFileSync(path, readFileSync(path, 'utf8').replace('name: 山下小学', `name: ${quoted}`));
    }
    // Not in the 2025 list: the school's hostile name appears in the schools-list cell too.
    const d2025 = join(dir, 'district-2025.yaml');
    writeFileSync(d2025, readFileSync(d2025, 'utf8').replace('code: "130928101", name: 山下小学', 'code: "130928199", name: 别的小学'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('HTML: escaped in rows, cells, titles and lists', () => {
    expect(runCli(['report', '.', '-o', 'r.html'], { cwd: dir }).code).toBe(0);
    const html = readFileSync(join(dir, 'r.html'), 'utf8');
    expect(html).not.toContain('<img');
    const row = rowOf(html, '130928', 2025);
    expect(row).toContain('&lt;img src=x onerror=alert(1)&gt;::error::`x`|{0}\n# 标题 <small class="code">130928</small>');
    expect(cellsOf(row).join('\n')).toContain(`✗ 名单外学校 1 所:${NAME}(130928101)`);
    expect(html).toContain('<h3>&lt;img src=x onerror=alert(1)&gt;::error::`x`|{0}\n# 标题(130928) 2025 年度的问题</h3>');
  });

  it('Markdown: one line per row, no HTML, no code span, no heading, no workflow command at a line start', () => {
    const md = runCli(['report', '.', '--format', 'markdown'], { cwd: dir }).stdout;
    expect(md).not.toContain('<img');
    expect(md).not.toMatch(/^::/m);
    expect(md).not.toMatch(/^# /m);
    const table = markdownRows(md, '#### 县域汇总(按市县和年度)');
    expect(table).toHaveLength(4);
    expect(table.every((r) => r.length === table[0]!.length)).toBe(true);
    expect(md).toContain('| &lt;img src=x onerror=alert(1)&gt;::error::\\`x\\`\\|{0} # 标题 | 130928 | 2025 |');
    expect(md).toContain('**&lt;img src=x onerror=alert(1)&gt;::error::\\`x\\`\\|{0} \\# 标题(130928) 2025 年度**');
    expect(md).toContain(`名单外学校 1 所:&lt;img src=x onerror=alert(1)&gt;::error::\\\`x\\\`\\|{0} # 标题(130928101)`);
  });
});

describe('README: the districts table it shows is what report prints', () => {
  it('each row of the README’s example is the Markdown row of that district and year, for the columns shown', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const shown = markdownRows(readme, 'For `edunorm report examples/county tests/fixtures/report/west-county`:');
    const md = runCli(['report', EAST, WEST, '--format', 'markdown'], { cwd: ROOT }).stdout;
    const printed = markdownRows(md, '#### 县域汇总(按市县和年度)');
    const head = printed[0]!;
    const columns = shown[0]!.map((name) => head.indexOf(name));
    expect(columns.every((i) => i >= 0), shown[0]!.join(' | ')).toBe(true);
    expect(shown.slice(2)).toEqual(printed.slice(2).map((row) => columns.map((i) => row[i])));
  });
});
