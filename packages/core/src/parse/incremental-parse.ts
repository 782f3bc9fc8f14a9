/**
 * Re-reading one record of a long list instead of the whole text (an editor keystroke in a
 * 20,000-person staffing file). Starts from a text the fast path read as one document whose
 * root holds a block list, e.g.
 *
 *   staff:
 *     - id: T00001      ← region of record 0: from its `-` line up to the next record's
 *       annualSalary: 96000
 *     - id: T00002      ← region of record 1
 *
 * An edit that stays inside one record's region is re-read by parsing that region alone with
 * the fast path. That gives what the whole text's parse would, because in the fast path's
 * subset a region that reads as exactly one item at the list's indentation, every other line
 * more indented, interacts with nothing around it: the lines before it leave the parser at the
 * list, the line after it closes whatever it opened. The new document value shares every
 * other record (same objects) with the previous one, so what was computed per record can be
 * reused (facts/incremental.ts). Anything else — a suppression directive in the region, a
 * region that no longer reads as one item, a second document, a BOM, tabs, lone CRs — returns
 * undefined and the caller parses the whole text.
 */
import { fastParse, type MapInfo, type SeqInfo } from './fast-parse.js';
import { walkFast, type NodeLocation, type ParsedDocument, type ParsedFile, type Span } from './parse-yaml.js';
import type { PathSegment } from '../path.js';
import { TextPositions } from './text-positions.js';

type Info = ReadonlyMap<object, MapInfo | SeqInfo>;

/** Where a document's list records are, and what the rest of the document is read from. */
export interface ListLayout {
  /** The root key holding the list. */
  readonly key: string;
  /** The first full reading's root value and spans: every key but the list is located in it. */
  readonly headRoot: Record<string, unknown>;
  readonly headInfo: Info;
  /** Head offsets at or after this (the line after the list, in the first reading) have moved by `tailShift`. */
  readonly tailFrom: number;
  readonly tailShift: number;
  readonly rootSpan: Span;
  /** The root ended where the list ended (the list is the last key). */
  readonly rootEndsWithList: boolean;
  readonly keySpan: Span;
  /** Where the list's value starts (its first `-`). */
  readonly listStart: number;
  /** Column of every record's `-`. */
  readonly indent: number;
  readonly items: readonly unknown[];
  /** Per record: the spans map it was read with and how far it moved since. */
  readonly infos: readonly Info[];
  readonly shifts: readonly number[];
  /** Per record: [start, end) of its value, as it is now. */
  readonly spans: readonly number[];
  /** Per record: the line start of its `-` line. */
  readonly regions: readonly number[];
  /** Where the last record's region ends (the line after the list). */
  readonly regionsEnd: number;
}

/** A document made of a previous reading and one re-read record. */
class SplicedDocument implements ParsedDocument {
  readonly index = 0;
  readonly problems = [];
  readonly empty = false;
  constructor(
    readonly value: Record<string, unknown>,
    readonly span: Span,
    readonly layout: ListLayout,
  ) {}

  locate(path: readonly PathSegment[]): { path: PathSegment[]; location: NodeLocation } {
    return locateInLayout(this.layout, path);
  }

  itemSpan(key: PathSegment, index: number): Span | undefined {
    const { layout } = this;
    if (key !== layout.key || !Number.isInteger(index) || index < 0 || index >= layout.items.length) return undefined;
    const start = layout.spans[index * 2]!;
    return start >= 0 ? [start, layout.spans[index * 2 + 1]!] : undefined;
  }
}

function listEnd(layout: Pick<ListLayout, 'spans'>): number {
  return layout.spans[layout.spans.length - 1]!;
}

function currentRootSpan(layout: ListLayout): Span {
  const [start, end] = layout.rootSpan;
  return [start, layout.rootEndsWithList ? listEnd(layout) : end >= layout.tailFrom ? end + layout.tailShift : end];
}

