/** Builds the result view: a summary, then each finding beside its line, with the plan's sentence and the fix. */
import type { Finding, Locale, Severity } from '@edunorm/core';
import { TextPositions, visibleControls } from '@edunorm/core/internal';
import type { Outcome } from './check-input.js';
import { h } from './dom.js';
import { UI } from './ui-text.js';

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

export function countBySeverity(outcomes: readonly Outcome[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const o of outcomes) {
    for (const f of o.result?.findings ?? []) counts[f.severity]++;
    for (const p of o.sheetProblems ?? []) counts[p.severity]++;
  }
  return counts;
}

export function renderSummary(outcomes: readonly Outcome[], locale: Locale): HTMLElement {
  const t = UI[locale];
  const counts = countBySeverity(outcomes);
  const total = counts.error + counts.warning + counts.info;
  const notChecked = outcomes.filter((o) => o.error || (o.result && !o.result.isEdunorm));
  const unchecked = notChecked.length;
  const pasted = unchecked > 0 && notChecked.every((o) => o.pasted);
  if (total === 0 && !unchecked) {
    return h('div', { id: 'summary', class: 'summary ok', role: 'status', 'data-total': 0 }, h('span', { class: 'icon', 'aria-hidden': 'true' }, '✓'), h('div', {}, h('strong', {}, t.allClear), h('span', { class: 'detail' }, t.allClearDetail)));
  }
  const cls = counts.error > 0 || unchecked ? 'bad' : 'warn';
  return h(
    'div',
    { id: 'summary', class: `summary ${cls}`, role: 'status', 'data-total': total, 'data-errors': counts.error, 'data-warnings': counts.warning, 'data-infos': counts.info },
    h('span', { class: 'icon', 'aria-hidden': 'true' }, counts.error > 0 || unchecked ? '✗' : '!'),
    h('div', {}, h('strong', {}, total > 0 ? t.found(total, counts) : t.notChecked(unchecked, pasted)), total > 0 && unchecked ? h('span', { class: 'detail' }, t.notChecked(unchecked, pasted)) : null),
  );
}

/**
 * What checking the files of one drop together could not do, said under the summary: a district's
 * norms counted only the schools dropped with it, and a dropped edunorm.config.yaml was not applied
 * (the page checks with the built-in rules). Null when neither applies.
 */
export function renderScopeNote(outcomes: readonly Outcome[], locale: Locale): HTMLElement | null {
  const t = UI[locale];
  const district = outcomes.some((o) => o.result?.isEdunorm && o.result.documents.some((d) => d.kind === 'DistrictIndicators'));
  const config = outcomes.some((o) => o.result?.fileKind === 'config');
  if (!district && !config) return null;
  return h('div', { id: 'scope-note', class: 'scope-note', role: 'note' }, ...(district ? [h('p', {}, t.countyScope)] : []), ...(config ? [h('p', {}, t.configNotApplied)] : []));
}

/** The finding's line (and the one above, for context) with the flagged characters marked. */
function sourceLines(positions: TextPositions, finding: Finding): HTMLElement {
  const line = finding.range.start.line;
  const pre = h('pre', { class: 'source' });
  for (let n = Math.max(1, line - 1); n <= line; n++) {
    const start = positions.lineStart(n);
    const end = positions.lineEnd(n);
    const text = positions.text.slice(start, end);
    const row = h('span', { class: n === line ? 'src-line flagged' : 'src-line' }, h('span', { class: 'ln', 'aria-hidden': 'true' }, String(n)));
    if (n === line) {
      const from = Math.max(0, Math.min(text.length, finding.range.start.offset - start));
      const to = finding.range.end.line === line ? Math.max(from, Math.min(text.length, finding.range.end.offset - start)) : text.length;
      // Cut at the offsets first, then made visible: the mark stays on the characters the finding names.
      row.append(visibleControls(text.slice(0, from)), h('mark', {}, visibleControls(text.slice(from, to)) || ' '), visibleControls(text.slice(to)));
    } else row.append(visibleControls(text));
    pre.append(row, '\n');
  }
  return pre;
}

