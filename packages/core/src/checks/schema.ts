/**
 * schema/* and duplicate-staff-id: the document's structure against its kind's JSON Schema
 * (schema/validate-document.ts builds the messages: they depend on the field, its unit and
 * the value written; schema/part-exceeds-whole.ts for counts that are part of another).
 */
import { BUDGET_HEAD, defineChecks, t } from './define.js';

export const SCHEMA_CHECKS = defineChecks('packages/core/src/checks/schema.ts', {
  'schema/api-version': {
    severity: 'error',
    title: t('缺少或不支持的 apiVersion', 'Missing or unsupported apiVersion'),
    docs: {
      explanation: t('文档缺少 apiVersion,或写了 edunorm 不支持的版本。目前支持的版本是 edunorm/v1。', 'The document has no apiVersion, or one edunorm does not support. The supported version is edunorm/v1.'),
      fix: t('在文档第一行写 apiVersion: edunorm/v1。', 'Start the document with apiVersion: edunorm/v1.'),
      example: 'apiVersion: edunorm/v9\nkind: SchoolBudget\nschool: { code: "130902008", name: 第八中学, level: junior }\nfiscalYear: 2025\nbudget: { publicFunds: 4800000, teacherTraining: 240000 }\n',
    },
  },
  'schema/kind': {
    severity: 'error',
    title: t('缺少或未知的文件类型 kind', 'Missing or unknown kind'),
    docs: {
      explanation: t('文档缺少 kind,或 kind 不是 SchoolBudget、Staffing、DistrictIndicators 之一,因此不知道按哪种表格检查。', 'The document has no kind, or one other than SchoolBudget, Staffing or DistrictIndicators, so edunorm cannot tell which form it is.'),
      fix: t('写明文档类型:SchoolBudget(学校年度预算)、Staffing(教职工与薪酬)或 DistrictIndicators(市县教育发展指标)。', 'Name the form: SchoolBudget, Staffing or DistrictIndicators.'),
      example: 'apiVersion: edunorm/v1\nkind: Budget\nschool: { code: "130902008", name: 第八中学, level: junior }\nfiscalYear: 2025\n',
    },
  },
  'schema/not-a-mapping': {
    severity: 'error',
    title: t('文档不是“字段: 值”结构', 'Document is not a mapping'),
    docs: {
      explanation: t('文档整体应当是“字段: 值”的结构,但这里是一个列表或单个值。', 'A document must be a mapping of keys to values, but this one is a list or a single value.'),
      fix: t('检查是否多写了 ---,或整个文档被写成了列表(每行以 - 开头)。', 'Look for a stray --- or a document written as a list (lines starting with -).'),
      example: `${BUDGET_HEAD}budget: { publicFunds: 4800000, teacherTraining: 240000 }\n---\n- 4800000\n- 240000\n`,
    },
  },
  'schema/required': {
    severity: 'error',
    title: t('缺少必填字段', 'Missing required field'),
    docs: {
      explanation: t('缺少必填字段。没有它,相关的规范无法检查。', 'A required field is missing; the norms that need it cannot be checked.'),
      fix: t('补上提示中列出的字段(字段名见 documents.md 的数据约定)。', 'Add the field named in the message (see the data contract for names).'),
      example: `${BUDGET_HEAD}budget:\n  publicFunds: 4800000\n`,
    },
  },
  'schema/type': {
    severity: 'error',
    title: t('值的类型不对(如金额写成了带逗号的文字)', 'Value of the wrong type (e.g. an amount written with commas)'),
    docs: {
      explanation: t('值的类型不对,最常见的是金额写成了带逗号的文字("4,800,000")或数字加了引号。金额和人数必须是不带引号的数字。', 'A value has the wrong type, most often an amount written as text with commas ("4,800,000") or a quoted number. Amounts and counts are plain numbers.'),
      fix: t('去掉引号和千分位逗号:4800000。编辑器中可一键修正。', 'Remove the quotes and thousands separators: 4800000. The editor offers a quick fix.'),
      example: `${BUDGET_HEAD}budget:\n  publicFunds: "4,800,000"\n  teacherTraining: 240000\n`,
    },
  },
  'schema/enum': {
    severity: 'error',
    title: t('不在可选范围内的值', 'Value not among the allowed ones'),
    docs: {
      explanation: t('值不在可选范围内,例如学段写成了 middle(应为 junior)。', 'The value is not one of the allowed ones, e.g. a school level written as middle (it is junior).'),
      fix: t('改为提示中列出的可选值之一;拼写接近时会给出“是否想写”的建议。', 'Use one of the values listed in the message; a close spelling gets a "did you mean".'),
      example: 'apiVersion: edunorm/v1\nkind: SchoolBudget\nschool: { code: "130902008", name: 第八中学, level: middle }\nfiscalYear: 2025\nbudget: { publicFunds: 4800000, teacherTraining: 240000 }\n',
    },
  },
  'schema/range': {
    severity: 'error',
    title: t('超出范围的值(如比例写成 97.5)', 'Value out of range (e.g. a share written as 97.5)'),
    docs: {
      explanation: t('值超出允许的范围。比例和比率用 0 到 1 之间的小数表示(97.5% 写作 0.975),金额不能为负。', 'The value is out of range. Rates and shares are fractions between 0 and 1 (97.5% is 0.975); amounts are not negative.'),
      fix: t('把百分数改写为小数;编辑器中可一键修正。', 'Write the percentage as a fraction; the editor offers a quick fix.'),
      example: 'apiVersion: edunorm/v1\nkind: DistrictIndicators\ndistrict: { code: "130900", name: xxx市, type: city }\nyear: 2025\nindicators:\n  compulsoryRetentionRate: 97.5\n',
    },
  },
  'schema/empty': {
    severity: 'error',
    title: t('不能为空的字段为空', 'Empty required text'),
    docs: {
      explanation: t('必须填写内容的文字字段是空的,例如学校名称为空字符串。', 'A text field that must have content is empty, e.g. an empty school name.'),
      fix: t('填写实际内容。', 'Fill in the actual text.'),
      example: 'apiVersion: edunorm/v1\nkind: SchoolBudget\nschool: { code: "130902008", name: "", level: junior }\nfiscalYear: 2025\nbudget: { publicFunds: 4800000, teacherTraining: 240000 }\n',
    },
  },
  'schema/unknown-key': {
    severity: 'warning',
    title: t('未知字段(可能拼错)', 'Unknown field (possibly misspelt)'),
    docs: {
      explanation: t('数据约定中没有这个字段,多半是拼写错误。拼错的字段不会被检查,相关规范可能因此漏报。', 'The data contract has no such field; most often a misspelling. A misspelt field is not checked, so a norm may miss a problem.'),
      fix: t('按“是否想写”的建议改正字段名。', 'Rename the field as the "did you mean" suggests.'),
      example: `${BUDGET_HEAD}budget:\n  publicFunds: 4800000\n  teacherTrainning: 240000\n  teacherTraining: 240000\n`,
    },
  },
  'duplicate-staff-id': {
    severity: 'error',
    title: t('工号重复', 'Duplicate staff id'),
    docs: {
      explanation: t('教职工名单中有两条记录使用了同一个工号(id)。工号在名单内必须唯一,否则按人统计的规范会算错。', 'Two staff records share one id. Ids must be unique within the list, or norms that count people count wrong.'),
      fix: t('核对两条记录:是重复录入就删除一条,是不同的人就改正工号。', 'Compare the two records: delete a duplicate, or correct the id of a different person.'),
      example:
        'apiVersion: edunorm/v1\nkind: Staffing\nschool: { code: "130902008", name: 第八中学, level: junior }\nfiscalYear: 2025\nstaff:\n  - { id: T001, name: 张三, role: teacher }\n  - { id: T001, name: 李梅, role: teacher }\n',
    },
  },
  'schema/part-exceeds-whole': {
    severity: 'error',
    title: t('部分大于总数(如在公办学校就读的随迁子女多于符合条件的随迁子女)', 'A part larger than its total (e.g. more migrant children in public schools than eligible)'),
    docs: {
      explanation: t('市县指标中,有的数是另一个数的“其中”:在公办学校就读的随迁子女(migrantChildrenInPublicSchools)属于符合入学条件的随迁子女(migrantChildrenEligible),享受校内课后服务的小学生(afterSchoolServed)属于有需求的小学生(afterSchoolDemand),入学的适龄残疾儿童少年(disabledChildrenServed)属于适龄残疾儿童少年(disabledChildrenSchoolAge)。部分大于总数说明填错了(两列填反、用了不同年份的总数),相关规范的结论不可信。', 'Some district counts are part of another ("其中"): migrant children in public schools (migrantChildrenInPublicSchools) are part of the eligible migrant children (migrantChildrenEligible), pupils served after class (afterSchoolServed) part of those needing it (afterSchoolDemand), disabled children in education (disabledChildrenServed) part of the school-age disabled children (disabledChildrenSchoolAge). A part larger than its total is a mistake (columns swapped, a total of another year), and the norms reading them cannot be trusted.'),
      fix: t('核对两个数的来源,改正填错的一个;部分应不大于总数。', 'Check where both figures come from and correct the wrong one; the part must not exceed the total.'),
      example: 'apiVersion: edunorm/v1\nkind: DistrictIndicators\ndistrict: { code: "130900", name: xxx市, type: city }\nyear: 2025\nindicators:\n  afterSchoolDemand: 30000\n  afterSchoolServed: 31000\n',
    },
  },
  'schema/number-format': {
    severity: 'error',
    title: t('数字写成了十六进制、八进制或以 0 开头', 'Number written in hexadecimal, octal or with a leading zero'),
    docs: {
      explanation: t('数字写成了十六进制(0x10)、八进制(0o17)或以 0 开头(0240000)。不同的 YAML 读取器对以 0 开头的数字读法不同,财务数据中不应出现。', 'A number is written in hexadecimal (0x10), octal (0o17) or with a leading zero (0240000). YAML readers disagree on leading zeros; finance data never means them.'),
      fix: t('写普通的十进制数字,去掉开头的 0;编辑器中可一键修正。', 'Write a plain decimal number without the leading zero; the editor offers a quick fix.'),
      example: `${BUDGET_HEAD}budget:\n  publicFunds: 4800000\n  teacherTraining: 0240000\n`,
    },
  },
  'schema/invalid': {
    severity: 'error',
    title: t('不符合格式要求的值', 'Value not valid for its field'),
    docs: {
      explanation: t('值不符合该字段在数据约定中的其他格式要求(上面各条 schema/* 以外的要求)。', 'The value breaks another requirement of its field in the data contract (one not covered by the schema/* ids above).'),
      fix: t('按提示中的要求改正;字段的说明见编辑器中的悬停提示。', 'Correct it as the message says; hover the field in the editor for its meaning.'),
      situation: t('数据约定的 JSON Schema 中有 edunorm 没有专门说明的要求(如格式、长度)时出现。', 'Appears for a requirement of the data contract\'s JSON Schema that edunorm words no more specifically (a format, a length).'),
    },
  },
});
