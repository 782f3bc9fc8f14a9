import type { Locale } from '@edunorm/core';
import { FORMAT_NAME, shortName, summarizeCell } from './cell-summary.js';
import { districtCell, lineText, verdictWords } from './district-rows.js';
import { districtFindings, FORMAT_GROUP, isCompliant, type ReportData, type ReportFinding } from './report-data.js';
import { computeFigures, countBy, percent } from './report-figures.js';

/** Schools listed in a PR comment; GitHub refuses comments over 65,536 characters. */
const MAX_SCHOOLS = 50;

/** A table cell: `|` ends a cell, a line break a row, `<` may open HTML in a comment, a backtick a code span. */
const cell = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/`/g, '\\`').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n|\r/g, ' ');
/** Text in a list item: a cell's escapes, and the characters that would start emphasis, a link or a heading. */
const inline = (s: string) => cell(s).replace(/[*_[\]#]/g, (c) => `\\${c}`);
/** Findings listed under the districts table; the HTML report lists them all. */
const MAX_DISTRICT_FINDINGS = 100;

const TEXT = {
  'zh-CN': {
    title: '### edunorm 合规报告',
    headline: (schools: number, files: number, ok: number, pct: string, e: number, w: number) =>
      `检查了 **${schools}** 所学校(${files} 个文件):合规 **${ok}** 所(${pct});错误 **${e}** 个,警告 **${w}** 个。`,
    normHead: '| 规范 | 涉及单位 | 错误 | 警告 | 提示 | 依据 |',
    failing: (n: number) => `#### 不合规学校(${n} 所)`,
    schoolHead: '| 学校 | 代码 | 学段 | 错误 | 警告 | 主要差距 |',
    more: (n: number) => `…… 另有 ${n} 所学校未列出,见 HTML 报告(edunorm report --output report.html)。`,
    none: '全部学校均无错误。',
    loose: (files: number, findings: number) => `另有 ${files} 个文件无法识别学校(缺少学校代码或无法解析),含 ${findings} 个问题。`,
    districts: '#### 县域汇总(按市县和年度)',
    districtHead: ['市/县', '代码', '年度', '结论', '关联学校文档'],
    findingsHead: '问题',
    counts: (e: number, w: number, i: number) => `错误 ${e},警告 ${w}${i ? `,提示 ${i}` : ''}`,
    ok: '✓ 合规',
    notOk: '✗ 不合规',
    districtFindings: (name: string, code: string, year: string) => `**${name}(${code})${year ? ` ${year} 年度` : ''}**`,
    moreFindings: (n: number) => `…… 另有 ${n} 个问题未列出,见 HTML 报告。`,
  },
  en: {
    title: '### edunorm compliance report',
    headline: (schools: number, files: number, ok: number, pct: string, e: number, w: number) =>
      `**${schools}** school(s) checked (${files} file(s)): **${ok}** compliant (${pct}); **${e}** error(s), **${w}** warning(s).`,
    normHead: '| Norm | Units | Errors | Warnings | Info | Source |',
    failing: (n: number) => `#### Non-compliant schools (${n})`,
    schoolHead: '| School | Code | Level | Errors | Warnings | Main shortfalls |',
    more: (n: number) => `… and ${n} more; see the HTML report (edunorm report --output report.html).`,
    none: 'No school has errors.',
    loose: (files: number, findings: number) => `${files} file(s) belong to no school (no school code, or cannot be parsed), with ${findings} finding(s).`,
    districts: '#### Districts by year',
    districtHead: ['District', 'Code', 'Year', 'Verdict', 'Linked school documents'],
    findingsHead: 'Findings',
    counts: (e: number, w: number, i: number) => `${e} error(s), ${w} warning(s)${i ? `, ${i} info` : ''}`,
    ok: '✓ compliant',
    notOk: '✗ non-compliant',
    districtFindings: (name: string, code: string, year: string) => `**${name} (${code})${year ? `, ${year}` : ''}**`,
    moreFindings: (n: number) => `… and ${n} more findings; see the HTML report.`,
  },
};

/** A short summary for a pull-request comment: headline, norms with findings, the non-compliant schools. */
export function renderMarkdown(data: ReportData, locale: Locale): string {
  const t = TEXT[locale];
  const figures = computeFigures(data, locale);
  const levelName = new Map(figures.levels.map((l) => [l.level, l.label]));
  const lines = [t.title, '', t.headline(data.schools.length, data.filesChecked, figures.compliantSchools, percent(figures.compliantSchools, data.schools.length), data.totals.error, data.totals.warning), ''];
  const failingNorms = [...figures.norms.values()].filter((n) => n.total > 0).sort((a, b) => b.total - a.total);
  if (failingNorms.length) {
    lines.push(t.normHead, '| --- | ---: | ---: | ---: | ---: | --- |');
    for (const n of failingNorms) {
      const norm = data.norms.find((x) => x.id === n.id);
      const name = norm ? `${shortName(norm, locale)} (\`${norm.id}\`)` : FORMAT_NAME[locale];
      const source = norm?.citation ? `${norm.citation.source} ${norm.citation.section}` : '';
      lines.push(`| ${cell(name)} | ${n.units} | ${n.counts.error} | ${n.counts.warning} | ${n.counts.info} | ${cell(source)} |`);
    }
    lines.push('');
  }
  const failing = data.schools.filter((s) => !isCompliant(s)).sort((a, b) => countBy(b, 'error') - countBy(a, 'error') || (a.code < b.code ? -1 : 1));
  if (failing.length === 0) lines.push(t.none);
  else {
    lines.push(t.failing(failing.length), '', t.schoolHead, '| --- | --- | --- | ---: | ---: | --- |');
    for (const s of failing.slice(0, MAX_SCHOOLS)) {
      const groups = figures.bySchool.get(s.code) ?? new Map<string, ReportFinding[]>();
      const gaps = [...groups.entries()]
        .filter(([, fs]) => fs.some((f) => f.severity === 'error'))
        .map(([id, fs]) => {
          const norm = data.norms.find((n) => n.id === id);
          const summary = summarizeCell(fs, norm, locale);
          const name = id === FORMAT_GROUP || !norm ? FORMAT_NAME[locale] : shortName(norm, locale);
          return summary.text.startsWith(name) ? summary.text : `${name}${summary.text ? (locale === 'zh-CN' ? `(${summary.text})` : ` (${summary.text})`) : ''}`;
        });
      lines.push(`| ${cell(s.name)} | ${cell(s.code)} | ${cell(levelName.get(s.level ?? '') ?? levelName.get('') ?? '')} | ${countBy(s, 'error')} | ${countBy(s, 'warning')} | ${cell(gaps.join(locale === 'zh-CN' ? ';' : '; '))} |`);
    }
    if (failing.length > MAX_SCHOOLS) lines.push('', t.more(failing.length - MAX_SCHOOLS));
  }
  if (data.districts.length) lines.push('', ...districtLines(data, locale));
  if (data.loose.length) lines.push('', t.loose(data.loose.length, data.loose.reduce((n, l) => n + l.findings.length, 0)));
  return `${lines.join('\n')}\n`;
}

/**
 * One row per district and year, by code then year: each norm across documents with its
 * verdict and figures (the plan's section in the header), then each district's findings.
 */
function districtLines(data: ReportData, locale: Locale): string[] {
  const t = TEXT[locale];
  const norms = data.norms.filter((n) => n.scope === 'workspace');
  const head = [...t.districtHead, ...norms.map((n) => `${shortName(n, locale)}${n.citation ? ` (${n.citation.source} ${n.citation.section})` : ''}`), t.findingsHead];
  const lines = [t.districts, '', `| ${head.map(cell).join(' | ')} |`, `| ${head.map((_, i) => (i === 4 ? '---:' : '---')).join(' | ')} |`];
  const listed: string[] = [];
  let budget = MAX_DISTRICT_FINDINGS;
  let left = 0;
  const sep = locale === 'zh-CN' ? ';' : '; ';
  for (const d of data.districts) {
    const all = districtFindings(d);
    const counts = (['error', 'warning', 'info'] as const).map((s) => all.filter((f) => f.severity === s).length);
    const cells = norms.map((n) => {
      const c = districtCell(d, n, locale);
      return [verdictWords(c, locale), ...c.lines.map(lineText)].join(sep);
    });
    const row = [d.name, d.code, d.year !== undefined ? String(d.year) : '', isCompliant({ findings: all }) ? t.ok : t.notOk, String(d.summary?.linked ?? 0), ...cells, all.length ? t.counts(counts[0]!, counts[1]!, counts[2]!) : '—'];
    lines.push(`| ${row.map(cell).join(' | ')} |`);
    if (!all.length) continue;
    const shown = all.slice(0, Math.max(0, budget));
    budget -= shown.length;
    left += all.length - shown.length;
    if (!shown.length) continue;
    listed.push('', t.districtFindings(inline(d.name), inline(d.code), d.year !== undefined ? String(d.year) : ''), '');
    for (const f of shown) listed.push(`- ${inline(`${f.file}:${f.range.start.line}`)} ${inline(f.message)} (${inline(f.ruleId)})`);
  }
  if (left > 0) listed.push('', t.moreFindings(left));
  return [...lines, ...listed];
}
