/**
 * Inlay hints: each norm's computed figure beside the input it is computed from
 * (`teacherTraining: 150000  占公用经费 3.75%(要求 ≥ 5%)`), from the core's measurements.
 */
import type { Locale, RuleSet } from '@edunorm/core';
import { MarkupKind, type InlayHint, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { say } from './messages.js';
import { toLspRange } from './to-lsp.js';
import type { ValidationResult } from './validator.js';

export function inlayHintsFor(document: TextDocument, result: ValidationResult, range: Range, locale: Locale, ruleSet: RuleSet | undefined): InlayHint[] {
  const hints: InlayHint[] = [];
  for (const m of result.measurements) {
    let position = toLspRange(m.range).end;
    if (position.line < range.start.line || position.line > range.end.line) continue;
    // A hint on a key (`staff`) goes after its colon, not between the key and the colon.
    const next = document.getText({ start: position, end: { line: position.line, character: position.character + 1 } });
    if (next === ':') position = { line: position.line, character: position.character + 1 };
    const rule = ruleSet?.ruleById(m.ruleId)?.definition;
    const status = m.compliant ? say(locale, '符合', 'meets the norm') : say(locale, '不符合', 'does not meet the norm');
    hints.push({
      position,
      label: m.compliant ? m.text : `⚠ ${m.text}`,
      paddingLeft: true,
      tooltip: { kind: MarkupKind.Markdown, value: `**${rule ? rule.title[locale] : m.ruleId}**: ${status}  \n\`${m.ruleId}\`` },
    });
  }
  return hints;
}
