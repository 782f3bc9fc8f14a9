import type { FileReport } from '../file-report.js';
import type { ReportWriter, WriteContext } from './writer.js';

/** One checked file as the JSON output lists it (1-based lines and columns). */
function fileEntry(r: FileReport) {
  return {
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
  };
}

/**
 * Writes the elements of a JSON array one at a time, with exactly the bytes
 * `JSON.stringify(whole, null, 2)` gives: `indent` is the elements' depth in spaces. JSON text
 * holds no raw line break inside a string, so indenting every line of an element is exact.
 */
export class JsonArrayWriter {
  private count = 0;
  constructor(private readonly indent: number) {}

  /** `,` (after the first), a line break, the element at its depth. */
  element(value: unknown): string {
    const pad = ' '.repeat(this.indent);
    const text = `${this.count++ ? ',' : ''}\n${pad}${JSON.stringify(value, null, 2).replace(/\n/g, `\n${pad}`)}`;
    return text;
  }

  /** The closing bracket: on its own line after elements, right after `[` when there were none. */
  close(): string {
    return this.count ? `\n${' '.repeat(this.indent - 2)}]` : ']';
  }
}

/**
 * Splits `JSON.stringify(document, null, 2)` at an empty array the document holds under `key`
 * at `indent` spaces: the text up to and including its `[`, and the text after its `]`. The
 * array is written in between by a JsonArrayWriter. A key inside a JSON string has its quotes
 * escaped, so the match is the document's own key; it must occur exactly once.
 */
export function splitAtArray(document: unknown, key: string, indent: number): { head: string; tail: string } {
  const text = JSON.stringify(document, null, 2);
  const mark = `\n${' '.repeat(indent)}${JSON.stringify(key)}: []`;
  const at = text.indexOf(mark);
  if (at < 0 || text.indexOf(mark, at + 1) >= 0) throw new Error(`expected one empty array "${key}" at depth ${indent}`);
  return { head: text.slice(0, at + mark.length - 1), tail: text.slice(at + mark.length) };
}

/** Machine-readable output: every checked file with its findings; the summary comes first. */
export function openJson(context: WriteContext): ReportWriter {
  // Skipped (non-edunorm) files are counted in the summary, not listed.
  const { head, tail } = splitAtArray({ tool: 'edunorm', version: context.version, summary: context.outline.summary, files: [] }, 'files', 2);
  const files = new JsonArrayWriter(4);
  return {
    start: () => head,
    file: (r) => (r.isEdunorm ? files.element(fileEntry(r)) : ''),
    end: () => `${files.close()}${tail}\n`,
  };
}
