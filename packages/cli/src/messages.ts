/**
 * Every message the CLI itself writes — errors, usage, help, progress lines, severity words —
 * in zh-CN and en, in one module. (Findings come localized from @edunorm/core; formatters and
 * the importer keep their table words next to their layout.) An entry is a function of its
 * values returning both languages, so no caller can forget one: tests/cli-messages.test.ts
 * calls every entry and fails on an empty or untranslated text.
 */
import type { Locale, LocalizedText, Severity } from '@edunorm/core';
import { SYSTEM_ERRORS, systemErrorText } from '@edunorm/core/internal/system-errors';
import type { Phase } from './timing.js';

const L = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

/** The system errors a user meets when a file cannot be read or written, in words (core's, which its own problems use too). */
export { SYSTEM_ERRORS };

/** `error` / `warning` / `info` as the tables of `rules` and `explain` show them. */
export const SEVERITY_WORDS: Record<Severity | 'off', LocalizedText> = {
  error: L('错误', 'error'),
  warning: L('警告', 'warning'),
  info: L('提示', 'info'),
  off: L('关闭', 'off'),
};

export function severityWord(severity: string, locale: Locale): string {
  return SEVERITY_WORDS[severity as Severity]?.[locale] ?? severity;
}

export const MESSAGES = {
  // ------------------------------------------------------------------ main
  unknownCommand: (name: string, meant?: string) => L(`未知的命令“${name}”${meant ? `,是否想写 edunorm ${meant}?` : ''}`, `unknown command "${name}"${meant ? `; did you mean edunorm ${meant}?` : ''}`),
  seeHelp: (command?: string) => {
    const help = command ? `edunorm ${command} --help` : 'edunorm --help';
    return L(`运行 ${help} 查看用法。`, `Run "${help}" for usage.`);
  },
  unknownOption: (option: string, meant?: string) => L(`未知的选项 ${option}${meant ? `,是否想写 ${meant}?` : ''}`, `unknown option ${option}${meant ? `; did you mean ${meant}?` : ''}`),
  optionNeedsValue: (option: string) => L(`选项 ${option} 后面要写一个值`, `option ${option} needs a value`),
  /** A flag given a value (`--color=maybe`): it takes none; its `--no-` form turns it off. */
  flagTakesNoValue: (option: string, off?: string, turnsOn?: LocalizedText) =>
    L(
      `${option} 不接受值${off ? `(要关闭${turnsOn?.['zh-CN'] ?? ''}请用 ${off})` : ''}`,
      `${option} takes no value${off ? ` (to turn ${turnsOn ? `${turnsOn.en} ` : 'it '}off, use ${off})` : ''}`,
    ),
  unexpectedArgument: (arg: string) => L(`多余的参数“${arg}”`, `unexpected argument "${arg}"`),
  badArguments: (detail: string) => L(`命令行参数有误:${detail}`, `invalid command line: ${detail}`),
  configInvalid: () => L('配置有误,未检查任何文件:', 'invalid configuration; nothing was checked:'),
  rulePackInvalid: () => L('规则包有误,未检查任何文件:', 'invalid rule pack; nothing was checked:'),
  unknownLocale: (value: string) => L(`未知的语言“${value}”:请用 zh-CN 或 en`, `unknown locale "${value}"; use zh-CN or en`),

  // ------------------------------------------------------------------ EDUNORM_TIMING=1 (timing.ts)
  timingTitle: () => L('各阶段用时(EDUNORM_TIMING):', 'time by phase (EDUNORM_TIMING):'),
  timingTotal: () => L('合计', 'total'),
  timingPhase: (phase: Phase) =>
    (({
      start: L('启动(Node、edunorm 与配置)', 'start-up (Node, edunorm, configuration)'),
      walk: L('查找文件', 'finding the files'),
      cacheOpen: L('打开缓存', 'opening the cache'),
      lookup: L('核对文件与缓存', 'comparing the files with the cache'),
      check: L('检查文件', 'checking the files'),
      join: L('县域检查(跨文档的规范)', 'the norms across documents'),
      cacheSave: L('保存缓存', 'saving the cache'),
      output: L('写出结果', 'writing the report'),
    }) satisfies Record<Phase, LocalizedText>)[phase],

  // ------------------------------------------------------------------ files and options
  noFilesMatch: (pattern: string) => L(`没有与“${pattern}”匹配的文件`, `no files match "${pattern}"`),
  noSuchPath: (path: string) => L(`找不到文件或文件夹:${path}`, `no such file or folder: ${path}`),
  noSuchFile: (path: string) => L(`找不到文件:${path}`, `no such file: ${path}`),
  exists: (path: string) => L(`${path} 已存在;要覆盖请加 --force`, `${path} exists; add --force to replace it`),
  byteSize: (option: string, value: string) =>
    L(`${option} 应为不小于 1 的字节数,如 10485760 或 10MiB,而不是“${value}”`, `${option} takes a size in bytes ≥ 1, e.g. 10485760 or 10MiB, not "${value}"`),
  /** Said after file/too-large's advice to split (core's fileTooLargeFinding): the CLI's way to raise the limit. */
  raiseSizeLimit: () => L('或用 --max-file-size 调高上限', 'or raise the limit with --max-file-size'),
  concurrency: (value: string) => L(`--concurrency 应为不小于 1 的整数或 auto,而不是“${value}”`, `--concurrency takes a whole number ≥ 1 or "auto", not "${value}"`),
  shard: (value: string) => L(`--shard 应写成 i/n(1 ≤ i ≤ n),如 2/4,而不是“${value}”`, `--shard takes i/n with 1 ≤ i ≤ n, e.g. 2/4, not "${value}"`),
  unknownFormat: (format: string, known: string) => L(`未知的输出格式“${format}”;可用:${known}`, `unknown format "${format}"; use one of ${known}`),
  tooManyWarnings: (count: number, max: number, hidden: boolean) =>
    L(
      `警告 ${count} 个${hidden ? '(--quiet 未显示;去掉 --quiet 可查看)' : ''},超过 --max-warnings ${max}`,
      `${count} warning(s)${hidden ? ' (not shown: --quiet; run without --quiet to see them)' : ''} exceed --max-warnings ${max}`,
    ),
  maxWarnings: (value: string) => L(`--max-warnings 应为不小于 0 的整数,而不是“${value}”`, `--max-warnings takes a whole number ≥ 0, not "${value}"`),
  // ------------------------------------------------------------------ baseline
  baselineUnreadable: (path: string, reason: LocalizedText) => L(`无法读取基线文件 ${path}:${reason['zh-CN']}`, `cannot read baseline ${path}: ${reason.en}`),
  notRegularFile: () => L('不是普通文件(是管道、设备或套接字)', 'not a regular file (a pipe, device or socket)'),
  notABaseline: (path: string) => L(`${path} 不是 edunorm 基线文件(应为 {"format": 1, "entries": [...]})`, `${path} is not an edunorm baseline (expected {"format": 1, "entries": [...]})`),
  baselineWritten: (count: number, path: string) => L(`已将 ${count} 个问题记入基线 ${path}`, `Recorded ${count} finding(s) in ${path}`),

  // ------------------------------------------------------------------ sarif-merge
  sarifMergeInputs: () =>
    L('sarif-merge 要一个或多个 SARIF 文件:edunorm sarif-merge 分片1.sarif 分片2.sarif … -o 合并.sarif', 'sarif-merge takes one or more SARIF files: edunorm sarif-merge shard-1.sarif shard-2.sarif … -o merged.sarif'),
  sarifUnreadable: (path: string, reason: LocalizedText) => L(`无法读取 SARIF 文件 ${path}:${reason['zh-CN']}`, `cannot read the SARIF file ${path}: ${reason.en}`),
  sarifNotRegular: (path: string) => L(`${path} 不是普通文件(管道、设备或文件夹);请先把 SARIF 保存为文件`, `${path} is not a regular file (a pipe, device or folder); save the SARIF to a file first`),
  sarifNotJson: (where: string) => L(`${where}:不是有效的 JSON,不是 SARIF 文件`, `${where}: not valid JSON, so not a SARIF file`),
  notSarif: (path: string) => L(`${path} 不是 SARIF 2.1.0 文件(应为 {"version": "2.1.0", "runs": [...]})`, `${path} is not a SARIF 2.1.0 log (expected {"version": "2.1.0", "runs": [...]})`),
  sarifOtherTool: (path: string, tool: string) =>
    L(`${path} 是另一个工具(${tool})的结果;sarif-merge 只合并 edunorm 写的 SARIF 文件`, `${path} holds results of another tool (${tool}); sarif-merge merges SARIF files written by edunorm only`),
  sarifMalformed: (path: string, where: string) => L(`${path}:${where} 缺失或类型不对;这不是 edunorm 写的 SARIF 文件(是否被手工改过?)`, `${path}: ${where} is missing or of the wrong type; not a SARIF file as edunorm writes it (edited by hand?)`),
  sarifVersions: (a: string, va: string, b: string, vb: string) =>
    L(`${a}(edunorm ${va})和 ${b}(edunorm ${vb})由不同版本写出,不是同一次检查的分片;请用同一版本重新运行`, `${a} (edunorm ${va}) and ${b} (edunorm ${vb}) come from different versions, not shards of one run; re-run them with one version`),
  sarifCategories: (a: string, ca: string, b: string, cb: string) =>
    L(`${a}(类别“${ca}”)和 ${b}(类别“${cb}”)属于不同的分析类别;请分别上传`, `${a} (category "${ca}") and ${b} (category "${cb}") are different analysis categories; upload them separately`),
  sarifRuleConflict: (path: string, id: string) =>
    L(`${path} 对规则 ${id} 的描述与前面的文件不同(语言、配置或规则包不同?);同一次检查的分片应使用相同的选项和配置`, `${path} describes rule ${id} differently from an earlier file (another locale, configuration or rule pack?); shards of one run use the same options and configuration`),
  sarifSharedFile: (file: string, a: string, b: string) =>
    L(`${file} 同时出现在 ${a} 和 ${b} 中:同一次检查的各个分片不会检查同一个文件(是否把同一个文件给了两次?)`, `${file} appears in both ${a} and ${b}: the shards of one run never check the same file (the same input given twice?)`),
  sarifShardMixed: (sharded: string, plain: string) =>
    L(`${sharded} 是分片检查(--shard)的结果,${plain} 不是;只合并同一次分片检查的全部分片`, `${sharded} is a shard of a --shard run and ${plain} is not; merge all the shards of one sharded run, and nothing else`),
  sarifShardRuns: (a: string, b: string) =>
    L(`${a} 和 ${b} 是不同分片检查的分片(检查的文件或规则设置不同);请用相同的路径和配置重新运行各个分片`, `${a} and ${b} are shards of different runs (other files checked, or other rule settings); re-run every shard with the same paths and configuration`),
  sarifShardTwice: (index: string, a: string, b: string) =>
    L(`${a} 和 ${b} 都是第 ${index} 个分片;每个分片只给一次`, `${a} and ${b} are both shard ${index}; give each shard once`),
  sarifShardMissing: (missing: string, count: number) =>
    L(`缺少第 ${missing} 个分片(共 ${count} 个):合并后的结果会让这些分片中文件的告警被当作已修复而关闭;请提供全部分片`, `shard ${missing} of ${count} missing: uploaded, the merged log would close the alerts of those shards' files as fixed — give every shard`),
  sarifOutputIsInput: (path: string) => L(`--output ${path} 是要合并的文件之一,不会覆盖它;请另选输出文件`, `--output ${path} is one of the files being merged; it is not replaced — choose another output file`),
  cacheNotOurs: (path: string) =>
    L(
      `${path} 不是 edunorm 的缓存文件(是别的文件或文件夹):本次不使用缓存,也不会覆盖它;请另选 --cache-location,或先删除它`,
      `${path} is not an edunorm cache (another file, or a folder): this run goes without the cache and leaves it as it is — choose another --cache-location, or remove it`,
    ),
  importOutputIsInput: (path: string) =>
    L(`--output ${path} 就是要导入的文件(或 --mapping 文件),不会覆盖它(--force 也不会);请另选输出文件`, `--output ${path} is the file being imported (or the --mapping file); it is not replaced, not even with --force — choose another output file`),
  outputIsBaseline: (path: string) =>
    L(`--output ${path} 就是基线文件(--baseline),不会用报告覆盖它;请另选输出文件(更新基线请用 edunorm baseline … --force)`, `--output ${path} is the baseline (--baseline); it is not replaced by the report — choose another output file (edunorm baseline … --force updates a baseline)`),
  outputIsConfigInput: (path: string) =>
    L(`--output ${path} 是配置读取的文件(配置文件或规则文件),不会用报告覆盖它;请另选输出文件`, `--output ${path} is a file the configuration reads (a configuration or rule file); it is not replaced by the report — choose another output file`),
  outputIsCache: (path: string) =>
    L(`--output ${path} 就是缓存文件(--cache-location),不会用报告覆盖它;请另选输出文件`, `--output ${path} is the cache file (--cache-location); it is not replaced by the report — choose another output file`),
  writeFailed: (path: string, reason: LocalizedText) => L(`无法写入 ${path}:${reason['zh-CN']}`, `cannot write ${path}: ${reason.en}`),
  readFailed: (path: string, reason: LocalizedText) => L(`无法读取 ${path}:${reason['zh-CN']}`, `cannot read ${path}: ${reason.en}`),
  openFailed: (path: string, reason: LocalizedText) => L(`无法打开 ${path}:${reason['zh-CN']}`, `cannot open ${path}: ${reason.en}`),
  /** What a system error code means, with the code itself (for a search or a bug report). */
  systemError: (code: string): LocalizedText => systemErrorText(code),
  internalError: () => L('edunorm 内部错误(这是 edunorm 的缺陷,不是所查文件的问题;请附上以下内容报告)', 'internal error (a bug in edunorm, not a problem of the files checked; please report it with what follows)'),
  sarifMerged: (inputs: number, results: number, files: number, output: string) =>
    L(`已把 ${inputs} 个 SARIF 文件合并为一次运行,写入 ${output}:${results} 个结果,${files} 个文件`, `Merged ${inputs} SARIF files into one run in ${output}: ${results} result(s) in ${files} file(s)`),
  sarifTooManyResults: (results: number) =>
    L(
      `合并后的运行有 ${results} 个结果,超过 GitHub 代码扫描每次运行 25,000 个结果的上限,上传会被拒绝;请按市或县分组合并,各用自己的类别(upload-sarif 的 category)分别上传`,
      `the merged run holds ${results} results, more than GitHub code scanning's 25,000 per run: the upload would be rejected; merge by city or county instead and upload each under its own category (upload-sarif's category input)`,
    ),

  // ------------------------------------------------------------------ rules, explain, test-rules, init
  rulesNoPaths: (got: string) => L(`edunorm rules 不接受路径(收到“${got}”)`, `"edunorm rules" takes no paths (got "${got}")`),
  rulesFormat: (format: string) => L(`edunorm rules 的格式只能是 table 或 json,而不是“${format}”`, `unknown format "${format}" for rules; use table or json`),
  explainUsage: () => L('用法:edunorm explain <规则编号>,如 edunorm explain teacher-training-funds', 'usage: edunorm explain <rule-id>, e.g. edunorm explain teacher-training-funds'),
  testRulesUsage: () => L('用法:edunorm test-rules [规则包文件夹]', 'usage: edunorm test-rules [pack-folder]'),
  packFolderMissing: (folder: string) => L(`找不到规则包文件夹:${folder}`, `rule pack folder not found: ${folder}`),
  packFolderEmpty: (folder: string) => L(`${folder} 中没有规则文件(*.yaml)`, `${folder} holds no rule files (*.yaml)`),
  testRulesSummary: (rules: number, cases: number, passed: number, failed: number) =>
    L(`\n${rules} 条规则,${cases} 个用例:${passed} 个通过,${failed} 个失败\n`, `\n${rules} rule(s), ${cases} case(s): ${passed} passed, ${failed} failed\n`),
  caseKind: (kind: 'valid' | 'invalid') => (kind === 'valid' ? L('应通过', 'valid') : L('应报告', 'invalid')),
  expectedActual: () => L('- 预期', '- expected'),
  actual: () => L('+ 实际', '+ actual'),
  initNoPaths: (got: string) => L(`edunorm init 写入当前文件夹,不接受路径(收到“${got}”)`, `"edunorm init" writes into the current folder and takes no paths (got "${got}")`),

  // ------------------------------------------------------------------ report
  reportFormat: (format: string) => L(`report 的 --format 只能是 html 或 markdown,而不是“${format}”`, `report --format takes html or markdown, not "${format}"`),

  // ------------------------------------------------------------------ import
  importOneFile: () =>
    L(
      'import 只接受一个表格:edunorm import 表格.xlsx|表格.csv --kind Staffing|SchoolBudget|DistrictIndicators',
      'import takes one spreadsheet: edunorm import FILE.xlsx|FILE.csv --kind Staffing|SchoolBudget|DistrictIndicators',
    ),
  importKind: (known: string, given: string | undefined) =>
    L(`--kind 应为 ${known} 之一${given ? `,而不是“${given}”` : ''}`, `--kind must be one of ${known}${given ? `, not "${given}"` : ''}`),
  importExtension: (file: string, isXls: boolean) =>
    L(`${file}:import 只读取 .xlsx 和 .csv 文件${isXls ? ';请先把旧的 .xls 工作簿另存为 .xlsx' : ''}`, `${file}: import reads .xlsx and .csv files${isXls ? '; save the old .xls workbook as .xlsx first' : ''}`),
  importSchoolFlags: () =>
    L(
      '--school-code、--school-name 和 --level 只用于 SchoolBudget 和 Staffing;DistrictIndicators 表格在开头几行写明市县',
      '--school-code, --school-name and --level are for SchoolBudget and Staffing; a DistrictIndicators sheet names its district in its block rows',
    ),
  importSheetForCsv: () => L('--sheet 只用于 .xlsx 工作簿;CSV 文件只有一个工作表', '--sheet is for .xlsx workbooks; a CSV file has one sheet'),
  importBadValue: (key: string, problem: LocalizedText) => L(`${key}:${problem['zh-CN']}`, `${key}: ${problem.en}`),
  importFile: (file: string, text: LocalizedText) => L(`${file}:${text['zh-CN']}`, `${file}: ${text.en}`),
  xlsxUnreadable: (path: string, reason: string) =>
    L(`无法把 ${path} 作为 .xlsx 工作簿读取(${reason});请另存为 .xlsx 或 .csv`, `cannot read ${path} as an .xlsx workbook (${reason}); save it as .xlsx or .csv`),
  xlsxMergeBound: (path: string, why: LocalizedText) => L(`无法导入 ${path}:${why['zh-CN']}`, `cannot import ${path}: ${why.en}`),
  xlsxNoSheet: (name: string, path: string, sheets: string) => L(`${path} 中没有工作表“${name}”;现有:${sheets}`, `no sheet "${name}" in ${path}; its sheets: ${sheets}`),
  xlsxNoWorksheets: (path: string) => L(`${path} 中没有工作表`, `${path} has no worksheets`),
  mappingUnreadable: (path: string, reason: LocalizedText) => L(`无法读取对照文件 ${path}(${reason['zh-CN']})`, `cannot read the mapping file ${path} (${reason.en})`),
  mappingNotYaml: (path: string, detail: string) => L(`${path} 不是有效的 YAML${detail ? `:${detail}` : ''}`, `${path} is not valid YAML${detail ? `: ${detail}` : ''}`),
  mappingNotMapping: (path: string) => L(`${path}:应为包含 columns 和/或 values 的映射`, `${path}: expected a mapping with "columns" and/or "values"`),
  mappingSection: (path: string, key: string) => L(`${path}:未知的部分“${key}”;请用 columns 和 values`, `${path}: unknown section "${key}"; use "columns" and "values"`),
  mappingColumn: (path: string, header: string, field: string, kind: string, known: string) =>
    L(`${path}:columns.${header} 指向的“${field}”不是 ${kind} 的字段;可用:${known}`, `${path}: columns.${header} names "${field}", not a ${kind} field; known: ${known}`),
  mappingValuesField: (path: string, field: string, known: string) =>
    L(`${path}:values.${field}:只有取值固定的字段可以补充取值词(${known})`, `${path}: values.${field}: only fields with fixed values take words (${known})`),
  mappingValue: (path: string, field: string, word: string, allowed: string) =>
    L(`${path}:values.${field}.${word} 应为 ${allowed} 之一`, `${path}: values.${field}.${word} must be one of ${allowed}`),
  mappingMustBeMap: (where: string) => L(`${where} 应为映射(“键: 值”)`, `${where} must be a mapping`),
} satisfies Record<string, (...args: never[]) => LocalizedText>;

export type MessageKey = keyof typeof MESSAGES;
