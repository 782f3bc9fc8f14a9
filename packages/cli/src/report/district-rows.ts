import type { Locale, Severity } from '@edunorm/core';
import { fillTemplate } from '@edunorm/core/internal';
import { worstSeverity } from './cell-summary.js';
import type { DistrictEntry, Norm, ReportFinding } from './report-data.js';

/**
 * A district and year's figures across documents, norm by norm, in words: what the report's
 * row for the district shows (HTML and Markdown alike). The figures are those the workspace
 * norms computed (`DistrictSummary.facts`, per calculator); the verdict is that of the findings
 * `check` reported for this district and year, so a `# edunorm-disable` or a county's own
 * parameters count exactly as they do in `check`.
 */

/** `fail`: a finding; `exempt`: only suppressed ones; `off`: the rule is not active for the district. */
export type DistrictVerdict = 'fail' | 'ok' | 'exempt' | 'not-judged' | 'not-in-force' | 'off';

export interface FigureLine {
  text: string;
  /** This group / indicator / school is over the norm's bound (✗), within it (✓), or neither. */
  mark?: 'over' | 'within';
}

export interface DistrictCell {
  norm: Norm;
  verdict: DistrictVerdict;
  severity?: Severity;
  lines: FigureLine[];
  /** Why the norm was not judged, or the reason of a suppression. */
  note?: string;
  findings: ReportFinding[];
}

type Facts = Record<string, unknown>;
type Texts = Record<Locale, string>;

const t = (locale: Locale, zh: string, en: string) => (locale === 'zh-CN' ? zh : en);
/** A rule's template filled with figures: the same formatting (`{x|yuan}`, `{g|label}`) as its messages. */
const fill = (texts: Texts, context: Record<string, unknown>, locale: Locale) => fillTemplate(texts[locale], context, locale);
const arr = (v: unknown): Facts[] => (Array.isArray(v) ? (v.filter((x) => x && typeof x === 'object') as Facts[]) : []);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** Names listed in a cell before "等 N 所". */
const MAX_NAMES = 3;

function names(items: readonly Facts[], locale: Locale, each: (x: Facts) => string): string {
  const shown = items.slice(0, MAX_NAMES).map(each);
  const rest = items.length - shown.length;
  const sep = locale === 'zh-CN' ? '、' : '; ';
  return rest > 0 ? `${shown.join(sep)}${t(locale, ` 等 ${items.length} 所`, ` and ${rest} more`)}` : shown.join(sep);
}

const schoolName = (x: Facts) => `${String(x.name ?? x.code ?? '')}(${String(x.code ?? '')})`;

/** The format a rule's messages give a figure (`{actual|yuan}` → yuan), so a cell writes it the same way. */
const formatOf = (norm: Norm, name: string, fallback: string) => norm.formats?.[name] ?? fallback;
const unitAfter = (norm: Norm, locale: Locale) => {
  const unit = norm.deviation?.unit[locale];
  return unit ? ` ${unit}` : '';
};

/** Per workspace calculator: its result in words, or a reason it computed nothing. */
interface Renderer {
  lines(v: Facts, norm: Norm, locale: Locale): FigureLine[];
  missing(entry: DistrictEntry, locale: Locale): string;
  /** Judges the linked school documents: with none linked there is nothing to judge (not a ✓). */
  readsSchools: boolean;
}

