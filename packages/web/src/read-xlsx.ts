/**
 * Reads one worksheet of an .xlsx workbook in the browser, into the importer's `Sheet` — the
 * same cells the CLI gets from exceljs (which does not run under this page's
 * Content-Security-Policy: it builds functions from strings). An .xlsx file is a ZIP of XML
 * parts; the page inflates them with the browser's DecompressionStream and reads them with
 * DOMParser. What it reproduces of exceljs, cell by cell: shared, inline and rich text; cached
 * formula results, and a formula without one (listed apart, kept as `=formula`); booleans;
 * error values (`#N/A`, listed apart); numbers, and dates where the cell's number format is a
 * date format (1900 and 1904 date systems); merged areas keep their top-left cell only, and
 * every cell they cover is mapped to it (two-row headers). tests/web.test.ts compares it with the CLI on the import fixtures.
 */
import { cellAddress, columnNumber, inflatePart, MAX_INFLATED, MERGE_BOUND, mergedAreas, mergedCells, XlsxPartError, zipEntries, type Cell, type CellIssue, type CellValue, type Sheet } from '@edunorm/cli/import';

export interface BrowserXlsxSheet extends Sheet {
  /** Cells holding an Excel error or a formula without a saved result, by address. */
  issues: Map<string, CellIssue>;
  mergedInto: Map<string, string>;
}

/** A readable failure (not a workbook, a part missing, too large). */
export class XlsxError extends Error {
  override name = 'XlsxError';
  constructor(readonly text: { 'zh-CN': string; en: string }) {
    super(text.en);
  }
}


function parseXml(text: string): Document {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length) throw new XlsxError({ 'zh-CN': '工作簿中的 XML 已损坏', en: 'the workbook holds damaged XML' });
  return doc;
}

/** Elements by local name, whatever namespace prefix the writer used. */
const byName = (node: Document | Element, name: string): Element[] => Array.from(node.getElementsByTagNameNS('*', name));
const child = (node: Element, name: string): Element | undefined => Array.from(node.children).find((c) => c.localName === name);

/** The text of a shared or inline string: its `t` runs, without phonetic guides (`rPh`). */
function stringText(si: Element): string {
  return byName(si, 't')
    .filter((t) => t.parentElement?.localName !== 'rPh')
    .map((t) => t.textContent ?? '')
    .join('');
}

/** exceljs's test: date letters outside `[...]` and quotes. */
const isDateFormat = (code: string) => /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
/** Built-in number formats that are dates (Excel's ids 14–22, 45–47), as exceljs knows them. */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

function dateStyles(styles: Document | undefined): boolean[] {
  if (!styles) return [];
  const custom = new Map(byName(styles, 'numFmt').map((f) => [Number(f.getAttribute('numFmtId')), f.getAttribute('formatCode') ?? '']));
  const cellXfs = byName(styles, 'cellXfs')[0];
  if (!cellXfs) return [];
  return Array.from(cellXfs.children)
    .filter((x) => x.localName === 'xf')
    .map((xf) => {
      const id = Number(xf.getAttribute('numFmtId') ?? 0);
      const code = custom.get(id);
      return code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id);
    });
}


/** Resolves a relationship target (`worksheets/sheet1.xml`, `/xl/worksheets/sheet1.xml`) against `xl/`. */
function partPath(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ['xl'];
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.') parts.push(p);
  }
  return parts.join('/');
}

