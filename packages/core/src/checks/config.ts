/**
 * config/* and rule-file/*: problems of an `edunorm.config.yaml` or of a rule file, located by
 * file, line and column. The CLI prints them and exits 2; the editor shows them on the file.
 * config.ts, node.ts and rules/load-pack.ts find them (their messages name the key or value).
 */
import type { LocalizedText } from '../types.js';
import { defineChecks, t } from './define.js';

const CONFIG = 'configuration' as const;
const RULE_FILE = 'rule-file' as const;

export const CONFIG_CHECKS = defineChecks('packages/core/src/checks/config.ts', {
  'config/invalid': {
    severity: 'error',
    subject: CONFIG,
    title: t('配置文件有错误', 'Invalid configuration'),
    docs: {
      explanation: t('edunorm.config.yaml 有错误(下面各条 config/* 列出具体问题),其中的设置没有生效。命令行以退出码 2 停止;编辑器仍按内置规则检查数据文件,并在数据文件第 1 行提示配置有误。', 'The edunorm.config.yaml has errors (the config/* problems below it say which) and its settings are not applied. The command line stops with exit code 2; the editor still checks data files with the built-in rules and says on line 1 that the configuration is broken.'),
      fix: t('按所列的行号改正配置文件。', 'Correct the configuration at the lines given.'),
      situation: t('加载配置文件(命令行、编辑器)时发现一个或多个问题。', 'Loading a configuration file (command line or editor) finds one or more problems.'),
    },
  },
  'config/invalid-option': {
    severity: 'error',
    subject: CONFIG,
    title: t('调用 check() 的参数有误', 'Invalid argument to check()'),
    docs: {
      explanation: t(
        '通过 npm 包 @edunorm/core 调用 check() 时,要检查的内容必须是字符串,选项必须是对象,且每个选项的类型正确:locale 只能是 zh-CN 或 en,maxFileBytes、maxFullParseLength、maxFindings 必须是整数或 Infinity,ruleSet 必须由 createRuleSet() 创建。否则抛出 ConfigurationError(代码 config/invalid-option),不做任何检查——错误的值不会被悄悄忽略(例如 maxFileBytes 为 NaN 会关掉大小上限)。',
        'Through the npm package @edunorm/core, check() takes a string to check and an object of options, each of its type: locale zh-CN or en; maxFileBytes, maxFullParseLength and maxFindings whole numbers or Infinity; a ruleSet made by createRuleSet(). Anything else throws a ConfigurationError with code config/invalid-option and nothing is checked — a wrong value is never silently ignored (maxFileBytes NaN would switch the size limit off).',
      ),
      fix: t('按错误信息改正调用 check() 时传入的参数。', 'Correct the argument the message names.'),
      situation: t('例如 `check(text, { locale: \'zh\' })` 或 `check(text, { maxFileBytes: Number(process.env.MAX) })`(环境变量未设置时为 NaN)。', 'For example `check(text, { locale: \'zh\' })`, or `check(text, { maxFileBytes: Number(process.env.MAX) })` with the variable unset (NaN).'),
    },
  },
  'config/yaml': {
    severity: 'error',
    subject: CONFIG,
    title: t('配置文件 YAML 语法错误', 'YAML syntax error in the configuration'),
    docs: {
      explanation: t('配置文件不是合法的 YAML。', 'The configuration file is not valid YAML.'),
      fix: t('检查所列位置的缩进、冒号和引号。', 'Check indentation, colons and quotes at the position given.'),
      situation: t('例如 `rules:` 下的一行缩进不齐。', 'For example a line under `rules:` indented unevenly.'),
    },
  },
  'config/schema': {
    severity: 'error',
    subject: CONFIG,
    title: t('配置文件结构不对', 'Configuration of the wrong shape'),
    docs: {
      explanation: t('配置文件是一个 YAML 文档(不能用 --- 再开一个),只能有 extends(规则包列表)和 rules(各规则的级别和参数);级别只能是 off、info、warning、error。', 'A configuration is one YAML document (no second one after ---) with only extends (a list of packs) and rules (each rule\'s severity and parameters); a severity is off, info, warning or error.'),
      fix: t('删除或改正所列的字段,例如把 `rule:` 改为 `rules:`,把 `warn` 改为 `warning`。', 'Remove or correct the key named, e.g. `rule:` → `rules:`, `warn` → `warning`.'),
      situation: t('例如 `rules: { teacher-training-funds: warn }`。', 'For example `rules: { teacher-training-funds: warn }`.'),
    },
  },
  'config/unknown-rule': {
    severity: 'error',
    subject: CONFIG,
    title: t('配置了不存在的规则', 'Unknown rule id in the configuration'),
    docs: {
      explanation: t('rules: 下的规则编号不在所用的规则包中(可能拼错),这项设置不会生效。', 'A rule id under rules: is in none of the packs used (possibly misspelt), so the setting would do nothing.'),
      fix: t('按“是否想写”的建议改正,或用 edunorm rules 查看规则编号。', 'Correct it as the "did you mean" suggests, or look the id up with edunorm rules.'),
      situation: t('例如 `rules: { teacher-training-fund: warning }`(少了 s)。', 'For example `rules: { teacher-training-fund: warning }` (missing s).'),
    },
  },
  'config/unknown-param': {
    severity: 'error',
    subject: CONFIG,
    title: t('配置了规则没有的参数', 'Unknown rule parameter in the configuration'),
    docs: {
      explanation: t('params: 中的参数名不是该规则的参数,这项设置不会生效。', 'A name under params: is not a parameter of the rule, so the setting would do nothing.'),
      fix: t('用 edunorm explain <规则编号> 查看该规则的参数并改正。', 'See the rule\'s parameters with edunorm explain <rule-id> and correct the name.'),
      situation: t('例如 `teacher-training-funds: { params: { minShares: 0.06 } }`。', 'For example `teacher-training-funds: { params: { minShares: 0.06 } }`.'),
    },
  },
  'config/bad-param': {
    severity: 'error',
    subject: CONFIG,
    title: t('规则参数的值不对', 'Rule parameter of the wrong type or range'),
    docs: {
      explanation: t('参数值的类型或范围不对,例如比例写成了 6(应为 0.06)或写成了文字。', 'A parameter value has the wrong type or range, e.g. a share written as 6 (it is 0.06) or as text.'),
      fix: t('按 edunorm explain 列出的类型和默认值改正。', 'Write it as the type and default listed by edunorm explain.'),
      situation: t('例如 `teacher-training-funds: { params: { minShare: 6 } }`。', 'For example `teacher-training-funds: { params: { minShare: 6 } }`.'),
    },
  },
  'config/unknown-pack': {
    severity: 'error',
    subject: CONFIG,
    title: t('找不到规则包', 'Rule pack not found'),
    docs: {
      explanation: t('extends: 中的规则包既不是内置的 edunorm:plan14,也不是存在的文件夹(以 ./ 开头)或已安装的 npm 包。', 'A pack under extends: is neither the built-in edunorm:plan14, nor an existing folder (starting with ./), nor an installed npm package.'),
      fix: t('改正路径,或先安装该 npm 包(npm install)。', 'Correct the path, or install the npm package first (npm install).'),
      situation: t('例如 `extends: [./county-rule]`,而文件夹叫 county-rules。', 'For example `extends: [./county-rule]` when the folder is county-rules.'),
    },
  },
  'config/empty-pack': {
    severity: 'error',
    subject: CONFIG,
    title: t('规则包里没有规则文件', 'The rule pack holds no rule files'),
    docs: {
      explanation: t('extends: 中的文件夹存在,但其中没有任何 <规则编号>.yaml 规则文件:规则包不能为空,否则一条规则也不会检查。', 'The folder under extends: exists but holds no <rule-id>.yaml rule file: an empty pack would check nothing.'),
      fix: t('指向真正的规则包文件夹(如 rules/plan14 那样的一组 .yaml 文件),或删去这一项。', 'Point at a real pack folder (a set of .yaml files like rules/plan14), or remove the entry.'),
      situation: t('例如 `extends: [./county-rules]`,而该文件夹是空的,或写成了 `/etc`。', 'For example `extends: [./county-rules]` when that folder is empty, or `/etc`.'),
    },
  },
  'config/unreadable': {
    severity: 'error',
    subject: CONFIG,
    title: t('配置文件无法读取', 'Configuration cannot be read'),
    docs: {
      explanation: t('配置文件无法读取(不存在、无权限、不是普通文件或过大)。', 'The configuration file cannot be read (it does not exist, no permission, not a regular file, or too large).'),
      fix: t('检查文件权限和路径。', 'Check the file\'s permissions and path.'),
      situation: t('例如 --config 指向一个文件夹,或一个不存在的文件。', 'For example --config names a folder, or a file that does not exist.'),
    },
  },
  'rule-file/invalid': {
    severity: 'error',
    subject: RULE_FILE,
    title: t('规则文件有错误', 'Invalid rule file'),
    docs: {
      explanation: t('规则包中的规则文件有错误(各条 rule-file/* 列出具体问题),规则包无法加载。', 'A rule file of a pack has errors (the rule-file/* problems say which), so the pack cannot be loaded.'),
      fix: t('按所列的行号改正规则文件,再用 edunorm test-rules 检查。', 'Correct the rule file at the lines given, then run edunorm test-rules.'),
      situation: t('加载自定义规则包时出现。', 'Appears when a custom rule pack is loaded.'),
    },
  },
  'rule-file/yaml': {
    severity: 'error',
    subject: RULE_FILE,
    title: t('规则文件 YAML 语法错误', 'YAML syntax error in a rule file'),
    docs: {
      explanation: t('规则文件不是合法的 YAML,或含有多个文档(一个规则文件只写一条规则)。', 'The rule file is not valid YAML, or holds more than one document (one rule per file).'),
      fix: t('检查所列位置的缩进、冒号和引号;删除多余的 ---。', 'Check indentation, colons and quotes at the position given; remove a stray ---.'),
      situation: t('加载规则文件时发现。', 'Found when the rule file is loaded.'),
    },
  },
  'rule-file/schema': {
    severity: 'error',
    subject: RULE_FILE,
    title: t('规则文件结构不对', 'Rule file of the wrong shape'),
    docs: {
      explanation: t('规则文件缺少必填字段或有未知字段(id、kind、severity、title、citation、facts、outcomes、tests 等)。', 'The rule file lacks a required key or has an unknown one (id, kind, severity, title, citation, facts, outcomes, tests…).'),
      fix: t('对照 rules/plan14 中的规则文件改正。', 'Compare with a rule file of rules/plan14 and correct it.'),
      situation: t('例如 outcome 缺少 message。', 'For example an outcome without a message.'),
    },
  },
  'rule-file/empty-pack': {
    severity: 'error',
    subject: RULE_FILE,
    title: t('文件夹里没有规则文件', 'No rule files in the folder'),
    docs: {
      explanation: t('要测试或加载的规则包文件夹中没有任何 .yaml 规则文件。', 'The pack folder to test or load holds no .yaml rule file.'),
      fix: t('检查文件夹路径;规则文件名为 <规则编号>.yaml。', 'Check the folder path; rule files are named <rule-id>.yaml.'),
      situation: t('例如 `edunorm test-rules ./empty`。', 'For example `edunorm test-rules ./empty`.'),
    },
  },
  'rule-file/name': {
    severity: 'error',
    subject: RULE_FILE,
    title: t('规则文件扩展名大小写不对', 'Rule file extension in the wrong case'),
    docs: {
      explanation: t('规则文件以小写的 .yaml(或 .yml)结尾;Rule.YAML 这样的文件会被当作不是规则文件而漏掉,所以报错。', 'Rule files end in lower-case .yaml (or .yml); a file like Rule.YAML would be skipped unseen, so it is reported.'),
      fix: t('把文件改名为小写扩展名,如 rule.yaml。', 'Rename it with a lower-case extension, e.g. rule.yaml.'),
      situation: t('例如规则包中有 Teacher-Training-Funds.YAML。', 'For example Teacher-Training-Funds.YAML in a pack.'),
    },
  },
  'rule-file/unreadable': {
    severity: 'error',
    subject: RULE_FILE,
    title: t('规则文件无法读取', 'Rule file cannot be read'),
    docs: {
      explanation: t('规则包文件夹中的某个 .yaml 文件无法读取。', 'A .yaml file of the pack folder cannot be read.'),
      fix: t('检查文件权限;不属于规则包的文件请移出该文件夹。', 'Check its permissions; move files that are not rules out of the folder.'),
      situation: t('例如文件夹中有一个无权限读取的 .yaml 文件。', 'For example a .yaml file in the folder that cannot be read.'),
    },
  },
  'rule-file/id-mismatch': {
    severity: 'error',
    subject: RULE_FILE,
    title: t('规则编号与文件名不一致', 'Rule id differs from its file name'),
    docs: {
      explanation: t('一条规则写在以其编号命名的文件中(<id>.yaml),这样按编号总能找到它。', 'A rule lives in a file named after its id (<id>.yaml), so its id always finds it.'),
      fix: t('重命名文件或改正 id。', 'Rename the file or correct the id.'),
      situation: t('例如 training.yaml 中写着 id: teacher-training-funds。', 'For example training.yaml holding id: teacher-training-funds.'),
    },
  },
  'rule-file/duplicate-id': {
    severity: 'error',
    subject: RULE_FILE,
    title: t('规则编号重复', 'Duplicate rule id'),
    docs: {
      explanation: t('同一个规则包中有两个文件定义了同一个规则编号。', 'Two files of one pack define the same rule id.'),
      fix: t('删除或重命名其中一个。', 'Delete or rename one of them.'),
      situation: t('例如复制规则文件后忘了改 id。', 'For example a copied rule file whose id was not changed.'),
    },
  },
  'rule-file/duplicate-outcome': {
    severity: 'error',
    subject: RULE_FILE,
    title: t('结果名称重复', 'Duplicate outcome name'),
    docs: {
      explanation: t('一条规则的两个 outcomes 用了同一个 name;基线和测试用例按名称区分它们。', 'Two outcomes of a rule share a name; baselines and test cases tell them apart by name.'),
      fix: t('给每个 outcome 起不同的名称。', 'Give each outcome its own name.'),
      situation: t('例如两个 outcome 都叫 below。', 'For example two outcomes both named below.'),
    },
  },
  'rule-file/bad-path': {
    severity: 'error',
    subject: RULE_FILE,
    title: t('字段路径写法不对', 'Malformed field path'),
    docs: {
      explanation: t('规则中的字段路径写法不对。', 'A field path in the rule is not written as a path.'),
      fix: t('写成 budget.publicFunds 或 staff[{index}].name 的形式。', 'Write it like budget.publicFunds or staff[{index}].name.'),
      situation: t('例如 report.at: budget..publicFunds。', 'For example report.at: budget..publicFunds.'),
    },
  },
  'rule-file/unknown-field': {
    severity: 'error',
    subject: RULE_FILE,
    title: t('规则引用了不存在的字段', 'Rule names a field the document kind lacks'),
    docs: {
      explanation: t('规则引用的字段不是该类文档(kind)的字段,规则永远读不到它。', 'The rule names a field that documents of its kind do not have, so it would never read it.'),
      fix: t('对照数据约定改正字段名,或改正规则的 kind。', 'Correct the field name against the data contract, or the rule\'s kind.'),
      situation: t('例如 SchoolBudget 规则读取 budget.publicFund。', 'For example a SchoolBudget rule reading budget.publicFund.'),
    },
  },
  'rule-file/unknown-operator': {
    severity: 'error',
    subject: RULE_FILE,
    title: t('未知的条件运算符', 'Unknown condition operator'),
    docs: {
      explanation: t('条件中的 operator 不是 edunorm 提供的运算符。规则是数据,不能自定义运算符。', 'A condition\'s operator is not one edunorm provides. Rules are data and cannot add operators.'),
      fix: t('改用提示中列出的运算符之一。', 'Use one of the operators listed in the message.'),
      situation: t('例如 operator: lte(应为 lessThanInclusive)。', 'For example operator: lte instead of lessThanInclusive.'),
    },
  },
  'rule-file/unknown-fact': {
    severity: 'error',
    subject: RULE_FILE,
    title: t('引用了未声明的事实', 'Undeclared fact'),
    docs: {
      explanation: t('条件、report.from 或 hint.from 引用的事实没有在 facts: 中声明,也不是文档的字段。', 'A condition, report.from or hint.from names a fact that is neither declared under facts: nor a field of the document.'),
      fix: t('在 facts: 中声明它,或改正名称。', 'Declare it under facts:, or correct the name.'),
      situation: t('例如 report.from: share,而 facts: 中只有 trainingShare。', 'For example report.from: share when facts: has only trainingShare.'),
    },
  },
  'rule-file/unknown-calculator': {
    severity: 'error',
    subject: RULE_FILE,
    title: t('未知的计算方法', 'Unknown calculator'),
    docs: {
      explanation: t('事实的 calculator 不是 edunorm 内置的计算方法。规则是数据,不能自带代码。', 'A fact\'s calculator is not one built into edunorm. Rules are data and bring no code.'),
      fix: t('改用提示中列出的计算方法之一。', 'Use one of the calculators listed in the message.'),
      situation: t('例如 calculator: percent(应为 ratio)。', 'For example calculator: percent (it is ratio).'),
    },
  },
  'rule-file/fact-params': {
    severity: 'error',
    subject: RULE_FILE,
    title: t('计算方法的参数不对', 'Calculator parameters invalid'),
    docs: {
      explanation: t('事实的 params 不符合该计算方法的要求(缺少或多出参数,类型不对)。', 'A fact\'s params do not fit its calculator (missing or extra parameters, wrong types).'),
      fix: t('按提示改正该事实的 params。', 'Correct the fact\'s params as the message says.'),
      situation: t('例如 ratio 缺少 denominator。', 'For example ratio without denominator.'),
    },
  },
  'rule-file/param-type': {
    severity: 'error',
    subject: RULE_FILE,
    title: t('参数默认值与类型不符', 'Parameter default of the wrong type'),
    docs: {
      explanation: t('规则参数的 default 与其声明的 type 不符。', 'A rule parameter\'s default does not match its declared type.'),
      fix: t('改正 default 或 type。', 'Correct the default or the type.'),
      situation: t('例如 type: fraction,default: 5。', 'For example type: fraction with default: 5.'),
    },
  },
  'rule-file/unknown-param': {
    severity: 'error',
    subject: RULE_FILE,
    title: t('引用了未声明的参数', 'Undeclared parameter'),
    docs: {
      explanation: t('规则中用 {param: 名称} 引用的参数没有在 params: 中声明。', 'The rule refers to a parameter with {param: name} that is not declared under params:.'),
      fix: t('在 params: 中声明它(类型、默认值、说明),或改正名称。', 'Declare it under params: (type, default, description), or correct the name.'),
      situation: t('例如条件中写 {param: minShare},params: 中只有 min。', 'For example a condition using {param: minShare} when params: has only min.'),
    },
  },
  'rule-file/unknown-location': {
    severity: 'error',
    subject: RULE_FILE,
    title: t('计算方法没有这个位置', 'Location the calculator does not provide'),
    docs: {
      explanation: t('outcome 的 report.at 等位置引用了一个该事实的计算方法不提供的位置名称,问题无法定位到文件中的字段。', 'An outcome\'s report.at (or another location) names a location the fact\'s calculator does not provide, so the finding could not point at a field.'),
      fix: t('改用提示中列出的位置名称之一。', 'Use one of the location names listed in the message.'),
      situation: t('加载使用跨文档计算方法的规则文件时发现。', 'Found when a rule file that uses a cross-document calculator is loaded.'),
    },
  },
  'rule-file/unknown-rule': {
    severity: 'error',
    subject: RULE_FILE,
    title: t('复用了不存在的规则', 'Reuses a rule that is not in the packs'),
    docs: {
      explanation: t('跨文档规则的 contributions 中 reuse.rule 指向的规则不在所用的规则包中。', 'A cross-document rule\'s contributions name, under reuse.rule, a rule that is in none of the packs used.'),
      fix: t('改正规则编号,或在 extends: 中加入定义它的规则包。', 'Correct the rule id, or add the pack that defines it to extends:.'),
      situation: t('例如 reuse.rule: teacher-pay-parit(拼错)。', 'For example reuse.rule: teacher-pay-parit (misspelt).'),
    },
  },
});

