// The whole-string formatter of commit cfc763c (before output streamed), kept only as the oracle of tests/cli-streaming.test.ts.
import type { Locale, Severity } from '@edunorm/core';
import { summarize, type FileReport } from '../../../packages/cli/src/file-report.js';
import { safeText } from '../../../packages/cli/src/safe-text.js';
import { relatedLines } from '../../../packages/cli/src/formatters/related.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Message data of a workflow command: `%`, CR and LF are encoded (@actions/core's escapeData). */
export function escapeCommandData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values additionally encode `:` and `,`, which would end the value (escapeProperty). */
export function escapeCommandProperty(s: string): string {
  return escapeCommandData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions workflow commands: each finding becomes an annotation on the pull request's
 * diff (`::error file=…,line=…::message`; infos are notices). Paths are relative to the working
 * folder, so run the check from the repository root. GitHub shows a limited number of
 * annotations per step; upload SARIF as well to see every finding in code scanning.
 *
 * Text from the user's file is made safe first (safe-text.ts: no control character reaches
 * the log, where the viewer would interpret ESC sequences), then encoded as @actions/core
 * does. `col`/`endColumn` are given only for a finding on one line: @actions/core documents
 * columns as ignored (and the runner rejects them) when `line` and `endLine` differ.
 */
export function formatGithub(reports: readonly FileReport[], locale: Locale): string {
  const lines: string[] = [];
  for (const report of reports) {
    for (const f of report.findings) {
      const oneLine = f.range.start.line === f.range.end.line;
      const props = [
        // Changed since cfc763c with the streaming writer (outside review, seventh stop): the file
        // property as @actions/core encodes it, made safe only when it holds another control.
        `file=${escapeCommandProperty(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(report.file.relative) ? safeText(report.file.relative) : report.file.relative)}`,
        `line=${f.range.start.line}`,
        ...(oneLine ? [`col=${f.range.start.column}`] : []),
        `endLine=${f.range.end.line}`,
        ...(oneLine ? [`endColumn=${f.range.end.column}`] : []),
        `title=${escapeCommandProperty(safeText(f.ruleId))}`,
      ];
      // Related locations (other files of the county) follow the message, one per line.
      const message = [f.message, ...relatedLines(f, report.file.relative, true).map((l) => `↳ ${l}`)].map(safeText).join('\n');
      lines.push(`::${COMMAND[f.severity]} ${props.join(',')}::${escapeCommandData(message)}`);
    }
  }
  // A plain line (not a command) for the job log.
  const s = summarize(reports);
  lines.push(
    locale === 'zh-CN'
      ? `edunorm: ${s.errors} 个错误,${s.warnings} 个警告,${s.infos} 个提示(检查了 ${s.checked} 个文件)`
      : `edunorm: ${s.errors} error(s), ${s.warnings} warning(s), ${s.infos} info (${s.checked} file(s) checked)`,
  );
  return `${lines.join('\n')}\n`;
}
