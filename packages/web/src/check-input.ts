/**
 * One dropped, chosen or pasted input → what the page shows for it. YAML is checked as it is;
 * a sheet goes through the same conversion as `edunorm import` (from @edunorm/cli/import)
 * and its YAML is checked. Everything runs here, in the page: nothing is sent anywhere.
 */
import { check, type CheckResult, type DocumentKind, type Finding, type Locale, type LocalizedText } from '@edunorm/core';
import { decodeBytes, fileEncodingFinding, withReadFinding } from '@edunorm/core/internal';
import { convertSheet, locateFindings, PAGE_HINTS, sheetFromCsv, zipEntries, type CellIssue, type GivenFields, type ImportProblem, type Sheet } from '@edunorm/cli/import';
import { readXlsxInBrowser, XlsxError } from './read-xlsx.js';

export interface Input {
  name: string;
  /** Raw bytes of a dropped or chosen file; text of a pasted one. */
  bytes?: Uint8Array;
  text?: string;
  /** Why a dropped entry could not be read (a folder, a file moved after the drop): shown on its own line. */
  unreadable?: LocalizedText;
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
  /** The input was pasted text, not a file (said so: "粘贴的内容", not "文件"). */
  pasted?: boolean;
  /** Its name among the files checked together (check-together.ts): `name`, or `name (2)` for a second file of that name. */
  key?: string;
}

export const isSheet = (name: string) => /\.(xlsx|csv)$/i.test(name);

const DAMAGED_SHEET: LocalizedText = {
  'zh-CN': '表格文件已损坏,读不出内容:请在 Excel 或 WPS 中打开它,“另存为” .xlsx 或 .csv 后再拖进来。',
  en: 'the sheet is damaged and cannot be read: open it in Excel or WPS, "Save as" .xlsx or .csv, and drop it again.',
};
const UNEXPECTED: LocalizedText = {
  'zh-CN': '检查时出现意外错误,此文件未检查。请刷新页面后重试;如果仍然出错,请改用 edunorm 命令行检查。',
  en: 'an unexpected error stopped the check; this file was not checked. Reload the page and try again; if it fails again, check it with the edunorm command line.',
};

/**
 * What a dropped file that is not YAML and not a sheet we read is, by its first bytes: an
 * office clerk's .xls or .et, a PDF or a zip would otherwise be decoded as text and told to
 * "save it as UTF-8", which they cannot act on. A ZIP is told apart by what it holds: only a
 * workbook renamed (名册.yaml that is an .xlsx) is advised to take its .xlsx name back — a
 * Word document (the plan itself, dropped by mistake) or a slide deck is not a sheet.
 */
type BinaryKind = 'legacy-office' | 'pdf' | 'workbook' | 'word' | 'slides' | 'zip';
function binaryKind(bytes: Uint8Array): BinaryKind | undefined {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'legacy-office';
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'pdf';
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) {
    // What the ZIP's directory holds (an .xlsx holds xl/workbook.xml, a .docx word/document.xml).
    const names = zipEntries(bytes) ?? new Map();
    if (names.has('xl/workbook.xml')) return 'workbook';
    if (names.has('word/document.xml')) return 'word';
    if (names.has('ppt/presentation.xml')) return 'slides';
    return 'zip';
  }
  return undefined;
}

