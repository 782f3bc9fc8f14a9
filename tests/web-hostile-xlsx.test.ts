/**
 * Hostile workbooks (outside review): a merged area written backwards (`B5:A99999999999`)
 * slipped under the 1,000,000-cell cap as a negative area and the page looped over every row of
 * it; many areas just under the cap each filled the map. Either hung the tab — and `edunorm
 * import` hung in exceljs, which expands every merged area as it reads. Both now refuse such a
 * workbook with the same words (xlsx-parts.ts MERGE_BOUND), and an ordinary merge still reads.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/paths.js';
import { runCliAsync } from './hostile/cli-runner.js';
import { MERGE_BOUND } from '../packages/cli/src/import/xlsx-parts.js';

const CHROMIUM = '/usr/bin/chromium';
const PAGE = join(ROOT, 'packages', 'web', 'dist', 'index.html');

async function workbookWithMerges(refs: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('教职工');
  ws.addRow(['工号', '姓名']);
  ws.addRow(['T001', '张三']);
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const xml = (await zip.file('xl/worksheets/sheet1.xml')!.async('string')).replace('</sheetData>', `</sheetData><mergeCells count="${refs.length}">${refs.map((r) => `<mergeCell ref="${r}"/>`).join('')}</mergeCells>`);
  zip.file('xl/worksheets/sheet1.xml', xml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe.skipIf(!existsSync(CHROMIUM))('hostile .xlsx merges on the web page', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    page = await browser.newPage();
    await page.goto(`file://${PAGE}`);
    await page.waitForSelector('body[data-ready]');
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  async function drop(name: string, bytes: Buffer): Promise<void> {
    await page.evaluate(() => document.getElementById('result')!.removeAttribute('data-state'));
    const transfer = await page.evaluateHandle((f) => {
      const dt = new DataTransfer();
      dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name));
      return dt;
    }, { name, b64: bytes.toString('base64') });
    await page.dispatchEvent('#drop', 'drop', { dataTransfer: transfer });
    await page.waitForSelector('#result[data-state="done"]', { timeout: 10_000 });
  }

  const fileError = (name: string) => page.textContent(`section.file[data-file="${name}"] .file-error`);

  it('a merged area written backwards ends, refused in words (B5:A99999999999)', async () => {
    await drop('倒写.xlsx', await workbookWithMerges(['B5:A99999999999']));
    expect(await fileError('倒写.xlsx')).toBe(`无法读取此文件:${MERGE_BOUND['zh-CN']}`);
  }, 30_000);

  it('many areas each under the cap end, refused in words (400 × 999,999 cells)', async () => {
    await drop('多合并.xlsx', await workbookWithMerges(MANY));
    expect(await fileError('多合并.xlsx')).toBe(`无法读取此文件:${MERGE_BOUND['zh-CN']}`);
  }, 30_000);

  it('an ordinary merge still reads', async () => {
    await drop('正常.xlsx', await workbookWithMerges(['A5:B5']));
    expect(await page.$(`section.file[data-file="正常.xlsx"]`)).not.toBeNull();
    expect(await fileError('正常.xlsx')).not.toContain(MERGE_BOUND['zh-CN']);
  }, 30_000);
});

const MANY = Array.from({ length: 400 }, (_, i) => `A${i * 1000 + 10}:ALL${i * 1000 + 1009}`);

describe('hostile .xlsx merges on the command line (edunorm import)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'edunorm-hostile-xlsx-'));
  const GIVEN = ['--kind', 'Staffing', '--school-code', '130902101', '--school-name', '李庄小学', '--level', 'primary', '--fiscal-year', '2025'];

  it('ends with exit 2 and the page\'s words, before exceljs reads the workbook; an ordinary merge still imports', async () => {
    try {
      for (const [name, refs] of [['倒写.xlsx', ['B5:A99999999999']], ['多合并.xlsx', MANY]] as const) {
        writeFileSync(join(dir, name), await workbookWithMerges([...refs]));
        const r = await runCliAsync(['import', name, ...GIVEN, '-o', 'out.yaml'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' }, timeoutMs: 20_000 });
        expect(r.signal, `${name}: killed, the import did not end`).toBeNull();
        expect(r.code, name).toBe(2);
        expect(r.stderr, name).toBe(`edunorm: 无法导入 ${name}:${MERGE_BOUND['zh-CN']}\n`);
        expect(existsSync(join(dir, 'out.yaml'))).toBe(false);
      }
      writeFileSync(join(dir, '正常.xlsx'), await workbookWithMerges(['A5:B5']));
      const ok = await runCliAsync(['import', '正常.xlsx', ...GIVEN, '-o', 'ok.yaml'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' }, timeoutMs: 20_000 });
      expect(ok.stderr).not.toContain(MERGE_BOUND['zh-CN']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
