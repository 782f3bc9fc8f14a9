import { Composer, Parser, isAlias, isMap, isPair, isScalar, isSeq, type CST, type Document, type Node as YamlNode } from './yaml-prebundled.js';
import type { PathSegment } from '../path.js';
import { fastParse, type FastDocument, type MapInfo, type SeqInfo } from './fast-parse.js';
import { TextPositions } from './text-positions.js';
import { explainMistakes, type YamlHint } from './yaml-mistakes.js';
import { explainDuplicates, explainUnclosedFlow, unresolvedAliases } from './yaml-node-mistakes.js';

export type { YamlHint, YamlMistake } from './yaml-mistakes.js';

/** Offsets [start, end) into the source text. */
export type Span = readonly [number, number];

export interface NodeLocation {
  /** The key of the pair holding the node (absent for list items and the document root). */
  key?: Span;
  /** The node's value; absent when a key is written without a value. */
  value?: Span;
}

export type YamlProblemCode =
  | 'file/too-large'
  | 'yaml/too-deep'
  | 'yaml/syntax'
  | 'yaml/duplicate-key'
  | 'yaml/alias-limit'
  | 'yaml/unsupported';

export interface YamlProblem {
  code: YamlProblemCode;
  span: Span;
  /** The parser's own words (English), kept for the detail of a message. */
  detail: string;
  /**
   * The problem explained: the mistake at its real place (full-width colon, tab or U+3000
   * indent, open quote, unclosed bracket, alias without anchor), or a duplicate key named.
   */
  hint?: YamlHint;
  /** The `yaml` package's own code of a syntax error (BAD_INDENT…): what its words are said from in Chinese. */
  parserCode?: string;
}

export interface ParsedDocument {
  index: number;
  /** Plain JS value of the document, or undefined when the document could not be read. */
  value: unknown;
  span: Span;
  problems: YamlProblem[];
  /** True when the document holds nothing but comments or whitespace. */
  empty: boolean;
  /**
   * The top-level keys of a document that has problems (so no `value`) but whose root still
   * reads as a mapping: scalar values as such, collections as `{}`. What the file declares
   * (`apiVersion`, `id`) is known even while a later line is broken.
   */
  head?: Readonly<Record<string, unknown>>;
  /** The fast path's reading (values and spans), when it read the text: incremental checks start from it. */
  fast?: FastDocument;
  /** Finds the key and value spans of the node at `path`, or the nearest existing ancestor. */
  locate(path: readonly PathSegment[]): { path: PathSegment[]; location: NodeLocation };
  /** The value span of record `index` of the root list `key`, where the document can tell it without a walk (an incremental reading). */
  itemSpan?(key: PathSegment, index: number): Span | undefined;
}

export interface ParsedFile {
  text: string;
  positions: TextPositions;
  documents: ParsedDocument[];
  /**
   * [start, end) of every YAML comment token (from `#` to the end of its line), in text order.
   * Only these are comments: a `#` inside a quoted, plain or block scalar is content.
   */
  comments: Span[];
}

/** Pairs of offsets (as the fast path collects them) as spans. */
function pairs(flat: readonly number[]): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < flat.length; i += 2) out.push([flat[i]!, flat[i + 1]!]);
  return out;
}

/**
 * Every `comment` token of a CST, wherever the parser put it (before a document, between
 * pairs, after a value, in a block scalar's header, inside flow collections). Depth is bounded:
 * texts nested deeper than MAX_NESTING never reach the parser.
 */
