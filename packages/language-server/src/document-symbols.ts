/**
 * Document symbols for the outline view and breadcrumbs: each document (kind and school or
 * district), its sections, and staff records by id and name, so a 5,000-staff file can be
 * navigated by name.
 */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { OutlineFile, OutlineNode } from '@edunorm/core/internal';
import { lspRangeOf as rangeOf } from './to-lsp.js';

function scalar(node: OutlineNode | undefined): string | undefined {
  return node?.value?.text.replace(/^["']|["']$/g, '');
}

function child(node: OutlineNode, key: string): OutlineNode | undefined {
  return node.children.find((c) => c.key === key);
}

function symbolOf(outline: OutlineFile, node: OutlineNode, depth: number): DocumentSymbol {
  const range = rangeOf(outline, node.start, Math.max(node.end, node.keyEnd));
  const selectionRange = rangeOf(outline, node.keyStart, node.keyEnd);
  if (node.key === undefined) {
    // A list item: name it by its id and name (staff) or code and name (schools).
    const id = scalar(child(node, 'id')) ?? scalar(child(node, 'code'));
    const name = scalar(child(node, 'name'));
    const label = [id, name].filter(Boolean).join(' ') || scalar(node) || `[${node.index}]`;
    const role = scalar(child(node, 'role'));
    return { name: label, kind: SymbolKind.Object, range, selectionRange, ...(role ? { detail: role } : {}) };
  }
  const symbol: DocumentSymbol = {
    name: node.key || '""',
    kind: node.container === 'seq' ? SymbolKind.Array : node.container === 'map' ? SymbolKind.Namespace : SymbolKind.Field,
    range,
    selectionRange,
  };
  const detail = scalar(node) ?? scalar(child(node, 'name'));
  if (detail && !node.opaque) symbol.detail = detail;
  else if (detail && node.container !== 'map') symbol.detail = detail;
  if (node.children.length && depth < 3) symbol.children = node.children.map((c) => symbolOf(outline, c, depth + 1));
  return symbol;
}

export function documentSymbols(outline: OutlineFile): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const doc of outline.documents) {
    const root = doc.root;
    if (!root.children.length) continue;
    const first = root.children[0]!;
    const last = root.children[root.children.length - 1]!;
    const owner = child(root, 'school') ?? child(root, 'district');
    const identity = [scalar(owner && child(owner, 'code')), scalar(owner && child(owner, 'name'))].filter(Boolean).join(' ');
    out.push({
      name: doc.kind ?? `YAML #${doc.index + 1}`,
      ...(identity ? { detail: identity } : {}),
      kind: SymbolKind.Module,
      range: rangeOf(outline, first.start, Math.max(last.end, first.end)),
      selectionRange: rangeOf(outline, first.start, first.end),
      children: root.children.map((c) => symbolOf(outline, c, 1)),
    });
  }
  return out;
}
