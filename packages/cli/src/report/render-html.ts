import type { Locale, Severity } from '@edunorm/core';
import { FORMAT_NAME, shortName, summarizeCell } from './cell-summary.js';
import { escapeHtml as h } from './html-escape.js';
import { districtCell, lineText, verdictWords, type DistrictCell } from './district-rows.js';
import { districtFindings, FORMAT_GROUP, isCompliant, type DistrictEntry, type Norm, type ReportData, type ReportFinding, type SchoolEntry } from './report-data.js';
import { computeFigures, countBy, percent, type NormTally, type ReportFigures } from './report-figures.js';
import { REPORT_JS } from './report-script.js';
import { REPORT_CSS } from './report-style.js';
import { REPORT_TEXT, type ReportText, type Unit } from './report-text.js';
import { rateBarChart, stackedBarChart } from './svg-charts.js';

export interface HtmlOptions {
  locale: Locale;
  version: string;
}

/** Findings listed per norm section; the table and the counts always cover all of them. */
const MAX_LISTED = 200;
/** Messages in a cell's hover text. */
const MAX_TOOLTIP = 6;

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

/**
 * One self-contained HTML page: inline CSS, SVG and script, a Content-Security-Policy that
 * forbids every network request, and all text from the checked files escaped.
 */
export function renderHtml(data: ReportData, options: HtmlOptions): string {
  const t = REPORT_TEXT[options.locale];
  const figures = computeFigures(data, options.locale);
  // A norm for levels none of these schools has (universities, say) would be a column of "·".
  const levels = new Set(data.schools.map((s) => s.level));
  const schoolNorms = data.norms.filter(
    (n) => n.kind !== 'DistrictIndicators' && (!n.levels || n.levels.some((l) => levels.has(l)) || (figures.norms.get(n.id)?.total ?? 0) > 0),
  );
  const parts = [
    headline(data, figures, t),
    `<div class="panels">${normChart(data, figures, options.locale, t)}${levelChart(figures, t)}</div>`,
    schoolsTable(data, figures, schoolNorms, options.locale, t),
    data.districts.length ? districtsTable(data, options.locale, t) : '',
    data.loose.length ? looseFiles(data, t) : '',
    normSections(data, figures, options.locale, t),
  ];
  return `<!DOCTYPE html>
<html lang="${options.locale}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(t.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header class="top"><h1>${h(t.title)}</h1><p>${h(t.subtitle(data.filesChecked))}</p></header>
<main>
${parts.join('\n')}
</main>
<footer>${h(t.generated(options.version))}</footer>
<script>${REPORT_JS}</script>
</body>
</html>
`;
}

function card(className: string, key: string, value: string, note: string, id: string): string {
  return `<div class="card ${className}" id="${id}"><div class="k">${h(key)}</div><div class="v">${h(value)}</div><div class="n">${h(note)}</div></div>`;
}

function headline(data: ReportData, figures: ReportFigures, t: ReportText): string {
  const total = data.schools.length;
  return `<section class="cards" aria-label="summary">
${card('', t.schoolsChecked, String(total), t.filesNote(data.filesChecked, data.filesSkipped), 'stat-schools')}
${card('ok', t.compliant, percent(figures.compliantSchools, total), t.compliantNote(figures.compliantSchools, total), 'stat-compliant')}
${card('err', t.errors, String(data.totals.error), '', 'stat-errors')}
${card('warn', t.warnings, String(data.totals.warning), `${t.infos} ${data.totals.info}`, 'stat-warnings')}
</section>`;
}

function normLabel(id: string, data: ReportData, locale: Locale): { label: string; title: string } {
  const norm = data.norms.find((n) => n.id === id);
  return norm ? { label: shortName(norm, locale), title: norm.title[locale] } : { label: FORMAT_NAME[locale], title: FORMAT_NAME[locale] };
}

const unitOf = (norm: Norm | undefined): Unit => (!norm ? 'any' : norm.kind === 'DistrictIndicators' ? 'district' : 'school');

function withFindings(figures: ReportFigures): NormTally[] {
  return [...figures.norms.values()].filter((n) => n.total > 0).sort((a, b) => b.total - a.total || (a.id < b.id ? -1 : 1));
}

