import type { ParsedDocument, ParsedFile, Span } from './parse/parse-yaml.js';
import type { PathSegment } from './path.js';
import type { Range } from './types.js';

export type NodePart = 'key' | 'value';

export interface Located {
  range: Range;
  span: Span;
  /** True when the node at the full path exists (else the range is its nearest ancestor's). */
  exact: boolean;
  /** The part of the found node the range covers. */
  part: NodePart;
}

/**
 * The range of a node for a diagnostic: its value (or key, for `part: 'key'`), falling back
 * to the other part, then to the nearest existing ancestor's key.
 */
export function locateNode(file: ParsedFile, doc: ParsedDocument, path: readonly PathSegment[], part: NodePart = 'value'): Located {
  const { path: found, location } = doc.locate(path);
  const exact = found.length === path.length;
  let span: Span | undefined;
  let usedPart: NodePart = part;
  if (exact) {
    span = part === 'key' ? (location.key ?? location.value) : (location.value ?? location.key);
    if (part === 'key' && !location.key) usedPart = 'value';
    if (part === 'value' && !location.value) usedPart = 'key';
  } else {
    // Missing node: point at the key of the deepest ancestor that exists, so the user sees
    // where the field belongs (`budget:` for a missing `budget.teacherTraining`).
    span = location.key ?? location.value;
    usedPart = location.key ? 'key' : 'value';
    if (found.length === 0) span = firstLineSpan(file, doc);
  }
  span ??= firstLineSpan(file, doc);
  return { span, range: file.positions.range(span[0], span[1]), exact, part: usedPart };
}

/** The first non-blank, non-comment line of a document, for findings about the whole document. */
export function firstLineSpan(file: ParsedFile, doc: ParsedDocument): Span {
  const { text, positions } = file;
  let line = positions.position(doc.span[0]).line;
  const last = positions.position(doc.span[1]).line;
  for (let l = line; l <= last; l++) {
    const s = positions.lineStart(l);
    const e = positions.lineEnd(l);
    const content = text.slice(s, e).trim();
    if (content !== '' && !content.startsWith('#') && content !== '---') {
      line = l;
      const lead = text.slice(s, e).length - text.slice(s, e).trimStart().length;
      return [s + lead, e];
    }
  }
  const s = positions.lineStart(line);
  return [s, positions.lineEnd(line)];
}
