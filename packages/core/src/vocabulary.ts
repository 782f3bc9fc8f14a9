/**
 * The vocabulary of the `edunorm/v1` contract: every code a field may take (school levels, staff
 * roles and titles, designations, district types, yes/no), the document kinds and the units, each
 * with its zh-CN and en label and the other words people write for it. One table, read by:
 * - the JSON Schemas (schema/document-schemas.ts): enum values and `x-vocabulary`;
 * - messages: `{x|label}` in rule templates (messages/format.ts);
 * - the editor: hover and completion say what a value means (language-server/schema-info.ts);
 * - `edunorm import` and value suggestions: which words mean which code (cli/import/field-mapping.ts,
 *   schema/suggest-value.ts).
 */
import type { LocalizedText } from './types.js';

/** One code of the contract and what it means. */
export interface VocabularyTerm {
  /** The value written in the YAML (`primary`). */
  code: string;
  /** Its name in both languages (`小学` / `primary school`). */
  label: LocalizedText;
  /** A shorter name for charts and narrow table cells, where the label is too long. */
  short?: LocalizedText;
  /** Other words that mean the same code, as people write them in spreadsheets (`初级中学`, `高中`). */
  words?: readonly string[];
}

/** The codes of one field (or of the kinds or units), with the field's name. */
export interface Vocabulary<C extends string = string> {
  /** What the codes are (`学段` / `School level`). */
  name: LocalizedText;
  /** Every code, in the order the contract lists them. */
  codes: readonly C[];
  terms: readonly (VocabularyTerm & { code: C })[];
}

const t = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

function vocabulary<const C extends string>(name: LocalizedText, terms: readonly (VocabularyTerm & { code: C })[]): Vocabulary<C> {
  return { name, codes: terms.map((term) => term.code), terms };
}

/** `school.level`, `schools[].level`. */
const level = vocabulary(t('学段', 'School level'), [
  { code: 'kindergarten', label: t('幼儿园', 'kindergarten'), short: t('幼儿园', 'Kindergarten') },
  { code: 'primary', label: t('小学', 'primary school'), short: t('小学', 'Primary') },
  { code: 'junior', label: t('初中', 'junior secondary school'), short: t('初中', 'Junior secondary'), words: ['初级中学'] },
  { code: 'senior', label: t('普通高中', 'general senior secondary school'), short: t('普通高中', 'Senior secondary'), words: ['高中', '高级中学'] },
  { code: 'nine-year', label: t('九年一贯制学校', 'nine-year school'), short: t('九年一贯制', 'Nine-year'), words: ['九年一贯制'] },
  { code: 'complete-secondary', label: t('完全中学', 'complete secondary school'), short: t('完全中学', 'Complete secondary') },
  { code: 'vocational', label: t('中职学校', 'secondary vocational school'), short: t('中职', 'Vocational'), words: ['中职', '中等职业学校'] },
  { code: 'special', label: t('特殊教育学校', 'special-education school'), short: t('特殊教育', 'Special education'), words: ['特教学校'] },
  { code: 'higher', label: t('高等学校', 'higher-education institution'), short: t('高等学校', 'Higher education'), words: ['高校'] },
]);

/** `staff[].role`. */
const role = vocabulary(t('岗位类别', 'Role'), [
  { code: 'teacher', label: t('专任教师', 'teacher'), words: ['教师'] },
  { code: 'management', label: t('管理人员', 'management') },
  { code: 'teaching-auxiliary', label: t('教辅人员', 'teaching auxiliary') },
  { code: 'logistics', label: t('工勤人员', 'logistics'), words: ['工勤技能人员'] },
]);

/** `staff[].title`, lowest first. `senior` is also a school level: labels are looked up per field. */
const title = vocabulary(t('职称', 'Title'), [
  { code: 'none', label: t('未定级', 'no title yet'), words: ['无'] },
  { code: 'third', label: t('三级', 'third-grade teacher') },
  { code: 'second', label: t('二级', 'second-grade teacher') },
  { code: 'first', label: t('一级', 'first-grade teacher') },
  { code: 'senior', label: t('高级', 'senior teacher') },
  { code: 'professor', label: t('正高级', 'professor-level senior teacher') },
]);

/** `schools[].designation` (the “1+2+3” plan). */
const designation = vocabulary(t('“1+2+3 培育提升计划”认定', '“1+2+3” plan designation'), [
  { code: 'none', label: t('无', 'none') },
  { code: 'quality-senior', label: t('优质高中', 'quality senior school') },
  { code: 'high-quality-junior', label: t('高质量初中', 'high-quality junior school') },
  { code: 'standardized-township-junior', label: t('标准化乡镇初中', 'standardized township junior school') },
]);

/** `district.type`. */
const districtType = vocabulary(t('类型', 'Type'), [
  { code: 'city', label: t('市', 'city') },
  { code: 'county', label: t('县', 'county') },
]);

