/**
 * The forgiving outline of a source file: which key or list item sits where, for text as it
 * is being typed (hover, completion and document symbols in the editor answer from it while
 * the file is half written and does not parse). It understands the block style the data
 * contract uses (`key: value`, `- ` items, one-line `{ a: 1, b: 2 }` items, `|`/`>` block
 * scalars) and ignores what it does not understand; the parser stays the judge of validity.
 *
 * Linear in the text's length: lines come from the source's TextPositions (the same line
 * breaks as every finding: LF, CRLF, lone CR; a BOM is not on line 1) and keys are scanned by
 * hand — no regular expression runs over user text (a backtracking key pattern took 8 s on a
 * 100 KB line of spaces).
 */

import type { PathSegment } from '../path.js';
import { TextPositions } from './text-positions.js';

export interface OutlineNode {
  /** Mapping key; absent on list items. */
  key?: string;
  /** Position in the parent list (list items only). */
  index?: number;
  /** 1-based line where the node starts. */
  line: number;
  /** Column of the key, or of the `-` of a list item. */
  indent: number;
  keyStart: number;
  keyEnd: number;
  /** The inline scalar value after `key:` (comment stripped), if any. */
  value?: { text: string; start: number; end: number };
  /** Offset just past the last character belonging to the node (its block included). */
  end: number;
  /** The node's own start offset (key or dash). */
  start: number;
  children: OutlineNode[];
  /** Set when the value is a block container or a one-line `{…}` mapping. */
  container?: 'map' | 'seq';
  /** Block scalar (`|`, `>`) or a flow value: deeper lines are content, not structure. */
  opaque?: boolean;
  /** How many list items the node holds so far (kept to number new items in O(1)). */
  items?: number;
}

export interface OutlineDocument {
  index: number;
  start: number;
  end: number;
  root: OutlineNode;
  /** The document's `kind:` value when it is written at the top level. */
  kind?: string;
  isEdunorm: boolean;
}

export interface OutlineFile {
  text: string;
  documents: OutlineDocument[];
  positions: TextPositions;
}

/** A `key:` found at a position: the key's raw text (quotes kept) and where its colon is. */
interface KeyMatch {
  /** End of the key (quotes included, trailing blanks not). */
  keyEnd: number;
  /** Offset just past the `:`. */
  afterColon: number;
}

const isBlank = (c: number) => c === 32 || c === 9;
/** Characters that cannot start a plain key (YAML indicators and blanks). */
const NOT_KEY_START = new Set([...' \t#\'"{[]}:,'].map((c) => c.charCodeAt(0)));

/**
 * The mapping key starting at `pos` on the line ending at `le`: a double- or single-quoted
 * string or a plain word, then blanks, then `:` followed by a blank or the line's end. One
 * pass over the line, no backtracking.
 */
function keyAt(text: string, pos: number, le: number): KeyMatch | null {
  const c = text.charCodeAt(pos);
  let i = pos;
  let keyEnd: number;
  if (c === 34 /* " */ || c === 39 /* ' */) {
    i++;
    for (;;) {
      if (i >= le) return null;
      const ch = text.charCodeAt(i);
      if (c === 34 && ch === 92 /* \ */) {
        i += 2;
        continue;
      }
      if (ch === c) {
        if (c === 39 && text.charCodeAt(i + 1) === 39) {
          i += 2;
          continue;
        }
        break;
      }
      i++;
    }
    keyEnd = i + 1;
    i = keyEnd;
    while (i < le && isBlank(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== 58 /* : */) return null;
  } else {
    if (pos >= le || NOT_KEY_START.has(c)) return null;
    // `-` starts a key only when a non-blank follows (`-x: 1`); `- ` is a list item.
    if (c === 45 && (pos + 1 >= le || isBlank(text.charCodeAt(pos + 1)) || text.charCodeAt(pos + 1) === 58 || text.charCodeAt(pos + 1) === 35)) return null;
    i = pos + 1;
    // A plain key runs to the first `:`; a `#` before it means a comment, not a key.
    while (i < le && text.charCodeAt(i) !== 58 && text.charCodeAt(i) !== 35) i++;
    if (i >= le || text.charCodeAt(i) === 35) return null;
    keyEnd = i;
    while (keyEnd > pos && isBlank(text.charCodeAt(keyEnd - 1))) keyEnd--;
  }
  // `i` is at the colon: it must end the line or be followed by a blank.
  if (i + 1 < le && !isBlank(text.charCodeAt(i + 1))) return null;
  return { keyEnd, afterColon: i + 1 };
}

/** Cuts a trailing ` # comment` that is outside quotes. */
function stripComment(text: string): string {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t')) return text.slice(0, i);
  }
  return text;
}

