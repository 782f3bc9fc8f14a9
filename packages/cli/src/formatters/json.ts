import type { FileReport } from '../file-report.js';
import type { ReportWriter, WriteContext } from './writer.js';
import { renderedJson } from '../rendered.js';

/** What a file's element is made of: its relative path and its findings. */
type FileElementInput = { file: Pick<FileReport['file'], 'relative'>; findings: FileReport['findings'] };

/** One checked file as the JSON output lists it (1-based lines and columns). */
function fileEntry(r: FileElementInput) {
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
 * `JSON.stringify(whole, null, 2)` gives: `indent` is the elements' depth in spaces (even, as
 * two-space indentation makes it). The element is stringified inside `indent / 2` arrays, which
 * puts it at that depth, and cut out of them: the engine indents it, no pass over its text
 * does (the bulk of a large run's JSON and SARIF output is these elements).
 */
export class JsonArrayWriter {
  private count = 0;
  private readonly depth: number;
  /** Characters of the wrapping arrays before and after the element. */
  private readonly head: number;
  private readonly tail: number;

  constructor(private readonly indent: number) {
    if (indent % 2 !== 0 || indent < 0) throw new Error(`JsonArrayWriter: indent ${indent} is not a depth of two-space indentation`);
    this.depth = indent / 2;
    // `[\n` at 0, 2, … spaces before, `\n]` at …, 2, 0 spaces after: Σ (2k + 2) for k < depth
    // characters each side; before the element also its own indentation.
    const wrap = this.depth * (this.depth + 1);
    this.head = wrap + indent;
    this.tail = wrap;
  }

  /** `,` (after the first), a line break, the element at its depth. */
  element(value: unknown): string {
    return this.elementText(this.text(value));
  }

  /** The element's own text at this depth (its first line unindented): what `element` writes after its line break. */
  text(value: unknown): string {
    let wrapped = value;
    for (let k = 0; k < this.depth; k++) wrapped = [wrapped];
    const text = JSON.stringify(wrapped, null, 2);
    return text.slice(this.head, text.length - this.tail);
  }

  /** `element` for a text `text` made at this depth (here, or by an earlier run and kept as UTF-8 bytes: see rendered.ts). */
  elementText(text: string): string;
  elementText(text: Uint8Array): [string, Uint8Array];
  elementText(text: string | Uint8Array): string | [string, Uint8Array] {
    const before = `${this.count++ ? ',' : ''}\n${' '.repeat(this.indent)}`;
    // Bytes stay as they are, beside the separator (the writer copies them into its chunk once).
    return typeof text === 'string' ? `${before}${text}` : [before, text];
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

/** The depth of a file's element in the JSON output (`files` at 2). */
const FILE_DEPTH = 4;
const fileText = new JsonArrayWriter(FILE_DEPTH);

/**
 * A checked file's element of the JSON output, as `openJson` writes it after its line break
 * and indentation: what `--cache` keeps beside a file's result for the next run (rendered.ts).
 */
export function renderJsonFile(r: FileElementInput): string {
  return fileText.text(fileEntry(r));
}

/** Machine-readable output: every checked file with its findings; the summary comes first. */
export function openJson(context: WriteContext): ReportWriter {
  // Skipped (non-edunorm) files are counted in the summary, not listed.
  const { head, tail } = splitAtArray({ tool: 'edunorm', version: context.version, summary: context.outline.summary, files: [] }, 'files', 2);
  const files = new JsonArrayWriter(FILE_DEPTH);
  return {
    start: () => head,
    // A report read back with its element already rendered (a cache hit untouched since) is not rendered again.
    file: (r) => {
      if (!r.isEdunorm) return '';
      const rendered = renderedJson.get(r);
      return rendered ? files.elementText(rendered) : files.elementText(renderJsonFile(r));
    },
    end: () => `${files.close()}${tail}\n`,
  };
}
