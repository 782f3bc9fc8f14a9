/**
 * A spreadsheet as the importer sees it: one worksheet's cells by row, each with its Excel
 * address, so every problem can be named as `sheet!C12` whatever the source format was.
 */

/** What a cell holds once formulas, rich text and hyperlinks are reduced to their value. */
export type CellValue = string | number | boolean | Date;

/**
 * A cell whose value the importer cannot take as it shows: an Excel error (`#N/A`), or a
 * formula saved without its result. `text` is what the cell keeps in the YAML (`#N/A`, `=G7*12`).
 */
export type CellIssue = { kind: 'excel-error'; text: string } | { kind: 'formula-without-value'; text: string };

export interface Cell {
  /** Excel-style address, e.g. `C12`. */
  address: string;
  /** 1-based row and column. */
  row: number;
  column: number;
  value: CellValue;
}

export interface Sheet {
  /** Worksheet name (for CSV: the file's name without extension, as Excel shows it). */
  name: string;
  /** Non-empty rows in order; each holds its non-empty cells, left to right. */
  rows: Cell[][];
  /** Cells covered by a merged range → the range's first cell (xlsx only; a CSV has no merges). */
  mergedInto?: ReadonlyMap<string, string>;
}

/** 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let out = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** A → 1, AA → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

/** `教职工!C12`; a sheet name with spaces or punctuation is quoted as Excel does (`'My sheet'!C12`). */
export function qualifiedAddress(sheet: string, address: string): string {
  const plain = /^[\p{L}\p{N}_]+$/u.test(sheet);
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${address}`;
}

/** Blank means nothing to import: empty or whitespace-only text. */
export function isBlank(value: CellValue | null | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** Builds rows from a dense grid, dropping blank cells and rows. */
export function sheetFromGrid(name: string, grid: readonly (readonly (CellValue | null | undefined)[])[]): Sheet {
  const rows: Cell[][] = [];
  grid.forEach((values, r) => {
    const cells: Cell[] = [];
    values.forEach((value, c) => {
      if (!isBlank(value)) cells.push({ address: cellAddress(r + 1, c + 1), row: r + 1, column: c + 1, value: value! });
    });
    if (cells.length) rows.push(cells);
  });
  return { name, rows };
}
