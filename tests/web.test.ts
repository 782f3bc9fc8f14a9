/**
 * The browser checker (packages/web/dist/index.html) as a clerk uses it: opened from disk in
 * headless Chromium, a file dropped or text pasted, findings read off the page. What the page
 * shows is compared with what the CLI and the core say for the same input, so the page cannot
 * drift from the checker it is built from.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../packages/core/src/index.js';
import { blockRows, encodeGb18030, HEADERS, sheetRow, staffRecords, toCsv } from './fixtures/import/staff-sheet.js';
import { EXAMPLES, ROOT } from './helpers/paths.js';
import { runCli } from './helpers/run-cli.js';

const CHROMIUM = '/usr/bin/chromium';
const PAGE = join(ROOT, 'packages', 'web', 'dist', 'index.html');
const ARTIFACTS = join(ROOT, 'test-artifacts');

describe('packages/web/dist/index.html: one self-contained page', () => {
  const html = readFileSync(PAGE, 'utf8');
  it('inlines its script and style and may fetch nothing (Content-Security-Policy)', () => {
    console.log(`web checker: ${(statSync(PAGE).size / 1024).toFixed(0)} KiB (packages/web/dist/index.html)`);
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<html lang="zh-CN">');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/connect-src|unsafe-eval|unsafe-inline|https?:/);
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(html).not.toMatch(/<(link|img|iframe)\b|<script[^>]*\ssrc=/);
    expect(html.match(/<script>/g)).toHaveLength(1);
  });
});

const records = staffRecords(30);
const staffGrid = () => [...blockRows(), HEADERS.map(([h]) => h), ...records.map((r, k) => sheetRow(r, k, true))];

describe.skipIf(!existsSync(CHROMIUM))(`the web checker in headless Chromium (${CHROMIUM})`, () => {
  let browser: Browser;
  let page: Page;
  let dir: string;
  const problems: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'edunorm-web-'));
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('request', (r) => !r.url().startsWith('file:') && !r.url().startsWith('data:') && problems.push(`request ${r.url()}`));
    await page.goto(`file://${PAGE}`);
    await page.waitForSelector('body[data-ready]');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Drops files on the drop zone as a browser does (a DataTransfer holding File objects). */
  async function drop(files: { name: string; bytes: Buffer }[]): Promise<number> {
    await page.evaluate(() => document.getElementById('result')!.removeAttribute('data-state'));
    const started = performance.now();
    const transfer = await page.evaluateHandle((list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name));
      return dt;
    }, files.map((f) => ({ name: f.name, b64: f.bytes.toString('base64') })));
    await page.dispatchEvent('#drop', 'drop', { dataTransfer: transfer });
    await page.waitForSelector('#result[data-state="done"]');
    return performance.now() - started;
  }

  async function paste(text: string): Promise<void> {
    await page.evaluate(() => document.getElementById('result')!.removeAttribute('data-state'));
    await page.fill('#paste', text);
    await page.click('#check-pasted');
    await page.waitForSelector('#result[data-state="done"]');
  }

  const shownFindings = () =>
    page.$$eval('#result ol.findings > li', (items) =>
      items.map((li) => ({
        ruleId: li.getAttribute('data-rule-id'),
        line: Number(li.getAttribute('data-line')),
        column: Number(li.getAttribute('data-column')),
        severity: li.getAttribute('data-severity'),
        message: li.querySelector('.message')!.textContent,
        source: li.querySelector('.source .flagged')?.textContent ?? '',
      })),
    );

  it('a dropped non-compliant file: each finding by rule id and line, beside its line, with the plan’s sentence and the fix', async () => {
    const file = join(EXAMPLES, 'noncompliant', 'staffing.yaml');
    const text = readFileSync(file, 'utf8');
    const ms = await drop([{ name: 'staffing.yaml', bytes: readFileSync(file) }]);
    const inPage = Number(await page.getAttribute('#result', 'data-ms'));
    console.log(`web checker: examples/noncompliant/staffing.yaml dropped → findings shown in ${Math.round(ms)} ms (check in the page ${inPage} ms)`);

    const expected = (await check(text, { locale: 'zh-CN' })).findings;
    const shown = await shownFindings();
    expect(shown.map((f) => `${f.ruleId}@${f.line}:${f.column} ${f.severity}`)).toEqual(expected.map((f) => `${f.ruleId}@${f.range.start.line}:${f.range.start.column} ${f.severity}`));
    expect(shown.map((f) => f.message)).toEqual(expected.map((f) => f.message));
    // What the README's sample output lists for this file, independently of the core.
    expect(shown.map((f) => `${f.line} ${f.ruleId}`)).toEqual(
      expect.arrayContaining(['11 teacher-pay-parity', '22 class-teacher-allowance', '23 teacher-training-hours', '41 schema/type', '47 new-teacher-certification']),
    );
    // The line of the file is shown with the finding.
    const lines = text.split('\n');
    for (const f of shown) expect(f.source.replace(/^\d+/, '')).toBe(lines[f.line - 1]);

    const summary = await page.textContent('#summary');
    const count = (s: string) => expected.filter((f) => f.severity === s).length;
    expect(summary).toContain(`发现 ${expected.length} 个问题:错误 ${count('error')} 个,警告 ${count('warning')} 个,提示 ${count('info')} 个`);

    const allowance = page.locator('li[data-rule-id="class-teacher-allowance"]');
    expect(await allowance.locator('.citation').textContent()).toContain('班主任津贴');
    expect(await allowance.locator('.fix').textContent()).toMatch(/^怎么改:改为 800/);
    expect(await allowance.locator('mark').textContent()).toBe('600');
    expect(problems).toEqual([]);
  });

  it('a pasted compliant file → 全部符合要求', async () => {
    await paste(readFileSync(join(EXAMPLES, 'compliant', 'staffing.yaml'), 'utf8'));
    expect(await page.textContent('#summary')).toContain('全部符合要求');
    expect(await page.locator('#result ol.findings > li').count()).toBe(0);
    await page.click('#try-good');
    await page.waitForSelector('#result[data-state="done"]');
    expect(await page.textContent('#summary')).toContain('全部符合要求');
  });

  it('switches to English and back: the page, the summary and the findings', async () => {
    await page.click('#try-bad');
    await page.waitForSelector('#result[data-state="done"] .finding');
    await page.evaluate(() => document.getElementById('result')!.removeAttribute('data-state'));
    await page.click('#lang');
    await page.waitForSelector('#result[data-state="done"]');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('h1')).toBe('edunorm compliance check');
    expect(await page.textContent('#summary')).toMatch(/^!?✗?\s*\d+ findings: \d+ errors?, \d+ warnings?, \d+ info/);
    expect(await page.textContent('li[data-rule-id="class-teacher-allowance"] .message')).toMatch(/allowance/i);
    expect(await page.textContent('#lang')).toBe('中文');
    await paste(readFileSync(join(EXAMPLES, 'compliant', 'budget.yaml'), 'utf8'));
    expect(await page.textContent('#summary')).toContain('Everything complies');
    await page.evaluate(() => document.getElementById('result')!.removeAttribute('data-state'));
    await page.click('#lang');
    await page.waitForSelector('#result[data-state="done"]');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.textContent('#summary')).toContain('全部符合要求');
  });

  it('an .xlsx staff list: the same YAML, problems and findings as `edunorm import`', async () => {
    const grid = staffGrid();
    grid[11]![2] = '教研员'; // an unconvertible role, reported by its cell
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('教职工');
    for (const row of grid) sheet.addRow(row);
    sheet.getCell('N20').value = new Date(Date.UTC(2020, 8, 1));
    sheet.mergeCells('P1:Q2');
    await workbook.xlsx.writeFile(join(dir, '名册.xlsx'));
    const cli = runCli(['import', '名册.xlsx', '--kind', 'Staffing', '--locale', 'zh-CN'], { cwd: dir });
    expect(cli.code, cli.stderr).toBe(1);
    const yaml = readFileSync(join(dir, '名册.yaml'), 'utf8');

    await drop([{ name: '名册.xlsx', bytes: readFileSync(join(dir, '名册.xlsx')) }]);
    expect(await page.textContent('details.generated pre')).toBe(yaml);
    const cells = await page.$$eval('.sheet-problems li', (items) => items.map((li) => `${li.getAttribute('data-cell')} ${li.getAttribute('data-rule-id')}`));
    expect(cells).toContain('教职工!C12 import/unconvertible');
    for (const c of cells) expect(cli.stdout).toContain(c.split(' ')[0]);
    const shown = await shownFindings();
    // The CLI lists the output's findings as `line:col  cell  severity  message  rule-id`.
    const expected = [...cli.stdout.matchAll(/^\s+(\d+):(\d+)\s.*\s(\S+)$/gm)].map((m) => `${m[3]}@${m[1]}:${m[2]}`);
    expect(expected.length).toBeGreaterThan(10);
    expect(shown.map((f) => `${f.ruleId}@${f.line}:${f.column}`)).toEqual(expected);
    // Each finding names the sheet cell it came from.
    expect(await page.locator('#result ol.findings > li .cell').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('an .xlsx as exceljs reads it (outside review): an ISO date cell (t="d"), a cover sheet holding only a space — the same YAML as `edunorm import`', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('说明').getCell('A1').value = ' ';
    const sheet = workbook.addWorksheet('教职工');
    for (const row of [['学校代码', '130902101'], ['学校名称', '李庄小学'], ['学段', '小学'], ['年度', 2025], [], ['工号', '姓名', '岗位类别', '职称', '是否持有教师资格证', '入职年份', '年工资收入(元)'], ['T001', '张老师', '专任教师', '一级教师', '是', 2009, 99000]]) sheet.addRow(row);
    const written = Buffer.from(await workbook.xlsx.writeBuffer());
    // exceljs writes no `t="d"` cell (openpyxl and some exporters do): put one in its sheet XML.
    const require = createRequire(import.meta.url);
    const JSZip = require(require.resolve('jszip', { paths: [dirname(require.resolve('exceljs'))] })) as { loadAsync(b: Buffer): Promise<{ file(name: string): { async(t: 'string'): Promise<string> } | null; file(name: string, data: string): void; generateAsync(o: { type: 'nodebuffer' }): Promise<Buffer> }> };
    const zip = await JSZip.loadAsync(written);
    const part = 'xl/worksheets/sheet2.xml';
    const xml = await zip.file(part)!.async('string');
    const dated = xml.replace(/<c r="F7"([^>]*)><v>2009<\/v><\/c>/, '<c r="F7"$1 t="d"><v>2009-09-01T00:00:00</v></c>');
    expect(dated).not.toBe(xml);
    zip.file(part, dated);
    writeFileSync(join(dir, '封面.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));
    const cli = runCli(['import', '封面.xlsx', '--kind', 'Staffing', '--locale', 'zh-CN'], { cwd: dir });
    expect([0, 1], cli.stderr).toContain(cli.code);
    const yaml = readFileSync(join(dir, '封面.yaml'), 'utf8');
    expect(yaml).toContain('hiredYear: 2009');
    await drop([{ name: '封面.xlsx', bytes: readFileSync(join(dir, '封面.xlsx')) }]);
    expect(await page.textContent('details.generated pre')).toBe(yaml);
    expect(await page.locator('.sheet-problems li').count()).toBe(0);
  });

  it('a GB18030 .csv staff list: the same YAML as `edunorm import`', async () => {
    const csv = Buffer.from(encodeGb18030(toCsv(staffGrid())));
    writeFileSync(join(dir, 'staff.csv'), csv);
    const cli = runCli(['import', 'staff.csv', '--kind', 'Staffing', '--locale', 'zh-CN'], { cwd: dir });
    expect([0, 1]).toContain(cli.code);
    const yaml = readFileSync(join(dir, 'staff.yaml'), 'utf8').replace(/^# .*\n# .*\n/, '');
    await drop([{ name: 'staff.csv', bytes: csv }]);
    expect((await page.textContent('details.generated pre'))!.replace(/^# .*\n# .*\n/, '')).toBe(yaml);
  });

  it('a sheet without the school: says what is missing, in Chinese, and checks once it is given', async () => {
    const grid = [HEADERS.map(([h]) => h), ...records.slice(0, 3).map((r, k) => sheetRow(r, k, true))];
    await drop([{ name: 'list.csv', bytes: Buffer.from(toCsv(grid)) }]);
    expect(await page.textContent('.file-error')).toMatch(/缺少 学校代码/);
    // Pointers to this page's form, not to the CLI's flags (outside review).
    expect(await page.textContent('.file-error')).toContain('学校代码(school.code:在本页“表格选项”中填写,或在表格中加一行“学校代码”)');
    expect(await page.textContent('.file-error')).not.toContain('--');
    await page.locator('#sheet-options > summary').click();
    await page.evaluate(() => document.getElementById('result')!.removeAttribute('data-state'));
    for (const [id, v] of [['#sheet-code', '130902101'], ['#sheet-name', '李庄小学'], ['#sheet-level', '小学'], ['#sheet-year', '2025']] as const) await page.fill(id, v);
    await page.dispatchEvent('#sheet-year', 'change');
    await page.waitForSelector('#result[data-state="done"] details.generated');
    expect(await page.textContent('details.generated pre')).toContain('level: primary');
  });

  it('text from files is text: a hostile name is shown, not run; nothing is requested', async () => {
    const hostile = 'apiVersion: edunorm/v1\nkind: SchoolBudget\nschool: { code: "1", name: "<img src=x onerror=alert(1)>", level: "<i>x</i>" }\nfiscalYear: 2025\nbudget: { publicFunds: 4000000, teacherTraining: "<b>1</b>" }\n';
    await paste(hostile);
    expect(await page.locator('#result img, #result b, #result i').count()).toBe(0);
    expect(await page.textContent('#result')).toContain('"<b>1</b>"');
    expect(await page.textContent('#result')).toContain('<img src=x onerror=alert(1)>');
    await paste('just: some yaml\n');
    // Pasted text is no file, and is not called one (outside review).
    expect(await page.textContent('.file-error')).toBe('粘贴的内容不是 edunorm 文件:开头应有 apiVersion: edunorm/v1。没有检查。');
    expect(await page.textContent('#summary')).toContain('粘贴的内容未能检查');
    expect(await page.textContent('#summary')).not.toContain('全部符合要求');
    await drop([{ name: 'broken.xlsx', bytes: Buffer.from('not a zip at all') }]);
    expect(await page.textContent('.file-error')).toContain('不是 .xlsx 工作簿');
    expect(problems).toEqual([]);
  });

  /**
   * Drops paths from disk as the operating system does (Explorer, Finder): Chromium's own drag
   * and drop, through CDP. Unlike a DataTransfer built in the page, it can carry a folder.
   */
  async function dropFromDisk(paths: string[]): Promise<void> {
    const cdp = await page.context().newCDPSession(page);
    const box = (await page.locator('#drop').boundingBox())!;
    const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    const data = { items: [], files: paths, dragOperationsMask: 1 };
    for (const type of ['dragEnter', 'dragOver', 'drop'] as const) await cdp.send('Input.dispatchDragEvent', { type, ...at, data });
    await cdp.detach();
  }

  /** Counts every check the page starts from now on (the result entering its "checking" state). */
  const countChecks = () =>
    page.evaluate(() => {
      const w = window as unknown as { __checks: number; __observer?: MutationObserver };
      w.__checks = 0;
      w.__observer?.disconnect();
      w.__observer = new MutationObserver(() => {
        if (document.getElementById('result')!.getAttribute('data-state') === 'checking') w.__checks++;
      });
      w.__observer.observe(document.getElementById('result')!, { attributes: true, attributeFilter: ['data-state'] });
    });
  const checksStarted = () => page.evaluate(() => (window as unknown as { __checks: number }).__checks);
  const fileError = (name: string) => page.textContent(`section.file[data-file="${name}"] .file-error`);

  it('a folder dropped with a file (outside review): the file is checked, the folder said unchecked, the last verdict gone; one check per drop', async () => {
    await paste(readFileSync(join(EXAMPLES, 'compliant', 'budget.yaml'), 'utf8'));
    expect(await page.textContent('#summary')).toContain('全部符合要求');
    const folder = join(dir, '一所学校');
    mkdirSync(folder, { recursive: true });
    copyFileSync(join(EXAMPLES, 'compliant', 'budget.yaml'), join(folder, 'budget.yaml'));
    const staffing = join(EXAMPLES, 'noncompliant', 'staffing.yaml');
    await page.evaluate(() => document.getElementById('result')!.removeAttribute('data-state'));
    await countChecks();
    await dropFromDisk([staffing, folder]);
    await page.waitForSelector('#result[data-state="done"]');
    expect(await page.$$eval('#result section.file h2', (hs) => hs.map((x) => x.textContent))).toEqual(['staffing.yaml', '一所学校']);
    const expected = (await check(readFileSync(staffing, 'utf8'), { locale: 'zh-CN' })).findings;
    expect((await shownFindings()).map((f) => `${f.ruleId}@${f.line}:${f.column}`)).toEqual(expected.map((f) => `${f.ruleId}@${f.range.start.line}:${f.range.start.column}`));
    expect(await fileError('一所学校')).toBe('无法读取此文件:这是一个文件夹,其中的文件都未检查。请打开文件夹,选中其中的 YAML 或表格文件,再拖进来。');
    expect(await page.textContent('#summary')).toContain('1 个文件未能检查');
    expect(await page.textContent('#summary')).not.toContain('全部符合要求');
    // The drop zone's drop is not taken again by the window's handler.
    await page.waitForTimeout(300);
    expect(await checksStarted()).toBe(1);
    expect(problems).toEqual([]);
  });

  it('a slow read never puts its verdict over a later drop (outside review: a compliant file dropped first replaced the non-compliant one)', async () => {
    // A file read slowly (a USB stick, a network share): its bytes arrive 1.5 s after the drop.
    await page.evaluate(() => {
      const read = File.prototype.arrayBuffer;
      File.prototype.arrayBuffer = function (this: File) {
        const bytes = read.call(this);
        return this.name.startsWith('slow-') ? bytes.then((b) => new Promise<ArrayBuffer>((r) => setTimeout(() => r(b), 1500))) : bytes;
      };
    });
    const transfer = await page.evaluateHandle((b64) => {
      const dt = new DataTransfer();
      dt.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], 'slow-budget.yaml'));
      return dt;
    }, readFileSync(join(EXAMPLES, 'compliant', 'budget.yaml')).toString('base64'));
    await page.dispatchEvent('#drop', 'drop', { dataTransfer: transfer });
    // The page stops showing the last result at once.
    expect(await page.getAttribute('#result', 'data-state')).toBe('checking');
    await drop([{ name: 'budget.yaml', bytes: readFileSync(join(EXAMPLES, 'noncompliant', 'budget.yaml')) }]);
    await page.waitForTimeout(2500);
    expect(await page.$$eval('#result section.file h2', (hs) => hs.map((x) => x.textContent))).toEqual(['budget.yaml']);
    expect(await page.textContent('#summary')).toContain('发现 1 个问题');
    await page.reload();
    await page.waitForSelector('body[data-ready]');
    expect(problems).toEqual([]);
  });

  it('reads a file as the CLI does (outside review): UTF-16 and UTF-32 with or without a BOM, GBK with file/encoding; .xls, PDF and a damaged .xlsx told in Chinese', async () => {
    const text = readFileSync(join(EXAMPLES, 'noncompliant', 'budget.yaml'), 'utf8');
    const utf16be = (s: string) => Buffer.from(s, 'utf16le').swap16();
    const utf32 = (s: string, le: boolean) => {
      const cps = Array.from(s, (c) => c.codePointAt(0)!);
      const b = Buffer.alloc(cps.length * 4);
      cps.forEach((cp, i) => (le ? b.writeUInt32LE(cp, i * 4) : b.writeUInt32BE(cp, i * 4)));
      return b;
    };
    const files: [string, Buffer][] = [
      ['utf16le-nobom.yaml', Buffer.from(text, 'utf16le')],
      ['utf16be-nobom.yaml', utf16be(text)],
      ['utf32le-bom.yaml', utf32(`\uFEFF${text}`, true)],
      ['utf32be.yaml', utf32(text, false)],
      ['gbk.yaml', Buffer.from(encodeGb18030(text))],
    ];
    for (const [name, bytes] of files) {
      writeFileSync(join(dir, name), bytes);
      const cli = runCli(['check', join(dir, name), '--format', 'json', '--locale', 'zh-CN']);
      const expected = (JSON.parse(cli.stdout) as { files: { findings: { ruleId: string; line: number; column: number; message: string }[] }[] }).files[0]!.findings;
      expect(expected.length, name).toBeGreaterThan(0);
      await drop([{ name, bytes }]);
      const shown = await shownFindings();
      expect(shown.map((f) => `${f.ruleId}@${f.line}:${f.column} ${f.message}`), name).toEqual(expected.map((f) => `${f.ruleId}@${f.line}:${f.column} ${f.message}`));
    }
    expect((await shownFindings())[0]!.ruleId).toBe('file/encoding');

    const ole2 = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]);
    await drop([{ name: '名册.xls', bytes: ole2 }]);
    expect(await fileError('名册.xls')).toMatch(/^无法读取此文件:这是旧格式的 Excel\(\.xls\)或 WPS 表格文件.*另存为” \.xlsx 或 \.csv/);
    await drop([{ name: 'scan.pdf', bytes: Buffer.from('%PDF-1.7\n%\xe2\xe3\n1 0 obj\n') }]);
    expect(await fileError('scan.pdf')).toContain('这是 PDF 文件');

    // A workbook whose zip directory is sound but whose compressed data is not: the browser's
    // own (English) error is never shown.
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('教职工').addRow(['工号', '姓名']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const damaged = Buffer.from(xlsx);
    // xl/workbook.xml's compressed bytes (after its local header: 30 bytes, its name, its extra field), scrambled.
    const local = damaged.indexOf('xl/workbook.xml') - 30;
    expect(damaged.readUInt32LE(local)).toBe(0x04034b50);
    const start = local + 30 + damaged.readUInt16LE(local + 26) + damaged.readUInt16LE(local + 28);
    damaged.fill(0xff, start, start + 16);
    await drop([{ name: 'damaged.xlsx', bytes: damaged }]);
    const said = await fileError('damaged.xlsx');
    expect(said).toBe('无法读取此文件:表格文件已损坏,读不出内容:请在 Excel 或 WPS 中打开它,“另存为” .xlsx 或 .csv 后再拖进来。');
    expect(problems).toEqual([]);
  });

  it('a ZIP is told by what it holds (outside review: a .docx was told to take back an .xlsx name), and a configuration file is called one', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('教职工').addRow(['工号', '姓名']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const cases: [string, Buffer, string][] = [
      ['规划.docx', storedZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }), '无法读取此文件:这是 Word 文档(.docx),本页读不了:本页检查的是报送的数据——edunorm YAML 文件(.yaml),或 Excel 表格(.xlsx、.csv);规划、通知等文档不用拖进来。'],
      ['汇报.pptx', storedZip({ '[Content_Types].xml': '<Types/>', 'ppt/presentation.xml': '<p:presentation/>' }), '无法读取此文件:这是 PowerPoint 演示文稿(.pptx),本页读不了:请拖入 edunorm YAML 文件(.yaml),或 Excel 表格(.xlsx、.csv)。'],
      ['名册.yaml', xlsx, '无法读取此文件:这是 Excel 表格(.xlsx),文件名却不是 .xlsx:请把文件名改回 .xlsx,再拖进来。'],
      ['材料.zip', storedZip({ 'a/budget.yaml': 'apiVersion: edunorm/v1\n' }), '无法读取此文件:这是压缩包,不是 YAML 文件:请先解压,再把其中的 YAML 或表格文件拖进来。'],
      ['edunorm.config.yaml', Buffer.from('rules:\n  teacher-training-funds: error\n'), '这是 edunorm 的配置文件(edunorm.config.yaml),不是报送的数据,本页不检查它:配置由命令行和 VS Code 扩展读取。请拖入学校或区县报送的 YAML 文件,或 Excel 表格。'],
    ];
    for (const [name, bytes, said] of cases) {
      await drop([{ name, bytes }]);
      expect(await fileError(name), name).toBe(said);
    }
    expect(problems).toEqual([]);
  });

  it('shows invisible controls in names as the CLI does (outside review: a bidi override turned 3,200 into 002,3), and where a target’s figure comes from', async () => {
    const text = readFileSync(join(EXAMPLES, 'noncompliant', 'staffing.yaml'), 'utf8');
    // T001, the class teacher whose allowance is short.
    expect(text).toContain('  - id: T001\n    name: 张老师\n');
    const hostile = text.replace('name: 张老师', 'name: "张老师\u202e"');
    await paste(hostile);
    const message = await page.textContent('li[data-rule-id="class-teacher-allowance"] .message');
    expect(message).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(message).toContain('\\u202e');
    expect(message).toContain('3,200');
    const expected = (await check(hostile, { locale: 'zh-CN' })).findings.find((f) => f.ruleId === 'class-teacher-allowance')!;
    const related = await page.$$eval('li[data-rule-id="class-teacher-allowance"] .related li', (items) => items.map((li) => li.textContent));
    expect(expected.related?.length).toBeGreaterThan(0);
    expect(related).toEqual(expected.related!.map((r) => `↳ 第 ${r.range.start.line} 行,第 ${r.range.start.column} 列:${r.message}`));
    expect(problems).toEqual([]);
  });

  it('the files of one drop are checked together, as edunorm check checks their folder (outside review: a county dropped whole got none of its county norms, and nothing said so)', async () => {
    // The county without its configuration: the page checks with the built-in rules, as the CLI does then.
    const county = join(dir, 'county-together');
    cpSync(join(EXAMPLES, 'county'), county, { recursive: true });
    rmSync(join(county, 'edunorm.config.yaml'));
    const cli = runCli(['check', '.', '--format', 'json', '--locale', 'zh-CN'], { cwd: county });
    type CliFile = { path: string; findings: { ruleId: string; line: number; column: number; message: string; related?: { file?: string }[] }[] };
    const files = (JSON.parse(cli.stdout) as { files: CliFile[] }).files;
    expect(files.flatMap((f) => f.findings.map((x) => x.ruleId))).toEqual(expect.arrayContaining(['county-teacher-pay-parity', 'district-school-list']));
    await drop(files.map((f) => ({ name: f.path.split('/').pop()!, bytes: readFileSync(join(county, f.path)) })));
    const sections = await page.$$eval('#result section.file', (ss) =>
      ss.map((s) => ({
        name: s.getAttribute('data-file'),
        findings: Array.from(s.querySelectorAll('ol.findings > li')).map((li) => `${li.getAttribute('data-rule-id')}@${li.getAttribute('data-line')}:${li.getAttribute('data-column')}`),
        others: Array.from(s.querySelectorAll('ul.related li[data-file]')).map((li) => li.getAttribute('data-file')),
      })),
    );
    // Three staffing-2025.yaml of three schools: told apart by their names on the page.
    expect(sections.map((x) => x.name)).toEqual(['district-2024.yaml', 'district-2025.yaml', 'staffing-2025.yaml', 'budget-2025.yaml', 'staffing-2025.yaml (2)', 'staffing-2025.yaml (3)', 'budget-2025.yaml (2)']);
    // The same findings, file by file, rule, line and column, as the command line on the folder.
    expect(sections.map((x) => x.findings)).toEqual(files.map((f) => f.findings.map((x) => `${x.ruleId}@${x.line}:${x.column}`)));
    // A district's finding names the school files its figures come from.
    const district = sections.find((x) => x.name === 'district-2025.yaml')!;
    expect(district.others.length).toBeGreaterThan(0);
    expect(district.others.every((n) => sections.some((x) => x.name === n))).toBe(true);
    expect(await page.textContent('#scope-note')).toContain('只统计与县指标文档一起拖入的学校文件');
    expect(await page.textContent('#scope-note')).not.toContain('edunorm.config.yaml');
    // With the configuration dropped too, the page says it did not apply it.
    await drop([{ name: 'edunorm.config.yaml', bytes: readFileSync(join(EXAMPLES, 'county', 'edunorm.config.yaml')) }, { name: 'budget-2025.yaml', bytes: readFileSync(join(county, 'schools', 'xihe-primary', 'budget-2025.yaml')) }]);
    expect(await page.textContent('#scope-note')).toBe('本页按内置规则检查,没有采用拖入的 edunorm.config.yaml 中的设置;要按其中的设置检查,请在命令行运行 edunorm check 加上文件夹,或在 VS Code 中打开该文件夹。');
    // One school alone: no county norm, no note.
    await drop([{ name: 'budget-2025.yaml', bytes: readFileSync(join(county, 'schools', 'xihe-primary', 'budget-2025.yaml')) }]);
    expect(await page.$('#scope-note')).toBeNull();
    expect(problems).toEqual([]);
  });

  it('a sheet’s messages point to this page, not to docs and flags it does not have (outside review); the page lists the header words', async () => {
    const grid = [[...HEADERS.map(([h]) => h), '教师资格证编号'], ...records.slice(0, 3).map((r, k) => [...sheetRow(r, k, true), 'X1'])];
    await page.evaluate(() => ((document.getElementById('sheet-options') as HTMLDetailsElement).open = true));
    const school = [['#sheet-code', '130902101'], ['#sheet-name', '李庄小学'], ['#sheet-level', '小学'], ['#sheet-year', '2025']] as const;
    for (const [id, v] of school) await page.fill(id, v);
    await drop([{ name: 'list.csv', bytes: Buffer.from(toCsv(grid)) }]);
    const said = await page.$$eval('.sheet-problems li', (items) => items.map((li) => `${li.getAttribute('data-rule-id')} ${li.querySelector('.message')!.textContent}`));
    expect(said).toContainEqual('import/unknown-column 未识别的列名“教师资格证编号”,此列已忽略(列名见本页“表格选项”中的列名对照表)');
    expect(said.join('\n')).not.toMatch(/--mapping|docs\/import-mapping/);
    // The table it points to: the staff list's columns, with their header words.
    await page.selectOption('#sheet-kind', 'Staffing');
    const staffId = page.locator('#mapping tr[data-key="id"]');
    expect(await staffId.textContent()).toContain('工号');
    expect(await page.locator('#mapping summary').textContent()).toBe('列名对照表:教职工名册(Staffing)');
    for (const [id] of school) await page.fill(id, '');
    expect(problems).toEqual([]);
  });

  it('is saved as test-artifacts/web.png', async () => {
    // As a clerk first sees it: a fresh page, the non-compliant example checked.
    await page.reload();
    await page.waitForSelector('body[data-ready]');
    await page.click('#try-bad');
    await page.waitForSelector('#result[data-state="done"] .finding');
    await page.evaluate(() => window.scrollTo(0, 0));
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'web.png') });
    if (process.env.EDUNORM_UPDATE_SCREENSHOTS) copyFileSync(join(ARTIFACTS, 'web.png'), join(ROOT, 'packages', 'web', 'screenshot.png'));
    expect(problems).toEqual([]);
  });
});

/** A ZIP of stored (uncompressed) entries: enough of one for the page to read its directory. */
function storedZip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name, 'utf8');
    const data = Buffer.from(text, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    central.push(entry, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