function locateInLayout(layout: ListLayout, path: readonly PathSegment[]): { path: PathSegment[]; location: NodeLocation } {
  const root: NodeLocation = { value: currentRootSpan(layout) };
  if (path.length === 0) return { path: [], location: root };
  if (path[0] === layout.key) {
    const list: NodeLocation = { key: layout.keySpan, value: [layout.listStart, listEnd(layout)] };
    const i = path[1];
    if (typeof i !== 'number' || i >= layout.items.length) return { path: [layout.key], location: list };
    const s = layout.spans[i * 2]!;
    const item: NodeLocation = s >= 0 ? { value: [s, layout.spans[i * 2 + 1]!] } : {};
    return walkFast(layout.items[i], layout.infos[i]!, layout.shifts[i]!, path, 2, item, [layout.key, i]);
  }
  const found = walkFast(layout.headRoot, layout.headInfo, 0, path, 0, root, []);
  // Keys after the list moved with every edit of a record; keys before it never did.
  const move = (span: Span | undefined): Span | undefined =>
    span && span !== root.value && span[0] >= layout.tailFrom ? [span[0] + layout.tailShift, span[1] + layout.tailShift] : span;
  const location: NodeLocation = {};
  const key = move(found.location.key);
  const value = move(found.location.value);
  if (key) location.key = key;
  if (value) location.value = value;
  return { path: found.path, location };
}

/** The layout of a file's list, when it has one that records can be re-read in. */
export function listLayout(file: ParsedFile): ListLayout | undefined {
  if (file.documents.length !== 1) return undefined;
  const doc = file.documents[0]!;
  if (doc instanceof SplicedDocument) return doc.layout;
  const fast = doc.fast;
  if (!fast || doc.problems.length || !fast.root) return undefined;
  const root = fast.value;
  if (root === null || typeof root !== 'object' || Array.isArray(root)) return undefined;
  const meta = fast.info.get(root) as MapInfo;
  // The longest list of the root is the one worth re-reading record by record.
  let best = -1;
  for (let k = 0; k < meta.keys.length; k++) {
    const v = (root as Record<string, unknown>)[meta.keys[k]!];
    if (Array.isArray(v) && v.length > 0 && (best < 0 || v.length > ((root as Record<string, unknown>)[meta.keys[best]!] as unknown[]).length)) best = k;
  }
  if (best < 0) return undefined;
  const key = meta.keys[best]!;
  const items = (root as Record<string, unknown>)[key] as unknown[];
  const listStart = meta.spans[best * 4 + 2]!;
  if (listStart < 0 || file.text[listStart] === '[') return undefined; // a flow list is one line anyway
  const spans = (fast.info.get(items) as SeqInfo).spans;
  const { text, positions } = file;
  const regions: number[] = new Array<number>(items.length);
  let indent = -1;
  for (let i = 0; i < items.length; i++) {
    const s = spans[i * 2]!;
    if (s < 0) return undefined; // an empty record (`-` alone)
    const lineStart = positions.lineStart(positions.position(s).line);
    let col = 0;
    while (text.charCodeAt(lineStart + col) === 32) col++;
    // A record whose `-` stands alone on its line, or at another column, is not re-read alone.
    if (text[lineStart + col] !== '-' || lineStart + col >= s) return undefined;
    if (indent < 0) indent = col;
    if (col !== indent) return undefined;
    regions[i] = lineStart;
  }
  const end = spans[spans.length - 1]!;
  const endLine = positions.position(end).line;
  const regionsEnd = endLine < positions.lineCount ? positions.lineStart(endLine + 1) : text.length;
  return {
    key,
    headRoot: root as Record<string, unknown>,
    headInfo: fast.info,
    tailFrom: regionsEnd,
    tailShift: 0,
    rootSpan: [fast.root[0], fast.root[1]],
    rootEndsWithList: fast.root[1] === end,
    keySpan: [meta.spans[best * 4]!, meta.spans[best * 4 + 1]!],
    listStart,
    indent,
    items,
    infos: new Array<Info>(items.length).fill(fast.info),
    shifts: new Array<number>(items.length).fill(0),
    spans: spans.slice(),
    regions,
    regionsEnd,
  };
}

/** Where two texts differ: [from, oldTo) of the earlier one became [from, newTo) of the later. */
export interface ChangedRange {
  from: number;
  oldTo: number;
  newTo: number;
}

