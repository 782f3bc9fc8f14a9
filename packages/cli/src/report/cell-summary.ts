import { type Locale, type LocalizedText, type Severity } from '@edunorm/core';
import { formatPercent, formatYuan } from '@edunorm/core/internal';
import type { Norm, ReportFinding } from './report-data.js';

/**
 * Short names of the plan's norms for table headers and shortfall texts ("培训经费差 50,000 元").
 * Ids are stable (norms.md); a rule outside this list shows its title instead.
 */
const SHORT_NAMES: Record<string, LocalizedText> = {
  'teacher-training-funds': { 'zh-CN': '培训经费', en: 'Training funds' },
  'performance-pay-model-high-school': { 'zh-CN': '示范高中绩效', en: 'Model-school pay' },
  'performance-pay-control-line': { 'zh-CN': '高中绩效控制线', en: 'High-school pay line' },
  'performance-pay-higher-education': { 'zh-CN': '高校绩效', en: 'University pay' },
  'class-teacher-allowance': { 'zh-CN': '班主任津贴', en: 'Class-teacher allowance' },
  'special-education-subsidy': { 'zh-CN': '特教补贴', en: 'Special-ed subsidy' },
  'teacher-pay-parity': { 'zh-CN': '教师工资', en: 'Teacher pay parity' },
  'non-teaching-staff-share': { 'zh-CN': '非教学人员', en: 'Non-teaching staff' },
  'senior-post-share': { 'zh-CN': '高级岗位', en: 'Senior posts' },
  'senior-title-rural-service': { 'zh-CN': '高级职称乡村经历', en: 'Rural service for title' },
  'teacher-training-hours': { 'zh-CN': '培训学时', en: 'Training hours' },
  'new-teacher-certification': { 'zh-CN': '新教师资格', en: 'New-teacher certificate' },
  'substitute-teacher-age-relief': { 'zh-CN': '代课教师年龄', en: 'Substitute age relief' },
  'compulsory-retention-rate': { 'zh-CN': '义务教育巩固率', en: 'Retention rate' },
  'standardized-school-rate': { 'zh-CN': '标准化率', en: 'Standardized schools' },
  'vocational-general-balance': { 'zh-CN': '职普比例', en: 'Vocational share' },
  'young-teacher-forums': { 'zh-CN': '青年教师论坛', en: 'Young-teacher forums' },
  'small-school-consolidation': { 'zh-CN': '小规模学校', en: 'Small schools' },
  'county-1-2-3-plan': { 'zh-CN': '1+2+3 计划', en: '1+2+3 plan' },
  'county-full-standardization': { 'zh-CN': '标准化全覆盖', en: 'Full standardization' },
  'county-teacher-pay-parity': { 'zh-CN': '县域教师平均工资', en: 'County teacher pay' },
  'county-senior-post-pool': { 'zh-CN': '县域高级岗位总量', en: 'County senior-post pool' },
  'district-school-list': { 'zh-CN': '学校名单', en: 'Schools list' },
  'district-reference-mismatch': { 'zh-CN': '公务员工资口径', en: 'Reference salary' },
  'indicator-decline': { 'zh-CN': '指标较上年', en: 'Change from last year' },
};

export const FORMAT_NAME: LocalizedText = { 'zh-CN': '格式问题', en: 'Format problems' };

export function shortName(norm: Norm, locale: Locale): string {
  return SHORT_NAMES[norm.id]?.[locale] ?? norm.title[locale];
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export function worstSeverity(findings: readonly { severity: Severity }[]): Severity | undefined {
  let worst: Severity | undefined;
  for (const f of findings) if (!worst || RANK[f.severity] > RANK[worst]) worst = f.severity;
  return worst;
}

/**
 * The shortfall of one finding in words, from its figures: "差 50,000 元", "超出 2 人" /
 * "short by 50,000 yuan", "2 too many" — the amount formatted as the rule's message writes it.
 */
function shortfall(finding: ReportFinding, norm: Norm, locale: Locale): string | undefined {
  const excess = finding.figures?.excessCount;
  if (typeof excess === 'number' && excess > 0) return locale === 'zh-CN' ? `超出 ${excess} 人` : `${excess} too many`;
  const deviation = finding.figures?.deviation;
  if (!norm.deviation || typeof deviation !== 'number' || !Number.isFinite(deviation) || deviation === 0) return undefined;
  const above = finding.figures?.direction === 'above';
  const size = Math.abs(deviation);
  const amount =
    norm.deviation.format === 'yuan'
      ? formatYuan(size)
      : norm.deviation.format === 'pct'
        ? formatPercent(size)
        : norm.deviation.format === 'points'
          ? String(Math.round(size * 10000) / 100)
          : String(Math.round(size * 1000) / 1000);
  const unit = norm.deviation.unit[locale];
  const withUnit = unit ? `${amount} ${unit}` : amount;
  return locale === 'zh-CN' ? `${above ? '超' : '差'} ${withUnit}` : `${above ? 'over by' : 'short by'} ${withUnit}`;
}

/** What one cell of the schools × norms table says, and the number its column sorts by. */
export interface CellSummary {
  severity?: Severity;
  /** Short text beside ✗, e.g. "培训经费差 50,000 元" or "3 人". */
  text: string;
  /** Sorting key: worse and further off sorts higher. */
  sortValue: number;
}

const COUNT_UNIT = { 'zh-CN': (n: number, list: boolean) => (list ? `${n} 人` : `${n} 处`), en: (n: number, list: boolean) => (list ? `${n} staff` : `${n} places`) };

export function summarizeCell(findings: readonly ReportFinding[], norm: Norm | undefined, locale: Locale): CellSummary {
  const severity = worstSeverity(findings);
  if (!severity) return { text: '', sortValue: 0 };
  const first = findings[0]!;
  const words = norm ? shortfall(first, norm, locale) : undefined;
  const magnitude = Math.abs(typeof first.figures?.deviation === 'number' ? first.figures.deviation : findings.length);
  if (findings.length === 1 && words && norm) {
    const name = SHORT_NAMES[norm.id]?.[locale];
    const text = name ? (locale === 'zh-CN' ? `${name}${words}` : `${name}: ${words}`) : words;
    return { severity, text, sortValue: RANK[severity] * 1e12 + magnitude };
  }
  // Norms checked per staff record count people; structure problems count places.
  const perRecord = norm !== undefined && findings.every((f) => /^staff\[\d+\]/.test(f.path));
  const text = findings.length === 1 && !perRecord ? '' : COUNT_UNIT[locale](findings.length, perRecord);
  return { severity, text, sortValue: RANK[severity] * 1e12 + findings.length };
}