const RENDERERS: Record<string, Renderer> = {
  countyMean: {
    readsSchools: true,
    lines(v, norm, locale) {
      const f = formatOf(norm, 'actual', 'num');
      const u = unitAfter(norm, locale);
      const below = v.direction === 'below';
      const texts: Texts = {
        'zh-CN': `平均 {actual|${f}}${u}({schoolCount|int} 所学校 {total|int} 人),${below ? '低于' : '不低于'} {min|${f}}${u}${below ? `(差 {deviation|${f}}${u})` : ''}`,
        en: `mean {actual|${f}}${u} ({total|int} people, {schoolCount|int} school(s)), ${below ? 'below' : 'at least'} {min|${f}}${u}${below ? ` (short by {deviation|${f}}${u})` : ''}`,
      };
      return [{ text: fill(texts, v, locale), mark: below ? 'over' : 'within' }];
    },
    missing: (_e, locale) => t(locale, '县指标文档未填写比较基准,或关联学校没有可计算的人员', 'the district gives no reference figure, or its linked schools nobody to average'),
  },
  countyShareByGroup: {
    readsSchools: true,
    lines(v, _norm, locale) {
      return arr(v.groups).map((g) => {
        const over = (num(g.actual) ?? 0) - (num(g.max) ?? 0) > 1e-9;
        const texts: Texts = {
          'zh-CN': `{group|label} {numerator|int}/{total|int} = {actual|pct}(上限 {max|pct}${over ? ',超出 {excessCount|int} 人' : ''})`,
          en: `{group|label} {numerator|int}/{total|int} = {actual|pct} (cap {max|pct}${over ? ', {excessCount|int} too many' : ''})`,
        };
        return { text: fill(texts, g, locale), mark: over ? 'over' : 'within' };
      });
    },
    missing: (_e, locale) => t(locale, '关联学校没有可计算的在岗教师', 'no post-holding teachers in the linked schools'),
  },
  decline: {
    readsSchools: false,
    lines(v, _norm, locale) {
      const fell = arr(v.items);
      // `compared` lists every indicator of both years; a result without it (an older cache) still shows the falls.
      const compared = Array.isArray(v.compared) ? arr(v.compared) : fell;
      return compared.map((c) => {
        const over = fell.some((x) => x.indicator === c.indicator);
        const texts: Texts = {
          'zh-CN': `{indicator|label} {previousYear|int} 年 {previous|pct} → {year|int} 年 {actual|pct}(目标 {target|pct})`,
          en: `{indicator|label} {previous|pct} in {previousYear|int} → {actual|pct} in {year|int} (target {target|pct})`,
        };
        return { text: fill(texts, c, locale), mark: over ? 'over' : 'within' };
      });
    },
    missing: (e, locale) =>
      e.year === undefined ? t(locale, '指标文档没有年份', 'the district document gives no year') : t(locale, `没有同时检查 ${e.year - 1} 年的指标文档`, `no district document of ${e.year - 1} checked with it`),
  },
  schoolList: {
    readsSchools: true,
    lines(v, _norm, locale) {
      const seen = new Set<string>();
      const unlisted = arr(v.unlisted).filter((x) => !seen.has(String(x.code)) && seen.add(String(x.code)));
      const mismatched = arr(v.mismatched);
      const lines: FigureLine[] = [];
      if (unlisted.length) lines.push({ text: t(locale, `名单外学校 ${unlisted.length} 所:`, `${unlisted.length} school(s) not in the list: `) + names(unlisted, locale, schoolName), mark: 'over' });
      if (mismatched.length) {
        const each = (x: Facts) => `${schoolName(x)} ${fill({ 'zh-CN': '{enrollment|int} / {pupils|int} 人', en: '{enrollment|int} / {pupils|int}' }, x, locale)}`;
        lines.push({ text: t(locale, `在校生与预算不一致 ${mismatched.length} 所(名单 / 预算):`, `${mismatched.length} enrolment(s) differ from the budget (list / budget): `) + names(mismatched, locale, each), mark: 'over' });
      }
      if (!lines.length) lines.push({ text: t(locale, '学校名单与关联学校文档一致', 'the schools list matches the linked school documents'), mark: 'within' });
      return lines;
    },
    missing: (_e, locale) => t(locale, '县指标文档没有学校名单(schools)', 'the district document has no schools list'),
  },
  valueMismatch: {
    readsSchools: true,
    lines(v, norm, locale) {
      const items = arr(v.items);
      if (!items.length) return [{ text: t(locale, '没有学校填报与县指标文档不同的数值', 'no linked school gives a figure other than the district’s'), mark: 'within' }];
      const f = formatOf(norm, 'actual', 'num');
      const u = unitAfter(norm, locale) || (f === 'yuan' ? t(locale, ' 元', ' yuan') : '');
      const each = (x: Facts) => `${schoolName(x)} ${fill({ 'zh-CN': `{actual|${f}}${u}`, en: `{actual|${f}}${u}` }, x, locale)}`;
      const expected = fill({ 'zh-CN': `{expected|${f}}${u}`, en: `{expected|${f}}${u}` }, items[0]!, locale);
      return [{ text: t(locale, `${items.length} 所学校填报的数值与县指标文档的 ${expected}不一致:`, `${items.length} school(s) differ from the district’s ${expected}: `) + names(items, locale, each), mark: 'over' }];
    },
    missing: (_e, locale) => t(locale, '县指标文档未填写该数值', 'the district document does not give the figure'),
  },
};

