import type { CellValue as ExcelCellValue, Workbook, Worksheet } from 'exceljs';
import { UsageError } from '../usage-error.js';
import { readFileSync } from 'node:fs';
import { cellAddress, columnNumber, isBlank, type Cell, type CellIssue, type CellValue, type Sheet } from './sheet.js';
import { MERGE_BOUND, mergedAreas, mergedCells, sheetOverMergeBound } from './xlsx-parts.js';
import { MESSAGES as M } from '../messages.js';

type Plain = CellValue | null | { issue: CellIssue };

/** exceljs gives formulas, rich text, hyperlinks and errors as objects; the importer wants what the cell shows. */
function plainValue(value: ExcelCellValue): Plain {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  const v = value as unknown as Record<string, unknown>;
  if ('error' in v) return { issue: { kind: 'excel-error', text: String(v.error) } };
  if ('result' in v || 'formula' in v || 'sharedFormula' in v) {
    if (v.result !== undefined && v.result !== null) return plainValue(v.result as ExcelCellValue);
    // A workbook written by a program (or saved without calculation) keeps the formula but no
    // result: what the cell would show is unknown, so it is never read as empty.
    const formula = typeof v.formula === 'string' ? v.formula : typeof v.sharedFormula === 'string' ? v.sharedFormula : '';
    return { issue: { kind: 'formula-without-value', text: `=${formula}` } };
  }
  if (Array.isArray(v.richText)) return (v.richText as { text: string }[]).map((r) => r.text).join('');
  if ('text' in v) return typeof v.text === 'string' ? v.text : plainValue(v.text as ExcelCellValue);
  return null;
}

export interface XlsxSheet extends Sheet {
  /** Cells holding an Excel error (`#N/A`, `#DIV/0!`) or a formula without a cached result, by address. */
  issues: Map<string, CellIssue>;
}

function toSheet(worksheet: Worksheet): XlsxSheet {
  const rows: Cell[][] = [];
  const issues = new Map<string, CellIssue>();
  const mergedInto = new Map<string, string>();
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      // A merged cell repeats its master's value in every cell it covers; keep it once, and
      // remember the cover (a two-row header's group title spans its columns).
      if (cell.isMerged && cell.master.address !== cell.address) {
        mergedInto.set(cellAddress(rowNumber, column), cell.master.address);
        return;
      }
      const value = plainValue(cell.value);
      if (value && typeof value === 'object' && 'issue' in value) {
        // Kept in place as its text (`#N/A`, `=G7*12`), and listed so the importer reports it.
        issues.set(cellAddress(rowNumber, column), value.issue);
        cells.push({ address: cellAddress(rowNumber, column), row: rowNumber, column, value: value.issue.text });
        return;
      }
      if (!isBlank(value)) cells.push({ address: cellAddress(rowNumber, column), row: rowNumber, column, value: value! });
    });
    if (cells.length) rows.push(cells);
  });
  // Merged cells that are empty themselves are not visited by eachRow: take the covers from the
  // model too — corner to corner, as the page reads them (the workbook was refused before exceljs
  // read it when they are over the bound: sheetOverMergeBound).
  for (const [cell, master] of mergedCells(mergedAreas((worksheet.model as { merges?: string[] }).merges ?? []).areas)) mergedInto.set(cell, master);
  return { name: worksheet.name, rows, issues, mergedInto };
}

/** Reads one worksheet of an .xlsx workbook: the one named, else the first that holds data. */
export async function readXlsx(path: string, sheetName: string | undefined): Promise<XlsxSheet> {
  // exceljs is large: load it only when a workbook is imported.
  const { default: ExcelJS } = (await import('exceljs')) as unknown as { default: { Workbook: new () => Workbook } };
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs expands every merged area cell by cell as it reads: a hostile one (B5:A99999999999)
    // would never end. Refused first, as the web page refuses it.
    const bytes = readFileSync(path);
    if (await sheetOverMergeBound(bytes)) throw new UsageError(M.xlsxMergeBound(path, MERGE_BOUND));
    // The bytes read once, for the bound and for exceljs (whose typings declare a Buffer of their
    // own, an ArrayBuffer; it reads Node's Buffer, as its readFile does with the file's bytes).
    await workbook.xlsx.load(bytes as unknown as Parameters<Workbook['xlsx']['load']>[0]);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(M.xlsxUnreadable(path, error instanceof Error ? error.message : String(error)));
  }
  const sheets = workbook.worksheets;
  const names = sheets.map((s) => s.name);
  if (sheetName !== undefined) {
    const found = sheets.find((s) => s.name === sheetName);
    if (!found) throw new UsageError(M.xlsxNoSheet(sheetName, path, names.join(', ')));
    return toSheet(found);
  }
  if (!sheets.length) throw new UsageError(M.xlsxNoWorksheets(path));
  // The first sheet with a cell that is not blank, as the browser checker chooses (a cover sheet
  // holding only a space is no data: exceljs's actualRowCount counts it).
  for (const worksheet of sheets) {
    if (worksheet.actualRowCount === 0) continue;
    const sheet = toSheet(worksheet);
    if (sheet.rows.length) return sheet;
  }
  return toSheet(sheets[0]!);
}
