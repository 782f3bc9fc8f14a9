/**
 * A fast path for the YAML that edunorm files are made of: block mappings and sequences,
 * one-line flow collections, single-line plain and quoted scalars, comments, `---`.
 *
 * Why: parsing with `yaml` (compose a Document, then toJS) is the floor of any checker built
 * on it, and it dominates edunorm's time. This parser builds plain values and the spans of
 * every key and value in one pass over the lines, several times faster.
 *
 * Safety: anything outside that subset — anchors, aliases, tags, block scalars, multi-line
 * scalars or flow collections, tabs, BOM, directives, duplicate keys, odd indentation —
 * makes it give up (return undefined), and the caller parses the whole text with `yaml`,
 * which also reports every error. The subset is resolved exactly as `yaml` resolves it
 * (YAML 1.2 core schema); a differential test compares both on every example, rule test
 * document and fuzzed mutation.
 */

/** Spans of the keys and values of one mapping (4 offsets per key), or items of a sequence (2 per item). */
export interface MapInfo {
  keys: string[];
  /** keyStart, keyEnd, valueStart, valueEnd per key; value offsets are -1 when the value is empty. */
  spans: number[];
}
export interface SeqInfo {
  spans: number[];
}

export interface FastDocument {
  value: unknown;
  /** [start, end) of the document's text (between `---` markers). */
  span: [number, number];
  /** [start, end) of the root value, or undefined for an empty document. */
  root?: [number, number];
  /** Spans of every collection of the document (a Map: WeakMaps of this size slow the GC). */
  info: Map<object, MapInfo | SeqInfo>;
}

import { hasIdeographicIndent } from './yaml-mistakes.js';

class GiveUp extends Error {}

/**
 * Whether `key` is already among `keys`. Small mappings (all of a real file's) scan the array;
 * past 16 keys a Set takes over, so a hostile mapping with 100,000 keys stays linear.
 */
function hasKey(keys: readonly string[], key: string, holder: { seen?: Set<string> }): boolean {
  if (keys.length < 16) return keys.includes(key);
  holder.seen ??= new Set(keys);
  if (holder.seen.has(key)) return true;
  holder.seen.add(key);
  return false;
}
const giveUp = (): never => {
  throw new GiveUp();
};

