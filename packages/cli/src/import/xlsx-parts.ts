/**
 * The parts of an .xlsx workbook (a ZIP of XML files), read the same way by `edunorm import`
 * and the web page, and the bound on merged areas both apply. No `node:` imports: the page
 * bundles it. Inflating uses DecompressionStream, which Node (18+) and browsers both have.
 */
import { cellAddress, columnNumber } from './sheet.js';

/** A school's workbook is a few MB; 200 MiB of inflated XML is a ZIP bomb, not a staff list. */
export const MAX_INFLATED = 200 * 1024 * 1024;
/** Cells a sheet's merged areas may cover in all (a header's spans are a few hundred). */
export const MAX_MERGED_CELLS = 1_000_000;

export interface ZipEntry {
  method: number;
  compressedSize: number;
  dataOffset: number;
}

/** Why a part could not be inflated: a compression method other than stored or deflate, or more than MAX_INFLATED in all. */
export class XlsxPartError extends Error {
  override name = 'XlsxPartError';
  constructor(readonly reason: 'method' | 'too-large') {
    super(reason === 'method' ? 'unsupported compression method' : `more than ${MAX_INFLATED} bytes once inflated`);
  }
}

/** The entries of a ZIP file's central directory by name, or undefined when it has none (not a ZIP, or truncated before it). */
export function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> | undefined {
  if (bytes.length < 22) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: the last 22+ bytes, signature PK\5\6, searched backwards over a comment of ≤ 64 KiB.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const decoder = new TextDecoder();
  const entries = new Map<string, ZipEntry>();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) break;
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (local + 30 <= bytes.length) {
      const dataOffset = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      entries.set(name.replace(/^\//, ''), { method, compressedSize, dataOffset });
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** A part's text; `budget.left` is what all parts read so far may still inflate to (throws XlsxPartError past it). */
export async function inflatePart(bytes: Uint8Array, entry: ZipEntry, budget: { left: number }): Promise<string> {
  const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) return new TextDecoder().decode(data);
  if (entry.method !== 8) throw new XlsxPartError('method');
  const reader = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    budget.left -= value.byteLength;
    if (budget.left < 0) {
      await reader.cancel();
      throw new XlsxPartError('too-large');
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(await new Blob(chunks).arrayBuffer());
}

/** A merged area, corner to corner (rows and columns from 1). */
export interface MergedArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Excel's grid: 1,048,576 rows of 16,384 columns (XFD). */
const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

/**
 * A sheet's merged areas from their `ref`s (`A1:C2`), as Excel reads them: corner to corner, so
 * an area written backwards (`B5:A99999999999`, whose negative size once passed a cap) is the
 * same area as written forwards. `over`: an area outside Excel's grid, or more than
 * MAX_MERGED_CELLS covered in all — a hostile part, of which nothing is expanded cell by cell
 * (the readers refuse the workbook: MERGE_BOUND).
 */
export function mergedAreas(refs: Iterable<string>): { areas: MergedArea[]; over: boolean } {
  const areas: MergedArea[] = [];
  let covered = 0;
  for (const ref of refs) {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
    if (!m) continue;
    const [a, b, c, d] = [columnNumber(m[1]!), Number(m[2]), columnNumber(m[3]!), Number(m[4])];
    const area = { top: Math.min(b, d), left: Math.min(a, c), bottom: Math.max(b, d), right: Math.max(a, c) };
    if (area.top < 1 || area.left < 1 || area.bottom > MAX_ROW || area.right > MAX_COLUMN) return { areas: [], over: true };
    covered += (area.bottom - area.top + 1) * (area.right - area.left + 1);
    if (covered > MAX_MERGED_CELLS) return { areas: [], over: true };
    areas.push(area);
  }
  return { areas, over: false };
}

/** Why a workbook whose merged areas are over the bound is not read (both readers say it). */
export const MERGE_BOUND: { 'zh-CN': string; en: string } = {
  'zh-CN': `工作表中的合并单元格超出 Excel 的行列范围,或共覆盖超过 ${MAX_MERGED_CELLS.toLocaleString('en-US')} 个单元格,不像是名册:请在 Excel 中取消这些合并,另存为 .xlsx 或 .csv 后再导入`,
  en: `the sheet's merged cells lie outside Excel's grid or cover more than ${MAX_MERGED_CELLS.toLocaleString('en-US')} cells in all, which no staff list does: unmerge them in Excel, save as .xlsx or .csv, and import that`,
};

/** Each cell a merged area covers, other than its top-left one, mapped to that top-left cell (exceljs repeats the master there). */
export function mergedCells(areas: readonly MergedArea[]): Map<string, string> {
  const into = new Map<string, string>();
  for (const { top, left, bottom, right } of areas) {
    const master = cellAddress(top, left);
    for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) if (r !== top || c !== left) into.set(cellAddress(r, c), master);
  }
  return into;
}

/**
 * Whether a workbook's sheets together stay within the bound on merged areas (each sheet's
 * `<mergeCell ref>`s): what `edunorm import` asks before exceljs reads the workbook, since
 * exceljs itself expands every merged area cell by cell. Undefined when it is no ZIP (exceljs
 * then says why); the sheet over the bound otherwise.
 */
export async function sheetOverMergeBound(bytes: Uint8Array): Promise<{ part: string } | undefined> {
  const entries = zipEntries(bytes);
  if (!entries) return undefined;
  const budget = { left: MAX_INFLATED };
  for (const [name, entry] of entries) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const xml = await inflatePart(bytes, entry, budget);
    const refs = [...xml.matchAll(/<(?:\w+:)?mergeCell\b[^>]*?\bref\s*=\s*["']([^"']*)["']/g)].map((m) => m[1]!);
    if (mergedAreas(refs).over) return { part: name };
  }
  return undefined;
}