function collectComments(token: unknown, out: Span[]): void {
  if (Array.isArray(token)) {
    for (const t of token) collectComments(t, out);
    return;
  }
  if (token === null || typeof token !== 'object') return;
  const t = token as { type?: unknown; offset?: unknown; source?: unknown };
  if (t.type === 'comment' && typeof t.offset === 'number' && typeof t.source === 'string') {
    out.push([t.offset, t.offset + t.source.length]);
    return;
  }
  for (const key of Object.keys(token)) {
    const v = (token as Record<string, unknown>)[key];
    if (v !== null && typeof v === 'object') collectComments(v, out);
  }
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
      // An empty item (`-` alone) is a null scalar of zero width: no value to point at.
      location = span && span[1] > span[0] ? { value: span } : {};
      node = item;
    } else if (typeof segment === 'string' && isMap(node)) {
      // The last pair of the key: with a key written twice, its value is the one toJS keeps.
      let pair: (typeof node.items)[number] | undefined;
      for (let i = node.items.length - 1; i >= 0 && !pair; i--) if (isPair(node.items[i]) && keyText(node.items[i]!.key) === segment) pair = node.items[i];
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

function locateFast(doc: FastDocument, path: readonly PathSegment[]): { path: PathSegment[]; location: NodeLocation } {
  return walkFast(doc.value, doc.info, 0, path, 0, { value: doc.root ?? [doc.span[0], doc.span[0]] }, []);
}

/**
 * Follows `path` from `path[from]` on, down from `value`, whose collections' spans are in
 * `info` and lie `shift` characters from where they are now (an incremental parse moves a
 * record without re-reading it: incremental-parse.ts). `location` is where `value` is.
 */
export function walkFast(
  value: unknown,
  info: ReadonlyMap<object, MapInfo | SeqInfo>,
  shift: number,
  path: readonly PathSegment[],
  from: number,
  location: NodeLocation,
  found: PathSegment[],
): { path: PathSegment[]; location: NodeLocation } {
  for (let k = from; k < path.length; k++) {
    const segment = path[k]!;
    if (typeof segment === 'number' && Array.isArray(value)) {
      if (segment >= value.length) break;
      const { spans } = info.get(value) as SeqInfo;
      const s = spans[segment * 2]!;
      location = s >= 0 ? { value: [s + shift, spans[segment * 2 + 1]! + shift] } : {};
      value = value[segment];
    } else if (typeof segment === 'string' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const meta = info.get(value) as MapInfo;
      const i = meta.keys.indexOf(segment);
      if (i < 0) break;
      const s = meta.spans;
      location = { key: [s[i * 4]! + shift, s[i * 4 + 1]! + shift] };
      if (s[i * 4 + 2]! >= 0) location.value = [s[i * 4 + 2]! + shift, s[i * 4 + 3]! + shift];
      value = (value as Record<string, unknown>)[segment];
    } else break;
    found.push(segment);
  }
  return { path: found, location };
}

/**
 * Parses every `---` document of a YAML text, keeping node positions. Never throws: parse
 * errors, duplicate keys and alias bombs become located problems on their document, and the
 * file's other documents are still read.
 *
 * Plain edunorm files take the fast path (fast-parse.ts); anything else is parsed by `yaml`.
 */
export interface ParseOptions {
  /**
   * Texts the fast path declines are parsed by `yaml`, whose memory can reach hundreds of bytes
   * per byte of dense input: above this many UTF-16 code units such a text is not parsed
   * (one `file/too-large` problem instead). Plain edunorm files are not limited by it.
   */
  maxFullParseLength?: number;
}

/** 2 Mi code units: the worst text of that size that `yaml` parses stays within 2 GB (see file-limits.ts). */
export const DEFAULT_MAX_FULL_PARSE_LENGTH = 2 * 1024 * 1024;

export function parseYaml(original: string, options: ParseOptions = {}, positions = new TextPositions(original)): ParsedFile {
  // YAML allows a lone CR as a line break; `yaml` does not read it as one. CR → LF keeps every
  // offset, and positions are counted on the text as given.
  const text = original.includes('\r') && /\r(?!\n)/.test(original) ? original.replace(/\r(?!\n)/g, '\n') : original;
  const comments: number[] = [];
  const lineStarts: number[] = [];
  const fast = fastParse(text, comments, lineStarts);
  if (fast) {
    // The parser visited every line: its line starts are the text's line index (no second pass).
    positions.adoptLineStarts(lineStarts);
    return {
      text: original,
      positions,
      comments: pairs(comments),
      documents: fast.map((doc, index) => ({
        index,
        value: doc.value,
        span: doc.span,
        problems: [],
        empty: doc.root === undefined,
        fast: doc,
        locate: (path) => locateFast(doc, path),
      })),
    };
  }
  const limit = options.maxFullParseLength ?? DEFAULT_MAX_FULL_PARSE_LENGTH;
  if (text.length > limit) return refused(original, positions, 'file/too-large', 0, `${text.length}/${limit}`);
  const deep = nestingBeyond(text, MAX_NESTING);
  if (deep !== undefined) return refused(original, positions, 'yaml/too-deep', deep, `nesting deeper than ${MAX_NESTING} levels`);
  const parsed = parseWithYaml(text, positions);
  return { ...parsed, text: original };
}

/** Far more than any edunorm document needs (they nest four levels), far less than a stack holds. */
export const MAX_NESTING = 64;

/**
 * The offset where nesting first goes deeper than `limit` (flow brackets, `- - -` on a line,
 * indentation levels), or undefined. `yaml` recurses once per level; a hostile file nested
 * 10,000 deep would exhaust the stack, so such a text is refused before it is parsed.
 */
export function nestingBeyond(text: string, limit: number): number | undefined {
  const indents: number[] = [];
  let flow = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let i = lineStart;
    while (i < lineEnd && (text[i] === ' ' || text[i] === '\t')) i++;
    if (i < lineEnd && text[i] !== '#' && flow === 0) {
      const indent = i - lineStart;
      while (indents.length && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
      let dashes = 0;
      while (text[i] === '-' && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
        dashes++;
        i += 2;
        while (text[i] === ' ') i++;
      }
      if (indents.length + dashes > limit) return i;
    }
    let quote = '';
    for (; i < lineEnd; i++) {
      const c = text[i]!;
      if (quote) {
        if (c === quote) quote = '';
        continue;
      }
      if (c === '"' || c === "'") quote = c;
      else if (c === '#' && (i === lineStart || text[i - 1] === ' ')) break;
      else if (c === '[' || c === '{') {
        if (++flow + indents.length > limit) return i;
      } else if ((c === ']' || c === '}') && flow > 0) flow--;
    }
    lineStart = lineEnd + 1;
  }
  return undefined;
}

/** A text not handed to `yaml` at all: one located problem, no value. */
function refused(text: string, positions: TextPositions, code: YamlProblemCode, offset: number, detail: string): ParsedFile {
  const document: ParsedDocument = {
    index: 0,
    value: undefined,
    span: [0, text.length],
    problems: [{ code, span: [offset, Math.min(text.length, offset + 1)], detail }],
    empty: false,
    locate: () => ({ path: [], location: {} }),
  };
  return { text, positions, documents: [document], comments: [] };
}

/**
 * Replaces the parser's generic syntax errors near a recognised mistake by the mistake itself,
 * on its own line and column (yaml-mistakes.ts); adds indentation mistakes the parser accepts.
 */
function explain(text: string, positions: TextPositions, span: Span, problems: YamlProblem[]): void {
  // An alias without its anchor is found in a document read without syntax errors: it is not
  // one (a full-width colon in a value is then text), nor does a mistake nearby explain it.
  const parserError = (p: YamlProblem) => p.code === 'yaml/syntax' && p.hint?.mistake !== 'unresolved-alias';
  const syntax = problems.filter(parserError);
  const explained = explainMistakes(text, positions, span, syntax.length > 0, syntax.some((p) => /quot/i.test(p.detail)));
  if (explained.length === 0) return;
  const lines = explained.map((e) => e.hint.line);
  const from = Math.min(...lines);
  const to = Math.max(...lines) + 3;
  const kept = problems.filter((p) => {
    if (!parserError(p)) return true;
    const line = positions.position(p.span[0]).line;
    return line < from || line > to;
  });
  problems.length = 0;
  problems.push(...kept, ...explained.map((e): YamlProblem => ({ code: 'yaml/syntax', span: e.span, detail: e.hint.mistake, hint: e.hint })));
  problems.sort((a, b) => a.span[0] - b.span[0]);
}

/** Top-level scalars of a document's root mapping, read from the syntax tree (aliases resolved once). */
function headOf(doc: Document.Parsed): Record<string, unknown> | undefined {
  if (!isMap(doc.contents)) return undefined;
  const head: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const pair of doc.contents.items) {
    const key = keyText(pair.key);
    if (key === undefined) continue;
    let node: unknown = pair.value;
    if (isAlias(node)) node = node.resolve(doc);
    head[key] = isScalar(node) ? node.value : node === null || node === undefined ? null : {};
  }
  return head;
}