/**
 * The words of config/* problems in both languages (tests/cli-messages.test.ts walks them):
 * the CLI prints them under a Chinese or English heading, the editor shows them on the file.
 */
export const configMessages = {
  oneDocument: (): LocalizedText =>
    t('配置文件只能有一个 YAML 文档:这里的 --- 开始了第二个。报送数据请另存为单独的文件', 'a configuration file holds one YAML document: this --- starts a second one; put submissions in files of their own'),
  notAMapping: (): LocalizedText => t('配置文件应为映射(“键: 值”),可写 extends、rules 和 locale', 'the configuration must be a mapping with extends, rules and/or locale'),
  unknownSetting: (key: string, meant?: string): LocalizedText =>
    meant
      ? t(`未知的设置“${key}”,是否想写“${meant}”?`, `unknown setting "${key}"; did you mean "${meant}"?`)
      : t(`未知的设置“${key}”;可用 extends、rules、locale`, `unknown setting "${key}"; use extends, rules or locale`),
  unknownKey: (where: string, key: string, meant: string | undefined, known: readonly string[]): LocalizedText =>
    meant
      ? t(`${where} 中没有“${key}”这一项,是否想写“${meant}”?`, `unknown key "${key}" in ${where}; did you mean "${meant}"?`)
      : t(`${where} 中没有“${key}”这一项;可用 ${known.join('、')}`, `unknown key "${key}" in ${where}; use ${known.join(', ')}`),
  oneOf: (where: string, allowed: readonly string[]): LocalizedText => t(`${where || '配置文件'} 只能是 ${allowed.join('、')} 之一`, `${where || 'the configuration'} must be one of ${allowed.join(', ')}`),
  mustBe: (where: string, type: string): LocalizedText => {
    const zh: Record<string, string> = { array: '列表(如 [edunorm:plan14])', object: '映射(“键: 值”)', string: '文字', number: '数字' };
    return t(`${where || '配置文件'} 应为${zh[type] ?? type}`, `${where || 'the configuration'} must be ${type === 'array' ? 'a list' : type === 'object' ? 'a mapping' : `a ${type}`}`);
  },
  invalid: (where: string, detail: string): LocalizedText => t(`${where || '配置文件'} 的值不对(${detail})`, `${where || 'the configuration'} ${detail}`),
  unknownRule: (id: string, meant: string | undefined): LocalizedText =>
    meant
      ? t(`未知的规则编号“${id}”,是否想写“${meant}”?`, `unknown rule id "${id}"; did you mean "${meant}"?`)
      : t(`未知的规则编号“${id}”;用 edunorm rules 查看规则编号`, `unknown rule id "${id}"; run edunorm rules for the rule ids`),
  unknownParam: (id: string, name: string, meant: string | undefined, known: readonly string[]): LocalizedText =>
    meant
      ? t(`规则 ${id} 没有参数“${name}”,是否想写“${meant}”?`, `rule ${id} has no parameter "${name}"; did you mean "${meant}"?`)
      : t(`规则 ${id} 没有参数“${name}”;它的参数:${known.join('、') || '无'}`, `rule ${id} has no parameter "${name}"; its parameters: ${known.join(', ') || 'none'}`),
  badParam: (id: string, name: string, problem: LocalizedText): LocalizedText => t(`${id}.${name}:${problem['zh-CN']}`, `${id}.${name}: ${problem.en}`),
  unknownPackage: (name: string): LocalizedText =>
    t(`“${name}”既不是 edunorm:plan14,也不是文件夹(文件夹以 ./ 开头),也不是已安装的 npm 包`, `"${name}" is neither edunorm:plan14, a folder (start it with ./) nor an installed npm package`),
  unreadablePackageJson: (file: string, reason: LocalizedText): LocalizedText => t(`无法读取 ${file}:${reason['zh-CN']}`, `cannot read ${file}: ${reason.en}`),
  /** `reason`: why, in words (system-errors.ts failureReason: `不存在(或路径中的文件夹不存在)(ENOENT)`). */
  unreadable: (reason: LocalizedText): LocalizedText => t(`无法读取此配置文件:${reason['zh-CN']}`, `cannot read this configuration file: ${reason.en}`),
  packFolderMissing: (folder: string): LocalizedText => t(`找不到规则包文件夹:${folder}`, `rule pack folder not found: ${folder}`),
  noRuleFiles: (folder: string): LocalizedText =>
    t(`${folder} 中没有规则文件(*.yaml):规则包是一个放着 <规则编号>.yaml 文件的文件夹,如 rules/plan14`, `no rule files (*.yaml) in ${folder}: a rule pack is a folder of <rule-id>.yaml files, like rules/plan14`),
};

