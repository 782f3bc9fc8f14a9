import { relatedLines } from './related.js';
import type { Severity } from '@edunorm/core';
import type { FileReport } from '../file-report.js';
import type { QuietHidden, ReportWriter, WriteContext } from './writer.js';
import { ruleDocUrl } from '@edunorm/core/internal';
import { safeText } from '../safe-text.js';

/** More rows than this are folded into <details>, so a PR comment stays short to scroll past. */
export const COLLAPSE_ABOVE_ROWS = 20;
/** GitHub refuses comments over 65,536 characters; stop well before that. */
export const MAX_ROWS = 300;

const ICON: Record<Severity, string> = { error: '❌', warning: '⚠️', info: 'ℹ️' };

const WORDS = {
  'zh-CN': {
    header: ['文件', '位置', '级别', '规则', '说明'],
    severity: { error: '错误', warning: '警告', info: '提示' } as Record<Severity, string>,
    clean: (checked: number) => `✅ **edunorm**:全部符合要求(检查了 ${checked} 个文件)`,
    noErrors: (checked: number, h: QuietHidden) => `${h.warnings ? '⚠️' : '✅'} **edunorm**:没有错误(检查了 ${checked} 个文件;--quiet 未显示 ${h.warnings} 个警告、${h.infos} 个提示)`,
    summary: (e: number, w: number, i: number, checked: number) => `${e ? '❌' : '⚠️'} **edunorm**:${e} 个错误,${w} 个警告,${i} 个提示(检查了 ${checked} 个文件)`,
    show: (n: number) => `展开 ${n} 个问题`,
    more: (n: number) => `…… 另有 ${n} 个问题未列出,完整结果见 CI 日志或 SARIF 报告。`,
  },
  en: {
    header: ['File', 'Line', 'Severity', 'Rule', 'Message'],
    severity: { error: 'error', warning: 'warning', info: 'info' } as Record<Severity, string>,
    clean: (checked: number) => `✅ **edunorm**: all clear (${checked} file(s) checked)`,
    noErrors: (checked: number, h: QuietHidden) => `${h.warnings ? '⚠️' : '✅'} **edunorm**: no errors (${checked} file(s) checked; ${h.warnings} warning(s) and ${h.infos} info not shown: --quiet)`,
    summary: (e: number, w: number, i: number, checked: number) => `${e ? '❌' : '⚠️'} **edunorm**: ${e} error(s), ${w} warning(s), ${i} info (${checked} file(s) checked)`,
    show: (n: number) => `Show ${n} finding(s)`,
    more: (n: number) => `… and ${n} more finding(s) not listed; see the CI log or the SARIF report.`,
  },
};

/**
 * Markdown that could act inside a cell: code, emphasis, links and images (`[`, `]`, `!`: with
 * the brackets escaped no `](` can form, so parentheses stay), strikethrough, math, the cell's `|`.
 */
const MARKDOWN_SYNTAX = /[\\`*_[\]!|~$]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * A table cell as literal text, whatever it holds: a name such as
 * ``<img src=x onerror=alert(1)>`` or `[x](javascript:…)`. Control characters and line breaks
 * are made visible (safe-text.ts), Markdown syntax is backslash-escaped (CommonMark allows it
 * before any ASCII punctuation, GFM tables before `|`), then `<`, `>`, `&`, `"` become
 * entities, so no HTML can open. Code spans are not relied on: a backtick is escaped like the rest.
 */
export function escapeCell(s: string): string {
  return safeText(s)
    .replace(MARKDOWN_SYNTAX, (c) => `\\${c}`)
    .replace(/[&<>"]/g, (c) => ENTITIES[c]!);
}

/**
 * A pull-request comment: a summary line and a table of findings (folded when long). Whether it
 * folds, and how many rows are left out, follow from the summary's count, so rows are written
 * as the files come and the ones past MAX_ROWS are only counted.
 */
export function openMarkdown(context: WriteContext): ReportWriter {
  const w = WORDS[context.locale];
  const s = context.outline.summary;
  const total = s.errors + s.warnings + s.infos;
  const folded = total > COLLAPSE_ABOVE_ROWS;
  let rows = 0;
  const start = (): string => {
    if (total === 0) return '';
    const summary = w.summary(s.errors, s.warnings, s.infos, s.checked);
    const table = `| ${w.header.join(' | ')} |\n| --- | --- | --- | --- | --- |`;
    // Blank lines inside <details> let GitHub render the table as Markdown.
    return folded ? `${summary}\n\n<details>\n<summary>${w.show(total)}</summary>\n\n${table}` : `${summary}\n\n${table}`;
  };
  const file = (report: FileReport): string => {
    let out = '';
    for (const f of report.findings) {
      if (rows++ >= MAX_ROWS) continue;
      const url = ruleDocUrl(f.ruleId);
      const rule = url ? `[${escapeCell(f.ruleId)}](${url})` : escapeCell(f.ruleId);
      out += `\n| ${escapeCell(report.file.relative)} | ${f.range.start.line}:${f.range.start.column} | ${ICON[f.severity]} ${w.severity[f.severity]} | ${rule} | ${escapeCell([f.message, ...relatedLines(f, report.file.relative, true).map((l) => `↳ ${l}`)].join('; '))} |`;
    }
    return out;
  };
  const end = (): string => {
    const h = context.hidden;
    if (total === 0) return `${h && h.warnings + h.infos > 0 ? w.noErrors(s.checked, h) : w.clean(s.checked)}\n`;
    const more = rows > MAX_ROWS ? `\n\n${w.more(rows - MAX_ROWS)}` : '';
    return folded ? `${more}\n\n</details>\n` : `${more}\n`;
  };
  return { start, file, end };
}
