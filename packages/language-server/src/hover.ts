/**
 * Hover on a key or value: what the field means (zh-CN and en, from the schema), the norms
 * that read it with the plan's sentence, and the figures computed for it in the last
 * validation. Uses the outline and the last result only: it never waits for a validation.
 */
import { type ActiveRule, type Locale, type RuleSet } from '@edunorm/core';
import { formatPath, pathAt, type OutlineFile } from '@edunorm/core/internal';
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { say } from './messages.js';
import { RULE_DOCS_BASE, ruleDocUrl } from '@edunorm/core/internal';
import { docOf, enumMeaning, fieldSchema, formatFieldValue, isDocumentKind, kindDoc, typeLine } from './schema-info.js';
import { lspRangeOf } from './to-lsp.js';
import type { ValidationResult } from './validator.js';

/** docs/fields.md beside the rule pages. */
const FIELDS_DOC_URL = RULE_DOCS_BASE.replace(/rules\/$/, 'fields.md');

const other = (locale: Locale): Locale => (locale === 'zh-CN' ? 'en' : 'zh-CN');

function ruleLines(rule: ActiveRule, locale: Locale): string[] {
  const def = rule.definition;
  const url = ruleDocUrl(def.id);
  const lines = [`- ${url ? `[\`${def.id}\`](${url})` : `\`${def.id}\``} ${def.title[locale] ?? def.title.en}`];
  if (def.citation) {
    lines.push(`  > ${def.citation.quote}`);
    lines.push(`  >`);
    lines.push(`  > —— ${def.citation.source}《${def.citation.document}》${def.citation.section}`);
  }
  return lines;
}

export function hoverAt(outline: OutlineFile, offset: number, locale: Locale, ruleSet: RuleSet, latest: ValidationResult | undefined): Hover | null {
  const hit = pathAt(outline, offset);
  if (!hit) return null;
  const kind = hit.document.kind;
  if (!isDocumentKind(kind)) return null;
  const schema = fieldSchema(kind, hit.path);
  const path = formatPath(hit.path);
  const parts: string[] = [];
  const doc = hit.path.length === 1 && hit.path[0] === 'kind' ? kindDoc(kind) : docOf(schema);
  if (doc) parts.push(`**${doc[locale]}** · ${doc[other(locale)]}  \n\`${path}\``);
  else parts.push(say(locale, `\`${path}\`:不是 ${kind} 的字段`, `\`${path}\`: not a field of ${kind}`));
  const type = typeLine(schema, locale);
  if (type) parts[0] += `\n\n${type}`;
  // Every field of the contract, its unit and allowed values: docs/fields.md (npm run docs).
  if (doc) parts[0] += `\n\n[${say(locale, '全部字段说明', 'Field reference')}](${FIELDS_DOC_URL})`;
  const value = hit.node.value?.text.replace(/^["']|["']$/g, '');
  if (value && hit.part === 'value') {
    const meaning = enumMeaning(schema, value, locale);
    if (meaning && meaning !== value) parts[0] += `\n\n\`${value}\`: ${meaning}`;
  }

  const figures: string[] = [];
  const here = (r: { documentIndex: number; path: string }) => r.documentIndex === hit.document.index && r.path === path;
  for (const m of latest?.measurements.filter(here) ?? []) {
    const amount = value ? formatFieldValue(schema, value, locale) : undefined;
    figures.push(`${m.compliant ? '✓' : '✗'} ${amount ? `${amount}:` : ''}${m.text}`);
  }
  for (const f of latest?.findings.filter(here) ?? []) figures.push(`${f.severity === 'info' ? 'ℹ' : '⚠'} ${f.message} (\`${f.ruleId}\`)`);
  if (figures.length) parts.push(`**${say(locale, '计算结果', 'Figures')}**\n\n${figures.join('\n\n')}`);

  const rules = ruleSet.rulesReading(kind, path);
  if (rules.length) parts.push(`**${say(locale, '读取此字段的规定', 'Norms that read this field')}**\n\n${rules.flatMap((r) => ruleLines(r, locale)).join('\n')}`);

  const node = hit.node;
  const start = hit.part === 'value' && node.value ? node.value.start : node.keyStart;
  const end = hit.part === 'value' && node.value ? node.value.end : node.keyEnd;
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range: lspRangeOf(outline, start, end) };
}
