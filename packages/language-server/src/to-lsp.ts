/**
 * Turns core findings into LSP objects. Core positions are 1-based line/column; LSP's are
 * 0-based, and both count columns in UTF-16 code units, so only the base changes.
 */
import type { Finding, Range as CoreRange, Severity } from '@edunorm/core';
import type { SourceFile } from '@edunorm/core/internal';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type Position, type Range } from 'vscode-languageserver';
import { ruleDocUrl } from '@edunorm/core/internal';

export const DIAGNOSTIC_SOURCE = 'edunorm';

export function toLspRange(range: CoreRange): Range {
  return {
    start: { line: range.start.line - 1, character: range.start.column - 1 },
    end: { line: range.end.line - 1, character: range.end.column - 1 },
  };
}

/** An LSP range for offsets of a source, by core's one line index (the same as every finding's). */
export function lspRangeOf(source: Pick<SourceFile, 'positions'>, start: number, end: number): Range {
  return toLspRange(source.positions.range(start, end));
}

/** The offset of an LSP position in a source, clamped to its line (core's line index). */
export function offsetOf(source: Pick<SourceFile, 'positions'>, position: Position): number {
  return source.positions.offset(position.line + 1, position.character + 1);
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toLspSeverity(severity: Severity): DiagnosticSeverity {
  return SEVERITY[severity] ?? DiagnosticSeverity.Information;
}

/** What a code action needs to find the finding behind a diagnostic again. */
export interface DiagnosticData {
  /** Index of the finding in the validation result it came from. */
  finding: number;
  version: number;
}

/** Each rule id's documentation link, found once: a 20,000-staff file publishes 1,360 diagnostics per keystroke. */
const docLinks = new Map<string, { href: string } | undefined>();
function docLink(ruleId: string): { href: string } | undefined {
  if (docLinks.has(ruleId)) return docLinks.get(ruleId);
  const href = ruleDocUrl(ruleId);
  const link = href ? { href } : undefined;
  docLinks.set(ruleId, link);
  return link;
}

export function toDiagnostic(finding: Finding, uri: string, data?: DiagnosticData): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toLspRange(finding.range),
    severity: toLspSeverity(finding.severity),
    code: finding.ruleId,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
  const link = docLink(finding.ruleId);
  if (link) diagnostic.codeDescription = { href: link.href };
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map(
      // A finding across documents points into other files: their uris (the workspace index's keys).
      (r): DiagnosticRelatedInformation => ({ location: { uri: r.file ?? uri, range: toLspRange(r.range) }, message: r.message }),
    );
  }
  if (data) diagnostic.data = data;
  return diagnostic;
}
