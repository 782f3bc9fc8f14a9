import type { LocalizedText, Severity } from '@edunorm/core';
import { CLI_HINTS, headerHint, type ImportHints } from './import-hints.js';
import { convertCell } from './convert-value.js';
import { IGNORED_HEADERS, normalizeHeader, type FieldSpec, type KindLayout } from './field-mapping.js';
import type { ImportProblem } from './import-problem.js';
import { cellAddress, columnLetters, qualifiedAddress, type Cell, type CellIssue, type Sheet } from './sheet.js';

/**
 * Reads a sheet laid out as documented in docs/import-mapping.md:
 *
 *   学校代码 | 130902008        ← block: label/value pairs (several pairs per row allowed),
 *   学校名称 | 第八中学            or one row of labels with the values in the row below
 *   工号 | 姓名 | 岗位类别 | …   ← the table's header row (≥ 2 known column headers)
 *   T001 | 张三 | 专任教师 | …   ← one record per row
 *
 * Values are converted per field; a cell that cannot be converted keeps its text (so the check
 * of the output flags it as well) and becomes a problem naming the cell.
 */
export interface ImportedSheet {
  /** Document fields by dotted path (`school.code`, `fiscalYear`). */
  fields: Map<string, unknown>;
  /** Table records, keyed by contract field. */
  records: Record<string, unknown>[];
  /** Sheet row of each record (for comments and locating findings). */
  recordRows: number[];
  /** Source cell of each value: `school.code` / `staff[3].baseSalary` → `教职工!B7`. */
  sources: Map<string, string>;
  /** Whether a table header row was found (kinds with a table). */
  tableFound: boolean;
  problems: ImportProblem[];
}

/** Caption rows of a two-column block (`字段 | 值`) say nothing themselves. */
const CAPTIONS = new Set(['字段', '值', '项目', '数值', '金额', '内容', 'field', 'value', 'item']);
/** Fields every record needs (documents.md): a table without such a column is reported once, at its header. */
const REQUIRED_COLUMNS = { staff: ['id', 'name', 'role'], schools: ['code', 'name'] };
const TOTAL_ROW = /^(合计|总计|小计|total)$/i;

const textOf = (cell: Cell) => (typeof cell.value === 'string' ? normalizeHeader(cell.value) : undefined);

function indexAliases(fields: readonly FieldSpec[]): Map<string, FieldSpec> {
  const index = new Map<string, FieldSpec>();
  // Earlier fields win: a mapping file's headers come first in each field's alias list.
  for (const f of fields) for (const a of f.aliases) if (!index.has(normalizeHeader(a))) index.set(normalizeHeader(a), f);
  return index;
}

export function readSheet(sheet: Sheet, layout: KindLayout, issues: ReadonlyMap<string, CellIssue> = new Map(), hints: ImportHints = CLI_HINTS): ImportedSheet {
  const labelHint = headerHint(hints, { 'zh-CN': '字段名', en: '' });
  const columnHint = headerHint(hints, { 'zh-CN': '列名', en: '' });
  const whereHeaders = headerHint({ ...hints, addWords: undefined }, undefined);
  const out: ImportedSheet = { fields: new Map(), records: [], recordRows: [], sources: new Map(), tableFound: false, problems: [] };
  const at = (address: string) => qualifiedAddress(sheet.name, address);
  const report = (ruleId: ImportProblem['ruleId'], severity: Severity, address: string, zh: string, en: string) =>
    out.problems.push({ ruleId, severity, cell: at(address), message: { 'zh-CN': zh, en } });

  /** Converts a cell into `target[key]`; returns whether a value (good or kept as text) was set. */
  const take = (cell: Cell, field: FieldSpec, path: string, set: (value: unknown) => void) => {
    const issue = issues.get(cell.address);
    if (issue?.kind === 'excel-error') {
      report('import/excel-error', 'error', cell.address, `单元格是 Excel 错误值 ${issue.text},请填入${field.label['zh-CN']}`, `the cell holds the Excel error ${issue.text}; enter the ${field.key}`);
      set(issue.text);
    } else if (issue?.kind === 'formula-without-value') {
      // Never read as empty (a missing salary would silently drop a teacher from an average):
      // the formula's text goes into the YAML, where the check flags it as well.
      report(
        'import/formula-without-value',
        'error',
        cell.address,
        `单元格是公式 ${issue.text},但文件里没有保存计算结果(表格可能由程序生成,未在 Excel 中打开保存过),无法导入${field.label['zh-CN']}。请在 Excel 中打开并保存此文件,或直接填入数值;已按原文写入,检查会标出此项`,
        `the cell is the formula ${issue.text} without a saved result (the workbook was probably written by a program and never opened and saved in Excel), so its ${field.key} cannot be imported. Open and save the file in Excel, or enter the value; kept as the formula's text, so the check flags it`,
      );
      set(issue.text);
    } else {
      const converted = convertCell(cell.value, field);
      if ('value' in converted) set(converted.value);
      else {
        out.problems.push({ ruleId: 'import/unconvertible', severity: 'error', cell: at(cell.address), message: converted.problem });
        set(cell.value instanceof Date ? cell.value.toISOString().slice(0, 10) : String(cell.value));
      }
    }
    out.sources.set(path, at(cell.address));
  };

  const blockIndex = indexAliases(layout.block);
  const columnIndex = indexAliases(layout.table?.columns ?? []);
  const headerAt = layout.table
    ? sheet.rows.findIndex((row) => row.filter((c) => {
        const t = textOf(c);
        return t !== undefined && columnIndex.has(t);
      }).length >= 2)
    : -1;
  out.tableFound = headerAt >= 0;
  const blockRows = headerAt >= 0 ? sheet.rows.slice(0, headerAt) : sheet.rows;

  const setField = (cell: Cell, field: FieldSpec) => {
    if (out.fields.has(field.key)) {
      report('import/duplicate-field', 'error', cell.address, `${field.label['zh-CN']}填写了两次(另见 ${out.sources.get(field.key)}),只能保留一处`, `${field.key} is given twice (also ${out.sources.get(field.key)}); keep one`);
      return;
    }
    take(cell, field, field.key, (v) => out.fields.set(field.key, v));
  };
  readBlock(blockRows, blockIndex, setField, report, labelHint);

  if (headerAt >= 0 && layout.table) readTable(sheet.rows.slice(headerAt), layout.table, columnIndex, { out, take, report, at, mergedInto: sheet.mergedInto ?? new Map(), whereHeaders, columnHint });
  return out;
}

