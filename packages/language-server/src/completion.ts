/**
 * Completion from the schemas: keys of the mapping being typed in (with their meaning in
 * zh-CN and en), allowed values after `key:`, a skeleton for a new document, and a new staff
 * record in a `staff:` list. Works on the outline of the text as typed, so it answers at once
 * whatever the file's size and however broken the current line is.
 */
import { DOCUMENT_KINDS, VOCABULARY, type DocumentKind, type JsonSchema, type Locale, type PathSegment } from '@edunorm/core';
import { containerAt, type OutlineFile } from '@edunorm/core/internal';
import { CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind, type CompletionItem, type Position, type Range } from 'vscode-languageserver';
import { say } from './messages.js';
import { offsetOf } from './to-lsp.js';
import { docOf, enumMeaning, enumValues, fieldSchema, isDocumentKind, kindDoc, typeLine } from './schema-info.js';

const KIND_TITLES: Record<DocumentKind, { 'zh-CN': string; en: string }> = {
  SchoolBudget: { 'zh-CN': '新建学校年度预算', en: 'New school budget' },
  Staffing: { 'zh-CN': '新建教职工与薪酬', en: 'New staffing document' },
  DistrictIndicators: { 'zh-CN': '新建市/县教育发展指标', en: 'New district indicators' },
};

/** Snippet bodies for a new document of each kind (tab stops on what the user must fill in). */
export const DOCUMENT_SKELETONS: Record<DocumentKind, string> = {
  SchoolBudget: [
    'apiVersion: edunorm/v1',
    'kind: SchoolBudget',
    'school:',
    '  code: "${1:130902008}"',
    '  name: ${2:学校名称}',
    `  level: \${3|${VOCABULARY.level.codes.join(',')}|}`,
    'fiscalYear: ${4:2025}',
    'budget:',
    '  publicFunds: ${5:0}',
    '  teacherTraining: ${6:0}',
    '$0',
  ].join('\n'),
  Staffing: [
    'apiVersion: edunorm/v1',
    'kind: Staffing',
    'school:',
    '  code: "${1:130902008}"',
    '  name: ${2:学校名称}',
    `  level: \${3|${VOCABULARY.level.codes.join(',')}|}`,
    'fiscalYear: ${4:2025}',
    'reference:',
    '  localAvgMonthlyPerformancePay: ${5:0}',
    '  localCivilServantAvgSalary: ${6:0}',
    'staff:',
    '  - id: ${7:T001}',
    '    name: ${8:姓名}',
    `    role: \${9|${VOCABULARY.role.codes.join(',')}|}`,
    '$0',
  ].join('\n'),
  DistrictIndicators: [
    'apiVersion: edunorm/v1',
    'kind: DistrictIndicators',
    'district:',
    '  code: "${1:130900}"',
    '  name: ${2:名称}',
    '  type: ${3|county,city|}',
    'year: ${4:2025}',
    'indicators:',
    '  compulsoryRetentionRate: ${5:0.98}',
    '  standardizedSchoolRate: ${6:0.92}',
    '$0',
  ].join('\n'),
};

const STAFF_RECORD = [
  '- id: ${1:T001}',
  '  name: ${2:姓名}',
  `  role: \${3|${VOCABULARY.role.codes.join(',')}|}`,
  `  title: \${4|${VOCABULARY.title.codes.join(',')}|}`,
  '  certified: ${5|true,false|}',
  '  annualSalary: ${6:0}',
  '$0',
].join('\n');

function docMarkdown(schema: JsonSchema | undefined, locale: Locale): string | undefined {
  const doc = docOf(schema);
  if (!doc) return undefined;
  const lines = [`**${doc['zh-CN']}**`, doc.en];
  const type = typeLine(schema, locale);
  if (type) lines.push('', type);
  return lines.join('  \n');
}

