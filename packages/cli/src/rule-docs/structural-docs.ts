import { check, STRUCTURAL_RULES, type LocalizedText, type StructuralRule } from '@edunorm/core';
import type { ExampleFinding } from './rule-examples.js';

/** What a structural id means, how to fix it, and a document that produces it. */
export interface StructuralDoc {
  explanation: LocalizedText;
  fix: LocalizedText;
  /** A checked file that gets this finding; absent when no file alone can show it. */
  example?: string;
  /** The example needs `--report-unused-disable-directives`. */
  reportUnused?: boolean;
  /** When there is no example file: the situation in which the finding appears. */
  situation?: LocalizedText;
}

const HEAD = 'apiVersion: edunorm/v1\nkind: SchoolBudget\nschool: { code: "130902008", name: 第八中学, level: junior }\nfiscalYear: 2025\n';

const t = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

export const STRUCTURAL_DOCS: Record<string, StructuralDoc> = {
  'yaml/syntax': {
    explanation: t('文件不是合法的 YAML:缩进不齐、括号或引号没有闭合、冒号后缺空格等。出错的文档无法继续检查。', 'The file is not valid YAML: uneven indentation, an unclosed bracket or quote, a missing space after a colon. A document with a syntax error is not checked further.'),
    fix: t('按提示的位置检查缩进、冒号和引号;同一层级的字段左对齐。', 'Look at the position given: indentation, colons and quotes; keys of one level start in the same column.'),
    example: 'apiVersion: edunorm/v1\nkind: SchoolBudget\nschool: { code: "130902008", name: 第八中学, level: junior\nfiscalYear: 2025\n',
  },
  'yaml/duplicate-key': {
    explanation: t('同一层级出现了两次相同的字段名。YAML 只会保留其中一个值,容易造成误报或漏报。', 'The same key appears twice at one level. YAML keeps only one of the values, which hides mistakes.'),
    fix: t('删除多余的一项,只保留正确的值。', 'Delete one of them and keep the right value.'),
    example: `${HEAD}budget:\n  publicFunds: 4800000\n  teacherTraining: 240000\n  teacherTraining: 260000\n`,
  },
  'yaml/too-deep': {
    explanation: t('文件的嵌套层级超过 64 层(括号或缩进一层套一层)。报送文件最多只有几层,这样的文件多半是误粘贴的内容或恶意构造;为防止程序崩溃,edunorm 不读取它。', 'The file nests more than 64 levels (brackets or indentation inside one another). Submissions nest only a few levels; such a file is pasted by mistake or built to crash tools, so edunorm does not read it.'),
    fix: t('删除误粘贴的内容,按 edunorm/v1 格式重写该部分。', 'Remove the pasted content and write that part in the edunorm/v1 format.'),
    example: `apiVersion: edunorm/v1\nkind: SchoolBudget\nx: ${'['.repeat(70)}${']'.repeat(70)}\n`,
  },
  'yaml/alias-limit': {
    explanation: t('YAML 别名(&锚点 与 *引用)层层展开后数量过多。这是“别名炸弹”的特征,为防止耗尽内存,edunorm 不读取这样的文档。', 'YAML aliases (&anchor and *reference) expand to too many nodes. This is the shape of an "alias bomb"; to protect memory edunorm does not read such a document.'),
    fix: t('报送文件中不需要别名:直接写出每个数值。', 'Submissions need no aliases: write each value out.'),
    example: 'apiVersion: edunorm/v1\nkind: SchoolBudget\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n',
  },
  'yaml/unsupported': {
    explanation: t('文档的 YAML 语法正确,但其中有 YAML 读取器无法转换为数据的写法。', 'The document is valid YAML syntax, but its content cannot be turned into data (a construct the YAML reader cannot resolve).'),
    fix: t('只使用普通的“字段: 值”、列表和字符串,不使用自定义标签或复杂的合并写法。', 'Use plain keys and values, lists and strings; no custom tags or complex merges.'),
    situation: t('YAML 读取器在把文档转换为数据时报错(不是语法错误,也不是别名过多)。', 'The YAML reader fails while turning the document into data (neither a syntax error nor too many aliases).'),
  },
  'schema/api-version': {
    explanation: t('文档缺少 apiVersion,或写了 edunorm 不支持的版本。目前支持的版本是 edunorm/v1。', 'The document has no apiVersion, or one edunorm does not support. The supported version is edunorm/v1.'),
    fix: t('在文档第一行写 apiVersion: edunorm/v1。', 'Start the document with apiVersion: edunorm/v1.'),
    example: 'apiVersion: edunorm/v9\nkind: SchoolBudget\nschool: { code: "130902008", name: 第八中学, level: junior }\nfiscalYear: 2025\nbudget: { publicFunds: 4800000, teacherTraining: 240000 }\n',
  },
  'schema/kind': {
    explanation: t('文档缺少 kind,或 kind 不是 SchoolBudget、Staffing、DistrictIndicators 之一,因此不知道按哪种表格检查。', 'The document has no kind, or one other than SchoolBudget, Staffing or DistrictIndicators, so edunorm cannot tell which form it is.'),
    fix: t('写明文档类型:SchoolBudget(学校年度预算)、Staffing(教职工与薪酬)或 DistrictIndicators(市县教育发展指标)。', 'Name the form: SchoolBudget, Staffing or DistrictIndicators.'),
    example: 'apiVersion: edunorm/v1\nkind: Budget\nschool: { code: "130902008", name: 第八中学, level: junior }\nfiscalYear: 2025\n',
  },
  'schema/not-a-mapping': {
    explanation: t('文档整体应当是“字段: 值”的结构,但这里是一个列表或单个值。', 'A document must be a mapping of keys to values, but this one is a list or a single value.'),
    fix: t('检查是否多写了 ---,或整个文档被写成了列表(每行以 - 开头)。', 'Look for a stray --- or a document written as a list (lines starting with -).'),
    example: `${HEAD}budget: { publicFunds: 4800000, teacherTraining: 240000 }\n---\n- 4800000\n- 240000\n`,
  },
  'schema/required': {
    explanation: t('缺少必填字段。没有它,相关的规范无法检查。', 'A required field is missing; the norms that need it cannot be checked.'),
    fix: t('补上提示中列出的字段(字段名见 documents.md 的数据约定)。', 'Add the field named in the message (see the data contract for names).'),
    example: `${HEAD}budget:\n  publicFunds: 4800000\n`,
  },
  'schema/type': {
    explanation: t('值的类型不对,最常见的是金额写成了带逗号的文字("4,800,000")或数字加了引号。金额和人数必须是不带引号的数字。', 'A value has the wrong type, most often an amount written as text with commas ("4,800,000") or a quoted number. Amounts and counts are plain numbers.'),
    fix: t('去掉引号和千分位逗号:4800000。编辑器中可一键修正。', 'Remove the quotes and thousands separators: 4800000. The editor offers a quick fix.'),
    example: `${HEAD}budget:\n  publicFunds: "4,800,000"\n  teacherTraining: 240000\n`,
  },
  'schema/enum': {
    explanation: t('值不在可选范围内,例如学段写成了 middle(应为 junior)。', 'The value is not one of the allowed ones, e.g. a school level written as middle (it is junior).'),
    fix: t('改为提示中列出的可选值之一;拼写接近时会给出“是否想写”的建议。', 'Use one of the values listed in the message; a close spelling gets a "did you mean".'),
    example: 'apiVersion: edunorm/v1\nkind: SchoolBudget\nschool: { code: "130902008", name: 第八中学, level: middle }\nfiscalYear: 2025\nbudget: { publicFunds: 4800000, teacherTraining: 240000 }\n',
  },
  'schema/range': {
    explanation: t('值超出允许的范围。比例和比率用 0 到 1 之间的小数表示(97.5% 写作 0.975),金额不能为负。', 'The value is out of range. Rates and shares are fractions between 0 and 1 (97.5% is 0.975); amounts are not negative.'),
    fix: t('把百分数改写为小数;编辑器中可一键修正。', 'Write the percentage as a fraction; the editor offers a quick fix.'),
    example: 'apiVersion: edunorm/v1\nkind: DistrictIndicators\ndistrict: { code: "130900", name: xxx市, type: city }\nyear: 2025\nindicators:\n  compulsoryRetentionRate: 97.5\n',
  },
  'schema/empty': {
    explanation: t('必须填写内容的文字字段是空的,例如学校名称为空字符串。', 'A text field that must have content is empty, e.g. an empty school name.'),
    fix: t('填写实际内容。', 'Fill in the actual text.'),
    example: 'apiVersion: edunorm/v1\nkind: SchoolBudget\nschool: { code: "130902008", name: "", level: junior }\nfiscalYear: 2025\nbudget: { publicFunds: 4800000, teacherTraining: 240000 }\n',
  },
  'schema/unknown-key': {
    explanation: t('数据约定中没有这个字段,多半是拼写错误。拼错的字段不会被检查,相关规范可能因此漏报。', 'The data contract has no such field; most often a misspelling. A misspelt field is not checked, so a norm may miss a problem.'),
    fix: t('按“是否想写”的建议改正字段名。', 'Rename the field as the "did you mean" suggests.'),
    example: `${HEAD}budget:\n  publicFunds: 4800000\n  teacherTrainning: 240000\n  teacherTraining: 240000\n`,
  },
  'duplicate-staff-id': {
    explanation: t('教职工名单中有两条记录使用了同一个工号(id)。工号在名单内必须唯一,否则按人统计的规范会算错。', 'Two staff records share one id. Ids must be unique within the list, or norms that count people count wrong.'),
    fix: t('核对两条记录:是重复录入就删除一条,是不同的人就改正工号。', 'Compare the two records: delete a duplicate, or correct the id of a different person.'),
    example:
      'apiVersion: edunorm/v1\nkind: Staffing\nschool: { code: "130902008", name: 第八中学, level: junior }\nfiscalYear: 2025\nstaff:\n  - { id: T001, name: 张三, role: teacher }\n  - { id: T001, name: 李梅, role: teacher }\n',
  },
  'schema/part-exceeds-whole': {
    explanation: t('市县指标中,有的数是另一个数的“其中”:在公办学校就读的随迁子女(migrantChildrenInPublicSchools)属于符合入学条件的随迁子女(migrantChildrenEligible),享受校内课后服务的小学生(afterSchoolServed)属于有需求的小学生(afterSchoolDemand),入学的适龄残疾儿童少年(disabledChildrenServed)属于适龄残疾儿童少年(disabledChildrenSchoolAge)。部分大于总数说明填错了(两列填反、用了不同年份的总数),相关规范的结论不可信。', 'Some district counts are part of another ("其中"): migrant children in public schools (migrantChildrenInPublicSchools) are part of the eligible migrant children (migrantChildrenEligible), pupils served after class (afterSchoolServed) part of those needing it (afterSchoolDemand), disabled children in education (disabledChildrenServed) part of the school-age disabled children (disabledChildrenSchoolAge). A part larger than its total is a mistake (columns swapped, a total of another year), and the norms reading them cannot be trusted.'),
    fix: t('核对两个数的来源,改正填错的一个;部分应不大于总数。', 'Check where both figures come from and correct the wrong one; the part must not exceed the total.'),
    example: 'apiVersion: edunorm/v1\nkind: DistrictIndicators\ndistrict: { code: "130900", name: xxx市, type: city }\nyear: 2025\nindicators:\n  afterSchoolDemand: 30000\n  afterSchoolServed: 31000\n',
  },
  'engine/error': {
    explanation: t('某条规则在检查这个文档时出错,文档的检查没有完成。这是规则包的问题,不是所填数据的问题。', 'A rule failed while checking this document, so the check is incomplete. This is a problem of the rule pack, not of the data.'),
    fix: t('请把文件和提示信息报告给规则包的维护者;自定义规则包可用 edunorm test-rules 检查。', 'Report the file and the message to the rule pack\'s maintainers; test a custom pack with edunorm test-rules.'),
    situation: t('只在规则包有缺陷时出现,单靠一个报送文件无法重现。', 'Appears only when a rule pack has a defect; no submission alone produces it.'),
  },
  'file/unreadable': {
    explanation: t('命令行无法读取这个文件(权限不足、文件被删除等),文件没有被检查。', 'The command line could not read the file (no permission, deleted meanwhile), so it was not checked.'),
    fix: t('检查文件权限和路径。', 'Check the file\'s permissions and path.'),
    situation: t('由 edunorm check 在读取文件失败时报告,例如 EACCES(无权限)。', 'Reported by edunorm check when reading a file fails, e.g. EACCES (permission denied).'),
  },
  'file/too-large': {
    explanation: t('文件超过大小上限,为避免耗尽内存没有检查:任何文件上限 16 MiB;使用了需要完整 YAML 解析的写法(锚点 &/*、多行文本 |、制表符缩进等)的文件上限 2 MiB。真实的报送文件远小于此(20,000 人的名单约 3.7 MB)。', 'The file is above a size limit and was not checked, to protect memory: 16 MiB for any file; 2 MiB for a file that uses YAML needing the full parser (anchors &/*, block text |, tab indentation). Real submissions are far smaller (a 20,000-person staff list is about 3.7 MB).'),
    fix: t('按学校拆分成多个文件;确有需要时调高大小上限。', 'Split the file, one school per file; raise the size limit only if you must.'),
    situation: t('读取文件前按字节数判断,例如一个 12 MiB 的导出文件。', 'Decided from the file\'s size before it is read, e.g. a 12 MiB export.'),
  },
  'file/too-many-findings': {
    explanation: t('一个文件的问题数超过上限,其余问题没有逐条列出,只报告大约还有多少个。通常是整个文件的格式有系统性错误(例如所有金额都带了逗号)。', 'A file has more findings than the limit; the rest are not listed one by one, only counted. Usually the whole file shares one systematic mistake (every amount written with commas, say).'),
    fix: t('先修正已列出的问题(往往是同一种错误),再重新检查。', 'Fix the listed findings first (often one mistake repeated), then check again.'),
    situation: t('在同一个文件的问题超过每个文件的上限(默认 10,000 个)时出现。', 'Appears when one file has more findings than the per-file limit (10,000 by default).'),
  },
  'file/encoding': {
    explanation: t('文件不是 UTF-8 编码(例如用 Excel 或记事本另存为 GBK/GB2312),中文会读成乱码,检查结果不可信。', 'The file is not UTF-8 encoded (e.g. saved as GBK/GB2312 by Excel or Notepad); its Chinese text would read as garbage, so no check of it can be trusted.'),
    fix: t('在编辑器中以 UTF-8 编码重新保存文件(VS Code:右下角编码 → 通过编码保存 → UTF-8)。', 'Save the file again as UTF-8 (VS Code: the encoding in the status bar → Save with Encoding → UTF-8).'),
    situation: t('读取文件时发现不是合法的 UTF-8 字节序列,例如 GBK 编码的“第八中学”。', 'Found when the file\'s bytes are not valid UTF-8, e.g. 第八中学 encoded in GBK.'),
  },
  'schema/number-format': {
    explanation: t('数字写成了十六进制(0x10)、八进制(0o17)或以 0 开头(0240000)。不同的 YAML 读取器对以 0 开头的数字读法不同,财务数据中不应出现。', 'A number is written in hexadecimal (0x10), octal (0o17) or with a leading zero (0240000). YAML readers disagree on leading zeros; finance data never means them.'),
    fix: t('写普通的十进制数字,去掉开头的 0;编辑器中可一键修正。', 'Write a plain decimal number without the leading zero; the editor offers a quick fix.'),
    example: `${HEAD}budget:\n  publicFunds: 4800000\n  teacherTraining: 0240000\n`,
  },
  'directive/missing-reason': {
    explanation: t('忽略指令(# edunorm-disable…)没有写原因。原因是必填的:没有原因的指令不忽略任何问题。', 'A suppression comment (# edunorm-disable…) has no reason. The reason is mandatory: without one the directive suppresses nothing.'),
    fix: t('在规则编号后写 -- 和原因,例如 # edunorm-disable-next-line teacher-training-funds -- 县财政局批准的一次性调整', 'Add -- and the reason after the rule id, e.g. # edunorm-disable-next-line teacher-training-funds -- one-off change approved by the county'),
    example: `${HEAD}budget:\n  publicFunds: 4000000\n  # edunorm-disable-next-line teacher-training-funds\n  teacherTraining: 150000\n`,
  },
  'directive/missing-rule': {
    explanation: t('忽略指令没有写要忽略的规则编号。edunorm 不允许不指明规则的“全部忽略”。', 'A suppression comment names no rule id. edunorm has no "suppress everything".'),
    fix: t('写明规则编号,多个用逗号分隔。', 'Name the rule id(s), separated by commas.'),
    example: `${HEAD}budget:\n  publicFunds: 4000000\n  # edunorm-disable-next-line -- 县财政局批准\n  teacherTraining: 150000\n`,
  },
  'directive/unknown-rule': {
    explanation: t('忽略指令中的规则编号不存在(可能拼错),所以它什么也不忽略。', 'The rule id in a suppression comment does not exist (possibly misspelt), so it suppresses nothing.'),
    fix: t('用 edunorm rules 查看规则编号并改正。', 'Look the id up with edunorm rules and correct it.'),
    example: `${HEAD}budget:\n  publicFunds: 4800000\n  # edunorm-disable-next-line teacher-training-fund -- 县财政局批准\n  teacherTraining: 240000\n`,
  },
  'directive/unused': {
    explanation: t('忽略指令没有忽略任何问题(问题已修正,或指令位置不对)。加 --report-unused-disable-directives 时报告,便于清理过时的例外。', 'A suppression comment suppresses nothing (the problem was fixed, or the comment is in the wrong place). Reported with --report-unused-disable-directives, to clean up stale exceptions.'),
    fix: t('删除这条指令。', 'Delete the comment.'),
    example: `${HEAD}budget:\n  publicFunds: 4800000\n  # edunorm-disable-next-line teacher-training-funds -- 县财政局批准\n  teacherTraining: 240000\n`,
    reportUnused: true,
  },
};

/** The structural rule with an id, and its documentation (undefined when the id is a norm). */
export function structuralRule(id: string): { rule: StructuralRule; doc: StructuralDoc } | undefined {
  const rule = STRUCTURAL_RULES.find((r) => r.id === id);
  const doc = STRUCTURAL_DOCS[id];
  return rule && doc ? { rule, doc } : undefined;
}

/** The findings of `id` on its example (both languages); [] when it has no example. */
export async function structuralExampleFindings(id: string, doc: StructuralDoc): Promise<ExampleFinding[]> {
  if (!doc.example) return [];
  const options = { reportUnusedDirectives: doc.reportUnused === true };
  const [zh, en] = await Promise.all([check(doc.example, { ...options, locale: 'zh-CN' }), check(doc.example, { ...options, locale: 'en' })]);
  const mineEn = en.findings.filter((f) => f.ruleId === id);
  return zh.findings
    .filter((f) => f.ruleId === id)
    .map((f, i) => ({ line: f.range.start.line, column: f.range.start.column, severity: f.severity, message: { 'zh-CN': f.message, en: mineEn[i]?.message ?? '' } }));
}