/** The full parser: any YAML, every error reported. */
export function parseWithYaml(text: string, positions = new TextPositions(text)): ParsedFile {
  // parseAllDocuments, in its two steps: the CST tokens are kept to read the comments from.
  const tokens: CST.Token[] = Array.from(new Parser().parse(text));
  const comments: Span[] = [];
  collectComments(tokens, comments);
  comments.sort((a, b) => a[0] - b[0]);
  // logLevel 'error': the package would otherwise console.warn (in English, on the CLI's stderr,
  // from inside a library call) about a key that is a collection; its finding says it instead.
  const list: Document.Parsed[] = Array.from(new Composer({ uniqueKeys: true, keepSourceTokens: false, logLevel: 'error' }).compose(tokens));
  const documents: ParsedDocument[] = list.map((doc, index) => {
    const problems: YamlProblem[] = doc.errors.map((e) => {
      const duplicate = e.code === DUPLICATE_KEY;
      return {
        code: duplicate ? 'yaml/duplicate-key' : 'yaml/syntax',
        span: duplicate ? keySpanAt(text, e.pos[0]) : ([e.pos[0], Math.max(e.pos[0], e.pos[1])] as Span),
        detail: e.message.split('\n')[0] ?? e.message,
        parserCode: e.code,
      };
    });
    explainUnclosedFlow(doc, text, positions, problems);
    explainDuplicates(doc, positions, problems);
    let value: unknown;
    const onlySoftProblems = problems.every((p) => p.code === 'yaml/duplicate-key');
    if (onlySoftProblems) {
      try {
        value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        // `*name` with no `&name` before it: located at each such alias, not an alias bomb.
        const unresolved = message.startsWith('Unresolved alias') ? unresolvedAliases(doc, positions, message) : [];
        if (unresolved.length) {
          problems.push(...unresolved);
          problems.sort((a, b) => a.span[0] - b.span[0]);
        } else {
          const code: YamlProblemCode = /alias/i.test(message) ? 'yaml/alias-limit' : 'yaml/unsupported';
          problems.push({ code, span: [doc.range[0], doc.range[0]], detail: message });
        }
        value = undefined;
      }
    }
    const span: Span = [doc.range[0], doc.range[2]];
    explain(text, positions, span, problems);
    const head = value === undefined ? headOf(doc) : undefined;
    return {
      index,
      value,
      span,
      problems,
      ...(head ? { head } : {}),
      // No content at all, or only an implicit null of zero width (`---` with nothing after it).
      empty: doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null && (doc.contents.range?.[0] ?? 0) === (doc.contents.range?.[1] ?? 0)),
      locate: (path) => locateIn(doc, path),
    };
  });
  return { text, positions, documents, comments };
}
