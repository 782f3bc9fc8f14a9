import { locateNode, type NodePart } from './locate.js';
import { pick } from './messages/format.js';
import type { ParsedDocument, ParsedFile, Span } from './parse/parse-yaml.js';
import { formatPath, type PathSegment } from './path.js';
import type { Finding, Locale, LocalizedText, Position, Range, RelatedLocation, Severity } from './types.js';

export interface FindingInput {
  ruleId: string;
  severity: Severity;
  /** Both languages, or already in the factory's language (a rule's message, filled for it alone). */
  message: LocalizedText | string;
  path: readonly PathSegment[];
  part?: NodePart;
  /** An explicit span, when the finding is about text rather than a node (syntax errors). */
  span?: Span;
  fix?: { title: LocalizedText; newText: string; span?: Span };
  figures?: Finding['figures'];
  related?: { path: readonly PathSegment[]; message: LocalizedText | string }[];
  citation?: Finding['citation'];
  outcome?: string;
}

/**
 * A finding made for an item of one record of a list, and where that record's value began
 * then (its offset and line), for `makeInRecord` to move instead of locating again.
 */
export interface RecordFinding {
  finding: Finding;
  list: PathSegment;
  index: number;
  start: number;
  line: number;
  /** Where that line began. */
  lineStart: number;
}

/** The finding with every position moved by `offset` characters and `lines` lines (columns stay). */
function moveFinding(f: Finding, offset: number, lines: number): Finding {
  const at = (p: Position): Position => ({ line: p.line + lines, column: p.column, offset: p.offset + offset });
  const range = (r: Range): Range => ({ start: at(r.start), end: at(r.end) });
  const out: Finding = { ...f, range: range(f.range) };
  if (f.fix) out.fix = { ...f.fix, range: range(f.fix.range) };
  if (f.related) out.related = f.related.map((r) => ({ ...r, range: range(r.range) }));
  return out;
}

/** Whether every position of the finding lies in [start, end] (its record's value). */
function inside(f: Finding, start: number, end: number): boolean {
  const fits = (r: Range) => r.start.offset >= start && r.end.offset <= end;
  return fits(f.range) && (!f.fix || fits(f.fix.range)) && (f.related ?? []).every((r) => r.file === undefined && fits(r.range));
}

/** Turns located, bilingual finding inputs into public findings for one document. */
export class FindingFactory {
  constructor(
    readonly file: ParsedFile,
    readonly doc: ParsedDocument,
    readonly locale: Locale,
  ) {}

  make(input: FindingInput): Finding {
    const { file, doc, locale } = this;
    let range;
    let span: Span;
    if (input.span) {
      span = input.span;
      range = file.positions.range(span[0], span[1]);
    } else {
      const located = locateNode(file, doc, input.path, input.part ?? 'value');
      span = located.span;
      range = located.range;
    }
    const finding: Finding = {
      ruleId: input.ruleId,
      severity: input.severity,
      message: typeof input.message === 'string' ? input.message : pick(input.message, locale),
      range,
      documentIndex: doc.index,
      path: formatPath(input.path),
    };
    if (input.outcome) finding.outcome = input.outcome;
    if (input.citation) finding.citation = input.citation;
    if (input.figures) finding.figures = input.figures;
    if (input.fix) {
      const fixSpan = input.fix.span ?? span;
      finding.fix = { title: input.fix.title, newText: input.fix.newText, range: file.positions.range(fixSpan[0], fixSpan[1]) };
    }
    if (input.related?.length) {
      finding.related = input.related.map((r): RelatedLocation => {
        const loc = locateNode(file, doc, r.path, 'value');
        return { path: formatPath(r.path), range: loc.range, message: typeof r.message === 'string' ? r.message : pick(r.message, locale) };
      });
    }
    return finding;
  }

  /**
   * `make` for an input about one record of a list (`path` = [list, index, …]) that is kept
   * from check to check while the record object is the same one (RuleSet.evaluate's reuse):
   * `before`, what this gave for it last time, is given back as it was when its record has not
   * moved, moved with it when it has, and made afresh otherwise.
   *
   * Why moving is enough: the same record object was not read again, so its text is what it
   * was, and a record of a list the incremental parse re-reads begins a line (parse/
   * incremental-parse.ts), so it moved by whole lines and its columns are the same. Only a
   * finding all of whose positions lie inside its record's value is remembered.
   */
  makeInRecord(input: FindingInput, before: RecordFinding | undefined): RecordFinding | Finding {
    const [list, index] = input.path;
    if (input.span || typeof index !== 'number' || list === undefined) return this.make(input);
    const value = this.doc.itemSpan?.(list, index) ?? this.recordValue(list, index);
    if (!value) return this.make(input);
    const start = value[0];
    if (before && before.list === list && before.index === index) {
      // Where it was, on the line it was on (that line still starts where it did): not moved.
      if (before.start === start && this.file.positions.lineStart(before.line) === before.lineStart) return before;
      const { line, lineStart } = this.lineOf(start);
      return { finding: moveFinding(before.finding, start - before.start, line - before.line), list, index, start, line, lineStart };
    }
    const finding = this.make(input);
    return inside(finding, start, value[1]) ? { finding, list, index, start, ...this.lineOf(start) } : finding;
  }

  /** The line an offset is on, and where that line starts. */
  private lineOf(offset: number): { line: number; lineStart: number } {
    const at = this.file.positions.position(offset);
    return { line: at.line, lineStart: offset - (at.column - 1) };
  }

  private recordValue(list: PathSegment, index: number): Span | undefined {
    const { path: found, location } = this.doc.locate([list, index]);
    return found.length === 2 ? location.value : undefined;
  }

  /** Source text of the node at a path (value part), or undefined when absent. */
  sourceText(path: readonly PathSegment[]): { text: string; span: Span } | undefined {
    const { path: found, location } = this.doc.locate(path);
    if (found.length !== path.length || !location.value) return undefined;
    return { text: this.file.text.slice(location.value[0], location.value[1]), span: location.value };
  }

  keySpan(path: readonly PathSegment[]): Span | undefined {
    const { path: found, location } = this.doc.locate(path);
    return found.length === path.length ? location.key : undefined;
  }
}
