import { schemaAt, type DocumentKind, type JsonSchema, type LocalizedText } from '@edunorm/core';
import { termWords, vocabularyOf } from '@edunorm/core/internal';

/**
 * The documented mapping from spreadsheet headers to `edunorm/v1` fields (docs/import-mapping.md).
 * Every sheet has the same shape: an optional block of label/value rows (the school or
 * district, the year, budget figures), then — for Staffing and DistrictIndicators — a table
 * with a header row, one record per row.
 */

/** How a cell's text becomes a YAML value; derived from the contract's JSON Schema. */
export type FieldType = 'text' | 'code' | 'yuan' | 'fraction' | 'integer' | 'year' | 'number' | 'boolean' | 'enum';

export interface FieldSpec {
  /** Dotted path in the document (block fields) or key in a record (table columns). */
  key: string;
  type: FieldType;
  /** For enums: accepted words (normalized) → contract value. */
  words?: Map<string, string>;
  /** Headers and labels that name this field, as written in the sheet (normalized on use). */
  aliases: string[];
  /** The field's name for messages. */
  label: LocalizedText;
}

export interface KindLayout {
  kind: DocumentKind;
  block: FieldSpec[];
  /** The table of records, when the kind has one. */
  table?: { list: 'staff' | 'schools'; columns: FieldSpec[] };
}

/** Header text → comparison key: NFKC (full-width → half-width), no spaces, no "(元/月)" units, no `*` or `:`. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\(.*?\)|\[.*?\]|【.*?】/g, '')
    .replace(/[\s*:：]/g, '')
    .toLowerCase();
}

/** Titles are often written with a prefix or suffix (`中小学高级教师`, `一级职称`): the core word decides. */
export function titleCore(text: string): string {
  return text.replace(/^(中小学|中学|小学|幼儿园)/, '').replace(/(教师|职称)$/, '');
}

type AliasTable = Record<string, string[]>;

const SCHOOL_BLOCK: AliasTable = {
  'school.code': ['学校代码', '学校编码', '学校标识码'],
  'school.name': ['学校名称', '学校'],
  'school.level': ['学段', '学校类型', '办学类型'],
};

/** 所属县(市、区)代码: the same header in budgets and staffing files. */
const SCHOOL_DISTRICT = ['所属县(市、区)代码', '所属县代码', '所属区县代码'];

