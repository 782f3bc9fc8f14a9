import { VOCABULARY, type VocabularyName } from '../vocabulary.js';

/**
 * JSON Schemas of the `edunorm/v1` data contract (shared/spec/documents.md).
 *
 * Three annotations of ours ride along and are registered with ajv as keywords:
 * - `x-doc`: the field's meaning in zh-CN and en (hover, completion, messages);
 * - `x-unit`: what a number means (`yuan`, `fraction`, `year`, …) so a wrong type gets a
 *   message and a fix written for finance staff (`"4,800,000"` → `4800000`);
 * - `x-vocabulary`: for a field with fixed values, the vocabulary (vocabulary.ts) its codes and
 *   their meanings come from.
 */

/** Our annotation keywords and the JSON type of their values (ajv must know them: strict mode). */
export const ANNOTATION_KEYWORDS = { 'x-doc': 'object', 'x-unit': 'string', 'x-vocabulary': 'string' } as const;

/** What a number means (`x-unit`); the codes and their names are `VOCABULARY.unit`. */
export type Unit = (typeof VOCABULARY.unit.codes)[number];

/** A field's (or value's) meaning in both languages. */
export interface FieldDoc {
  'zh-CN': string;
  en: string;
}

/**
 * A JSON Schema (draft 2020-12 subset ajv reads), with edunorm's `x-doc`, `x-unit` and
 * `x-vocabulary` annotations typed (they were `unknown`: `VOCABULARY[schema['x-vocabulary']]`,
 * as packages/core/README.md shows it, did not compile under strict TypeScript).
 */
export interface JsonSchema {
  'x-doc'?: FieldDoc;
  'x-unit'?: Unit;
  'x-vocabulary'?: VocabularyName;
  [keyword: string]: unknown;
}

const doc = (zh: string, en: string): FieldDoc => ({ 'zh-CN': zh, en });

/** A document kind's name, from the vocabulary. */
const kindLabel = (kind: string): FieldDoc => VOCABULARY.kind.terms.find((term) => term.code === kind)!.label;

const yuan = (zh: string, en: string): JsonSchema => ({ type: 'number', minimum: 0, 'x-unit': 'yuan', 'x-doc': doc(zh, en) });
const fraction = (zh: string, en: string): JsonSchema => ({
  type: 'number',
  minimum: 0,
  maximum: 1,
  'x-unit': 'fraction',
  'x-doc': doc(zh, en),
});
const integer = (unit: Unit, zh: string, en: string, minimum = 0): JsonSchema => ({
  type: 'integer',
  minimum,
  'x-unit': unit,
  'x-doc': doc(zh, en),
});
const yearField = (zh: string, en: string): JsonSchema => ({
  type: 'integer',
  minimum: 1949,
  maximum: 2100,
  'x-unit': 'year',
  'x-doc': doc(zh, en),
});
const bool = (zh: string, en: string): JsonSchema => ({ type: 'boolean', 'x-doc': doc(zh, en) });
const text = (zh: string, en: string): JsonSchema => ({ type: 'string', minLength: 1, 'x-doc': doc(zh, en) });
/** A field with fixed values: the codes of a vocabulary (vocabulary.ts), named in `x-vocabulary` for what each means. */
const oneOf = (vocabulary: VocabularyName, zh: string, en: string): JsonSchema => ({
  type: 'string',
  enum: [...VOCABULARY[vocabulary].codes],
  'x-doc': doc(zh, en),
  'x-vocabulary': vocabulary,
});

const header = {
  apiVersion: { type: 'string', const: 'edunorm/v1', 'x-doc': doc('数据格式版本,固定为 edunorm/v1', 'Data contract version, always edunorm/v1') },
  kind: { type: 'string', 'x-doc': doc('文件类型:SchoolBudget、Staffing 或 DistrictIndicators', 'Document kind: SchoolBudget, Staffing or DistrictIndicators') },
};

const schoolLevel = oneOf('level', '学段', 'School level');

const schoolCode = text('学校代码', 'School code');
/** Links a school's documents to its district's DistrictIndicators (workspace checks). */
const districtCode = text('所属县(市、区)代码', 'Code of the county (city, district) the school belongs to');
const schoolName = text('学校名称', 'School name');

