// The whole-string formatter of commit cfc763c (before output streamed), kept only as the oracle of tests/cli-streaming.test.ts.
import { summarize, type FileReport } from '../../../packages/cli/src/file-report.js';

/** Machine-readable output: every checked file with its findings (1-based lines and columns). */
export function formatJson(reports: readonly FileReport[], version: string): string {
  // Skipped (non-edunorm) files are counted in the summary, not listed.
  const files = reports.filter((r) => r.isEdunorm).map((r) => ({
    path: r.file.relative,
    findings: r.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      line: f.range.start.line,
      column: f.range.start.column,
      endLine: f.range.end.line,
      endColumn: f.range.end.column,
      documentIndex: f.documentIndex,
      path: f.path,
      ...(f.outcome ? { outcome: f.outcome } : {}),
      ...(f.figures ? { figures: f.figures } : {}),
      ...(f.citation ? { citation: f.citation } : {}),
      ...(f.related?.length
        ? {
            // Every related location names its file (findings across documents point into others).
            related: f.related.map((rel) => ({
              file: rel.file ?? r.file.relative,
              line: rel.range.start.line,
              column: rel.range.start.column,
              endLine: rel.range.end.line,
              endColumn: rel.range.end.column,
              path: rel.path,
              message: rel.message,
            })),
          }
        : {}),
      ...(f.fix ? { fix: { newText: f.fix.newText, line: f.fix.range.start.line, column: f.fix.range.start.column, endLine: f.fix.range.end.line, endColumn: f.fix.range.end.column } } : {}),
    })),
  }));
  return `${JSON.stringify({ tool: 'edunorm', version, summary: summarize(reports), files }, null, 2)}\n`;
}