/** Whether a norm with `effective: { from, to }` applies to the district's year. */
const inForce = (norm: Norm, year: number | undefined) => !norm.effective || (year !== undefined && (norm.effective.from === undefined || year >= norm.effective.from) && (norm.effective.to === undefined || year <= norm.effective.to));

/** The cell of one workspace norm in a district and year's row. */
export function districtCell(entry: DistrictEntry, norm: Norm, locale: Locale): DistrictCell {
  const findings = entry.across.filter((f) => f.ruleId === norm.id);
  const cell: DistrictCell = { norm, verdict: 'ok', lines: [], findings };
  const facts = entry.summary?.facts[norm.id] as Record<string, unknown> | undefined;
  const renderers = (norm.facts ?? []).map((spec) => ({ spec, renderer: RENDERERS[spec.calculator] }));
  // Nothing linked: a norm over the district's schools has nothing to judge, whatever it computed.
  const unlinked = entry.summary?.linked === 0 && renderers.some((r) => r.renderer?.readsSchools);
  for (const { spec, renderer } of renderers) {
    const value = facts?.[spec.name];
    if (renderer && !unlinked && value && typeof value === 'object') cell.lines.push(...renderer.lines(value as Facts, norm, locale));
  }
  if (findings.length) {
    cell.verdict = 'fail';
    cell.severity = worstSeverity(findings);
    return cell;
  }
  if (!inForce(norm, entry.year)) {
    cell.verdict = 'not-in-force';
    const { from, to } = norm.effective!;
    const en = [from !== undefined ? `from ${from}` : '', to !== undefined ? `to ${to}` : ''].filter(Boolean).join(' ');
    cell.note = t(locale, `${from !== undefined ? `${from} 年起` : ''}${to !== undefined ? `至 ${to} 年` : ''}适用`, `applies ${en}`);
    return cell;
  }
  const suppressed = entry.suppressed.filter((f) => f.ruleId === norm.id);
  if (suppressed.length) {
    cell.verdict = 'exempt';
    cell.note = suppressed[0]!.justification;
    return cell;
  }
  if (entry.summary && !facts) {
    cell.verdict = 'off';
    return cell;
  }
  if (!cell.lines.length) {
    cell.verdict = 'not-judged';
    const first = renderers.map((r) => r.renderer).find(Boolean);
    cell.note = !entry.summary
      ? t(locale, '本次检查没有为该指标文档计算县域数字', 'no county figures were computed for this district document in this run')
      : unlinked
        ? t(locale, `没有关联的学校文档(school.district 为 ${entry.code}、fiscalYear 为 ${entry.year ?? '—'})`, `no school document linked (school.district ${entry.code}, fiscalYear ${entry.year ?? '—'})`)
        : first?.missing(entry, locale);
  }
  return cell;
}

/** The words of a verdict, for a cell's first line. */
export function verdictWords(cell: DistrictCell, locale: Locale): string {
  switch (cell.verdict) {
    case 'fail':
      return t(locale, `✗ 未达标(${cell.severity === 'error' ? '错误' : cell.severity === 'warning' ? '警告' : '提示'})`, `✗ not met (${cell.severity})`);
    case 'ok':
      return t(locale, '✓ 达标', '✓ met');
    case 'exempt':
      return t(locale, `已豁免:${cell.note ?? ''}`, `exempted: ${cell.note ?? ''}`);
    case 'not-in-force':
      return `· ${cell.note ?? ''}`;
    case 'off':
      return t(locale, '— 配置中未启用', '— turned off in the configuration');
    case 'not-judged':
      return t(locale, `— 未判定:${cell.note ?? ''}`, `— not judged: ${cell.note ?? ''}`);
  }
}

/** A figure line with its mark. */
export const lineText = (line: FigureLine) => `${line.mark === 'over' ? '✗ ' : line.mark === 'within' ? '✓ ' : ''}${line.text}`;