/** The token being typed just before the cursor (keys and values may hold `-`, `.`, `/`). */
function tokenRange(line: string, position: Position): Range {
  let start = position.character;
  while (start > 0 && /[\w\-./\u4e00-\u9fff"']/.test(line[start - 1]!)) start--;
  return { start: { line: position.line, character: start }, end: position };
}

function skeletonItems(locale: Locale, range: Range): CompletionItem[] {
  return DOCUMENT_KINDS.map((kind, i) => ({
    label: `${kind}: ${KIND_TITLES[kind][locale]}`,
    kind: CompletionItemKind.Snippet,
    detail: KIND_TITLES[kind][locale],
    documentation: { kind: MarkupKind.Markdown, value: `${KIND_TITLES[kind]['zh-CN']} · ${KIND_TITLES[kind].en}\n\n\`\`\`yaml\n${DOCUMENT_SKELETONS[kind].replace(/\$\{\d+\|([^,|]+)[^}]*\}/g, '$1').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$0/g, '')}\`\`\`` },
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range, newText: DOCUMENT_SKELETONS[kind] },
    sortText: `0${i}`,
  }));
}

function staffRecordItem(locale: Locale, range: Range, withDash: boolean): CompletionItem {
  return {
    label: say(locale, '新教职工记录', 'New staff record'),
    kind: CompletionItemKind.Snippet,
    detail: say(locale, 'id、姓名、岗位类别……', 'id, name, role, …'),
    insertTextFormat: InsertTextFormat.Snippet,
    insertTextMode: InsertTextMode.adjustIndentation,
    textEdit: { range, newText: withDash ? STAFF_RECORD : STAFF_RECORD.replace(/^- /, '').replace(/\n {2}/g, '\n') },
    sortText: '00',
  };
}

function valueItems(schema: JsonSchema | undefined, key: string, locale: Locale, range: Range): CompletionItem[] {
  if (key === 'kind' && !schema?.enum) {
    return DOCUMENT_KINDS.map((k) => ({ label: k, kind: CompletionItemKind.EnumMember, detail: kindDoc(k)?.[locale], textEdit: { range, newText: k } }));
  }
  if (schema?.type === 'boolean') {
    return [
      { label: 'true', kind: CompletionItemKind.Value, detail: say(locale, '是', 'yes'), textEdit: { range, newText: 'true' } },
      { label: 'false', kind: CompletionItemKind.Value, detail: say(locale, '否', 'no'), textEdit: { range, newText: 'false' } },
    ];
  }
  return enumValues(schema).map((v, i) => {
    const meaning = enumMeaning(schema, v, locale);
    return { label: v, kind: CompletionItemKind.EnumMember, ...(meaning ? { detail: meaning } : {}), textEdit: { range, newText: v }, sortText: String(i).padStart(3, '0') };
  });
}

export function completionsAt(outline: OutlineFile, lineText: string, position: Position, locale: Locale, triggerCharacter?: string): CompletionItem[] {
  const before = lineText.slice(0, position.character);
  // A space only asks for values (`level: `) or a new list item (`- `): not while indenting.
  if (triggerCharacter === ' ' && !/(:|^[ \t]*-) $/.test(before)) return [];
  const range = tokenRange(lineText, position);
  // Value position: `key: va|`, also inside a one-line `{ key: va| }`.
  const valueMatch = /(^[ \t]*(?:-[ \t]+)*|[{,][ \t]*)(["']?)([^\s:{},#"']+)\2[ \t]*:[ \t]+([^\s,}#]*)$/.exec(before);
  if (valueMatch) {
    const keyColumn = valueMatch.index + valueMatch[1]!.length;
    const inFlow = /[{,]/.test(valueMatch[1]!);
    const container = containerAt(outline, offsetOf(outline, { line: position.line, character: inFlow ? before.lastIndexOf('{') + 1 : keyColumn }));
    const key = valueMatch[3]!;
    const kind = container.document.kind;
    if (container.path.length === 0 && key === 'kind') return valueItems(undefined, 'kind', locale, range);
    if (!isDocumentKind(kind)) return [];
    return valueItems(fieldSchema(kind, [...container.path, key]), key, locale, range);
  }
  // Key position: only an identifier-ish word (or nothing) after the indentation / dash.
  const keyMatch = /^([ \t]*)((?:-[ \t]+)*)([\w\u4e00-\u9fff-]*)$/.exec(before);
  if (!keyMatch) return [];
  const column = keyMatch[1]!.length + keyMatch[2]!.length;
  const container = containerAt(outline, offsetOf(outline, { line: position.line, character: column }));
  const kind = container.document.kind;
  const atRoot = container.path.length === 0;
  if (!isDocumentKind(kind)) {
    // A new document (after `---`) in an edunorm file: offer a whole skeleton.
    return atRoot && keyMatch[2] === '' ? skeletonItems(locale, { start: { line: position.line, character: 0 }, end: position }) : [];
  }
  const schema = fieldSchema(kind, container.path);
  if (schema?.type === 'array') {
    const items: CompletionItem[] = [];
    if (kind === 'Staffing' && container.path.length === 1 && container.path[0] === 'staff') {
      items.push(staffRecordItem(locale, { start: { line: position.line, character: keyMatch[1]!.length }, end: position }, true));
    }
    return items;
  }
  const properties = (schema?.properties ?? {}) as Record<string, JsonSchema>;
  // Outline lines are 1-based (core's), LSP lines 0-based.
  const line = position.line + 1;
  const present = new Set(container.node.children.filter((c) => c.line !== line).map((c) => c.key));
  const items: CompletionItem[] = [];
  if (kind === 'Staffing' && isStaffItem(container.path) && container.node.children.every((c) => c.line === line)) {
    items.push(staffRecordItem(locale, range, false));
  }
  Object.entries(properties).forEach(([key, prop], i) => {
    if (present.has(key)) return;
    const doc = docOf(prop);
    const block = prop.type === 'object' || prop.type === 'array';
    const indent = ' '.repeat(column + 2);
    const newText = prop.type === 'array' ? `${key}:\n${indent}- ` : block ? `${key}:\n${indent}` : `${key}: `;
    const documentation = docMarkdown(prop, locale);
    items.push({
      label: key,
      kind: block ? CompletionItemKind.Module : CompletionItemKind.Property,
      ...(doc ? { detail: doc[locale] } : {}),
      ...(documentation ? { documentation: { kind: MarkupKind.Markdown, value: documentation } } : {}),
      // Lets users type the Chinese name to find the key.
      filterText: `${key} ${doc?.['zh-CN'] ?? ''}`,
      textEdit: { range, newText },
      sortText: `1${String(i).padStart(3, '0')}`,
    });
  });
  return items;
}

function isStaffItem(path: readonly PathSegment[]): boolean {
  return path.length === 2 && path[0] === 'staff' && typeof path[1] === 'number';
}