function normChart(data: ReportData, figures: ReportFigures, locale: Locale, t: ReportText): string {
  const bars = withFindings(figures).map((n) => {
    const { label, title } = normLabel(n.id, data, locale);
    return {
      label,
      title,
      segments: SEVERITIES.map((s) => ({ value: n.counts[s], className: s, title: `${title}:${t.severity[s]} ${n.counts[s]}` })),
      note: t.findingsNote(n.total, n.units, unitOf(data.norms.find((x) => x.id === n.id))),
    };
  });
  const legend = SEVERITIES.map((s) => ({ className: s, label: t.severity[s] }));
  const links = withFindings(figures).map((n) => `<a href="#norm-${h(n.id)}">${h(normLabel(n.id, data, locale).label)}</a>`);
  const jump = links.length ? `<p class="jump">${h(t.jumpTo)} ${links.join(' ')}</p>` : '';
  return `<section class="panel" id="chart-norms"><h2>${h(t.findingsPerNorm)}</h2><p class="note">${h(t.findingsPerNormNote)}</p>${stackedBarChart(bars, t.findingsPerNorm, legend)}${jump}</section>`;
}

function levelChart(figures: ReportFigures, t: ReportText): string {
  const bars = figures.levels.map((l) => ({ label: l.label, rate: l.total ? l.compliant / l.total : 0, note: `${percent(l.compliant, l.total)}  (${t.levelCount(l.compliant, l.total)})` }));
  return `<section class="panel" id="chart-levels"><h2>${h(t.complianceByLevel)}</h2><p class="note">${h(t.complianceByLevelNote)}</p>${rateBarChart(bars, t.complianceByLevel)}</section>`;
}

function schoolRow(school: SchoolEntry, groups: Map<string, ReportFinding[]>, norms: readonly Norm[], levelName: string, locale: Locale, t: ReportText): string {
  const ok = isCompliant(school);
  const errors = countBy(school, 'error');
  const warnings = countBy(school, 'warning');
  const cells = [
    `<td class="school">${h(school.name)} <small>${h(school.code)}</small></td>`,
    `<td>${h(levelName)}</td>`,
    `<td data-v="${ok ? 0 : 1}"><span class="pill ${ok ? 'ok' : 'bad'}">${ok ? `✓ ${h(t.ok)}` : `✗ ${h(t.notOk)}`}</span></td>`,
    `<td class="num" data-v="${errors}">${errors}</td>`,
    `<td class="num" data-v="${warnings}">${warnings}</td>`,
  ];
  for (const norm of norms) {
    const applies = !norm.levels || (school.level !== undefined && norm.levels.includes(school.level));
    cells.push(normCell(groups.get(norm.id), norm, applies ? (norm.kind !== undefined && !school.kinds.has(norm.kind) ? 'not-submitted' : 'ok') : 'not-applicable', locale, t));
  }
  cells.push(normCell(groups.get(FORMAT_GROUP), undefined, 'ok', locale, t));
  const search = `${school.name} ${school.code}`.toLowerCase();
  return `<tr data-code="${h(school.code)}" data-ok="${ok ? 1 : 0}" data-search="${h(search)}">${cells.join('')}</tr>`;
}

/** Without findings a cell is ✓, "—" (that kind of file not submitted) or "·" (the norm does not apply at the school's level). */
type Quiet = 'ok' | 'not-submitted' | 'not-applicable';

function normCell(findings: ReportFinding[] | undefined, norm: Norm | undefined, quiet: Quiet, locale: Locale, t: ReportText): string {
  if (findings?.length) {
    const cell = summarizeCell(findings, norm, locale);
    const more = findings.length > MAX_TOOLTIP ? `\n…(${findings.length})` : '';
    const tip = findings.slice(0, MAX_TOOLTIP).map((f) => f.message).join('\n') + more;
    return `<td class="c-${cell.severity}" data-v="${cell.sortValue}" title="${h(tip)}">✗${cell.text ? ` ${h(cell.text)}` : ''}</td>`;
  }
  if (quiet === 'not-submitted') return `<td class="c-na" data-v="-1" title="${h(t.notSubmitted)}">—</td>`;
  if (quiet === 'not-applicable') return `<td class="c-na" data-v="-2" title="${h(t.notApplicable)}">·</td>`;
  return `<td class="c-ok" data-v="0">✓</td>`;
}