const ALIASES: Record<DocumentKind, { block: AliasTable; table?: { list: 'staff' | 'schools'; columns: AliasTable } }> = {
  SchoolBudget: {
    block: {
      ...SCHOOL_BLOCK,
      'school.provincialModel': ['是否省级示范性高中', '省级示范性高中'],
      'school.highLevelTalent': ['是否高层次人才集中且资金承受能力较强的高等学校', '高层次人才集中高校'],
      'school.district': SCHOOL_DISTRICT,
      'school.pupils': ['在校生数', '在校生人数', '学生数'],
      fiscalYear: ['预算年度', '年度', '财政年度'],
      'budget.publicFunds': ['年度公用经费预算总额', '公用经费预算总额', '公用经费'],
      'budget.teacherTraining': ['教师培训经费', '培训经费'],
      'performancePay.multiplier': ['绩效工资水平', '绩效工资倍数'],
      'reference.perPupilPublicFundsStandard': ['省定生均公用经费拨款标准', '生均公用经费拨款标准', '生均公用经费标准'],
      'performancePay.approvedTotal': ['核定绩效工资总量', '绩效工资总量'],
      'performancePay.distributed': ['实际分配的绩效工资', '实际分配绩效工资', '已分配绩效工资'],
      'performancePay.serviceIncomeRewards': ['中职技术服务、技术培训收益用于人员奖励部分', '技术服务收益奖励', '技术服务、技术培训收益奖励'],
    },
  },
  Staffing: {
    block: {
      ...SCHOOL_BLOCK,
      'school.district': SCHOOL_DISTRICT,
      'school.rural': ['乡村学校', '是否乡村学校'],
      fiscalYear: ['年度', '预算年度', '财政年度'],
      'reference.localAvgMonthlyPerformancePay': ['当地教师月平均绩效工资收入', '当地教师月平均绩效工资'],
      'reference.localCivilServantAvgSalary': ['当地公务员年平均工资收入', '当地公务员年平均工资'],
      'reference.approvedEstablishment': ['核定教职工编制数', '核定编制数', '编制数'],
      'reference.civilServantRewardSubsidy': ['当地公务员奖励性补贴', '公务员奖励性补贴'],
      'reference.townshipAllowanceStandard': ['乡镇工作补贴标准'],
    },
    table: {
      list: 'staff',
      columns: {
        id: ['工号', '教工号', '职工编号'],
        name: ['姓名'],
        role: ['岗位类别', '岗位', '人员类别'],
        title: ['职称', '专业技术职务'],
        specialGrade: ['是否特级教师', '特级教师'],
        certified: ['是否持有教师资格证', '教师资格证', '是否持证'],
        hiredYear: ['入职年份', '入职年度', '入职时间', '入职日期'],
        substitute: ['是否代课教师', '代课教师'],
        yearsOfService: ['教龄', '任教年限', '在教师岗位工作年限'],
        annualSalary: ['年工资收入', '年收入', '年工资'],
        baseSalary: ['基本工资'],
        classTeacher: ['是否班主任', '班主任'],
        classTeacherAllowance: ['班主任津贴'],
        specialEducation: ['是否特殊教育教师', '特殊教育教师', '特教教师'],
        specialEdSubsidy: ['特教补贴', '特殊教育补贴'],
        trainingHours5y: ['近五年培训学时', '培训学时'],
        ruralServiceYears: ['乡村学校任教年限', '乡村薄弱学校任教年限', '乡村任教年限'],
        seniorTitleApplicant: ['是否申报高级职称', '申报高级职称', '本年度申报高级教师职称或特级教师'],
        titleQuotaExempt: ['不受岗位职数限制', '是否不受岗位职数限制'],
        inEstablishment: ['在编', '是否在编'],
        outsourced: ['通过购买服务方式聘用', '购买服务', '是否购买服务'],
        supplementaryPerformancePay: ['本年度补充绩效工资', '补充绩效工资'],
        townshipAllowance: ['乡镇工作补贴'],
      },
    },
  },
  DistrictIndicators: {
    block: {
      'district.code': ['行政区划代码', '区划代码', '市县代码'],
      'district.name': ['市县名称', '地区名称', '名称'],
      'district.type': ['市县类型', '类型'],
      year: ['年份', '指标年份', '年度'],
      'indicators.compulsoryRetentionRate': ['九年义务教育巩固率', '义务教育巩固率'],
      'indicators.standardizedSchoolRate': ['义务教育阶段中小学标准化率', '中小学标准化率', '标准化率'],
      'indicators.vocationalEnrollmentShare': ['中职招生占高中阶段招生的比例', '中职招生占比', '职普比例'],
      'indicators.youngTeacherForums': ['优秀青年教师论坛次数', '青年教师论坛次数'],
      'reference.localCivilServantAvgSalary': ['当地公务员年平均工资收入', '当地公务员年平均工资'],
      'indicators.vocationalPlacesAdded': ['2021年以来中职累计扩建学位', '中职累计扩建学位', '中职扩建学位'],
      'indicators.povertyDropouts': ['因贫失学辍学人数', '因贫失学辍学'],
      'indicators.migrantChildrenEligible': ['符合入学条件的外来务工人员随迁子女', '符合入学条件的随迁子女', '随迁子女'],
      'indicators.migrantChildrenInPublicSchools': ['其中在公办学校就读', '在公办学校就读的随迁子女', '随迁子女在公办学校就读'],
      'indicators.afterSchoolDemand': ['有课后服务需求的小学生', '课后服务需求'],
      'indicators.afterSchoolServed': ['其中享受校内课后服务', '享受校内课后服务的小学生', '享受课后服务'],
      'indicators.disabledChildrenSchoolAge': ['适龄残疾儿童少年'],
      'indicators.disabledChildrenServed': ['其中入学', '入学的适龄残疾儿童少年', '残疾儿童少年入学'],
      'indicators.digitalTeachingCoverage': ['教学应用覆盖教师的比例', '教学应用覆盖率'],
      'indicators.digitalLearningCoverage': ['学习应用覆盖适龄学生的比例', '学习应用覆盖率'],
      'indicators.digitalCampusCoverage': ['数字校园建设覆盖学校的比例', '数字校园覆盖率'],
    },
    table: {
      list: 'schools',
      columns: {
        code: ['学校代码', '学校编码'],
        name: ['学校名称'],
        level: ['学段', '学校类型'],
        enrollment: ['在校生人数', '在校生数', '学生数'],
        relocationPlanned: ['是否规划搬迁', '新区规划中将搬迁', '规划搬迁'],
        designation: ['1+2+3培育提升计划', '培育提升计划认定', '认定类别'],
      },
    },
  },
};

/** Columns that are common in school sheets and carry nothing for the contract: ignored without a word. */
export const IGNORED_HEADERS = ['序号', '备注', '说明', 'no', 'no.', 'remarks', 'note', 'notes'];

