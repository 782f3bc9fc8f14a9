import type { Severity } from '@edunorm/core';
import { convertCell } from './convert-value.js';
import { IGNORED_HEADERS, normalizeHeader, type FieldSpec, type KindLayout } from './field-mapping.js';
import type { ImportProblem } from './import-problem.js';
import { qualifiedAddress, type Cell, type Sheet } from './sheet.js';

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

export function readSheet(sheet: Sheet, layout: KindLayout, errorCells: ReadonlySet<string> = new Set()): ImportedSheet {
  const out: ImportedSheet = { fields: new Map(), records: [], recordRows: [], sources: new Map(), tableFound: false, problems: [] };
  const at = (address: string) => qualifiedAddress(sheet.name, address);
  const report = (ruleId: ImportProblem['ruleId'], severity: Severity, address: string, zh: string, en: string) =>
    out.problems.push({ ruleId, severity, cell: at(address), message: { 'zh-CN': zh, en } });

  /** Converts a cell into `target[key]`; returns whether a value (good or kept as text) was set. */
  const take = (cell: Cell, field: FieldSpec, path: string, set: (value: unknown) => void) => {
    if (errorCells.has(cell.address)) {
      report('import/excel-error', 'error', cell.address, `单元格是 Excel 错误值 ${String(cell.value)},请填入${field.label['zh-CN']}`, `the cell holds the Excel error ${String(cell.value)}; enter the ${field.key}`);
      set(String(cell.value));
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
  readBlock(blockRows, blockIndex, setField, report);

  if (headerAt >= 0 && layout.table) readTable(sheet.rows.slice(headerAt), layout.table, columnIndex, { out, take, report, at });
  return out;
}

type Report = (ruleId: ImportProblem['ruleId'], severity: Severity, address: string, zh: string, en: string) => void;

function readBlock(rows: readonly Cell[][], index: Map<string, FieldSpec>, setField: (cell: Cell, field: FieldSpec) => void, report: Report): void {
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
        report('import/unknown-label', 'warning', cell.address, `未识别的字段“${shown}”,已忽略(字段名见 docs/import-mapping.md,或用 --mapping 指定)`, `unknown label "${shown}", ignored (see docs/import-mapping.md, or give --mapping)`);
        // Its value, if any, goes with it.
        if (next && !labelOf(next)) j++;
      }
    }
  }
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
  },
): void {
  const { out, take, report, at } = context;
  const [header, ...body] = rows;
  const columns = new Map<number, FieldSpec>();
  for (const cell of header!) {
    const t = textOf(cell) ?? normalizeHeader(String(cell.value));
    const field = index.get(t);
    if (!field) {
      if (!IGNORED_HEADERS.includes(t)) report('import/unknown-column', 'warning', cell.address, `未识别的列名“${String(cell.value)}”,此列已忽略(列名见 docs/import-mapping.md,或用 --mapping 指定)`, `unknown column "${String(cell.value)}", ignored (see docs/import-mapping.md, or give --mapping)`);
      continue;
    }
    const dup = [...columns.entries()].find(([, f]) => f === field);
    if (dup) {
      report('import/duplicate-field', 'error', cell.address, `列“${String(cell.value)}”与第 ${dup[0]} 列都对应 ${field.key},只能保留一列`, `column "${String(cell.value)}" and column ${dup[0]} both map to ${field.key}; keep one`);
      continue;
    }
    columns.set(cell.column, field);
  }
  // Findings on the list as a whole (`staff`, `schools`) point at the header row.
  out.sources.set(table.list, at(header![0]!.address));
  const present = new Set(columns.values());
  const first = header![0]!;
  for (const f of table.columns) {
    if (REQUIRED_COLUMNS[table.list].includes(f.key) && !present.has(f)) {
      report('import/missing-column', 'error', first.address, `表头缺少必填列“${f.aliases[0]}”(${f.key})`, `the header row has no "${f.key}" column (${f.aliases[0]}), which every record needs`);
    }
  }
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
    }
    if (Object.keys(record).length === 0) continue;
    out.sources.set(`${table.list}[${i}]`, at(row[0]!.address));
    out.records.push(record);
    out.recordRows.push(row[0]!.row);
  }
}