type Report = (ruleId: ImportProblem['ruleId'], severity: Severity, address: string, zh: string, en: string) => void;

function readBlock(rows: readonly Cell[][], index: Map<string, FieldSpec>, setField: (cell: Cell, field: FieldSpec) => void, report: Report, labelHint: LocalizedText): void {
  const labelOf = (cell: Cell | undefined) => {
    const t = cell && textOf(cell);
    return t === undefined ? undefined : index.get(t);
  };
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    // A row made only of labels: the values are in the row below, column by column.
    if (row.length >= 2 && row.every((c) => labelOf(c))) {
      const values = rows[i + 1] ?? [];
      for (const label of row) {
        const value = values.find((c) => c.column === label.column);
        if (value) setField(value, labelOf(label)!);
      }
      i++;
      continue;
    }
    if (row.every((c) => textOf(c) !== undefined && CAPTIONS.has(textOf(c)!))) continue;
    const known = row.some((c) => labelOf(c));
    // A lone cell that names nothing is a title (`李庄小学 2025 年教职工名册`).
    if (!known && row.length === 1) continue;
    for (let j = 0; j < row.length; j++) {
      const cell = row[j]!;
      const field = labelOf(cell);
      const next = row[j + 1];
      if (field && next && !labelOf(next)) {
        setField(next, field);
        j++;
      } else if (!field) {
        const shown = String(cell.value);
        report('import/unknown-label', 'warning', cell.address, `未识别的字段“${shown}”,已忽略${labelHint['zh-CN']}`, `unknown label "${shown}", ignored ${labelHint.en}`);
        // Its value, if any, goes with it.
        if (next && !labelOf(next)) j++;
      }
    }
  }
}

/**
 * The column headers of a table: one row, or two when the row below the header holds the
 * sub-titles of grouped columns (`工资` merged over `年工资收入` | `基本工资`). A sub-column is
 * known by its group and sub-title together (`班主任` + `津贴`) or by its sub-title alone.
 * Returns the columns mapped to fields, and how many rows the header takes.
 */