const OCT_RE = /^0o[0-7]+$/;
const INT_RE = /^[-+]?[0-9]+$/;
const HEX_RE = /^0x[0-9a-fA-F]+$/;
const SPECIAL_FLOAT_RE = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const EXP_FLOAT_RE = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT_RE = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** Resolves a plain scalar as the YAML 1.2 core schema does (the `yaml` package's default). */
export function resolvePlain(s: string): unknown {
  // Most scalars are names and codes: decide by the first character, and compare the few
  // null and boolean spellings directly, before any of the schema's regular expressions.
  if (s.length === 0) return null;
  const c = s.charCodeAt(0);
  const numeric = (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46; // 0-9 + - .
  if (!numeric) {
    if (s.length > 5) return s;
    switch (s) {
      case '~':
      case 'null':
      case 'Null':
      case 'NULL':
        return null;
      case 'true':
      case 'True':
      case 'TRUE':
        return true;
      case 'false':
      case 'False':
      case 'FALSE':
        return false;
      default:
        return s;
    }
  }
  if (OCT_RE.test(s)) return parseInt(s.slice(2), 8);
  if (INT_RE.test(s)) return Number(s);
  if (HEX_RE.test(s)) return parseInt(s.slice(2), 16);
  if (SPECIAL_FLOAT_RE.test(s)) return s.endsWith('nan') || s.endsWith('NaN') || s.endsWith('NAN') ? NaN : s[0] === '-' ? -Infinity : Infinity;
  if (EXP_FLOAT_RE.test(s) || FLOAT_RE.test(s)) return parseFloat(s);
  return s;
}

function setKey(obj: Record<string, unknown>, key: string, value: unknown): void {
  // An own property, even for `__proto__`: plain assignment would replace the prototype.
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

/** Characters that may not start a plain scalar in the subset (YAML indicators). */
const BAD_PLAIN_START = new Set(['[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`', ',', '?', ':']);
/** The same by character code (the parser reads codes: indexing a string makes a one-character string). */
const BAD_PLAIN_CODE = new Uint8Array(128);
for (const c of BAD_PLAIN_START) BAD_PLAIN_CODE[c.charCodeAt(0)] = 1;
const badPlainStart = (code: number): boolean => code < 128 && BAD_PLAIN_CODE[code] === 1;
const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const MAX_FLOW_DEPTH = 64;

/**
 * Keys and short plain values seen before, by first character and length: a key of the next
 * record (`name`, `role`, …) is found here by comparing characters in place, instead of being
 * cut out of the line and looked up by V8's string table when it becomes a property name (a
 * third of this parser's time), and a repeated value (`teacher`, `true`, `2022`) comes with
 * its resolved value. A hit is a string with exactly the characters of the text, so the result
 * is what cutting and resolving would give. Module-wide: every file has the same keys.
 *
 * Only flat copies are kept (a slice of a long text would keep that text alive): V8 copies
 * slices under 13 characters; a longer key is kept as the name V8 stored it under (its own copy).
 */
const CACHED_LENGTH = 32;
const SLOTS = 8192;
const KEY_TEXT: (string | undefined)[] = new Array<string | undefined>(SLOTS).fill(undefined);
const VALUE_TEXT: (string | undefined)[] = new Array<string | undefined>(SLOTS).fill(undefined);
const VALUE: unknown[] = new Array<unknown>(SLOTS).fill(undefined);
/** A text's slot by its first and last character and its length (`specialEducation` and `specialEdSubsidy` apart). */
const cacheSlot = (first: number, last: number, length: number): number => (first * 1021 + last * 31 + length) & (SLOTS - 1);
/** Whether line[start, start + known.length) is `known` (the caller compared the lengths). */
function sameText(line: string, start: number, known: string): boolean {
  for (let j = known.length - 1; j >= 0; j--) if (line.charCodeAt(start + j) !== known.charCodeAt(j)) return false;
  return true;
}
/** Slices of at least this length share their parent's characters in V8 (SlicedString::kMinLength). */
const COPIED_BELOW = 13;

/** `text` as V8 keeps a property name: an internalized flat copy, never a slice of a larger text. */
function ownCopy(text: string): string {
  return Object.keys({ [text]: 0 })[0]!;
}

/**
 * Reads one line's tokens. `line` is the line's text, `base` its offset in the whole text; one
 * reader is reset for every line of a text (`at`). A token read sets `start`/`end` (offsets in
 * the whole text) and returns its value; no object per token.
 */
class LineReader {
  pos = 0;
  line = '';
  base = 0;
  /** [start, end) of the last token read, in the whole text. */
  start = 0;
  end = 0;
  /** The last block value read (blockValue). */
  value: unknown = null;
  /**
   * The first ` #` at or after `hashFrom` on this line (-1: none), found by the block key and
   * reused by its value (one search of the line instead of two); hashFrom -1: not searched.
   */
  hash = -1;
  hashFrom = -1;
  constructor(readonly info: Map<object, MapInfo | SeqInfo>) {}

  at(line: string, base: number, pos: number): this {
    this.line = line;
    this.base = base;
    this.pos = pos;
    this.hashFrom = -1;
    return this;
  }

  skipSpaces(): void {
    while (this.line.charCodeAt(this.pos) === SPACE) this.pos++;
  }

  /** True when only spaces and an optional comment remain. */
  atEnd(): boolean {
    this.skipSpaces();
    return this.pos >= this.line.length || (this.line.charCodeAt(this.pos) === HASH && (this.pos === 0 || this.line.charCodeAt(this.pos - 1) === SPACE));
  }

  expectEnd(): void {
    if (!this.atEnd()) giveUp();
  }

  quoted(): string {
    const q = this.line[this.pos]!;
    const start = this.pos;
    let i = start + 1;
    let out = '';
    for (;;) {
      if (i >= this.line.length) giveUp(); // multi-line quoted scalar
      const c = this.line[i]!;
      if (q === '"' && c === '\\') giveUp(); // escapes: leave them to `yaml`
      if (c === q) {
        if (q === "'" && this.line[i + 1] === "'") {
          out += "'";
          i += 2;
          continue;
        }
        break;
      }
      out += c;
      i++;
    }
    this.pos = i + 1;
    this.start = this.base + start;
    this.end = this.base + this.pos;
    return out;
  }

  /** The resolved plain scalar of line[start, end) (the value cache first). */
  resolved(start: number, end: number): unknown {
    const line = this.line;
    const length = end - start;
    const c = line.charCodeAt(start);
    if (length >= COPIED_BELOW || c >= 128) return resolvePlain(line.slice(start, end));
    const slot = cacheSlot(c, line.charCodeAt(end - 1), length);
    const known = VALUE_TEXT[slot];
    if (known !== undefined && known.length === length && sameText(line, start, known)) return VALUE[slot];
    const text = line.slice(start, end);
    const value = resolvePlain(text);
    VALUE_TEXT[slot] = text;
    VALUE[slot] = value;
    return value;
  }

  /** A plain scalar in block context: up to ` #` or the end of the line, trailing spaces dropped. */
  plainBlock(): unknown {
    const line = this.line;
    const start = this.pos;
    const first = line.charCodeAt(start);
    if (badPlainStart(first) || (first === DASH && (line.charCodeAt(start + 1) === SPACE || start + 1 === line.length))) giveUp();
    let end = line.length;
    const known = this.hashFrom >= 0 && this.hashFrom <= start && (this.hash < 0 || this.hash >= start);
    const hash = known ? this.hash : line.indexOf(' #', start);
    if (hash >= 0) end = hash;
    while (end > start && line.charCodeAt(end - 1) === SPACE) end--;
    // `a: b: c` and similar are errors or nested mappings to `yaml`: not ours to decide.
    if (line.charCodeAt(end - 1) === COLON) giveUp();
    const colon = line.indexOf(': ', start);
    if (colon >= 0 && colon < end) giveUp();
    this.pos = end;
    this.start = this.base + start;
    this.end = this.base + end;
    return this.resolved(start, end);
  }

  /** A plain scalar inside a flow collection: stops at `,` `]` `}` and `: `. */
  plainFlow(): unknown {
    const start = this.pos;
    const first = this.line[start];
    if (first === undefined || BAD_PLAIN_START.has(first) || (first === '-' && this.line[start + 1] === ' ')) giveUp();
    let i = start;
    for (; i < this.line.length; i++) {
      const c = this.line[i]!;
      if (c === ',' || c === ']' || c === '}') break;
      if (c === ':' ) {
        const n = this.line[i + 1];
        if (n === ' ' || n === ',' || n === ']' || n === '}' || n === undefined) break;
        giveUp(); // `a:b` in flow: leave it to `yaml`
      }
      if (c === '#' && this.line[i - 1] === ' ') giveUp();
      if (c === '[' || c === '{') giveUp();
    }
    let end = i;
    while (end > start && this.line.charCodeAt(end - 1) === 32) end--;
    if (end === start) giveUp();
    this.pos = end;
    this.start = this.base + start;
    this.end = this.base + end;
    return this.resolved(start, end);
  }

  /** A mapping key and its `:`; `start`/`end` are the key's. */
  key(flow: boolean): string {
    const line = this.line;
    const code = line.charCodeAt(this.pos);
    let k: string;
    if (code === 34 || code === 39) k = this.quoted(); // " '
    else {
      const start = this.pos;
      let i: number;
      if (Number.isNaN(code) || badPlainStart(code) || code === DASH || code === SPACE) giveUp();
      if (!flow) {
        // Block keys end at the first `:` followed by a space or the end of the line; a ` #`
        // before it would make the rest a comment.
        i = line.indexOf(':', start);
        while (i >= 0 && i + 1 < line.length && line.charCodeAt(i + 1) !== SPACE) i = line.indexOf(':', i + 1);
        if (i < 0) i = line.length;
        const hash = line.indexOf(' #', start);
        if (hash >= 0 && hash + 1 < i) giveUp();
        this.hash = hash;
        this.hashFrom = start;
      } else
        for (i = start; i < line.length; i++) {
          const ch = line[i]!;
          if (ch === ':' && (line[i + 1] === ' ' || i + 1 === line.length)) break;
          if (ch === '#' && line[i - 1] === ' ') giveUp();
          if (ch === ',' || ch === '{' || ch === '}' || ch === '[' || ch === ']') giveUp();
        }
      let end = i;
      while (end > start && line.charCodeAt(end - 1) === SPACE) end--;
      const length = end - start;
      const slot = code < 128 && length < CACHED_LENGTH ? cacheSlot(code, line.charCodeAt(end - 1), length) : -1;
      const known = slot >= 0 ? KEY_TEXT[slot] : undefined;
      if (known !== undefined && known.length === length && sameText(line, start, known)) k = known; // a key that passed the tests below
      else {
        const text = line.slice(start, end);
        if (text === '<<') giveUp();
        // A key that the core schema reads as a number, boolean or null becomes a different
        // string in `yaml`'s toJS; those are not keys of our contract anyway.
        if (resolvePlain(text) !== text) giveUp();
        k = text;
        if (slot >= 0) KEY_TEXT[slot] = length < COPIED_BELOW ? text : ownCopy(text);
      }
      this.start = this.base + start;
      this.end = this.base + end;
      this.pos = end;
    }
    this.skipSpaces();
    if (line.charCodeAt(this.pos) !== COLON) giveUp();
    if (this.pos + 1 < line.length && line.charCodeAt(this.pos + 1) !== SPACE) giveUp();
    this.pos++;
    this.skipSpaces();
    return k;
  }

  flow(depth: number): unknown {
    if (depth > MAX_FLOW_DEPTH) giveUp();
    const open = this.line[this.pos]!;
    const start = this.pos;
    this.pos++;
    this.skipSpaces();
    if (open === '[') {
      const arr: unknown[] = [];
      const spans: number[] = [];
      if (this.line[this.pos] === ']') this.pos++;
      else
        for (;;) {
          arr.push(this.flowValue(depth));
          spans.push(this.start, this.end);
          this.skipSpaces();
          const c = this.line[this.pos];
          if (c === ',') {
            this.pos++;
            this.skipSpaces();
            if (this.line[this.pos] === ']') giveUp(); // trailing comma
            continue;
          }
          if (c === ']') {
            this.pos++;
            break;
          }
          giveUp();
        }
      this.info.set(arr, { spans });
      this.start = this.base + start;
      this.end = this.base + this.pos;
      return arr;
    }
    const obj: Record<string, unknown> = {};
    const keys: string[] = [];
    const spans: number[] = [];
    const holder: { seen?: Set<string> } = {};
    if (this.line[this.pos] === '}') this.pos++;
    else
      for (;;) {
        const key = this.key(true);
        if (hasKey(keys, key, holder)) giveUp();
        spans.push(this.start, this.end);
        const c = this.line[this.pos];
        if (c === ',' || c === '}') {
          setKey(obj, key, null);
          spans.push(-1, -1);
        } else {
          setKey(obj, key, this.flowValue(depth));
          spans.push(this.start, this.end);
        }
        keys.push(key);
        this.skipSpaces();
        const d = this.line[this.pos];
        if (d === ',') {
          this.pos++;
          this.skipSpaces();
          if (this.line[this.pos] === '}') giveUp();
          continue;
        }
        if (d === '}') {
          this.pos++;
          break;
        }
        giveUp();
      }
    this.info.set(obj, { keys, spans });
    this.start = this.base + start;
    this.end = this.base + this.pos;
    return obj;
  }

  flowValue(depth: number): unknown {
    this.skipSpaces();
    const c = this.line[this.pos];
    if (c === '[' || c === '{') return this.flow(depth + 1);
    if (c === '"' || c === "'") return this.quoted();
    return this.plainFlow();
  }

  /** A value after `key: ` or `- ` on a block line into `value`, `start`, `end`; false when the line ends there. */
  blockValue(): boolean {
    if (this.atEnd()) return false;
    const c = this.line.charCodeAt(this.pos);
    if (c === 91 || c === 123) this.value = this.flow(0); // [ {
    else if (c === 34 || c === 39) this.value = this.quoted(); // " '
    else this.value = this.plainBlock();
    this.expectEnd();
    return true;
  }
}

interface MapFrame {
  kind: 'map';
  indent: number;
  /** The keys so far, for duplicate detection in linear time (made once the map grows). */
  seen?: Set<string>;
  /** Offset of the first key. */
  start: number;
  obj: Record<string, unknown>;
  meta: MapInfo;
  /** A key whose value is a nested block (or nothing) still to come. */
  pending?: number;
  end: number;
}
interface SeqFrame {
  kind: 'seq';
  indent: number;
  /** Offset of the first `-`. */
  start: number;
  arr: unknown[];
  meta: SeqInfo;
  pending?: number;
  end: number;
}
type Frame = MapFrame | SeqFrame;

/**
 * Parses a whole text, or returns undefined when any part of it is outside the subset (the
 * caller then uses `yaml`).
 */
export function fastParse(text: string, comments?: number[], lineStarts?: number[]): FastDocument[] | undefined {
  // U+3000 in indentation is a mistake the full parser's explanation reports (yaml-mistakes.ts).
  if (text.charCodeAt(0) === 0xfeff || text.includes('\t') || (text.includes('\r') && /\r(?!\n)/.test(text)) || hasIdeographicIndent(text)) return undefined;
  try {
    const found: number[] = [];
    const docs = parseDocuments(text, found, lineStarts ?? []);
    if (comments) for (const n of found) comments.push(n);
    return docs;
  } catch (error) {
    if (error instanceof GiveUp) return undefined;
    // Anything unexpected (a bug of this fast path) also falls back to the full parser.
    return undefined;
  }
}

/**
 * `comments` receives [start, end) of every comment token (`#` to the end of its line): only
 * these are YAML comments; a `#` inside a scalar is content. Suppression directives are read
 * from them, so both parsers must report exactly the same tokens (tested differentially).
 * `lineStarts` receives 0 and the offset after every LF, the text's line index
 * (TextPositions.adoptLineStarts), complete when the parse succeeds.
 */
function parseDocuments(text: string, comments: number[], lineStarts: number[]): FastDocument[] {
  const docs: FastDocument[] = [];
  const info = new Map<object, MapInfo | SeqInfo>();
  let stack: Frame[] = [];
  let root: Frame | undefined;
  let docStart = 0;
  let seenContent = false;
  /** The current document began with `---` (so it exists even when empty). */
  let explicit = false;

  const reader = new LineReader(info);
  const attach = (frame: Frame, value: unknown, start: number, end: number) => {
    // Puts a finished value into the slot its parent left pending.
    if (frame.kind === 'map') {
      const i = frame.pending!;
      setKey(frame.obj, frame.meta.keys[i]!, value);
      frame.meta.spans[i * 4 + 2] = start;
      frame.meta.spans[i * 4 + 3] = end;
    } else {
      const i = frame.pending!;
      frame.arr[i] = value;
      frame.meta.spans[i * 2] = start;
      frame.meta.spans[i * 2 + 1] = end;
    }
    frame.pending = undefined;
    if (end > frame.end) frame.end = end;
  };

  const pop = () => {
    const f = stack.pop()!;
    if (f.pending !== undefined) f.pending = undefined; // `key:` with nothing below: null, already set
    const parent = stack[stack.length - 1];
    if (parent) attach(parent, f.kind === 'map' ? f.obj : f.arr, f.start, f.end);
  };

  const finishDocument = (end: number) => {
    while (stack.length) pop();
    const doc: FastDocument = { value: root ? (root.kind === 'map' ? root.obj : root.arr) : null, span: [docStart, end], info };
    if (root) doc.root = [root.start, root.end];
    if (seenContent || explicit) docs.push(doc);
    stack = [];
    root = undefined;
    seenContent = false;
    explicit = false;
  };

  const newMap = (indent: number, start: number): MapFrame => {
    const f: MapFrame = { kind: 'map', indent, start, obj: {}, meta: { keys: [], spans: [] }, end: 0 };
    info.set(f.obj, f.meta);
    return f;
  };
  const newSeq = (indent: number, start: number): SeqFrame => {
    const f: SeqFrame = { kind: 'seq', indent, start, arr: [], meta: { spans: [] }, end: 0 };
    info.set(f.arr, f.meta);
    return f;
  };

  const addEntry = (frame: MapFrame, r: LineReader) => {
    const key = r.key(false);
    if (hasKey(frame.meta.keys, key, frame)) giveUp(); // duplicate: `yaml` reports it with its position
    const keyStart = r.start;
    const keyEnd = r.end;
    const i = frame.meta.keys.length;
    frame.meta.keys.push(key);
    if (r.blockValue()) {
      frame.meta.spans.push(keyStart, keyEnd, r.start, r.end);
      setKey(frame.obj, key, r.value);
      if (r.end > frame.end) frame.end = r.end;
    } else {
      frame.meta.spans.push(keyStart, keyEnd, -1, -1);
      setKey(frame.obj, key, null);
      if (keyEnd + 1 > frame.end) frame.end = keyEnd + 1;
      frame.pending = i;
    }
  };

  const addItem = (frame: SeqFrame, r: LineReader, dashCol: number) => {
    const i = frame.arr.length;
    r.pos = dashCol + 1;
    r.skipSpaces();
    const dashOffset = r.base + dashCol;
    if (r.atEnd()) {
      frame.arr.push(null);
      frame.meta.spans.push(-1, -1);
      frame.pending = i;
      frame.end = Math.max(frame.end, dashOffset + 1);
      return;
    }
    const c = r.line[r.pos]!;
    if (c === '-' && (r.line[r.pos + 1] === ' ' || r.pos + 1 === r.line.length)) giveUp(); // `- - x`
    // `- key: value` opens a mapping whose indent is the key's column.
    if (looksLikeKey(r.line, r.pos)) {
      const child = newMap(r.pos, r.base + r.pos);
      frame.arr.push(null);
      frame.meta.spans.push(-1, -1);
      frame.pending = i;
      stack.push(child);
      addEntry(child, r);
      return;
    }
    r.blockValue();
    frame.arr.push(r.value);
    frame.meta.spans.push(r.start, r.end);
    frame.end = Math.max(frame.end, r.end);
  };

  let offset = 0;
  const length = text.length;
  while (offset < length || offset === 0) {
    let nl = text.indexOf('\n', offset);
    if (nl < 0) nl = length;
    let lineEnd = nl;
    if (lineEnd > offset && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    const line = text.slice(offset, lineEnd);
    const base = offset;
    if (offset === 0) lineStarts.push(0);
    offset = nl + 1;
    if (nl < length) lineStarts.push(offset);

    let indent = 0;
    while (line.charCodeAt(indent) === SPACE) indent++;
    const first = line.charCodeAt(indent);
    if (indent === line.length || first === HASH) {
      if (indent < line.length) comments.push(base + indent, base + line.length);
      if (nl >= length) break;
      continue;
    }
    if (indent === 0 && (first === DASH || first === 46) && (line.startsWith('---') || line.startsWith('...'))) {
      if (line.startsWith('...')) giveUp();
      const rest = line.slice(3);
      if (rest !== '' && !/^ +(#.*)?$/.test(rest)) giveUp(); // `--- value`, `--- !tag`
      const hash = rest.indexOf('#');
      if (hash >= 0) comments.push(base + 3 + hash, base + line.length);
      if (seenContent || explicit) finishDocument(base);
      docStart = base;
      explicit = true;
      if (nl >= length) break;
      continue;
    }
    if (first === 37) giveUp(); // %
    seenContent = true;
    const r = reader.at(line, base, indent);
    const isItem = first === DASH && (line.charCodeAt(indent + 1) === SPACE || indent + 1 === line.length);

    if (!root) {
      if (indent !== 0 && !isItem && !looksLikeKey(line, indent)) giveUp();
      root = isItem ? newSeq(indent, base + indent) : looksLikeKey(line, indent) ? newMap(indent, base + indent) : giveUp();
      stack.push(root);
    }
    for (;;) {
      const top = stack[stack.length - 1];
      if (!top) giveUp(); // a line less indented than the root
      const t = top!;
      if (t.pending !== undefined) {
        if (isItem && indent >= t.indent && (indent > t.indent || t.kind === 'map')) {
          const child = newSeq(indent, base + indent);
          stack.push(child);
          addItem(child, r, indent);
          break;
        }
        if (indent > t.indent && !isItem) {
          if (!looksLikeKey(line, indent)) giveUp(); // a multi-line scalar
          const child = newMap(indent, base + indent);
          stack.push(child);
          addEntry(child, r);
          break;
        }
        t.pending = undefined; // empty value: null
      }
      if (t.kind === 'map') {
        if (indent === t.indent && !isItem) {
          addEntry(t, r);
          break;
        }
        if (indent < t.indent || (indent === t.indent && isItem)) {
          if (stack.length === 1) giveUp();
          pop();
          continue;
        }
        giveUp();
      } else {
        if (indent === t.indent && isItem) {
          addItem(t, r, indent);
          break;
        }
        if (indent < t.indent || (indent === t.indent && !isItem)) {
          if (stack.length === 1) giveUp();
          pop();
          continue;
        }
        giveUp();
      }
    }
    // Every accepted line ends with spaces and at most one comment (expectEnd/atEnd checked it).
    r.skipSpaces();
    if (r.pos < line.length) {
      if (line[r.pos] !== '#') giveUp();
      comments.push(base + r.pos, base + line.length);
    }
    if (nl >= length) break;
  }
  finishDocument(length);
  return docs;
}

/** Whether a block line's content at `pos` is `key:` / `key: value` (a mapping entry). */
function looksLikeKey(line: string, pos: number): boolean {
  const c = line[pos];
  if (c === '"' || c === "'") {
    const close = line.indexOf(c, pos + 1);
    if (close < 0) return false;
    let i = close + 1;
    while (line[i] === ' ') i++;
    return line[i] === ':' && (line[i + 1] === ' ' || i + 1 === line.length);
  }
  if (c === '[' || c === '{') return false;
  for (let i = pos; i < line.length; i++) {
    const ch = line[i];
    if (ch === ':' && (line[i + 1] === ' ' || i + 1 === line.length)) return true;
    if (ch === '#' && line[i - 1] === ' ') return false;
  }
  return false;
}