function unquote(key: string): string {
  if (key.startsWith('"') && key.endsWith('"') && key.length >= 2) {
    try {
      return JSON.parse(key) as string;
    } catch {
      return key.slice(1, -1);
    }
  }
  if (key.startsWith("'") && key.endsWith("'") && key.length >= 2) return key.slice(1, -1).replace(/''/g, "'");
  return key;
}

/** Every field present from the start: nodes of one shape, so walks over 100,000 of them (updateOutline) stay monomorphic. */
function newNode(line: number, indent: number, start: number): OutlineNode {
  return { key: undefined, index: undefined, line, indent, keyStart: start, keyEnd: start, value: undefined, end: start, start, children: [], container: undefined, opaque: undefined, items: undefined };
}

/**
 * Splits `{ a: 1, b: "x, y" }` starting at `open` (the `{`) into key/value children with
 * offsets. Nested brackets are kept whole as values.
 */
function flowPairs(text: string, open: number, line: number, lineStart: number): { pairs: OutlineNode[]; close: number } {
  const pairs: OutlineNode[] = [];
  let i = open + 1;
  let segStart = i;
  let depth = 0;
  let quote: string | undefined;
  const flush = (end: number) => {
    const raw = text.slice(segStart, end);
    const colon = raw.search(/:(?=[ \t]|$)/);
    const lead = raw.length - raw.trimStart().length;
    if (colon > 0) {
      const keyText = raw.slice(0, colon).trim();
      const keyStart = segStart + lead;
      const node = newNode(line, keyStart - lineStart, keyStart);
      node.key = unquote(keyText);
      node.keyEnd = keyStart + keyText.length;
      const rest = raw.slice(colon + 1);
      const vLead = rest.length - rest.trimStart().length;
      const vText = rest.trim();
      if (vText) node.value = { text: vText, start: segStart + colon + 1 + vLead, end: segStart + colon + 1 + vLead + vText.length };
      node.end = node.value?.end ?? node.keyEnd;
      pairs.push(node);
    }
  };
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n' || c === '\r') break;
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '{' || c === '[') depth++;
    else if ((c === '}' || c === ']') && depth > 0) depth--;
    else if (c === ',' && depth === 0) {
      flush(i);
      segStart = i + 1;
    } else if (c === '}' && depth === 0) {
      flush(i);
      return { pairs, close: i + 1 };
    }
  }
  flush(i);
  return { pairs, close: i };
}

/** Fills `node` from the text after its `key:` or `- ` (at `from`, up to the line's end). */
function readInlineValue(node: OutlineNode, text: string, from: number, lineEnd: number, line: number, lineStart: number): void {
  const raw = stripComment(text.slice(from, lineEnd));
  const lead = raw.length - raw.trimStart().length;
  const value = raw.trim();
  if (!value) return;
  const start = from + lead;
  node.value = { text: value, start, end: start + value.length };
  node.end = Math.max(node.end, node.value.end);
  if (value.startsWith('{')) {
    const { pairs } = flowPairs(text, start, line, lineStart);
    node.children = pairs;
    node.container = 'map';
    node.opaque = true;
  } else if (/^[|>][0-9+-]*$/.test(value) || value.startsWith('[') || value.startsWith('"') || value.startsWith("'")) {
    // Block scalars, flow lists and multi-line quoted strings: deeper lines are content.
    node.opaque = true;
  }
}

/** `---` or `...` at the start of a line (followed by a blank or the line's end). */
function indentIsMarker(text: string, ls: number, le: number): boolean {
  const c = text.charCodeAt(ls);
  if ((c !== 45 && c !== 46) || le - ls < 3 || text.charCodeAt(ls + 1) !== c || text.charCodeAt(ls + 2) !== c) return false;
  return le - ls === 3 || text.charCodeAt(ls + 3) === 32 || text.charCodeAt(ls + 3) === 9;
}

