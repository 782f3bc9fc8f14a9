/**
 * Every command's options, once: what `parseArgs` accepts, what `--help` prints (zh-CN and en)
 * and what the README's generated CLI reference lists are all made from these tables, so a flag
 * cannot be accepted without being documented, and a documented default is the one the code
 * uses (the size limit comes from core's DEFAULT_MAX_FILE_BYTES). Kept free of heavy imports:
 * `--help` loads only this module and help.ts.
 */
import type { LocalizedText } from '@edunorm/core';
import { DEFAULT_MAX_FILE_BYTES } from '@edunorm/core/internal/file-limits';

const L = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** The value parseArgs fills in when the option is absent (and help shows). */
  readonly default?: string;
  /** The value's placeholder in help: `<文件>` / `<file>`. */
  readonly arg?: LocalizedText;
  readonly help: LocalizedText;
  /** A flag's: what it turns on, said when it is given a value and has a `--no-` counterpart (`颜色`). */
  readonly turnsOn?: LocalizedText;
}

export interface CommandSpec {
  /** The synopsis after `edunorm `, per language. */
  readonly usage: LocalizedText;
  /** One line for the list of commands in `edunorm --help`. */
  readonly summary: LocalizedText;
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** What follows the options: exit codes and anything a user must know. */
  readonly notes: LocalizedText;
}

/** `16MiB`: how help and the README write a byte count that is a whole number of MiB. */
export const formatBytes = (bytes: number): string => (bytes % 1024 ** 2 === 0 ? `${bytes / 1024 ** 2}MiB` : bytes % 1024 === 0 ? `${bytes / 1024}KiB` : `${bytes}`);

export const DEFAULT_REPORT_HTML = 'edunorm-report.html';

const FILE = L('文件', 'file');
const HELP_OPTION = { type: 'boolean', short: 'h', help: L('显示此帮助', 'show this help') } as const satisfies OptionSpec;
const LOCALE_OPTION = {
  type: 'string',
  arg: L('zh-CN|en', 'zh-CN|en'),
  help: L('提示语言(默认:配置中的 locale:,其次 LC_ALL/LC_MESSAGES/LANG,否则 zh-CN)', 'language of messages (default: the configuration\'s locale:, then LC_ALL/LC_MESSAGES/LANG, else zh-CN)'),
} as const satisfies OptionSpec;
const CONFIG_OPTION = {
  type: 'string',
  short: 'c',
  arg: FILE,
  help: L('所有文件都用这份配置(默认:从每个文件所在文件夹向上最近的 edunorm.config.yaml)', 'use this configuration for every file (default: the nearest edunorm.config.yaml from each file\'s folder upward)'),
} as const satisfies OptionSpec;
const COLOR_OPTION = { type: 'boolean', turnsOn: L('颜色', 'colours'), help: L('强制使用颜色(默认:输出到终端时使用)', 'force colours on (default: on for a terminal)') } as const satisfies OptionSpec;
const NO_COLOR_OPTION = { type: 'boolean', help: L('不使用颜色(NO_COLOR 环境变量也可以)', 'no colours (the NO_COLOR variable does the same)') } as const satisfies OptionSpec;

/** The options of every command that checks files (check, baseline, report). */
export const CHECKING_SPEC = {
  config: CONFIG_OPTION,
  locale: LOCALE_OPTION,
  'report-unused-disable-directives': {
    type: 'boolean',
    help: L('报告没有忽略任何问题的 # edunorm-disable 注释(directive/unused)', 'report # edunorm-disable comments that suppress nothing (directive/unused)'),
  },
  cache: { type: 'boolean', help: L('重用未改动文件的结果', 'reuse the results of unchanged files') },
  'cache-location': { type: 'string', default: '.edunormcache', arg: FILE, help: L('缓存文件(配合 --cache)', 'the cache file (with --cache)') },
  concurrency: { type: 'string', arg: L('n|auto', 'n|auto'), help: L('用 n 个线程检查(本线程和 n − 1 个工作线程)', 'check files in n threads (this one and n − 1 workers)') },
  shard: {
    type: 'string',
    arg: L('i/n', 'i/n'),
    help: L('只检查 n 份中的第 i 份(CI 矩阵;同一县的文件总在同一份中;空的一份不算错误)', 'check only the i-th of n slices of the files (CI matrices; a district\'s files stay in one slice; an empty slice is no error)'),
  },
  'max-file-size': {
    type: 'string',
    arg: L('大小', 'size'),
    help: L(
      `更大的文件不读取,各报告一个 file/too-large(默认 ${formatBytes(DEFAULT_MAX_FILE_BYTES)};可用单位 k、M、G,如 32MiB)`,
      `larger files are not read: one file/too-large finding each (default ${formatBytes(DEFAULT_MAX_FILE_BYTES)}; units k, M, G, e.g. 32MiB)`,
    ),
  },
  'no-error-on-unmatched-pattern': {
    type: 'boolean',
    help: L('没有检查任何文件时退出码为 0(默认为 2)', 'exit 0, not 2, when nothing was checked'),
  },
  verbose: { type: 'boolean', help: L('在标准错误中列出跳过的文件和缓存使用情况(各阶段用时:设环境变量 EDUNORM_TIMING=1)', 'list skipped (non-edunorm) files and cache use on stderr (time by phase: set EDUNORM_TIMING=1)') },
  help: HELP_OPTION,
} as const satisfies Record<string, OptionSpec>;

