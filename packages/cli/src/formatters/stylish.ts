import type { FileReport } from '../file-report.js';
import { guardLines, safeText } from '../safe-text.js';
import { relatedLines } from './related.js';
import type { ReportWriter, WriteContext } from './writer.js';

const paint = (on: boolean, code: string) => (s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

/** Display width of a string: CJK characters take two columns in a terminal. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));

const WORDS = {
  'zh-CN': { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

/**
 * ESLint-style text: findings grouped by file as `line:col  severity  message  rule-id`, then a
 * summary. Columns are aligned within a file, so a file is written whole, never across files.
 */
export function openStylish(context: WriteContext): ReportWriter {
  const color = context.color;
  const bold = paint(color, '1');
  const dim = paint(color, '2');
  const red = paint(color, '31');
  const yellow = paint(color, '33');
  const blue = paint(color, '36');
  const underline = paint(color, '4');
  const w = WORDS[context.locale];
  const file = (report: FileReport): string => {
    if (report.findings.length === 0) return '';
    const lines: string[] = [underline(safeText(report.file.relative))];
    const rows = report.findings.map((f) => ({
      pos: `${f.range.start.line}:${f.range.start.column}`,
      sev: f.severity,
      msg: safeText(f.message),
      id: safeText(f.ruleId),
      related: relatedLines(f, report.file.relative).map(safeText),
    }));
    // reduce, not Math.max(...): a file may have more findings than a call has arguments.
    const posW = rows.reduce((m, r) => Math.max(m, r.pos.length), 0);
    const sevW = rows.reduce((m, r) => Math.max(m, width(w[r.sev])), 0);
    for (const r of rows) {
      const paintSeverity = r.sev === 'error' ? red : r.sev === 'warning' ? yellow : blue;
      lines.push(`  ${dim(pad(r.pos, posW))}  ${paintSeverity(pad(w[r.sev], sevW))}  ${r.msg}  ${dim(r.id)}`);
      // Related locations (in this or another file), one per line under the finding.
      for (const rel of r.related) lines.push(`  ${' '.repeat(posW)}  ${dim(`↳ ${rel}`)}`);
    }
    lines.push('');
    // guardLines: no line of the output may begin as a workflow command (safe-text.ts).
    return guardLines(`${lines.join('\n')}\n`);
  };
  const end = (): string => {
    const s = context.outline.summary;
    const total = s.errors + s.warnings + s.infos;
    const h = context.hidden && context.hidden.warnings + context.hidden.infos > 0 ? context.hidden : undefined;
    let summary: string;
    if (context.locale === 'zh-CN') {
      const scope = `检查了 ${s.checked} 个文件${s.skipped ? `,跳过 ${s.skipped} 个非 edunorm 文件` : ''}${h ? `;--quiet 未显示 ${h.warnings} 个警告、${h.infos} 个提示` : ''}`;
      summary = total === 0 ? (h ? `没有错误(${scope})` : `✔ 全部符合要求(${scope})`) : `${total} 个问题(${s.errors} 个错误,${s.warnings} 个警告,${s.infos} 个提示);${scope}`;
    } else {
      const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
      const scope = `${plural(s.checked, 'file')} checked${s.skipped ? `, ${s.skipped} non-edunorm skipped` : ''}${h ? `; ${plural(h.warnings, 'warning')} and ${h.infos} info not shown (--quiet)` : ''}`;
      summary =
        total === 0
          ? h
            ? `no errors (${scope})`
            : `✔ all clear (${scope})`
          : `${plural(total, 'problem')} (${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${s.infos} info); ${scope}`;
    }
    // Hidden warnings are not a clean run (they may exceed --max-warnings): ⚠, never ✔.
    const line = total > 0 ? `${s.errors ? red('✖') : yellow('⚠')} ${bold(summary)}` : h ? `${h.warnings ? yellow('⚠') : '✔'} ${bold(summary)}` : bold(summary);
    return guardLines(`${line}\n`);
  };
  return { start: () => '', file, end };
}