const BINARY_MESSAGES: Record<BinaryKind, LocalizedText> = {
  'legacy-office': {
    'zh-CN': '这是旧格式的 Excel(.xls)或 WPS 表格文件,本页读不了:请在 Excel 或 WPS 中“另存为” .xlsx 或 .csv,再拖进来。',
    en: 'this is an old-format Excel (.xls) or WPS sheet, which this page cannot read: use "Save as" in Excel or WPS to save it as .xlsx or .csv, then drop that.',
  },
  pdf: {
    'zh-CN': '这是 PDF 文件,本页读不了:请拖入 edunorm YAML 文件(.yaml),或 Excel 表格(.xlsx、.csv)。',
    en: 'this is a PDF file, which this page cannot read: drop an edunorm YAML file (.yaml) or a sheet (.xlsx, .csv).',
  },
  workbook: {
    'zh-CN': '这是 Excel 表格(.xlsx),文件名却不是 .xlsx:请把文件名改回 .xlsx,再拖进来。',
    en: 'this is an Excel workbook (.xlsx) under another name: give it back its .xlsx name, then drop it again.',
  },
  word: {
    'zh-CN': '这是 Word 文档(.docx),本页读不了:本页检查的是报送的数据——edunorm YAML 文件(.yaml),或 Excel 表格(.xlsx、.csv);规划、通知等文档不用拖进来。',
    en: 'this is a Word document (.docx), which this page cannot read: it checks submitted data — edunorm YAML files (.yaml) or sheets (.xlsx, .csv); plans and notices need not be dropped.',
  },
  slides: {
    'zh-CN': '这是 PowerPoint 演示文稿(.pptx),本页读不了:请拖入 edunorm YAML 文件(.yaml),或 Excel 表格(.xlsx、.csv)。',
    en: 'this is a PowerPoint presentation (.pptx), which this page cannot read: drop an edunorm YAML file (.yaml) or a sheet (.xlsx, .csv).',
  },
  zip: {
    'zh-CN': '这是压缩包,不是 YAML 文件:请先解压,再把其中的 YAML 或表格文件拖进来。',
    en: 'this is a zip archive, not a YAML file: unpack it, then drop the YAML or sheet files inside.',
  },
};

/**
 * A YAML file's bytes → its check, as the command line reads and checks a file (core's
 * decodeBytes: UTF-8, UTF-16 or UTF-32, with or without a byte-order mark; bytes that do not
 * decode get `file/encoding` at the first of them when the file is ours — withReadFinding).
 */
async function checkYamlBytes(bytes: Uint8Array, name: string, locale: Locale): Promise<{ text: string; result: CheckResult }> {
  const { text, invalidAt } = decodeBytes(bytes);
  // With its name, as the command line checks a file: edunorm.config.yaml is known as the configuration.
  const result = await check(text, { locale, path: name, workspace: true });
  if (invalidAt === undefined) return { text, result };
  return { text, result: { ...result, findings: withReadFinding(result.findings, fileEncodingFinding(text, invalidAt, locale), result.isEdunorm) } };
}

export async function checkInput(input: Input, locale: Locale, sheet: SheetOptions): Promise<Outcome> {
  const started = performance.now();
  const done = (o: Omit<Outcome, 'ms' | 'name'>): Outcome => ({ name: input.name, ...o, ms: Math.round(performance.now() - started), ...(input.text !== undefined ? { pasted: true } : {}) });
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
      // The same conversion as `edunorm import`; its messages point to this page's table and form, not to docs and flags.
      const converted = convertSheet(read, { kind: sheet.kind, locale, fileName: input.name, isWorkbook: workbook, given: sheet.given, issues, hints: PAGE_HINTS });
      if (!converted.ok) return done({ error: converted.message });
      const result = await check(converted.text, { locale, workspace: true });
      const cells = new Map<Finding, string>();
      const located = locateFindings(result.findings, converted.imported);
      for (const l of located) if (l.cell) cells.set(l.finding, l.cell);
      // Structure findings already reported on their cell by the importer are said once.
      const kept = new Set(located.map((l) => l.finding));
      return done({ text: converted.text, generated: true, result: { ...result, findings: result.findings.filter((f) => kept.has(f)) }, cells, sheetProblems: converted.problems });
    }
    if (input.unreadable) return done({ error: input.unreadable });
    if (input.bytes) {
      const binary = binaryKind(input.bytes);
      if (binary) return done({ error: BINARY_MESSAGES[binary] });
      return done(await checkYamlBytes(input.bytes, input.name, locale));
    }
    const text = input.text ?? '';
    return done({ text, result: await check(text, { locale, workspace: true }) });
  } catch (error) {
    if (error instanceof XlsxError) return done({ error: error.text });
    // Anything else is the browser's own error (its words, in its language): say what it means
    // for this file in ours. A sheet that fails this way is damaged; nothing else should fail.
    return done({ error: isSheet(input.name) ? DAMAGED_SHEET : UNEXPECTED });
  }
}
