import { locateNode, type NodePart } from './locate.js';
import { pick } from './messages/format.js';
import type { ParsedDocument, ParsedFile, Span } from './parse/parse-yaml.js';
import { formatPath, type PathSegment } from './path.js';
import type { Finding, Locale, LocalizedText, RelatedLocation, Severity } from './types.js';

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