/** Reads the named worksheet, else the first that holds data (as `edunorm import` does). */
export async function readXlsxInBrowser(bytes: Uint8Array, sheetName?: string): Promise<BrowserXlsxSheet> {
  const entries = zipEntries(bytes);
  if (!entries) throw new XlsxError({ 'zh-CN': '这不是 .xlsx 工作簿(文件已损坏,或是旧的 .xls 格式:请在 Excel 中另存为 .xlsx 或 .csv)', en: 'this is not an .xlsx workbook (damaged, or an old .xls file: save it as .xlsx or .csv in Excel)' });
  const budget = { left: MAX_INFLATED };
  const part = async (path: string): Promise<Document | undefined> => {
    const entry = entries.get(path);
    if (!entry) return undefined;
    try {
      return parseXml(await inflatePart(bytes, entry, budget));
    } catch (error) {
      if (!(error instanceof XlsxPartError)) throw error;
      throw new XlsxError(
        error.reason === 'method'
          ? { 'zh-CN': '工作簿使用了不支持的压缩方式', en: 'the workbook uses an unsupported compression method' }
          : { 'zh-CN': '工作簿解压后过大(超过 200 MiB),未读取', en: 'the workbook is too large once unpacked (over 200 MiB); not read' },
      );
    }
  };
  const workbook = await part('xl/workbook.xml');
  if (!workbook) throw new XlsxError({ 'zh-CN': '这不是 .xlsx 工作簿(缺少 xl/workbook.xml)', en: 'this is not an .xlsx workbook (no xl/workbook.xml)' });
  const rels = await part('xl/_rels/workbook.xml.rels');
  const targets = new Map((rels ? byName(rels, 'Relationship') : []).map((r) => [r.getAttribute('Id'), r.getAttribute('Target') ?? '']));
  const date1904 = ['1', 'true'].includes(byName(workbook, 'workbookPr')[0]?.getAttribute('date1904') ?? '');
  const sheets = byName(workbook, 'sheet').map((s) => ({
    name: s.getAttribute('name') ?? '',
    path: partPath(targets.get(s.getAttributeNS('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'id') ?? s.getAttribute('r:id')) ?? ''),
  }));
  if (!sheets.length) throw new XlsxError({ 'zh-CN': '工作簿中没有工作表', en: 'the workbook has no worksheets' });
  const shared = await part('xl/sharedStrings.xml');
  const strings = shared ? byName(shared, 'si').map(stringText) : [];
  const isDate = dateStyles(await part('xl/styles.xml'));

  const read = async (sheet: { name: string; path: string }): Promise<BrowserXlsxSheet> => {
    const xml = await part(sheet.path);
    const rows: Cell[][] = [];
    const issues = new Map<string, CellIssue>();
    const mergedInto = new Map<string, string>();
    if (!xml) return { name: sheet.name, rows, issues, mergedInto };
    // Cells covered by a merged area, other than its top-left one, are not read (exceljs repeats
    // the master there); each is mapped to the top-left cell, as the CLI's reader does. A hostile
    // part (an area outside the grid, or written backwards to look small; a million cells in many
    // areas) is refused as the CLI refuses it, before anything is expanded (xlsx-parts.ts).
    const merged = mergedAreas(byName(xml, 'mergeCell').map((m) => m.getAttribute('ref') ?? ''));
    if (merged.over) throw new XlsxError(MERGE_BOUND);
    for (const [cell, master] of mergedCells(merged.areas)) mergedInto.set(cell, master);
    /** A shared formula's text is on its first cell; the others name it by index `si`. */
    const sharedMaster = new Map<string, string>();
    for (const row of byName(xml, 'row')) {
      const cells: Cell[] = [];
      let nextColumn = 1;
      const rowNumber = Number(row.getAttribute('r') ?? rows.length + 1);
      for (const c of Array.from(row.children).filter((e) => e.localName === 'c')) {
        const ref = /^([A-Z]+)(\d+)$/.exec(c.getAttribute('r') ?? '');
        const column = ref ? columnNumber(ref[1]!) : nextColumn;
        nextColumn = column + 1;
        const address = cellAddress(rowNumber, column);
        if (mergedInto.has(address)) continue;
        const type = c.getAttribute('t') ?? 'n';
        const v = child(c, 'v')?.textContent ?? undefined;
        const f = child(c, 'f');
        if (f?.getAttribute('t') === 'shared' && f.textContent) sharedMaster.set(f.getAttribute('si') ?? '', address);
        let value: CellValue | undefined;
        if (type === 'inlineStr') value = child(c, 'is') ? stringText(child(c, 'is')!) : undefined;
        else if (f && (v === undefined || v === '')) {
          // A formula without a saved result: what the cell shows is unknown, never read as empty.
          const formula = f.textContent || (f.getAttribute('t') === 'shared' ? (sharedMaster.get(f.getAttribute('si') ?? '') ?? '') : '');
          const text = `=${formula}`;
          issues.set(address, { kind: 'formula-without-value', text });
          value = text;
        } else if (v === undefined) value = undefined;
        else if (type === 's') value = strings[Number(v)];
        else if (type === 'str') value = v;
        else if (type === 'b') value = v === '1' || v === 'true';
        else if (type === 'e') {
          issues.set(address, { kind: 'excel-error', text: v });
          value = v;
        } else {
          // parseFloat, as exceljs reads every other type (`t="d"` too: "2009-09-01T00:00:00" is 2009 there).
          const n = parseFloat(v);
          if (!Number.isFinite(n)) value = v;
          else if (isDate[Number(c.getAttribute('s') ?? 0)]) value = new Date(Math.round((n - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
          else value = n;
        }
        if (value === undefined || (typeof value === 'string' && value.trim() === '' && type !== 'e')) continue;
        cells.push({ address, row: rowNumber, column, value });
      }
      if (cells.length) rows.push(cells);
    }
    return { name: sheet.name, rows, issues, mergedInto };
  };

  if (sheetName !== undefined) {
    const found = sheets.find((s) => s.name === sheetName);
    if (!found) throw new XlsxError({ 'zh-CN': `工作簿中没有工作表“${sheetName}”;现有:${sheets.map((s) => s.name).join('、')}`, en: `no sheet "${sheetName}"; its sheets: ${sheets.map((s) => s.name).join(', ')}` });
    return read(found);
  }
  for (const s of sheets) {
    const sheet = await read(s);
    if (sheet.rows.length) return sheet;
  }
  return read(sheets[0]!);
}
