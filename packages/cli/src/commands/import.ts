import { existsSync, readFileSync } from 'node:fs';
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
import { namesSameFile, outputPath, writeFileAtomic } from '../write-file.js';
import { resolveLocale } from './common.js';
import { MESSAGES as M } from '../messages.js';
import { COMMAND_SPECS, parseArgsOptions } from '../command-specs.js';

const RECORD_NOUN: Record<DocumentKind, { 'zh-CN': string; en: string }> = {
  Staffing: { 'zh-CN': '教职工记录', en: 'staff record(s)' },
  DistrictIndicators: { 'zh-CN': '学校记录', en: 'school record(s)' },
  SchoolBudget: { 'zh-CN': '记录', en: 'record(s)' },
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
    options: parseArgsOptions(COMMAND_SPECS.import.options),
  });
  const locale = resolveLocale(values.locale, io);
  if (positionals.length !== 1) throw new UsageError(M.importOneFile());
  const kind = DOCUMENT_KINDS.find((k) => k.toLowerCase() === values.kind?.toLowerCase());
  if (!kind) throw new UsageError(M.importKind(DOCUMENT_KINDS.join(', '), values.kind));
  const input = resolve(io.cwd, positionals[0]!);
  const ext = extname(input).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.csv') throw new UsageError(M.importExtension(positionals[0]!, ext === '.xls'));
  if (!existsSync(input)) throw new UsageError(M.noSuchFile(positionals[0]!));
  const output = outputPath(io.cwd, values.output ?? join(dirname(positionals[0]!), `${basename(input, extname(input))}.yaml`));
  const shown = (p: string) => relative(io.cwd, p) || p;
  // Outside review E: --force replaces a YAML file written before, never the spreadsheet it is
  // made from, nor the mapping (`import staff.csv -o staff.csv --force` replaced the sheet).
  for (const from of [input, ...(values.mapping ? [resolve(io.cwd, values.mapping)] : [])]) {
    if (namesSameFile(from, output)) throw new UsageError(M.importOutputIsInput(shown(output)));
  }
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
  writeFileAtomic(output, text, { createFolders: true });

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
