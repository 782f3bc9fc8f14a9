import type { Finding, Locale, Severity } from '@edunorm/core';
import type { ImportProblem } from './import-problem.js';

/** A finding of the output's check, with the sheet cell it came from when known. */
export interface LocatedFinding {
  finding: Finding;
  cell?: string;
}

export interface ImportOutcome {
  source: string;
  sheet: string;
  output: string;
  /** Records read from the table, for kinds that have one. */
  records?: { count: number; noun: { 'zh-CN': string; en: string } };
  problems: readonly ImportProblem[];
  findings: readonly LocatedFinding[];
}

const WORDS = {
  'zh-CN': { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info' },
} as const;

const paint = (on: boolean, code: string) => (s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);
/** Terminal width of a string: CJK characters take two columns. */
const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1), 0);
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));

/** Stylish-like text: the sheet's problems by cell, then the output's findings by line (and cell). */
export function formatImport(outcome: ImportOutcome, locale: Locale, color: boolean): string {
  const dim = paint(color, '2');
  const bold = paint(color, '1');
  const underline = paint(color, '4');
  const tint = (s: Severity) => paint(color, s === 'error' ? '31' : s === 'warning' ? '33' : '36');
  const w = WORDS[locale];
  const lines: string[] = [];
  const section = (title: string, rows: { where: string; severity: Severity; message: string; id: string }[]) => {
    if (!rows.length) return;
    lines.push(underline(title));
    const whereW = Math.max(...rows.map((r) => width(r.where)));
    const sevW = Math.max(...rows.map((r) => width(w[r.severity])));
    for (const r of rows) lines.push(`  ${dim(pad(r.where, whereW))}  ${tint(r.severity)(pad(w[r.severity], sevW))}  ${r.message}  ${dim(r.id)}`);
    lines.push('');
  };
  section(
    locale === 'zh-CN' ? `${outcome.source}(工作表“${outcome.sheet}”)` : `${outcome.source} (sheet "${outcome.sheet}")`,
    outcome.problems.map((p) => ({ where: p.cell, severity: p.severity, message: p.message[locale], id: p.ruleId })),
  );
  // Line:column and cell in two aligned columns.
  const posW = Math.max(0, ...outcome.findings.map(({ finding: f }) => `${f.range.start.line}:${f.range.start.column}`.length));
  section(
    outcome.output,
    outcome.findings.map(({ finding: f, cell }) => ({
      where: `${pad(`${f.range.start.line}:${f.range.start.column}`, posW)}  ${cell ?? ''}`,
      severity: f.severity,
      message: f.message,
      id: f.ruleId,
    })),
  );
  const all = [...outcome.problems.map((p) => p.severity), ...outcome.findings.map((f) => f.finding.severity)];
  const count = (s: Severity) => all.filter((x) => x === s).length;
  const [e, wn, i] = [count('error'), count('warning'), count('info')];
  const r = outcome.records;
  const written =
    locale === 'zh-CN'
      ? `已写入 ${outcome.output}${r ? `:${r.count} 条${r.noun['zh-CN']}` : ''}`
      : `Wrote ${outcome.output}${r ? `: ${r.count} ${r.noun.en}` : ''}`;
  if (all.length === 0) lines.push(bold(`✔ ${written}${locale === 'zh-CN' ? ',检查全部通过' : ', all checks pass'}`));
  else {
    const tally = locale === 'zh-CN' ? `${all.length} 个问题(${e} 个错误,${wn} 个警告,${i} 个提示)` : `${all.length} problem(s) (${e} error(s), ${wn} warning(s), ${i} info)`;
    lines.push(`${e ? tint('error')('✖') : tint('warning')('⚠')} ${bold(`${written}${locale === 'zh-CN' ? ';' : '; '}${tally}`)}`);
  }
  return `${lines.join('\n')}\n`;
}