export const schoolBudgetSchema: JsonSchema = {
  $id: 'edunorm/v1/SchoolBudget',
  type: 'object',
  'x-doc': kindLabel('SchoolBudget'),
  required: ['apiVersion', 'kind', 'school', 'fiscalYear', 'budget'],
  additionalProperties: false,
  properties: {
    ...header,
    school: {
      type: 'object',
      'x-doc': doc('学校基本信息', 'The school'),
      required: ['code', 'name', 'level'],
      additionalProperties: false,
      properties: {
        code: schoolCode,
        name: schoolName,
        level: schoolLevel,
        provincialModel: bool('是否省级示范性高中(普通高中、完全中学适用)', 'Provincial model high school (senior / complete-secondary)'),
        highLevelTalent: bool('是否高层次人才集中且资金承受能力较强的高等学校(高等学校适用)', 'Higher-education institution with concentrated high-level talent and strong finances'),
        district: districtCode,
        pupils: integer('count', '在校生数', 'Pupils enrolled'),
      },
    },
    fiscalYear: yearField('预算年度', 'Fiscal year'),
    reference: {
      type: 'object',
      'x-doc': doc('省定参照标准(元)', 'Provincial reference standards (yuan)'),
      additionalProperties: false,
      properties: {
        perPupilPublicFundsStandard: yuan('省定生均公用经费拨款标准(元/生·年)', 'Provincial per-pupil public-funds standard (yuan per pupil per year)'),
      },
    },
    budget: {
      type: 'object',
      'x-doc': doc('预算(元)', 'Budget (yuan)'),
      required: ['publicFunds', 'teacherTraining'],
      additionalProperties: false,
      properties: {
        publicFunds: yuan('年度公用经费预算总额(元)', 'Annual public-funds budget (yuan)'),
        teacherTraining: yuan('教师培训经费(元)', 'Teacher-training funds (yuan)'),
      },
    },
    performancePay: {
      type: 'object',
      'x-doc': doc('绩效工资', 'Performance pay'),
      additionalProperties: false,
      properties: {
        multiplier: {
          type: 'number',
          minimum: 0,
          'x-unit': 'multiplier',
          'x-doc': doc('绩效工资水平,按 1:x 填写 x(相对基准水平的倍数)', 'Performance-pay level, x in 1:x against the base level'),
        },
        approvedTotal: yuan('核定绩效工资总量(元)', 'Approved performance-pay total (yuan)'),
        distributed: yuan('实际分配的绩效工资(元)', 'Performance pay actually distributed (yuan)'),
        serviceIncomeRewards: yuan(
          '中职技术服务、技术培训收益用于人员奖励部分(元),不纳入绩效工资总量',
          'Rewards paid from vocational schools’ technical-service and training income (yuan), outside the performance-pay total',
        ),
      },
    },
  },
};