/** The contract's type of a field, read from its JSON Schema so the importer follows the contract. */
function fieldType(schema: JsonSchema, key: string): FieldType {
  if (Array.isArray(schema.enum)) return 'enum';
  const unit = schema['x-unit'];
  if (unit === 'yuan') return 'yuan';
  if (unit === 'fraction') return 'fraction';
  if (unit === 'year') return 'year';
  if (schema.type === 'integer') return 'integer';
  if (schema.type === 'number') return 'number';
  if (schema.type === 'boolean') return 'boolean';
  return /(^|\.)code$|^id$/.test(key) ? 'code' : 'text';
}

function spec(kind: DocumentKind, path: (string | number)[], key: string, aliases: string[]): FieldSpec {
  const schema = schemaAt(kind, path);
  if (!schema) throw new Error(`import mapping names ${key}, which is not in the ${kind} contract`);
  const type = fieldType(schema, key);
  const leaf = String(path[path.length - 1]);
  const doc = schema['x-doc'] as LocalizedText | undefined;
  const out: FieldSpec = { key, type, aliases: [...aliases, key, leaf], label: { 'zh-CN': doc?.['zh-CN'] ?? key, en: key } };
  if (type === 'enum') {
    // The words of the field's vocabulary (codes, both labels, the other words people write).
    const words = new Map<string, string>();
    const vocabulary = vocabularyOf(schema);
    for (const v of schema.enum as string[]) words.set(v.toLowerCase(), v);
    for (const term of vocabulary?.terms ?? []) for (const word of termWords(term)) if (!words.has(normalizeHeader(word))) words.set(normalizeHeader(word), term.code);
    out.words = words;
  }
  return out;
}

/** The layout of one kind with the default aliases, plus those of a mapping file. */
export function layoutFor(kind: DocumentKind, extra: ImportMapping = { columns: {}, values: {} }): KindLayout {
  const table = ALIASES[kind].table;
  const withExtra = (key: string, aliases: string[]) => [...Object.entries(extra.columns).filter(([, k]) => k === key).map(([header]) => header), ...aliases];
  const block = Object.entries(ALIASES[kind].block).map(([key, aliases]) => spec(kind, key.split('.'), key, withExtra(key, aliases)));
  const layout: KindLayout = { kind, block };
  if (table) {
    layout.table = {
      list: table.list,
      columns: Object.entries(table.columns).map(([key, aliases]) => spec(kind, [table.list, 0, key], key, withExtra(key, aliases))),
    };
  }
  for (const field of [...layout.block, ...(layout.table?.columns ?? [])]) {
    const words = extra.values[field.key];
    if (words && field.words) for (const [word, value] of Object.entries(words)) field.words.set(normalizeHeader(word), value);
  }
  return layout;
}

/** A mapping file's content: extra headers (header → field) and extra enum words (field → word → value). */
export interface ImportMapping {
  columns: Record<string, string>;
  values: Record<string, Record<string, string>>;
}

/** Every field a mapping file may name for a kind (dotted block paths and table column keys). */
export function mappableFields(kind: DocumentKind): { key: string; enumValues?: string[] }[] {
  const layout = layoutFor(kind);
  return [...layout.block, ...(layout.table?.columns ?? [])].map((f) => (f.words ? { key: f.key, enumValues: [...new Set(f.words.values())] } : { key: f.key }));
}

/** One row of the default table: a field, where it is read (the block above the table, or a column), and its header words. */
export interface MappingRow {
  key: string;
  /** 'block': a label beside its value above the table; otherwise the list the column fills (`staff`). */
  where: 'block' | string;
  /** Chinese header words besides the field name itself. */
  headers: string[];
  type: FieldSpec['type'];
}

/** The default table (docs/import-mapping.md, and the browser checker's table of header words). */
export function mappingRows(kind: DocumentKind): MappingRow[] {
  const layout = layoutFor(kind);
  const row = (f: FieldSpec, where: string): MappingRow => ({ key: f.key, where, headers: f.aliases.slice(0, -2), type: f.type });
  return [...layout.block.map((f) => row(f, 'block')), ...(layout.table ? layout.table.columns.map((f) => row(f, layout.table!.list)) : [])];
}

/** The default table as Markdown (docs/import-mapping.md holds it; a test keeps the two equal). */
export function mappingTableMarkdown(kind: DocumentKind): string {
  const lines = ['| where | field | Chinese headers (besides the field name itself) | conversion |', '|---|---|---|---|'];
  for (const r of mappingRows(kind)) lines.push(`| ${r.where === 'block' ? 'block' : `table (\`${r.where}\`)`} | \`${r.key}\` | ${r.headers.join('、')} | ${r.type} |`);
  return lines.join('\n');
}
