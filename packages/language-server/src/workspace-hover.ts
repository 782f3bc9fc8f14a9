/**
 * Hover on a district document's `district` key: the county figures the norms across
 * documents computed for it (linked schools, teachers' mean pay against the reference,
 * senior posts per level group), from the workspace index — never waiting for anything.
 */
import type { DistrictSummary, Locale } from '@edunorm/core';
import { formatPercent, formatYuan, labelOf } from '@edunorm/core/internal';
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { say } from './messages.js';
import { pathAt, type OutlineFile } from '@edunorm/core/internal';


type Pay = { actual?: number; min?: number; total?: number; schoolCount?: number; direction?: string };
type Pool = { groups?: { group: string; numerator: number; total: number; actual: number; max: number }[] };

/** The markdown lines of a district's county figures. */
export function countyFigureLines(d: DistrictSummary, locale: Locale): string[] {
  const lines = [say(locale, `**县域统计** ${d.name ?? d.code} ${d.year ?? ''} 年度:关联学校文档 ${d.linked} 份`, `**County figures** ${d.name ?? d.code}, ${d.year ?? ''}: ${d.linked} linked school document(s)`)];
  const pay = d.facts['county-teacher-pay-parity']?.countyPay as Pay | undefined;
  if (pay?.actual !== undefined && pay.min !== undefined) {
    lines.push(
      say(
        locale,
        `- 教师平均年工资收入 ${formatYuan(pay.actual)} 元(${pay.schoolCount ?? 0} 所学校 ${pay.total ?? 0} 人),当地公务员 ${formatYuan(pay.min)} 元${pay.direction === 'below' ? ' ✗' : ' ✓'}`,
        `- teachers' mean annual salary ${formatYuan(pay.actual)} yuan (${pay.total ?? 0} teachers, ${pay.schoolCount ?? 0} schools), civil servants ${formatYuan(pay.min)} yuan${pay.direction === 'below' ? ' ✗' : ' ✓'}`,
      ),
    );
  }
  const pool = d.facts['county-senior-post-pool']?.pool as Pool | undefined;
  for (const g of pool?.groups ?? []) {
    // Group names come from the vocabulary table (levelGroup), as in the rule's own message.
    const [zh, en] = [labelOf(g.group, 'zh-CN', 'group'), labelOf(g.group, 'en', 'group')];
    const over = g.actual - g.max > 1e-9;
    lines.push(say(locale, `- ${zh}高级教师岗位 ${g.numerator}/${g.total} = ${formatPercent(g.actual)}(上限 ${formatPercent(g.max)})${over ? ' ✗' : ' ✓'}`, `- ${en} senior posts ${g.numerator}/${g.total} = ${formatPercent(g.actual)} (cap ${formatPercent(g.max)})${over ? ' ✗' : ' ✓'}`));
  }
  return lines;
}

/** Adds the county figures to a hover on a DistrictIndicators document's `district` key. */
export function withCountyFigures(hover: Hover | null, outline: OutlineFile, offset: number, districtAt: (documentIndex: number) => DistrictSummary | undefined, locale: Locale): Hover | null {
  const hit = pathAt(outline, offset);
  if (!hit || hit.document.kind !== 'DistrictIndicators' || hit.path.length !== 1 || hit.path[0] !== 'district') return hover;
  const summary = districtAt(hit.document.index);
  if (!summary) return hover;
  const extra = countyFigureLines(summary, locale).join('\n');
  if (!hover) return { contents: { kind: MarkupKind.Markdown, value: extra } };
  const contents = hover.contents;
  const value = typeof contents === 'object' && 'kind' in contents ? contents.value : typeof contents === 'string' ? contents : '';
  return { ...hover, contents: { kind: MarkupKind.Markdown, value: `${value}\n\n---\n\n${extra}` } };
}
