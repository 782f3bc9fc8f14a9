import type { CellValue as ExcelCellValue, Workbook, Worksheet } from 'exceljs';
import { UsageError } from '../usage-error.js';
import { cellAddress, isBlank, type Cell, type CellValue, type Sheet } from './sheet.js';

/** exceljs gives formulas, rich text, hyperlinks and errors as objects; the importer wants what the cell shows. */
function plainValue(value: ExcelCellValue): CellValue | null | { error: string } {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  const v = value as unknown as Record<string, unknown>;
  if ('error' in v) return { error: String(v.error) };
  if ('result' in v || 'formula' in v || 'sharedFormula' in v) return v.result === undefined ? null : plainValue(v.result as ExcelCellValue);
  if (Array.isArray(v.richText)) return (v.richText as { text: string }[]).map((r) => r.text).join('');
  if ('text' in v) return typeof v.text === 'string' ? v.text : plainValue(v.text as ExcelCellValue);
  return null;
}

export interface XlsxSheet extends Sheet {
  /** Cells holding an Excel error (`#N/A`, `#DIV/0!`) or a formula without a cached result. */
  errorCells: { address: string; error: string }[];
}

function toSheet(worksheet: Worksheet): XlsxSheet {
  const rows: Cell[][] = [];
  const errorCells: { address: string; error: string }[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      // A merged cell repeats its master's value in every cell it covers; keep it once.
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const value = plainValue(cell.value);
      if (value && typeof value === 'object' && 'error' in value) {
        // Kept in place as its error text (`#N/A`), and listed so the importer reports it.
        errorCells.push({ address: cellAddress(rowNumber, column), error: value.error });
        cells.push({ address: cellAddress(rowNumber, column), row: rowNumber, column, value: value.error });
        return;
      }
      if (!isBlank(value)) cells.push({ address: cellAddress(rowNumber, column), row: rowNumber, column, value: value! });
    });
    if (cells.length) rows.push(cells);
  });
  return { name: worksheet.name, rows, errorCells };
}

/** Reads one worksheet of an .xlsx workbook: the one named, else the first that holds data. */
export async function readXlsx(path: string, sheetName: string | undefined): Promise<XlsxSheet> {
  // exceljs is large: load it only when a workbook is imported.
  const { default: ExcelJS } = (await import('exceljs')) as unknown as { default: { Workbook: new () => Workbook } };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    throw new UsageError(`cannot read ${path} as an .xlsx workbook (${error instanceof Error ? error.message : String(error)}); save it as .xlsx or .csv`);
  }
  const sheets = workbook.worksheets;
  const names = sheets.map((s) => s.name);
  if (sheetName !== undefined) {
    const found = sheets.find((s) => s.name === sheetName);
    if (!found) throw new UsageError(`no sheet "${sheetName}" in ${path}; its sheets: ${names.join(', ')}`);
    return toSheet(found);
  }
  const withData = sheets.find((s) => s.actualRowCount > 0) ?? sheets[0];
  if (!withData) throw new UsageError(`${path} has no worksheets`);
  return toSheet(withData);
}