function readHeader(
  rows: readonly Cell[][],
  index: Map<string, FieldSpec>,
  mergedInto: ReadonlyMap<string, string>,
  report: Report,
  columnHint: LocalizedText,
): { columns: Map<number, FieldSpec>; named: Set<number>; height: number } {
  const header = rows[0]!;
  const fieldOf = (cell: Cell) => index.get(textOf(cell) ?? normalizeHeader(String(cell.value)));
  const byColumn = new Map(header.map((c) => [c.column, c]));
  const spans = new Set(mergedInto.values());
  /** The group title above column `c` of the row below, if the header groups it. */
  const groupOf = (c: number): Cell | undefined => {
    const row = header[0]!.row;
    const master = mergedInto.get(cellAddress(row, c));
    if (master) return header.find((h) => h.address === master);
    const own = byColumn.get(c);
    if (own) return spans.has(own.address) || !fieldOf(own) ? own : undefined;
    // A CSV has no merges: Excel writes the group title in its first column, the others empty.
    const left = [...header].reverse().find((h) => h.column < c);
    return left && !fieldOf(left) ? left : undefined;
  };
  const below = rows[1];
  const twoRows = below !== undefined && below.length > 0 && below.every((c) => typeof c.value === 'string' && groupOf(c.column) !== undefined);
  const columns = new Map<number, FieldSpec>();
  /** Columns the header names (mapped, ignored or reported), so values in no column are found. */
  const named = new Set<number>();
  const map = (cell: Cell, field: FieldSpec, shown: string) => {
    const dup = [...columns.entries()].find(([, f]) => f === field);
    if (dup) {
      report('import/duplicate-field', 'error', cell.address, `列“${shown}”与第 ${dup[0]} 列都对应 ${field.key},只能保留一列`, `column "${shown}" and column ${dup[0]} both map to ${field.key}; keep one`);
      return;
    }
    columns.set(cell.column, field);
  };
  const unknown = (cell: Cell, shown: string) => {
    if (!IGNORED_HEADERS.includes(normalizeHeader(shown))) {
      report('import/unknown-column', 'warning', cell.address, `未识别的列名“${shown}”,此列已忽略${columnHint['zh-CN']}`, `unknown column "${shown}", ignored ${columnHint.en}`);
    }
  };
  const groups = new Set<string>();
  if (twoRows) {
    for (const sub of below!) {
      const group = groupOf(sub.column)!;
      groups.add(group.address);
      named.add(sub.column);
      const shown = `${String(group.value)} / ${String(sub.value)}`;
      const field = index.get(normalizeHeader(`${String(group.value)}${String(sub.value)}`)) ?? fieldOf(sub);
      if (field) map(sub, field, shown);
      else unknown(sub, shown);
    }
  }
  for (const cell of header) {
    named.add(cell.column);
    if (groups.has(cell.address)) continue; // a group title: its sub-columns were read above
    const field = fieldOf(cell);
    if (field) map(cell, field, String(cell.value));
    else unknown(cell, String(cell.value));
  }
  return { columns, named, height: twoRows ? 2 : 1 };
}

function readTable(
  rows: readonly Cell[][],
  table: NonNullable<KindLayout['table']>,
  index: Map<string, FieldSpec>,
  context: {
    out: ImportedSheet;
    take: (cell: Cell, field: FieldSpec, path: string, set: (value: unknown) => void) => void;
    report: Report;
    at: (address: string) => string;
    mergedInto: ReadonlyMap<string, string>;
    /** `(见 docs/import-mapping.md)` or the front end's own pointer to the header words (import-hints.ts). */
    whereHeaders: LocalizedText;
    /** The same after an unknown header word (with how to add words, where a user can). */
    columnHint: LocalizedText;
  },
): void {
  const { out, take, report, at } = context;
  const header = rows[0]!;
  const { columns, named, height } = readHeader(rows, index, context.mergedInto, report, context.columnHint);
  const body = rows.slice(height);
  // Findings on the list as a whole (`staff`, `schools`) point at the header row.
  out.sources.set(table.list, at(header![0]!.address));
  const present = new Set(columns.values());
  const first = header![0]!;
  for (const f of table.columns) {
    if (REQUIRED_COLUMNS[table.list].includes(f.key) && !present.has(f)) {
      report('import/missing-column', 'error', first.address, `表头缺少必填列“${f.aliases[0]}”(${f.key})`, `the header row has no "${f.key}" column (${f.aliases[0]}), which every record needs`);
    }
  }
  /** Values in a column the header does not name: reported once per column, at its first cell. */
  const headless = new Map<number, { first: Cell; count: number }>();
  for (const row of body) {
    const firstText = textOf(row[0]!);
    if (firstText !== undefined && TOTAL_ROW.test(firstText)) {
      report('import/skipped-row', 'info', row[0]!.address, `第 ${row[0]!.row} 行是合计行,未作为记录导入`, `row ${row[0]!.row} is a totals row; not imported as a record`);
      continue;
    }
    const record: Record<string, unknown> = {};
    const i = out.records.length;
    for (const cell of row) {
      const field = columns.get(cell.column);
      if (field) take(cell, field, `${table.list}[${i}].${field.key}`, (v) => (record[field.key] = v));
      else if (!named.has(cell.column)) {
        const seen = headless.get(cell.column);
        if (seen) seen.count++;
        else headless.set(cell.column, { first: cell, count: 1 });
      }
    }
    if (Object.keys(record).length === 0) {
      // Not a record, but not nothing either: say which row was left out.
      const cells = row.map((c) => c.address).join(', ');
      report('import/skipped-row', 'warning', row[0]!.address, `第 ${row[0]!.row} 行没有任何已导入列的值(${cells}),未作为记录导入`, `row ${row[0]!.row} has no value in an imported column (${cells}); not imported as a record`);
      continue;
    }
    out.sources.set(`${table.list}[${i}]`, at(row[0]!.address));
    out.records.push(record);
    out.recordRows.push(row[0]!.row);
  }
  for (const [column, { first, count }] of [...headless].sort((a, b) => a[0] - b[0])) {
    const letters = columnLetters(column);
    report(
      'import/unknown-column',
      'warning',
      first.address,
      `${letters} 列没有列名,其中 ${count} 个单元格(自 ${first.address} 起)未导入;请在表头填写列名${context.whereHeaders['zh-CN']}`,
      `column ${letters} has no header; its ${count} cell(s) (from ${first.address}) were not imported; name the column in the header row ${context.whereHeaders.en}`,
    );
  }
}