/** The words of a parameter value of the wrong type or range (config/bad-param, rule files' params). */
export const paramMessages = {
  number: (got: string): LocalizedText => t(`应为数字,现为 ${got}`, `expected a number, got ${got}`),
  integer: (got: string): LocalizedText => t(`应为整数,现为 ${got}`, `expected a whole number, got ${got}`),
  fraction: (got: string): LocalizedText => t(`应为 0 到 1 之间的小数(如 5% 写成 0.05),现为 ${got}`, `expected a fraction between 0 and 1, got ${got}`),
  stringList: (got: string): LocalizedText => t(`应为文字的列表,现为 ${got}`, `expected a list of strings, got ${got}`),
  choice: (allowed: readonly string[], got: string): LocalizedText => t(`应为 ${allowed.join('、')} 之一,现为 ${got}`, `expected one of ${allowed.join(', ')}, got ${got}`),
  numberMap: (got: string): LocalizedText => t(`应为“名称: 数字”的映射,现为 ${got}`, `expected a mapping of names to numbers, got ${got}`),
  atLeast: (min: number, got: string): LocalizedText => t(`不能小于 ${min},现为 ${got}`, `must be at least ${min}, got ${got}`),
  atMost: (max: number, got: string): LocalizedText => t(`不能大于 ${max},现为 ${got}`, `must be at most ${max}, got ${got}`),
  unknownName: (name: string, meant: string | undefined, allowed: readonly string[]): LocalizedText =>
    t(
      `没有“${name}”这一项${meant ? `,是否想写“${meant}”?` : '。'}可选:${allowed.join('、')}`,
      `"${name}" is not one of ${allowed.join(', ')}${meant ? `; did you mean "${meant}"?` : ''}`,
    ),
  entry: (name: string, problem: LocalizedText): LocalizedText => t(`其中 ${name} ${problem['zh-CN']}`, `${name}: ${problem.en}`),
};