/** The first offset where two texts differ and the lengths of their common tail (native compares, chunk by chunk). */
export function changedRange(before: string, after: string): ChangedRange | undefined {
  if (before === after) return undefined;
  const max = Math.min(before.length, after.length);
  let from = 0;
  for (let step = 65536; step >= 1; step >>= 3) {
    while (from + step <= max && before.slice(from, from + step) === after.slice(from, from + step)) from += step;
  }
  while (from < max && before.charCodeAt(from) === after.charCodeAt(from)) from++;
  let tail = 0;
  const room = max - from;
  for (let step = 65536; step >= 1; step >>= 3) {
    while (tail + step <= room && before.slice(before.length - tail - step, before.length - tail) === after.slice(after.length - tail - step, after.length - tail)) tail += step;
  }
  while (tail < room && before.charCodeAt(before.length - tail - 1) === after.charCodeAt(after.length - tail - 1)) tail++;
  return { from, oldTo: before.length - tail, newTo: after.length - tail };
}

/** The record whose region holds [from, to), or -1. */
function recordAt(layout: ListLayout, from: number, to: number): number {
  const { regions } = layout;
  let lo = 0;
  let hi = regions.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (regions[mid]! <= from) lo = mid;
    else hi = mid - 1;
  }
  const end = lo + 1 < regions.length ? regions[lo + 1]! : layout.regionsEnd;
  return regions[lo]! <= from && to <= end ? lo : -1;
}

/**
 * The reading of `text` — `previous.text` with [from, oldTo) replaced by the characters now at
 * [from, newTo) — made by re-reading one record, or undefined when the edit is not inside one
 * record's region or the region does not read alone as one record (the caller parses all).
 */
export function spliceRecord(previous: ParsedFile, text: string, from: number, oldTo: number, newTo: number): ParsedFile | undefined {
  const layout = listLayout(previous);
  if (!layout) return undefined;
  const j = recordAt(layout, from, oldTo);
  if (j < 0) return undefined;
  const start = layout.regions[j]!;
  const oldEnd = j + 1 < layout.regions.length ? layout.regions[j + 1]! : layout.regionsEnd;
  const delta = newTo - oldTo;
  const end = oldEnd + delta;
  // The region must still end a line, or its last line would join the next one.
  if (end < text.length && text.charCodeAt(end - 1) !== 10) return undefined;
  const region = text.slice(start, end);
  // A suppression directive acts beyond its record: a region with one (before or after) is read whole.
  if (region.includes('edunorm-') || previous.text.slice(start, oldEnd).includes('edunorm-')) return undefined;
  const found: number[] = [];
  const docs = fastParse(region, found);
  if (!docs || docs.length !== 1) return undefined;
  const read = docs[0]!;
  if (!Array.isArray(read.value) || read.value.length !== 1 || !read.root || read.root[0] !== layout.indent) return undefined;
  const itemSpans = (read.info.get(read.value) as SeqInfo).spans;
  if (itemSpans[0]! < 0) return undefined;

  const n = layout.items.length;
  const items = layout.items.slice();
  items[j] = read.value[0];
  const infos = layout.infos.slice();
  infos[j] = read.info;
  const shifts = layout.shifts.slice();
  shifts[j] = start;
  const spans = layout.spans.slice();
  spans[j * 2] = itemSpans[0]! + start;
  spans[j * 2 + 1] = itemSpans[1]! + start;
  const regions = layout.regions.slice();
  if (delta !== 0) {
    for (let i = j + 1; i < n; i++) {
      shifts[i]! += delta;
      spans[i * 2]! += delta;
      spans[i * 2 + 1]! += delta;
      regions[i]! += delta;
    }
  }
  const next: ListLayout = { ...layout, items, infos, shifts, spans, regions, regionsEnd: layout.regionsEnd + delta, tailShift: layout.tailShift + delta };
  const previousDoc = previous.documents[0]!;
  const value = { ...(previousDoc.value as Record<string, unknown>), [layout.key]: items };
  const doc = new SplicedDocument(value, [previousDoc.span[0], text.length], next);
  const positions = TextPositions.spliced(previous.positions, text, start, oldEnd, end);
  // The region's comments are the re-read ones; those after it moved.
  const comments: Span[] = [];
  for (const c of previous.comments) {
    if (c[0] >= start) break;
    comments.push(c);
  }
  for (let k = 0; k < found.length; k += 2) comments.push([found[k]! + start, found[k + 1]! + start]);
  for (const c of previous.comments) if (c[0] >= oldEnd) comments.push(delta === 0 ? c : [c[0] + delta, c[1] + delta]);
  return { text, positions, documents: [doc], comments };
}