const staffRecord: JsonSchema = {
  type: 'object',
  'x-doc': doc('教职工记录', 'Staff record'),
  required: ['id', 'name', 'role'],
  additionalProperties: false,
  properties: {
    id: text('工号(在名单内唯一)', 'Staff id, unique within the list'),
    name: text('姓名', 'Name'),
    role: oneOf('role', '岗位类别', 'Role'),
    title: oneOf('title', '职称', 'Title'),
    specialGrade: bool('是否特级教师', 'Special-grade teacher'),
    certified: bool('是否持有教师资格证', 'Holds a teacher qualification certificate'),
    hiredYear: yearField('入职年份', 'Year hired'),
    substitute: bool('是否代课教师', 'Substitute teacher'),
    yearsOfService: integer('years', '在教师岗位工作年限', 'Years in a teaching post'),
    annualSalary: yuan('年工资收入(元)', 'Annual salary (yuan)'),
    baseSalary: yuan('基本工资(元/月)', 'Base salary (yuan per month)'),
    classTeacher: bool('是否班主任', 'Class teacher (班主任)'),
    classTeacherAllowance: yuan('班主任津贴(元/月)', "Class teacher's allowance (yuan per month)"),
    specialEducation: bool('是否特殊教育教师', 'Special-education teacher'),
    specialEdSubsidy: yuan('特教补贴(元/月)', 'Special-education subsidy (yuan per month)'),
    trainingHours5y: { type: 'number', minimum: 0, 'x-unit': 'hours', 'x-doc': doc('近五年培训学时', 'Training hours in the last five years') },
    ruralServiceYears: { type: 'number', minimum: 0, 'x-unit': 'years', 'x-doc': doc('在乡村学校、薄弱学校任教年限', 'Years taught at rural or weak schools') },
    seniorTitleApplicant: bool('本年度是否申报高级教师职称或特级教师', 'Applies this year for a senior title or special grade'),
    titleQuotaExempt: bool('业绩特别突出、申报高级职称不受岗位职数限制(仅幼儿园、小学)', 'Outstanding performance, exempt from the senior-post quota (kindergarten/primary only)'),
    inEstablishment: bool('是否在编', 'Holds an establishment post (在编)'),
    outsourced: bool('是否通过购买服务方式聘用(保教、后勤等),不占编制', 'Hired through purchased services (care, logistics…), outside the establishment'),
    supplementaryPerformancePay: yuan('本年度补充绩效工资(元/年)', 'Supplementary performance pay this year (yuan per year)'),
    townshipAllowance: yuan('乡镇工作补贴(元/月)', 'Township work allowance (yuan per month)'),
  },
};

export const staffingSchema: JsonSchema = {
  $id: 'edunorm/v1/Staffing',
  type: 'object',
  'x-doc': kindLabel('Staffing'),
  required: ['apiVersion', 'kind', 'school', 'fiscalYear'],
  additionalProperties: false,
  properties: {
    ...header,
    school: {
      type: 'object',
      'x-doc': doc('学校基本信息', 'The school'),
      required: ['code', 'name', 'level'],
      additionalProperties: false,
      properties: {
        code: schoolCode,
        name: schoolName,
        level: schoolLevel,
        district: districtCode,
        rural: bool('是否乡村学校(乡镇及以下)', 'Rural school (township level or below)'),
      },
    },
    fiscalYear: yearField('年度', 'Fiscal year'),
    reference: {
      type: 'object',
      'x-doc': doc('当地公布的参照数据(元)', 'Published local reference figures (yuan)'),
      additionalProperties: false,
      properties: {
        localAvgMonthlyPerformancePay: yuan('当地教师月平均绩效工资收入(元/月)', 'Local teachers’ average monthly performance pay (yuan per month)'),
        localCivilServantAvgSalary: yuan('当地公务员年平均工资收入(元/年)', 'Local civil servants’ average annual salary (yuan per year)'),
        approvedEstablishment: integer('count', '核定教职工编制数', 'Approved establishment (staff posts)'),
        civilServantRewardSubsidy: yuan(
          '当地公务员奖励性补贴(元/人·年),未发放则不填',
          'Local civil servants’ reward subsidy (yuan per person per year); leave out when none is issued',
        ),
        townshipAllowanceStandard: yuan('乡镇工作补贴标准(元/月)', 'Township work allowance standard (yuan per month)'),
      },
    },
    staff: { type: 'array', 'x-doc': doc('教职工名单', 'Staff list'), items: staffRecord },
  },
};