function schoolsTable(data: ReportData, figures: ReportFigures, norms: readonly Norm[], locale: Locale, t: ReportText): string {
  const levelName = new Map(figures.levels.map((l) => [l.level, l.label]));
  const th = (label: string, type: 'num' | 'text', title = label, sorted?: 'descending') =>
    `<th data-type="${type}" title="${h(title)}"${sorted ? ` aria-sort="${sorted}"` : ''}><button type="button">${h(label)}</button></th>`;
  const head = [
    th(t.schools, 'text'),
    th(t.level, 'text'),
    th(t.verdict, 'num'),
    th(t.errors, 'num', t.errors, 'descending'),
    th(t.warnings, 'num'),
    ...norms.map((n) => th(shortName(n, locale), 'num', n.title[locale])),
    th(FORMAT_NAME[locale], 'num', t.formatNote),
  ];
  // Worst first: the schools a bureau must follow up come on top.
  const rows = [...data.schools].sort((a, b) => countBy(b, 'error') - countBy(a, 'error') || countBy(b, 'warning') - countBy(a, 'warning') || (a.code < b.code ? -1 : 1));
  const body = rows.map((s) => schoolRow(s, figures.bySchool.get(s.code) ?? new Map(), norms, levelName.get(s.level && levelName.has(s.level) ? s.level : '') ?? '', locale, t)).join('\n');
  const template = t.shown(-1, data.schools.length).replace('-1', '{n}');
  return `<section class="panel" id="table-section">
<h2 id="schools-title">${h(t.schoolsTable)}</h2><p class="note">${h(t.tableNote)}</p>
<div class="tools"><input type="search" id="filter" placeholder="${h(t.filter)}" aria-label="${h(t.filter)}"><label><input type="checkbox" id="only-failing"> ${h(t.onlyFailing)}</label><span class="count" id="shown" data-template="${h(template)}">${h(t.shown(data.schools.length, data.schools.length))}</span></div>
<div class="scroll" tabindex="0" role="region" aria-labelledby="schools-title"><table class="schools" id="schools">
<thead><tr>${head.join('')}</tr></thead>
<tbody>
${body}
</tbody></table></div>
</section>`;
}

/** The verdict of a district cell as a cell class: its findings' severity, ✓, or muted for "not judged". */
const districtCellClass = (cell: DistrictCell) => (cell.verdict === 'fail' ? `c-${cell.severity ?? 'error'}` : cell.verdict === 'ok' ? 'c-ok' : 'c-na');

/**
 * One row per district and year (never merged across years), sorted by code then year: the
 * figures the norms across documents computed, each with its verdict, under headers naming the
 * norm and the plan's section; a row with findings links to its list below the table.
 */
function districtsTable(data: ReportData, locale: Locale, t: ReportText): string {
  const norms = data.norms.filter((n) => n.scope === 'workspace');
  const head = [
    `<th scope="col">${h(t.district)}</th>`,
    `<th scope="col">${h(t.year)}</th>`,
    `<th scope="col">${h(t.verdict)}</th>`,
    `<th scope="col">${h(t.linked)}</th>`,
    ...norms.map((n) => `<th scope="col"><a href="#norm-${h(n.id)}">${h(shortName(n, locale))}</a>${n.citation ? `<small class="cite">${h(`${n.citation.source} ${n.citation.section}`)}</small>` : ''}</th>`),
    `<th scope="col">${h(t.otherNorms)}</th>`,
    `<th scope="col">${h(t.findingsColumn)}</th>`,
  ];
  const lists: string[] = [];
  const rows = data.districts.map((d, i) => {
    const all = districtFindings(d);
    const ok = isCompliant({ findings: all });
    const cells = norms.map((n) => {
      const cell = districtCell(d, n, locale);
      const lines = cell.lines.map((l) => `<br>${h(lineText(l))}`).join('');
      const tip = cell.findings.map((f) => f.message).join('\n');
      return `<td class="fig ${districtCellClass(cell)}"${tip ? ` title="${h(tip)}"` : ''}>${h(verdictWords(cell, locale))}${lines}</td>`;
    });
    const workspaceIds = new Set(norms.map((n) => n.id));
    const other = [...new Set(d.findings.filter((f) => !workspaceIds.has(f.ruleId)).map((f) => f.ruleId))].map((id) => normLabel(data.norms.some((n) => n.id === id) ? id : FORMAT_GROUP, data, locale).label);
    const counts = SEVERITIES.map((s) => all.filter((f) => f.severity === s).length);
    const anchor = `district-${i}`;
    const link = all.length ? `<a href="#${anchor}">${h(t.districtCounts(counts[0]!, counts[1]!, counts[2]!))}</a>` : h(t.noFindings);
    if (all.length) lists.push(districtFindingList(d, all, anchor, t));
    return `<tr data-district="${h(d.code)}" data-year="${d.year ?? ''}"><td>${h(d.name)} <small class="code">${h(d.code)}</small></td><td>${d.year ?? ''}</td><td><span class="pill ${ok ? 'ok' : 'bad'}">${ok ? `✓ ${h(t.ok)}` : `✗ ${h(t.notOk)}`}</span></td><td class="num">${d.summary?.linked ?? 0}</td>${cells.join('')}<td>${h(other.join(locale === 'zh-CN' ? '、' : ', '))}</td><td>${link}</td></tr>`;
  });
  return `<section class="panel" id="districts"><h2 id="districts-title">${h(t.districts)}</h2><p class="note">${h(t.districtsNote)}</p><div class="scroll" tabindex="0" role="region" aria-labelledby="districts-title"><table class="schools districts"><thead><tr>${head.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div>${lists.join('')}</section>`;
}