/** Builds the outline of every `---` document of a text. Linear in its length; never throws. */
export function buildOutline(text: string, positions = new TextPositions(text)): OutlineFile {
  const documents: OutlineDocument[] = [];
  let doc: OutlineDocument | undefined;
  let stack: OutlineNode[] = [];
  const startDocument = (start: number) => {
    const root = newNode(0, -1, start);
    root.container = 'map';
    doc = { index: documents.length, start, end: start, root, isEdunorm: false };
    documents.push(doc);
    stack = [root];
  };
  let opaqueIndent = -1;
  const lines = positions.lineCount;
  for (let line = 1; line <= lines; line++) {
    const ls = positions.lineStart(line);
    const le = positions.lineEnd(line);
    // Indentation and blank/comment lines by character codes: no string is cut for them.
    let first = ls;
    while (first < le && isBlank(text.charCodeAt(first))) first++;
    const c0 = first < le ? text.charCodeAt(first) : -1;
    if (indentIsMarker(text, ls, le)) {
      if (text.charCodeAt(ls) === 45) startDocument(le);
      else doc = undefined;
      opaqueIndent = -1;
      continue;
    }
    if (!doc) startDocument(ls);
    const current = doc!;
    current.end = le;
    if (c0 === -1 || c0 === 35 /* # */) continue;
    let indent = first - ls;
    if (opaqueIndent >= 0 && indent > opaqueIndent) {
      for (const n of stack) if (n.end < le) n.end = le;
      continue;
    }
    opaqueIndent = -1;
    if (c0 === 37 /* % */) continue;
    let isItem = c0 === 45 && (first + 1 === le || isBlank(text.charCodeAt(first + 1)));
    // Pop to the parent: a node at a smaller indent, or the key whose block list this is.
    for (;;) {
      const top = stack[stack.length - 1]!;
      if (top === current.root) break;
      if (top.indent < indent) break;
      if (top.indent === indent && isItem && top.key !== undefined && !top.value && top.container !== 'map') break;
      stack.pop();
    }
    let parent = stack[stack.length - 1]!;
    let pos = ls + indent;
    // `- key: value` and `- - x`: the item is a node; what follows the dash is its content.
    while (isItem) {
      if (parent.opaque) break;
      const item = newNode(line, indent, pos);
      item.keyEnd = pos + 1;
      item.end = pos + 1;
      item.index = parent.items ?? 0;
      parent.items = item.index + 1;
      parent.container = 'seq';
      parent.children.push(item);
      stack.push(item);
      parent = item;
      pos++;
      while (pos < le && isBlank(text.charCodeAt(pos))) pos++;
      indent = pos - ls;
      if (pos === le || text.charCodeAt(pos) === 35) break;
      isItem = text.charCodeAt(pos) === 45 && (pos + 1 === le || isBlank(text.charCodeAt(pos + 1)));
      if (!isItem && !keyAt(text, pos, le)) {
        readInlineValue(item, text, pos, le, line, ls);
        if (item.opaque) opaqueIndent = item.indent;
        break;
      }
    }
    const m = pos < le && !parent.opaque ? keyAt(text, pos, le) : null;
    if (m) {
      const node = newNode(line, indent, pos);
      node.key = unquote(text.slice(pos, m.keyEnd));
      node.keyEnd = m.keyEnd;
      node.end = node.keyEnd;
      readInlineValue(node, text, m.afterColon, le, line, ls);
      if (parent.container !== 'seq') parent.container = 'map';
      parent.children.push(node);
      stack.push(node);
      if (node.opaque) opaqueIndent = node.indent;
      if (parent === current.root && node.key === 'kind' && node.value) current.kind = unquote(node.value.text);
      if (parent === current.root && node.key === 'apiVersion' && node.value && /^["']?edunorm\//.test(node.value.text)) current.isEdunorm = true;
    }
    for (const n of stack) if (n.end < le) n.end = le;
  }
  if (documents.length === 0) startDocument(positions.lineStart(1));
  return { text, documents, positions };
}

export function documentAt(file: OutlineFile, offset: number): OutlineDocument {
  let found = file.documents[0]!;
  for (const d of file.documents) if (d.start <= offset) found = d;
  return found;
}

export interface PathHit {
  document: OutlineDocument;
  path: PathSegment[];
  node: OutlineNode;
  /** Whether the offset is on the key (or dash) or on the value. */
  part: 'key' | 'value';
}

function childAt(node: OutlineNode, offset: number): OutlineNode | undefined {
  const list = node.children;
  // Children are in text order: binary search by start, then check the span.
  let lo = 0;
  let hi = list.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start <= offset) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const c = best >= 0 ? list[best] : undefined;
  return c && offset <= c.end ? c : undefined;
}

/** The key or list item under an offset, with its data path (`['staff', 3, 'name']`). */
export function pathAt(file: OutlineFile, offset: number): PathHit | undefined {
  const document = documentAt(file, offset);
  let node = document.root;
  const path: PathSegment[] = [];
  for (;;) {
    const child = childAt(node, offset);
    if (!child) break;
    path.push(child.key ?? child.index!);
    node = child;
  }
  if (node === document.root) return undefined;
  const part = offset <= node.keyEnd ? 'key' : 'value';
  return { document, path, node, part };
}

export interface ContainerHit {
  document: OutlineDocument;
  path: PathSegment[];
  node: OutlineNode;
}

/**
 * The mapping or list that a new key typed at `offset` would belong to, judged by indentation
 * like YAML does: used by completion, where the current line is still incomplete.
 */
export function containerAt(file: OutlineFile, offset: number): ContainerHit {
  const at = file.positions.position(offset);
  const line = at.line;
  const column = offset - file.positions.lineStart(line);
  const document = documentAt(file, offset);
  let node = document.root;
  const path: PathSegment[] = [];
  for (;;) {
    let candidate: OutlineNode | undefined;
    for (let i = node.children.length - 1; i >= 0; i--) {
      const c = node.children[i]!;
      if (c.line < line || (c.line === line && c.key === undefined && c.start < offset)) {
        candidate = c;
        break;
      }
    }
    if (!candidate || column <= candidate.indent) break;
    if (candidate.key !== undefined && (candidate.line === line || candidate.value) && !candidate.container) break;
    path.push(candidate.key ?? candidate.index!);
    node = candidate;
    if (node.opaque && node.container !== 'map') break;
  }
  return { document, path, node };
}

/** Whether `offset` starts a line of `text` (LF, CRLF or a lone CR before it: TextPositions' line breaks). */
function isLineStart(text: string, offset: number): boolean {
  if (offset === 0 || offset === text.length) return true;
  const before = text.charCodeAt(offset - 1);
  return before === 10 || (before === 13 && text.charCodeAt(offset) !== 10);
}

/** Moves a subtree by `delta` characters and `lines` lines (in place: it is the tracker's own). */
function shiftNode(node: OutlineNode, delta: number, lines: number): void {
  node.start += delta;
  node.keyStart += delta;
  node.keyEnd += delta;
  node.end += delta;
  node.line += lines;
  if (node.value) {
    node.value.start += delta;
    node.value.end += delta;
  }
  for (const c of node.children) shiftNode(c, delta, lines);
}

/**
 * The outline of `text` — `previous.text` with [from, oldTo) replaced by what is now at
 * [from, newTo) — made by outlining again only the list item of a top-level list that the
 * edit stays in (a keystroke in one staff record of a 20,000-person file), or undefined when
 * the edit is anywhere else and the caller builds the outline afresh.
 *
 * The item's region runs from its `-` line to the next child's line (the last item: to the
 * line after its last line). Outlined alone, a region whose first line is a `-` at the item's
 * column and whose every other line is blank, a comment or deeper gives the item that
 * buildOutline gives in the whole text: the lines before it leave buildOutline's stack at the
 * list's key (an item starts a line at the list's column, which ends any block scalar above
 * it), and the line after it pops everything the region pushed (it is no deeper than the
 * item). The nodes after the region move by the edit's length. `previous` is changed in place
 * (its nodes are reused): only its owner, one editor document's tracker, may call this.
 * tests/outline.test.ts compares the result with buildOutline edit after edit.
 */
export function updateOutline(previous: OutlineFile, text: string, from: number, oldTo: number, newTo: number): OutlineFile | undefined {
  const old = previous.positions;
  const d = previous.documents.findLastIndex((doc) => doc.start <= from);
  const doc = previous.documents[d];
  if (!doc || oldTo > doc.end) return undefined;
  const root = doc.root;
  const k = childIndexAt(root.children, from, (n) => n.start);
  const list = root.children[k];
  if (root.container !== 'map' || !list || list.key === undefined || list.container !== 'seq' || list.opaque || list.value) return undefined;
  const items = list.children;
  // By the start of each child's line: an edit in the blanks before a `-` is in that item.
  const j = childIndexAt(items, from, (n) => old.lineStart(n.line));
  const item = items[j];
  if (!item || item.index === undefined || item.start !== old.lineStart(item.line) + item.indent) return undefined;
  const regionStart = old.lineStart(item.line);
  const next = items[j + 1];
  const itemEndLine = old.position(item.end).line;
  const oldEnd = next ? old.lineStart(next.line) : itemEndLine < old.lineCount ? old.lineStart(itemEndLine + 1) : previous.text.length;
  if (next && next.line <= itemEndLine) return undefined; // the next child starts on the item's last line (a flow value)
  if (from < regionStart || oldTo > oldEnd) return undefined;
  const delta = newTo - oldTo;
  const newEnd = oldEnd + delta;
  if (newEnd > text.length || newEnd <= regionStart || !isLineStart(text, regionStart) || !isLineStart(text, newEnd)) return undefined;
  const region = text.slice(regionStart, newEnd);
  // The region's first line is a `-` at the item's column; every other line blank, a comment or deeper.
  const regionPositions = new TextPositions(region, false);
  for (let line = 1; line <= regionPositions.lineCount; line++) {
    const ls = regionPositions.lineStart(line);
    const le = regionPositions.lineEnd(line);
    if (line > 1 && ls === region.length) break;
    let first = ls;
    while (first < le && isBlank(region.charCodeAt(first))) first++;
    if (line === 1) {
      if (first - ls !== item.indent || region.charCodeAt(first) !== 45 || (first + 1 < le && !isBlank(region.charCodeAt(first + 1)))) return undefined;
    } else if (first < le && region.charCodeAt(first) !== 35 && first - ls <= item.indent) return undefined;
  }
  const alone = buildOutline(region, regionPositions);
  if (alone.documents.length !== 1 || alone.documents[0]!.root.children.length !== 1) return undefined;
  const fresh = alone.documents[0]!.root.children[0]!;
  if (fresh.index !== 0) return undefined;
  const positions = TextPositions.spliced(old, text, regionStart, oldEnd, newEnd);
  const lines = positions.lineCount - old.lineCount;
  shiftNode(fresh, regionStart, item.line - 1);
  fresh.index = item.index;
  items[j] = fresh;
  // A figure retyped (as many characters, no line added) moves nothing after it.
  if (delta !== 0 || lines !== 0) {
    for (let i = j + 1; i < items.length; i++) shiftNode(items[i]!, delta, lines);
    for (let i = k + 1; i < root.children.length; i++) shiftNode(root.children[i]!, delta, lines);
  }
  // The list and the root ended in the region when the item was their last content.
  for (const ancestor of [list, root]) ancestor.end = ancestor.end >= oldEnd ? ancestor.end + delta : fresh.end;
  doc.end = doc.end >= oldEnd ? doc.end + delta : positions.lineEnd(positions.position(newEnd - 1).line);
  for (let i = d + 1; i < previous.documents.length; i++) {
    const later = previous.documents[i]!;
    later.start += delta;
    later.end += delta;
    shiftNode(later.root, delta, lines);
    later.root.line = 0; // a document's root is on no line
  }
  return { text, documents: previous.documents, positions };
}

/** The index of the last child whose `startOf` is at or before `offset` (children are in text order), or -1. */
function childIndexAt(list: readonly OutlineNode[], offset: number, startOf: (node: OutlineNode) => number): number {
  let lo = 0;
  let hi = list.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (startOf(list[mid]!) <= offset) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}