export const districtIndicatorsSchema: JsonSchema = {
  $id: 'edunorm/v1/DistrictIndicators',
  type: 'object',
  'x-doc': kindLabel('DistrictIndicators'),
  required: ['apiVersion', 'kind', 'district', 'year', 'indicators'],
  additionalProperties: false,
  properties: {
    ...header,
    district: {
      type: 'object',
      'x-doc': doc('市/县', 'The district'),
      required: ['code', 'name', 'type'],
      additionalProperties: false,
      properties: {
        code: text('行政区划代码', 'District code'),
        name: text('名称', 'Name'),
        type: oneOf('districtType', '类型', 'Type'),
      },
    },
    year: yearField('指标所属年份', 'Year the figures describe'),
    reference: {
      type: 'object',
      'x-doc': doc('当地公布的参照数据(元)', 'Published local reference figures (yuan)'),
      additionalProperties: false,
      properties: {
        localCivilServantAvgSalary: yuan('当地公务员年平均工资收入(元/年)', 'Local civil servants’ average annual salary (yuan per year)'),
      },
    },
    indicators: {
      type: 'object',
      'x-doc': doc('发展指标(比例以 0–1 的小数填写)', 'Indicators (shares as fractions 0–1)'),
      additionalProperties: false,
      properties: {
        compulsoryRetentionRate: fraction('九年义务教育巩固率', 'Nine-year compulsory education retention rate'),
        standardizedSchoolRate: fraction('义务教育阶段中小学标准化率', 'Share of standardized compulsory-education schools'),
        vocationalEnrollmentShare: fraction('中职招生占高中阶段招生的比例', 'Vocational share of upper-secondary enrolment'),
        youngTeacherForums: integer('count', '本学年优秀青年教师论坛/主题演讲次数', 'Young-teacher forums or talks this school year'),
        vocationalPlacesAdded: integer('count', '2021 年以来中职累计扩建学位', 'Vocational school places added since 2021'),
        povertyDropouts: integer('count', '因贫失学辍学人数', 'Pupils out of school because of poverty'),
        migrantChildrenEligible: integer('count', '符合入学条件的外来务工人员随迁子女', 'Migrant workers’ children eligible for school'),
        migrantChildrenInPublicSchools: integer('count', '其中在公办学校就读', 'Of them, in public schools'),
        afterSchoolDemand: integer('count', '有课后服务需求的小学生', 'Primary pupils needing after-school services'),
        afterSchoolServed: integer('count', '其中享受校内课后服务', 'Of them, served at school after class'),
        disabledChildrenSchoolAge: integer('count', '适龄残疾儿童少年', 'School-age children with disabilities'),
        disabledChildrenServed: integer('count', '其中入学(特教学校、随班就读、送教上门)', 'Of them, in education (special schools, regular classes, home teaching)'),
        digitalTeachingCoverage: fraction('教学应用覆盖教师的比例', 'Share of teachers covered by digital teaching'),
        digitalLearningCoverage: fraction('学习应用覆盖适龄学生的比例', 'Share of school-age pupils covered by digital learning'),
        digitalCampusCoverage: fraction('数字校园建设覆盖学校的比例', 'Share of schools with a digital campus'),
      },
    },
    schools: {
      type: 'array',
      'x-doc': doc('学校名单', 'Schools'),
      items: {
        type: 'object',
        'x-doc': doc('学校', 'School'),
        required: ['code', 'name'],
        additionalProperties: false,
        properties: {
          code: schoolCode,
          name: schoolName,
          level: schoolLevel,
          enrollment: integer('count', '在校生人数', 'Enrolment (pupils)'),
          relocationPlanned: bool('新区规划中是否将搬迁', 'Relocation planned in the new-district plan'),
          designation: oneOf('designation', '“1+2+3 培育提升计划”认定', '“1+2+3” plan designation'),
        },
      },
    },
  },
};

/** The document kinds of `edunorm/v1` (`kind:`). */
export const DOCUMENT_KINDS = VOCABULARY.kind.codes;
/** One of {@link DOCUMENT_KINDS}. */
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The JSON Schema of each document kind (structure checks, hover, completion, docs). */
export const documentSchemas: Record<DocumentKind, JsonSchema> = {
  SchoolBudget: schoolBudgetSchema,
  Staffing: staffingSchema,
  DistrictIndicators: districtIndicatorsSchema,
};

/** Walks a document schema along a data path; used for hover, completion and messages. */
export function schemaAt(kind: DocumentKind, path: readonly (string | number)[]): JsonSchema | undefined {
  let node: JsonSchema | undefined = documentSchemas[kind];
  for (const segment of path) {
    if (!node) return undefined;
    if (typeof segment === 'number') node = node.items as JsonSchema | undefined;
    else {
      // Own properties only: a path from a rule file may be `__proto__` or `constructor`.
      const props = node.properties as Record<string, JsonSchema> | undefined;
      node = props && Object.hasOwn(props, segment) ? props[segment] : undefined;
    }
  }
  return node;
}