/** A district and year's findings, each with its file and line and its related locations. */
function districtFindingList(d: DistrictEntry, findings: readonly ReportFinding[], id: string, t: ReportText): string {
  const items = findings.slice(0, MAX_LISTED).map((f) => {
    const related = (f.related ?? []).map((r) => `<li>↳ <span class="loc">${h(r.file ?? f.file)}:${r.range.start.line}</span>${h(r.message)}</li>`).join('');
    return `<li class="${f.severity}"><span class="pill ${f.severity}">${h(t.severity[f.severity])}</span><span class="loc">${h(f.file)}:${f.range.start.line}</span>${h(f.message)} <span class="code">${h(f.ruleId)}</span>${related ? `<ul class="related">${related}</ul>` : ''}</li>`;
  });
  const more = findings.length > MAX_LISTED ? `<p class="note">${h(t.more(findings.length - MAX_LISTED))}</p>` : '';
  return `<section class="district-findings" id="${id}"><h3>${h(t.districtHeading(d.name, d.code, d.year))}</h3><ol class="findings">${items.join('')}</ol>${more}</section>`;
}

function looseFiles(data: ReportData, t: ReportText): string {
  const items = data.loose.map((l) => `<li><span class="loc">${h(l.file)}</span>${h(l.findings[0]?.message ?? '')}${l.findings.length > 1 ? ` (+${l.findings.length - 1})` : ''}</li>`);
  return `<section class="panel" id="loose"><h2>${h(t.loose)}</h2><p class="note">${h(t.looseNote)}</p><ol class="findings">${items.join('')}</ol></section>`;
}

function normSection(tally: NormTally, norm: Norm | undefined, locale: Locale, t: ReportText): string {
  const title = norm ? norm.title[locale] : FORMAT_NAME[locale];
  const severity = norm?.severity;
  const badge = tally.total === 0 ? `<span class="pill ok">✓ ${h(t.allMet)}</span>` : severity ? `<span class="pill ${severity}">${h(t.severity[severity])}</span>` : '';
  const quote = norm?.citation
    ? `<blockquote>“${h(norm.citation.quote)}”<cite>${h(t.source(norm.citation.document, norm.citation.section))}</cite></blockquote>`
    : `<p class="note">${h(t.formatNote)}</p>`;
  let list = '';
  if (tally.total > 0) {
    const items = tally.findings
      .slice(0, MAX_LISTED)
      .map(({ unit, finding: f }) => `<li class="${f.severity}"><b>${h(unit.name)}</b> <span class="code">${h(unit.code)}</span><span class="loc">${h(f.file)}:${f.range.start.line}</span>${h(f.message)}</li>`);
    const more = tally.total > MAX_LISTED ? `<p class="note">${h(t.more(tally.total - MAX_LISTED))}</p>` : '';
    list = `<details${tally.total <= 10 ? ' open' : ''}><summary>${h(t.showFindings(tally.total))}</summary><ol class="findings">${items.join('')}</ol>${more}</details>`;
  }
  const meta = `${norm ? `${h(norm.id)} · ` : ''}${h(t.normMeta(tally.units, tally.total, unitOf(norm)))}`;
  return `<section class="norm" id="norm-${h(tally.id)}"><h3>${h(title)} ${badge}</h3><p class="meta">${meta}</p>${quote}${list}</section>`;
}

function normSections(data: ReportData, figures: ReportFigures, locale: Locale, t: ReportText): string {
  const failing = withFindings(figures);
  const met = [...figures.norms.values()].filter((n) => n.total === 0);
  const sections = [...failing, ...met].map((tally) => normSection(tally, data.norms.find((n) => n.id === tally.id), locale, t));
  return `<section id="norms"><h2>${h(t.norms)}</h2>${sections.join('\n')}</section>`;
}
