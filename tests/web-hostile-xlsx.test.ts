/**
 * Hostile workbooks dropped on the web page (outside review): a merged area written backwards
 * (`B5:A99999999999`) slipped under the 1,000,000-cell cap as a negative area and read.ts looped
 * over every row of it; many areas just under the cap each filled the map. Either hung the tab.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/paths.js';

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

  it('a merged area written backwards ends (B5:A99999999999)', async () => {
    await drop('倒写.xlsx', await workbookWithMerges(['B5:A99999999999']));
  }, 30_000);

  it('many areas each under the cap end (400 × 999,999 cells)', async () => {
    await drop('多合并.xlsx', await workbookWithMerges(Array.from({ length: 400 }, (_, i) => `A${i * 1000 + 10}:ALL${i * 1000 + 1009}`)));
  }, 30_000);

  it('an ordinary merge still reads', async () => {
    await drop('正常.xlsx', await workbookWithMerges(['A5:B5']));
    expect(await page.textContent('#result')).toBeTruthy();
  }, 30_000);
});
