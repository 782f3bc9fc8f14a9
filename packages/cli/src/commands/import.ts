import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { check, DOCUMENT_KINDS, type DocumentKind, type Locale } from '@edunorm/core';
import { ConfigResolver } from '@edunorm/core/node';
import type { GivenFields } from '../import/build-document.js';
import { convertSheet, locateFindings } from '../import/convert-sheet.js';
import { formatImport } from '../import/format-import.js';
import { readMappingFile } from '../import/mapping-file.js';
import { sheetFromCsv } from '../import/read-csv.js';
import { readXlsx } from '../import/read-xlsx.js';
import type { CellIssue, Sheet } from '../import/sheet.js';
import { EXIT_FINDINGS, EXIT_OK, type Io } from '../main.js';
import { UsageError } from '../usage-error.js';
import { writeFileAtomic } from '../write-file.js';
import { resolveLocale } from './common.js';
import { MESSAGES as M } from '../messages.js';

const RECORD_NOUN: Record<DocumentKind, { 'zh-CN': string; en: string }> = {
  Staffing: { 'zh-CN': '教职工记录', en: 'staff record(s)' },
  DistrictIndicators: { 'zh-CN': '学校记录', en: 'school record(s)' },
  SchoolBudget: { 'zh-CN': '记录', en: 'record(s)' },
};

export const IMPORT_HELP: Record<Locale, string> = {
  'zh-CN': `edunorm import 表格.xlsx|表格.csv --kind Staffing|SchoolBudget|DistrictIndicators [选项]

把学校的 Excel/CSV 表格转换为 edunorm/v1 YAML,并立即检查。表头可用中文或英文,
对照表见 docs/import-mapping.md。

  -k, --kind <类型>          Staffing(教职工名册)、SchoolBudget(预算)或 DistrictIndicators(市县指标)
  -o, --output <文件>        输出的 YAML(默认:与表格同名,扩展名 .yaml)
      --force                覆盖已存在的输出文件
      --school-code <代码>   学校代码(优先于表格中的“学校代码”行)
      --school-name <名称>   学校名称
      --level <学段>         如 小学、初中、普通高中 或 primary、junior、senior
      --fiscal-year <年度>   年度(DistrictIndicators 为指标年份)
      --mapping <文件>       补充列名和取值的对照文件(YAML)
      --sheet <名称>         工作表名称(默认:第一个有数据的工作表)
      --locale <zh-CN|en>    提示语言

退出码:0 已写入且无错误;1 已写入,但表格或检查有错误;2 未写入(用法错误、缺少学校信息、输出已存在)。
`,
  en: `edunorm import SHEET.xlsx|SHEET.csv --kind Staffing|SchoolBudget|DistrictIndicators [options]

Converts a school's Excel/CSV sheet to edunorm/v1 YAML and checks it at once. Headers may be
Chinese or English; the mapping is documented in docs/import-mapping.md.

  -k, --kind <kind>          Staffing (staff list), SchoolBudget or DistrictIndicators
  -o, --output <file>        the YAML to write (default: the sheet's name with .yaml)
      --force                replace an existing output file
      --school-code <code>   school code (wins over a 学校代码 row in the sheet)
      --school-name <name>   school name
      --level <level>        primary, junior, senior, … or 小学、初中、普通高中
      --fiscal-year <year>   fiscal year (for DistrictIndicators: the indicators' year)
      --mapping <file>       a YAML file adding headers and value words
      --sheet <name>         worksheet to read (default: the first with data)
      --locale <zh-CN|en>    language of messages

Exit codes: 0 written, no errors; 1 written, the sheet or the check has errors; 2 nothing written
(usage error, school data missing, output exists).
`,
};

/**
 * `edunorm import FILE.xlsx|FILE.csv --kind …`: a spreadsheet → an `edunorm/v1` YAML file,
 * checked at once. Exit 0 when the output has no errors, 1 when the sheet or the output has
 * errors (the file is still written, with the bad cells' text kept so the check flags them),
 * 2 when nothing was written (usage, missing school data, existing output without --force).
 */
export async function run(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      kind: { type: 'string', short: 'k' },
      output: { type: 'string', short: 'o' },
      force: { type: 'boolean' },
      'school-code': { type: 'string' },
      'school-name': { type: 'string' },
      level: { type: 'string' },
      'fiscal-year': { type: 'string' },
      mapping: { type: 'string' },
      sheet: { type: 'string' },
      locale: { type: 'string' },
      color: { type: 'boolean' },
      'no-color': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const locale = resolveLocale(values.locale, io);
  if (values.help) {
    io.stdout(IMPORT_HELP[locale]);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new UsageError(M.importOneFile());
  const kind = DOCUMENT_KINDS.find((k) => k.toLowerCase() === values.kind?.toLowerCase());
  if (!kind) throw new UsageError(M.importKind(DOCUMENT_KINDS.join(', '), values.kind));
  const input = resolve(io.cwd, positionals[0]!);
  const ext = extname(input).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.csv') throw new UsageError(M.importExtension(positionals[0]!, ext === '.xls'));
  if (!existsSync(input)) throw new UsageError(M.noSuchFile(positionals[0]!));
  const output = resolve(io.cwd, values.output ?? join(dirname(positionals[0]!), `${basename(input, extname(input))}.yaml`));
  const shown = (p: string) => relative(io.cwd, p) || p;
  // Before any work: an existing file is someone's data.
  if (existsSync(output) && !values.force) throw new UsageError(M.exists(shown(output)));
  if (kind === 'DistrictIndicators' && (values['school-code'] ?? values['school-name'] ?? values.level) !== undefined) {
    throw new UsageError(M.importSchoolFlags());
  }

  const mapping = values.mapping ? readMappingFile(resolve(io.cwd, values.mapping), values.mapping, kind) : undefined;
  let sheet: Sheet;
  let issues: ReadonlyMap<string, CellIssue> = new Map();
  if (ext === '.xlsx') {
    const x = await readXlsx(input, values.sheet);
    sheet = x;
    issues = x.issues;
  } else {
    if (values.sheet !== undefined) throw new UsageError(M.importSheetForCsv());
    sheet = sheetFromCsv(readFileSync(input), input);
  }

  const given: GivenFields =
    kind === 'DistrictIndicators'
      ? { year: values['fiscal-year'] }
      : { 'school.code': values['school-code'], 'school.name': values['school-name'], 'school.level': values.level, fiscalYear: values['fiscal-year'] };
  const converted = convertSheet(sheet, { kind, locale, fileName: basename(input), isWorkbook: ext === '.xlsx', given, issues, ...(mapping ? { mapping } : {}) });
  if (!converted.ok) throw new UsageError(M.importFile(positionals[0]!, converted.message));
  const { text, imported } = converted;

  const { ruleSet } = new ConfigResolver().forFile(output);
  const result = await check(text, { locale, ruleSet });
  mkdirSync(dirname(output), { recursive: true });
  writeFileAtomic(output, text);

  const findings = locateFindings(result.findings, imported);
  const color = values['no-color'] ? false : values.color ? true : io.isTTY && !io.env.NO_COLOR && io.env.TERM !== 'dumb';
  io.stdout(
    formatImport(
      {
        source: shown(input),
        sheet: sheet.name,
        output: shown(output),
        ...(converted.hasTable ? { records: { count: imported.records.length, noun: RECORD_NOUN[kind] } } : {}),
        problems: imported.problems,
        findings,
      },
      locale,
      color,
    ),
  );
  const errors = imported.problems.some((p) => p.severity === 'error') || findings.some((f) => f.finding.severity === 'error');
  return errors ? EXIT_FINDINGS : EXIT_OK;
}
