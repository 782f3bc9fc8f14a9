import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Node as YamlNode } from 'yaml';
import type { PathSegment } from '../path.js';
import { TextPositions } from './text-positions.js';

/** Offsets [start, end) into the source text. */
export type Span = readonly [number, number];

export interface NodeLocation {
  /** The key of the pair holding the node (absent for list items and the document root). */
  key?: Span;
  /** The node's value; absent when a key is written without a value. */
  value?: Span;
}

export type YamlProblemCode =
  | 'yaml/syntax'
  | 'yaml/duplicate-key'
  | 'yaml/alias-limit'
  | 'yaml/unsupported';

export interface YamlProblem {
  code: YamlProblemCode;
  span: Span;
  /** The parser's own words (English), kept for the detail of a message. */
  detail: string;
}

export interface ParsedDocument {
  index: number;
  /** Plain JS value of the document, or undefined when the document could not be read. */
  value: unknown;
  span: Span;
  problems: YamlProblem[];
  /** True when the document holds nothing but comments or whitespace. */
  empty: boolean;
  /** Finds the key and value spans of the node at `path`, or the nearest existing ancestor. */
  locate(path: readonly PathSegment[]): { path: PathSegment[]; location: NodeLocation };
}

export interface ParsedFile {
  text: string;
  positions: TextPositions;
  documents: ParsedDocument[];
}

/** Aliases beyond this count are treated as an alias bomb rather than data. */
export const MAX_ALIAS_COUNT = 200;

function spanOf(node: YamlNode | null | undefined): Span | undefined {
  const r = node?.range;
  return r ? [r[0], r[1]] : undefined;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return key.value === null ? undefined : String(key.value);
  return undefined;
}

function locateIn(doc: Document, path: readonly PathSegment[]): { path: PathSegment[]; location: NodeLocation } {
  let node: unknown = doc.contents;
  let location: NodeLocation = { value: spanOf(doc.contents as YamlNode) ?? [0, 0] };
  const found: PathSegment[] = [];
  for (const segment of path) {
    if (typeof segment === 'number' && isSeq(node)) {
      const item = node.items[segment] as YamlNode | undefined;
      if (item === undefined) break;
      const span = spanOf(item);
      location = span ? { value: span } : {};
      node = item;
    } else if (typeof segment === 'string' && isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && keyText(p.key) === segment);
      if (!pair) break;
      const keySpan = spanOf(pair.key as YamlNode);
      const valueSpan = spanOf(pair.value as YamlNode);
      location = {};
      if (keySpan) location.key = keySpan;
      // `key:` with nothing after it parses as a null scalar of zero width; keep the key only.
      if (valueSpan && valueSpan[1] > valueSpan[0]) location.value = valueSpan;
      node = pair.value;
    } else break;
    found.push(segment);
  }
  return { path: found, location };
}

const DUPLICATE_KEY = 'DUPLICATE_KEY';

/** yaml reports a duplicate key at its first character; cover the whole key for the squiggle. */
function keySpanAt(text: string, start: number): Span {
  let end = start;
  while (end < text.length && !/[:\r\n]/.test(text[end]!)) end++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return [start, Math.max(end, start + 1)];
}

/**
 * Parses every `---` document of a YAML text, keeping node positions. Never throws: parse
 * errors, duplicate keys and alias bombs become located problems on their document, and the
 * file's other documents are still read.
 */
export function parseYaml(text: string): ParsedFile {
  const positions = new TextPositions(text);
  const docs = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true, keepSourceTokens: false });
  const list = Array.isArray(docs) ? docs : [];
  const documents: ParsedDocument[] = list.map((doc, index) => {
    const problems: YamlProblem[] = doc.errors.map((e) => {
      const duplicate = e.code === DUPLICATE_KEY;
      return {
        code: duplicate ? 'yaml/duplicate-key' : 'yaml/syntax',
        span: duplicate ? keySpanAt(text, e.pos[0]) : ([e.pos[0], Math.max(e.pos[0], e.pos[1])] as Span),
        detail: e.message.split('\n')[0] ?? e.message,
      };
    });
    let value: unknown;
    const onlySoftProblems = problems.every((p) => p.code === 'yaml/duplicate-key');
    if (onlySoftProblems) {
      try {
        value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const code: YamlProblemCode = /alias/i.test(message) ? 'yaml/alias-limit' : 'yaml/unsupported';
        problems.push({ code, span: [doc.range[0], doc.range[0]], detail: message });
        value = undefined;
      }
    }
    const span: Span = [doc.range[0], doc.range[2]];
    return {
      index,
      value,
      span,
      problems,
      empty: doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null && !doc.contents.range?.[1]),
      locate: (path) => locateIn(doc, path),
    };
  });
  return { text, positions, documents };
}
