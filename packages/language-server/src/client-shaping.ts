/**
 * Shapes responses to what the client declared it understands (LSP 3.17 client
 * capabilities): plain text where it names no Markdown, flat `SymbolInformation[]` where it
 * has no hierarchical symbols. The feature modules build the richest form; these functions
 * take it down, so the content stays the same in every client.
 */
import { MarkupKind, SymbolKind, type ClientCapabilities, type CompletionItem, type DocumentSymbol, type Hover, type InlayHint, type MarkupContent, type SymbolInformation } from 'vscode-languageserver';

export interface ClientShape {
  hoverMarkdown: boolean;
  completionMarkdown: boolean;
  hierarchicalSymbols: boolean;
  /** codeAction may answer `CodeAction[]` (else only `Command[]`). */
  codeActionLiterals: boolean;
  applyEdit: boolean;
}

const declaresMarkdown = (formats: readonly string[] | undefined) => formats?.includes(MarkupKind.Markdown) === true;

/** A client that says nothing about a format gets the one every client must read: plain text. */
export function clientShape(capabilities: ClientCapabilities): ClientShape {
  const text = capabilities.textDocument;
  return {
    hoverMarkdown: declaresMarkdown(text?.hover?.contentFormat),
    completionMarkdown: declaresMarkdown(text?.completion?.completionItem?.documentationFormat),
    hierarchicalSymbols: text?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
    codeActionLiterals: text?.codeAction?.codeActionLiteralSupport !== undefined,
    applyEdit: capabilities.workspace?.applyEdit === true,
  };
}

/**
 * The Markdown the feature modules write, as plain text: bold and code marks dropped, a link
 * kept as `text <url>`, fences and rules removed. Only our own constructs occur; every
 * pattern is a negated class, linear on any text.
 */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .split('\n')
    .filter((line) => !line.startsWith('```'))
    .map((line) => (line === '---' ? '' : line.replace(/ {2}$/, '')))
    .join('\n')
    .replace(/\[([^\]\n]*)\]\(([^)\s]*)\)/g, '$1 <$2>')
    .replace(/\*\*([^*\n]*)\*\*/g, '$1')
    .replace(/`([^`\n]*)`/g, '$1')
    .replace(/\n{3,}/g, '\n\n');
}

const plain = (content: MarkupContent): MarkupContent =>
  content.kind === MarkupKind.Markdown ? { kind: MarkupKind.PlainText, value: markdownToPlainText(content.value) } : content;

export function shapeHover(hover: Hover | null, shape: ClientShape): Hover | null {
  if (!hover || shape.hoverMarkdown || !isMarkupContent(hover.contents)) return hover;
  return { ...hover, contents: plain(hover.contents) };
}

function isMarkupContent(value: Hover['contents']): value is MarkupContent {
  return typeof value === 'object' && value !== null && 'kind' in value;
}

export function shapeCompletion(items: CompletionItem[], shape: ClientShape): CompletionItem[] {
  if (shape.completionMarkdown) return items;
  return items.map((item) => {
    const doc = item.documentation;
    if (doc === undefined || typeof doc === 'string') return item;
    return { ...item, documentation: markdownToPlainText(doc.value) };
  });
}

/** Inlay-hint tooltips have no format capability of their own: they follow the hover's. */
export function shapeInlayHints(hints: InlayHint[], shape: ClientShape): InlayHint[] {
  if (shape.hoverMarkdown) return hints;
  return hints.map((hint) => (hint.tooltip !== undefined && typeof hint.tooltip !== 'string' ? { ...hint, tooltip: markdownToPlainText(hint.tooltip.value) } : hint));
}

/** DocumentSymbol tree → the flat list of 3.17 `SymbolInformation`, each naming its parent. */
export function toSymbolInformation(uri: string, symbols: readonly DocumentSymbol[]): SymbolInformation[] {
  const out: SymbolInformation[] = [];
  const walk = (list: readonly DocumentSymbol[], container: string | undefined) => {
    for (const s of list) {
      out.push({ name: s.name, kind: s.kind ?? SymbolKind.Field, location: { uri, range: s.range }, ...(container !== undefined ? { containerName: container } : {}) });
      if (s.children?.length) walk(s.children, s.name);
    }
  };
  walk(symbols, undefined);
  return out;
}