const EXIT_CHECK = L(
  '退出码:0 没有错误(警告超过 --max-warnings 时除外),1 发现错误或警告过多,2 命令行或配置有误,或没有检查任何文件。',
  'Exit codes: 0 no errors (and no more warnings than --max-warnings), 1 errors found or too many warnings, 2 usage or configuration error, or nothing checked.',
);

export const COMMAND_SPECS = {
  check: {
    usage: L('check [路径或通配符...] [选项]', 'check [paths or globs...] [options]'),
    summary: L('检查 edunorm/v1 YAML 文件(文件夹:其中的 *.yaml、*.yml,跳过 node_modules、.git、.hg、.svn)', 'check edunorm/v1 YAML files (folders: their *.yaml, *.yml; node_modules, .git, .hg and .svn are skipped)'),
    options: {
      format: {
        type: 'string',
        short: 'f',
        default: 'stylish',
        arg: L('格式', 'name'),
        help: L('stylish、json、sarif、junit、github(工作流注释)或 markdown(拉取请求评论中的表格)', 'stylish, json, sarif, junit, github (workflow annotations) or markdown (a table for a pull-request comment)'),
      },
      output: { type: 'string', short: 'o', arg: FILE, help: L('把结果写入文件,而不是标准输出(缺少的文件夹会创建;不能是被检查的文件)', 'write the report to a file instead of standard output (missing folders are created; never one of the files checked)') },
      baseline: { type: 'string', arg: FILE, help: L('只报告基线中没有记录的问题(基线由 edunorm baseline 生成)', 'report only findings not recorded in this baseline (made by edunorm baseline)') },
      'max-warnings': {
        type: 'string',
        arg: L('n', 'n'),
        help: L('警告超过 n 个时退出码为 1;与 --quiet 同用时,警告不显示但仍然计数(与 ESLint 相同)', 'exit 1 when there are more than n warnings; with --quiet the warnings are not shown but still counted (as in ESLint)'),
      },
      quiet: {
        type: 'boolean',
        short: 'q',
        help: L('只显示错误;警告和提示不显示,但 --max-warnings 仍然计算警告数(与 ESLint 相同)', 'show errors only; warnings and infos are not shown, but --max-warnings still counts the warnings (as in ESLint)'),
      },
      color: COLOR_OPTION,
      'no-color': NO_COLOR_OPTION,
      ...CHECKING_SPEC,
    },
    notes: EXIT_CHECK,
  },
  baseline: {
    usage: L('baseline [路径...] [选项]', 'baseline [paths...] [options]'),
    summary: L('把现有问题记入基线;之后 check --baseline 只报告新问题', "record today's findings; check --baseline then reports only new ones"),
    options: {
      output: { type: 'string', short: 'o', default: 'edunorm-baseline.json', arg: FILE, help: L('基线文件(缺少的文件夹会创建)', 'the baseline file (missing folders are created)') },
      force: { type: 'boolean', help: L('替换已有的基线文件(否则不覆盖;两个同时运行的 baseline 只有一个写入)', 'replace an existing baseline (never replaced otherwise; of two runs at once only one writes)') },
      ...CHECKING_SPEC,
    },
    notes: L(
      '退出码:0 已写入,2 命令行或配置有误、文件已存在(未加 --force),或没有检查任何文件。',
      'Exit codes: 0 written, 2 usage or configuration error, the file exists (without --force), or nothing checked.',
    ),
  },
  import: {
    usage: L('import 表格.xlsx|表格.csv --kind Staffing|SchoolBudget|DistrictIndicators [选项]', 'import SHEET.xlsx|SHEET.csv --kind Staffing|SchoolBudget|DistrictIndicators [options]'),
    summary: L('表格 → 检查过的 edunorm/v1 YAML(表头可用中文,见 docs/import-mapping.md)', 'spreadsheet → checked edunorm/v1 YAML (Chinese headers; see docs/import-mapping.md)'),
    options: {
      kind: { type: 'string', short: 'k', arg: L('类型', 'kind'), help: L('Staffing(教职工名册)、SchoolBudget(预算)或 DistrictIndicators(市县指标)', 'Staffing (staff list), SchoolBudget or DistrictIndicators') },
      output: { type: 'string', short: 'o', arg: FILE, help: L('输出的 YAML(默认:与表格同名,扩展名 .yaml)', "the YAML to write (default: the sheet's name with .yaml)") },
      force: { type: 'boolean', help: L('覆盖已存在的输出文件', 'replace an existing output file') },
      'school-code': { type: 'string', arg: L('代码', 'code'), help: L('学校代码(优先于表格中的“学校代码”行)', 'school code (wins over a 学校代码 row in the sheet)') },
      'school-name': { type: 'string', arg: L('名称', 'name'), help: L('学校名称', 'school name') },
      level: { type: 'string', arg: L('学段', 'level'), help: L('如 小学、初中、普通高中 或 primary、junior、senior', 'primary, junior, senior, … (or a Chinese name such as 小学)') },
      'fiscal-year': { type: 'string', arg: L('年度', 'year'), help: L('年度(DistrictIndicators 为指标年份)', "fiscal year (for DistrictIndicators: the indicators' year)") },
      mapping: { type: 'string', arg: FILE, help: L('补充列名和取值的对照文件(YAML)', 'a YAML file adding headers and value words') },
      sheet: { type: 'string', arg: L('名称', 'name'), help: L('工作表名称(默认:第一个有数据的工作表)', 'worksheet to read (default: the first with data)') },
      locale: LOCALE_OPTION,
      color: COLOR_OPTION,
      'no-color': NO_COLOR_OPTION,
      help: HELP_OPTION,
    },
    notes: L(
      '退出码:0 已写入且无错误;1 已写入,但表格或检查有错误;2 未写入(用法错误、缺少学校信息、输出已存在且未加 --force)。',
      'Exit codes: 0 written, no errors; 1 written, the sheet or the check has errors; 2 nothing written (usage error, school data missing, output exists without --force).',
    ),
  },
  report: {
    usage: L('report [路径...] [选项]', 'report [paths...] [options]'),
    summary: L('多所学校的合规报告:一个独立的 HTML 页面,或 --format markdown', 'compliance report of many schools: one HTML page, or --format markdown'),
    options: {
      output: {
        type: 'string',
        short: 'o',
        arg: FILE,
        help: L(`要写入的 HTML 页面(默认 ${DEFAULT_REPORT_HTML});markdown 格式时写入文件而不是标准输出`, `the HTML page to write (default ${DEFAULT_REPORT_HTML}); for markdown: a file instead of standard output`),
      },
      format: { type: 'string', short: 'f', default: 'html', arg: L('html|markdown', 'html|markdown'), help: L('一个独立的 HTML 页面,或拉取请求评论用的摘要', 'one self-contained HTML page, or a summary for a pull-request comment') },
      ...CHECKING_SPEC,
      locale: { ...LOCALE_OPTION, help: L('报告的语言(默认:配置中的 locale:,否则 zh-CN——读者是教育局)', "language of the report (default: the configuration's locale:, else zh-CN — the reader is the bureau)") },
    },
    notes: L(
      '学校按 school.code 对应其 SchoolBudget 和 Staffing 文件;都没有错误即为合规。每个市县的每个年度(DistrictIndicators 的 district.code + year)单独一行,列出跨文档规范的县域数据。退出码:无论有无问题都是 0(check 把关,report 报告);2 为命令行或配置有误,或没有检查任何文件。',
      'A school is matched by school.code across its SchoolBudget and Staffing files; it is compliant when none of them has an error. Each district and year (DistrictIndicators district.code + year) is a row of its own, with the county figures of the norms across documents. Exit codes: 0 whatever the findings (check gates, report informs); 2 on a usage or configuration error, or when nothing was checked.',
    ),
  },
  rules: {
    usage: L('rules [选项]', 'rules [options]'),
    summary: L('列出生效的规则(编号、适用文档、级别、依据、标题)', 'list the active rules (id, kind, severity, source, title)'),
    options: {
      format: { type: 'string', short: 'f', default: 'table', arg: L('table|json', 'table|json'), help: L('表格或 JSON', 'a table or JSON') },
      locale: LOCALE_OPTION,
      config: { ...CONFIG_OPTION, help: L('按这份配置列出(默认:当前文件夹向上最近的 edunorm.config.yaml)', 'list the rules of this configuration (default: the nearest edunorm.config.yaml upward)') },
      help: HELP_OPTION,
    },
    notes: L('退出码:0 已列出,2 命令行或配置有误。', 'Exit codes: 0 listed, 2 usage or configuration error.'),
  },
  explain: {
    usage: L('explain <规则编号> [选项]', 'explain <rule-id> [options]'),
    summary: L('一条规则的规范、依据、参数和示例(结构检查编号也可以)', "a rule's norm, citation, parameters and examples (structural ids too)"),
    options: {
      locale: LOCALE_OPTION,
      config: { ...CONFIG_OPTION, help: L('按这份配置显示参数(默认:当前文件夹向上最近的 edunorm.config.yaml)', 'show the parameters of this configuration (default: the nearest edunorm.config.yaml upward)') },
      help: HELP_OPTION,
    },
    notes: L('退出码:0 已说明,2 未知的编号(会提示相近的编号)或命令行有误。', 'Exit codes: 0 explained, 2 unknown id (with a "did you mean") or usage error.'),
  },
  'test-rules': {
    usage: L('test-rules [规则包文件夹] [选项]', 'test-rules [pack-folder] [options]'),
    summary: L('运行规则包中每条规则自带的通过/报告用例', "run every rule's own valid and invalid test cases"),
    options: { locale: LOCALE_OPTION, color: COLOR_OPTION, 'no-color': NO_COLOR_OPTION, help: HELP_OPTION },
    notes: L(
      '不给文件夹时测试内置规则包。退出码:0 全部通过,1 有用例失败,2 规则文件有误(给出 文件:行:列)。',
      'Without a folder it tests the built-in pack. Exit codes: 0 all pass, 1 a case fails, 2 a broken rule file (file:line:col).',
    ),
  },
  'sarif-merge': {
    usage: L('sarif-merge <分片.sarif>... [选项]', 'sarif-merge <shard.sarif>... [options]'),
    summary: L(
      '把分片检查(check --shard i/n --format sarif)的 SARIF 文件合并为一次运行,供代码扫描一次上传',
      'merge the SARIF files of a sharded check (check --shard i/n --format sarif) into one run, for one code scanning upload',
    ),
    options: {
      output: { type: 'string', short: 'o', arg: FILE, help: L('写入文件(原子写入),而不是标准输出;不能是要合并的文件之一', 'write to this file (atomically) instead of standard output; never one of the inputs') },
      locale: LOCALE_OPTION,
      help: HELP_OPTION,
    },
    notes: L(
      '规则只列一次,ruleIndex 和文件索引重新编号,partialFingerprints 保留不变。退出码:0 已合并,2 用法错误或输入不是同一次 edunorm 检查的分片。',
      'Each rule is listed once, ruleIndex and artifact indices are renumbered, partialFingerprints kept. Exit codes: 0 merged, 2 usage error or inputs that are not shards of one edunorm run.',
    ),
  },
  init: {
    usage: L('init [选项]', 'init [options]'),
    summary: L('在当前文件夹写入带注释的 edunorm.config.yaml 和两个合规示例', 'write a commented edunorm.config.yaml and two compliant examples here'),
    options: {
      force: { type: 'boolean', help: L('覆盖已有的文件(否则跳过并说明)', 'overwrite existing files (otherwise they are skipped, and said so)') },
      locale: LOCALE_OPTION,
      help: HELP_OPTION,
    },
    notes: L('退出码:0 已写入(或已说明跳过了哪些文件),2 命令行有误。', 'Exit codes: 0 written (or the skipped files named), 2 usage error.'),
  },
} as const satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof COMMAND_SPECS;

type ParseArgsOption<O extends OptionSpec> = Pick<O, Extract<keyof O, 'type' | 'short' | 'default'>>;

/** The `options` of node:util parseArgs for a table of option specs (types kept for `values`). */
export function parseArgsOptions<T extends Readonly<Record<string, OptionSpec>>>(spec: T): { -readonly [K in keyof T]: ParseArgsOption<T[K]> } {
  const out: Record<string, { type: 'string' | 'boolean'; short?: string; default?: string }> = {};
  for (const [name, o] of Object.entries(spec)) {
    out[name] = { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.default !== undefined ? { default: o.default } : {}) };
  }
  return out as { -readonly [K in keyof T]: ParseArgsOption<T[K]> };
}
