/**
 * One dropped, chosen or pasted input → what the page shows for it. YAML is checked as it is;
 * a sheet goes through the same conversion as `edunorm import` (from @edunorm/cli/import)
 * and its YAML is checked. Everything runs here, in the page: nothing is sent anywhere.
 */
import { check, type CheckResult, type DocumentKind, type Finding, type Locale, type LocalizedText } from '@edunorm/core';
import { convertSheet, locateFindings, sheetFromCsv, type CellIssue, type GivenFields, type ImportProblem, type Sheet } from '@edunorm/cli/import';
import { readXlsxInBrowser, XlsxError } from './read-xlsx.js';

export interface Input {
  name: string;
  /** Raw bytes of a dropped or chosen file; text of a pasted one. */
  bytes?: Uint8Array;
  text?: string;
}

export interface SheetOptions {
  kind: DocumentKind;
  given: GivenFields;
}

export interface Outcome {
  name: string;
  /** The YAML that was checked (a sheet's generated YAML). */
  text?: string;
  generated?: boolean;
  result?: CheckResult;
  /** Sheet cell of each finding, for a sheet. */
  cells?: Map<Finding, string>;
  sheetProblems?: readonly ImportProblem[];
  error?: LocalizedText;
  /** Time spent reading, converting and checking, in milliseconds. */
  ms: number;
}

export const isSheet = (name: string) => /\.(xlsx|csv)$/i.test(name);

/** Text of a YAML file: UTF-8 (with or without BOM), or UTF-16 with a BOM, as the CLI reads it. */
function decodeYaml(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    // The BOM is kept: check() skips it and keeps offsets on the text as given.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

export async function checkInput(input: Input, locale: Locale, sheet: SheetOptions): Promise<Outcome> {
  const started = performance.now();
  const done = (o: Omit<Outcome, 'ms' | 'name'>): Outcome => ({ name: input.name, ...o, ms: Math.round(performance.now() - started) });
  try {
    if (input.bytes && isSheet(input.name)) {
      let read: Sheet;
      let issues: ReadonlyMap<string, CellIssue> = new Map();
      const workbook = /\.xlsx$/i.test(input.name);
      if (workbook) {
        const x = await readXlsxInBrowser(input.bytes);
        read = x;
        issues = x.issues;
      } else read = sheetFromCsv(input.bytes, input.name);
      const converted = convertSheet(read, { kind: sheet.kind, locale, fileName: input.name, isWorkbook: workbook, given: sheet.given, issues });
      if (!converted.ok) return done({ error: converted.message });
      const result = await check(converted.text, { locale });
      const cells = new Map<Finding, string>();
      const located = locateFindings(result.findings, converted.imported);
      for (const l of located) if (l.cell) cells.set(l.finding, l.cell);
      // Structure findings already reported on their cell by the importer are said once.
      const kept = new Set(located.map((l) => l.finding));
      return done({ text: converted.text, generated: true, result: { ...result, findings: result.findings.filter((f) => kept.has(f)) }, cells, sheetProblems: converted.problems });
    }
    const text = input.text ?? (input.bytes ? decodeYaml(input.bytes) : '');
    if (text === undefined) {
      return done({ error: { 'zh-CN': '文件不是 UTF-8 编码:请在编辑器中另存为 UTF-8 后再试。', en: 'The file is not UTF-8: save it as UTF-8 in your editor and try again.' } });
    }
    return done({ text, result: await check(text, { locale }) });
  } catch (error) {
    if (error instanceof XlsxError) return done({ error: error.text });
    const message = error instanceof Error ? error.message : String(error);
    return done({ error: { 'zh-CN': `读取出错:${message}`, en: `Could not read it: ${message}` } });
  }
}