/** Yes/no fields: the words that mean `true` and `false` when written as text (YAML 1.1, spreadsheets). */
const boolean = vocabulary(t('是/否', 'Yes/no'), [
  { code: 'true', label: t('是', 'yes'), words: ['有', 'yes', 'y', 'on', '√', '✓', '✔', '1'] },
  { code: 'false', label: t('否', 'no'), words: ['无', '不是', 'no', 'n', 'off', '×', '✗', '✘', '0'] },
]);

/** `kind:`: the document kinds. */
const kind = vocabulary(t('文件类型', 'Document kind'), [
  { code: 'SchoolBudget', label: t('学校年度预算', 'School annual budget') },
  { code: 'Staffing', label: t('教职工与薪酬', 'Staffing and pay') },
  { code: 'DistrictIndicators', label: t('市/县教育发展指标', 'District education indicators') },
]);

/** What a number means (`x-unit` of a numeric field). */
const unit = vocabulary(t('单位', 'Unit'), [
  { code: 'yuan', label: t('元', 'yuan') },
  { code: 'fraction', label: t('0–1 的小数(如 0.975 表示 97.5%)', 'a fraction 0–1 (0.975 means 97.5%)') },
  { code: 'year', label: t('年份(整数)', 'a year (integer)') },
  { code: 'count', label: t('个数(整数)', 'a count (integer)') },
  { code: 'multiplier', label: t('倍数', 'a multiplier') },
  { code: 'hours', label: t('学时', 'hours') },
  { code: 'years', label: t('年数', 'years') },
]);

/**
 * The contract's vocabulary, by name. A schema field with fixed values names its vocabulary in
 * `x-vocabulary` (`level`, `role`, …); `schemaAt(kind, path)['x-vocabulary']` finds it.
 */
export const VOCABULARY = { level, role, title, designation, districtType, boolean, kind, unit } as const;

/** A name of {@link VOCABULARY}. */
export type VocabularyName = keyof typeof VOCABULARY;

/** Text → comparison key: NFKC (full-width → half-width), trimmed, lower case. */
const key = (text: string) => text.normalize('NFKC').trim().toLowerCase();

/** The term a written word stands for — its code, either label or one of its words — or undefined. */
export function findTerm(vocabulary: Vocabulary, text: string): VocabularyTerm | undefined {
  const k = key(text);
  return vocabulary.terms.find((term) => key(term.code) === k || key(term.label['zh-CN']) === k || key(term.label.en) === k || term.words?.some((w) => key(w) === k));
}

/** Every word that names a term (code, both labels, its other words), for word lists. */
export function termWords(term: VocabularyTerm): string[] {
  return [term.code, term.label['zh-CN'], term.label.en, ...(term.words ?? [])];
}

/** The level groups of the county's senior-post pool (`{group|label}` in county-senior-post-pool). */
const levelGroup = vocabulary(t('学段组', 'Level group'), [
  { code: 'kindergarten', label: t('幼儿园', 'kindergarten') },
  { code: 'primary', label: t('小学', 'primary') },
  { code: 'junior', label: t('初中', 'junior secondary') },
  { code: 'high-school', label: t('高中', 'senior secondary (高中)') },
]);

/** Indicators named by indicator-decline (`{indicator|label}`). */
const indicator = vocabulary(t('指标', 'Indicator'), [
  { code: 'compulsoryRetentionRate', label: t('九年义务教育巩固率', 'nine-year compulsory education retention rate') },
  { code: 'standardizedSchoolRate', label: t('义务教育阶段中小学标准化率', 'share of standardized compulsory-education schools') },
]);

/** The vocabulary of a field, by the field's own name (`level`, `role`, `title`, `designation`, district `type`, `group`, `indicator`). */
const BY_FIELD: Record<string, Vocabulary> = { level, role, title, designation, type: districtType, group: levelGroup, indicator };
/** Where a code is looked up when its field is not known; titles last (`senior` is first a school level). */
const ANY_FIELD = [level, role, designation, districtType, title];

/**
 * The label of a code in a language: by the vocabulary of `field` (the last segment of a
 * path, `doc.school.level` → `level`) when it has one, else the first vocabulary that has the
 * code. A code no vocabulary knows is returned as written.
 */
export function labelOf(code: string, locale: 'zh-CN' | 'en', field?: string): string {
  const own = field ? BY_FIELD[field.split('.').pop()!] : undefined;
  const term = own?.terms.find((x) => x.code === code) ?? ANY_FIELD.map((v) => v.terms.find((x) => x.code === code)).find(Boolean);
  return term ? term.label[locale] : code;
}

/** The vocabulary a schema field's values come from (its `x-vocabulary`), if it has one. */
export function vocabularyOf(schema: Record<string, unknown> | undefined): Vocabulary | undefined {
  const name = schema?.['x-vocabulary'];
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(VOCABULARY, name) ? VOCABULARY[name as VocabularyName] : undefined;
}
