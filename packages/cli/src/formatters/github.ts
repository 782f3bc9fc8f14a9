import type { Severity } from '@edunorm/core';
import type { FileReport } from '../file-report.js';
import { safeText } from '../safe-text.js';
import { relatedLines } from './related.js';
import type { ReportWriter, WriteContext } from './writer.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Message data of a workflow command: `%`, CR and LF are encoded (@actions/core's escapeData). */
export function escapeCommandData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values additionally encode `:` and `,`, which would end the value (escapeProperty). */
export function escapeCommandProperty(s: string): string {
  return escapeCommandData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Controls other than line breaks and tabs: a file name holding one is shown made safe (safeText), not as it is. */
const OTHER_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/**
 * The `file` property as @actions/core writes it (escapeProperty alone), so that the runner
 * decodes it back to the file's very name — `::x.yaml` or a name with a line break included:
 * made safe first (`\x3a:x.yaml`, `a\nb.yaml`), the annotation named a file that does not exist.
 * A property never begins a line, and CR, LF, `:` and `,` are encoded, so nothing in it can
 * start or end a command. A name with another control (ESC…) keeps safeText's visible form.
 */
function fileProperty(relative: string): string {
  return escapeCommandProperty(OTHER_CONTROLS.test(relative) ? safeText(relative) : relative);
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
export function openGithub(context: WriteContext): ReportWriter {
  const file = (report: FileReport): string => {
    let out = '';
    for (const f of report.findings) {
      const oneLine = f.range.start.line === f.range.end.line;
      const props = [
        `file=${fileProperty(report.file.relative)}`,
        `line=${f.range.start.line}`,
        ...(oneLine ? [`col=${f.range.start.column}`] : []),
        `endLine=${f.range.end.line}`,
        ...(oneLine ? [`endColumn=${f.range.end.column}`] : []),
        `title=${escapeCommandProperty(safeText(f.ruleId))}`,
      ];
      // Related locations (other files of the county) follow the message, one per line.
      const message = [f.message, ...relatedLines(f, report.file.relative, true).map((l) => `↳ ${l}`)].map(safeText).join('\n');
      out += `::${COMMAND[f.severity]} ${props.join(',')}::${escapeCommandData(message)}\n`;
    }
    return out;
  };
  // A plain line (not a command) for the job log.
  const end = (): string => {
    const s = context.outline.summary;
    return context.locale === 'zh-CN'
      ? `edunorm: ${s.errors} 个错误,${s.warnings} 个警告,${s.infos} 个提示(检查了 ${s.checked} 个文件)\n`
      : `edunorm: ${s.errors} error(s), ${s.warnings} warning(s), ${s.infos} info (${s.checked} file(s) checked)\n`;
  };
  return { start: () => '', file, end };
}