/** `ownFile`: the finding's file among those checked together (a related location in another one names it). */
function findingItem(finding: Finding, positions: TextPositions | undefined, cell: string | undefined, locale: Locale, ownFile?: string): HTMLElement {
  const t = UI[locale];
  const { line, column } = finding.range.start;
  const c = finding.citation;
  return h(
    'li',
    { class: `finding sev-${finding.severity}`, 'data-rule-id': finding.ruleId, 'data-line': line, 'data-column': column, 'data-severity': finding.severity },
    h('div', { class: 'finding-head' }, h('span', { class: 'badge' }, t.severity[finding.severity]), h('span', { class: 'where' }, t.lineCol(line, column)), cell ? h('span', { class: 'cell' }, t.cell(cell)) : null),
    positions ? sourceLines(positions, finding) : null,
    h('p', { class: 'message' }, visibleControls(finding.message)),
    // Where the figures of the target come from (the CLI's “↳ line:column” lines).
    finding.related?.length
      ? h(
          'ul',
          { class: 'related' },
          ...finding.related.map((r) => {
            // A location in another of the files checked together (a school's, for a district's finding) names that file.
            const other = r.file !== undefined && r.file !== ownFile ? r.file : undefined;
            return h(
              'li',
              { 'data-line': r.range.start.line, 'data-column': r.range.start.column, ...(other ? { 'data-file': other } : {}) },
              `↳ ${other ? `${visibleControls(other)}${locale === 'zh-CN' ? ' ' : ', '}` : ''}${t.lineCol(r.range.start.line, r.range.start.column)}${locale === 'zh-CN' ? ':' : ': '}${visibleControls(r.message)}`,
            );
          }),
        )
      : null,
    finding.fix ? h('p', { class: 'fix' }, h('strong', {}, `${t.fix}:`), finding.fix.title[locale]) : null,
    c ? h('blockquote', { class: 'citation' }, h('strong', {}, `${t.citation}:`), `《${c.document}》${c.section}:“${c.quote}”`) : null,
    h('p', { class: 'rule' }, `${t.rule} `, h('code', {}, finding.ruleId)),
  );
}

export function renderOutcome(outcome: Outcome, locale: Locale): HTMLElement {
  const t = UI[locale];
  // User text (a file name, names quoted in messages) is shown with its invisible controls
  // written visibly (core's visibleControls, as the CLI does): a bidi override in a name would
  // otherwise turn the figures after it around on screen.
  // Named as among the files checked together (a second `staffing-2025.yaml` is `staffing-2025.yaml (2)`).
  const name = outcome.key ?? outcome.name;
  const section = h('section', { class: 'file', 'data-file': name }, h('h2', {}, visibleControls(name)));
  if (outcome.error) {
    section.append(h('p', { class: 'file-error', role: 'alert' }, `${t.readError}:${locale === 'zh-CN' ? '' : ' '}${outcome.error[locale]}`));
    return section;
  }
  const result = outcome.result!;
  if (!result.isEdunorm) {
    // A configuration file is ours, but no submission: said as what it is, not "not edunorm".
    section.append(h('p', { class: 'file-error' }, result.fileKind === 'config' ? t.configFile : outcome.pasted ? t.notEdunormPasted : t.notEdunorm));
    return section;
  }
  section.append(h('p', { class: 'file-meta', 'data-ms': outcome.ms }, t.documents(result.documents.length, outcome.ms)));
  if (outcome.sheetProblems?.length) {
    section.append(
      h('h3', {}, t.sheetProblem),
      h(
        'ul',
        { class: 'findings sheet-problems' },
        ...outcome.sheetProblems.map((p) =>
          h('li', { class: `finding sev-${p.severity}`, 'data-rule-id': p.ruleId, 'data-cell': p.cell }, h('div', { class: 'finding-head' }, h('span', { class: 'badge' }, t.severity[p.severity]), h('span', { class: 'cell' }, t.cell(p.cell))), h('p', { class: 'message' }, visibleControls(p.message[locale])), h('p', { class: 'rule' }, `${t.rule} `, h('code', {}, p.ruleId))),
        ),
      ),
    );
  }
  const positions = outcome.text !== undefined ? new TextPositions(outcome.text) : undefined;
  if (result.findings.length) {
    section.append(h('ol', { class: 'findings' }, ...result.findings.map((f) => findingItem(f, positions, outcome.cells?.get(f), locale, name))));
  }
  if (outcome.generated && outcome.text !== undefined) {
    section.append(h('details', { class: 'generated' }, h('summary', {}, t.generated), h('pre', { class: 'yaml' }, outcome.text.split('\n').map(visibleControls).join('\n'))));
  }
  return section;
}

export { SEVERITIES };