/** The words of rule-file/* problems (a pack's own files), in both languages like every problem. */
export const ruleFileMessages = {
  fileName: (name: string, fixed: string): LocalizedText =>
    t(`规则文件名以小写的 .yaml 结尾:请把 ${name} 改名为 ${fixed}(否则会被跳过)`, `rule files end in .yaml (lower case); rename ${name} to ${fixed}`),
  /** `reason`: why, in words (system-errors.ts failureReason). */
  unreadable: (reason: LocalizedText): LocalizedText => t(`无法读取此规则文件(${reason['zh-CN']})`, `cannot read this rule file (${reason.en})`),
  notRegularFile: (): LocalizedText => t('不是普通文件(是管道、设备或套接字)', 'not a regular file'),
  tooLarge: (bytes: number): LocalizedText => t(`大于 ${bytes} 字节`, `larger than ${bytes} bytes`),
  oneDocument: (): LocalizedText => t('一个规则文件只能有一个 YAML 文档(不要用 --- 分成几段)', 'a rule file holds exactly one YAML document'),
  schema: (detail: string): LocalizedText => t(`规则文件的结构不对:${detail}`, detail),
  unknownKey: (where: string, key: string, meant: string | undefined): LocalizedText =>
    t(`${where ? `${where} ` : '规则文件'}中没有“${key}”这一项${meant ? `,是否想写“${meant}”?` : ''}`, `unknown property "${key}"${where ? ` in ${where}` : ''}${meant ? `; did you mean "${meant}"?` : ''}`),
  missing: (where: string, key: string): LocalizedText => t(`${where ? `${where} ` : '规则文件'}缺少必填项“${key}”`, `missing required property "${key}"${where ? ` in ${where}` : ''}`),
  oneOf: (where: string, allowed: readonly string[]): LocalizedText => t(`${where ? `${where} ` : '规则文件'}只能是 ${allowed.join('、')} 之一`, `${where || 'the rule'} must be one of ${allowed.join(', ')}`),
  idMismatch: (id: string, expected: string): LocalizedText => t(`规则编号“${id}”应与文件名“${expected}.yaml”一致`, `rule id "${id}" must match its file name "${expected}.yaml"`),
  paramDefault: (name: string, problem: LocalizedText): LocalizedText => t(`参数“${name}”的默认值${problem['zh-CN']}`, `default of parameter "${name}": ${problem.en}`),
  unknownParam: (name: string): LocalizedText => t(`未声明的参数“${name}”;请在 params: 下声明它`, `unknown parameter "${name}"; declare it under params:`),
  unknownOtherParam: (rule: string, name: string): LocalizedText =>
    t(`引用了规则“${rule}”的参数“${name}”,但本规则包中没有这条规则或它没有这个参数`, `refers to parameter "${name}" of rule "${rule}", which this pack has not, or which that rule does not declare`),
  contributionsNeedWorkspace: (): LocalizedText => t('contributions 只用于 scope: workspace 的规则', 'contributions are for rules with scope: workspace'),
  unknownCalculator: (name: string, known: readonly string[], workspace: boolean): LocalizedText =>
    t(`未知的${workspace ? '县域' : ''}计算器“${name}”;可用:${known.join('、')}`, `unknown ${workspace ? 'workspace ' : ''}calculator "${name}"; use one of ${known.join(', ')}`),
  calculatorParams: (calculator: string, where: string, detail: string): LocalizedText => t(`计算器 ${calculator} 的参数 ${where} 不对(${detail})`, `calculator ${calculator}: ${where} ${detail}`),
  badPath: (text: string): LocalizedText =>
    t(`“${text}”不是有效的字段路径(应写成 budget.publicFunds 或 staff[{index}].name 这样)`, `"${text}" is not a valid field path (write it like budget.publicFunds or staff[{index}].name)`),
  unknownField: (text: string, kind: string, inList: boolean): LocalizedText =>
    t(`“${text}”${inList ? '(列表中每一项内)' : ''}不是 ${kind} 文档的字段`, `"${inList ? `${text} (inside each item of the list)` : text}" is not a field of a ${kind} document`),
  unknownOperator: (operator: string, known: readonly string[]): LocalizedText => t(`未知的运算符“${operator}”;可用:${known.join('、')}`, `unknown operator "${operator}"; use one of ${known.join(', ')}`),
  unknownFact: (fact: string, kind: string): LocalizedText =>
    t(`未知的事实“${fact}”:请在 facts: 下声明,或写 ${kind} 文档的一个字段`, `unknown fact "${fact}": declare it under facts: or name a field of a ${kind} document`),
  unknownWorkspaceFact: (fact: string): LocalizedText => t(`未知的事实“${fact}”:县域规则的条件只能检验它自己的 facts`, `unknown fact "${fact}": a workspace rule's conditions test its own facts`),
  duplicateOutcome: (name: string): LocalizedText => t(`结果“${name}”声明了两次`, `outcome "${name}" is declared twice`),
  fromUndeclared: (key: 'report.from' | 'hint.from', name: string): LocalizedText => t(`${key} 指向“${name}”,但 facts: 下没有声明它`, `${key} names "${name}", which is not declared under facts:`),
  needs: (key: string, needed: string): LocalizedText => t(`${key} 需要同时写 ${needed}`, `${key} needs ${needed}`),
  workspaceKind: (): LocalizedText => t('县域规则针对一个县(区):kind 必须是 DistrictIndicators', 'a workspace rule is about a district: kind must be DistrictIndicators'),
  workspaceNoHint: (): LocalizedText => t('县域规则不能使用 hint', 'hint is not available for workspace rules'),
  notAContribution: (param: string, value: string): LocalizedText => t(`${param}:“${value}”没有在 contributions: 下声明`, `${param}: "${value}" is not declared under contributions:`),
  workspaceReportFrom: (): LocalizedText => t('县域规则从它的一个事实报告:请写 report.from', 'a workspace rule reports from one of its facts: set report.from'),
  unknownLocation: (name: string, calculator: string, known: readonly string[]): LocalizedText =>
    t(`“${name}”不是计算器 ${calculator} 提供的位置;可用:${known.join('、')}`, `"${name}" is not a location calculator ${calculator} provides; use one of ${known.join(', ')}`),
  workspaceNoFix: (): LocalizedText => t('县域规则不提供自动修改(fix)', 'a workspace rule offers no fix'),
  duplicateId: (id: string, other: string): LocalizedText => t(`规则编号“${id}”也在 ${other} 中定义`, `rule id "${id}" is also defined in ${other}`),
  unknownReusedRule: (name: string, rule: string): LocalizedText => t(`contributions.${name}.reuse.rule:未知的规则“${rule}”`, `contributions.${name}.reuse.rule: unknown rule "${rule}"`),
};
