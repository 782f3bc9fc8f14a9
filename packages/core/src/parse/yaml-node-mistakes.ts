/**
 * YAML mistakes that the `yaml` package reports in words that do not say what is wrong or
 * where, found on its nodes and told at their real place (the messages: checks/yaml.ts):
 *
 * - a `{` or `[` never closed: reported where the parser expected the end (the next line:
 *   "… must be sufficiently indented and end with a }"), here at the opening bracket;
 * - an alias `*name` with no anchor `&name` before it: toJS throws without a position (and its
 *   words, "Unresolved alias", read like the alias bomb's), here at the alias;
 * - a key written twice in one mapping: reported without the key's name or its first line,
 *   here with both, and the line whose value a read document keeps (toJS: the last one wins).
 *
 * Each is linear in the document (one `visit` of its nodes); nesting is bounded (MAX_NESTING).
 */
import { isAlias, isMap, isPair, isScalar, visit, type Document, type Node as YamlNode, type Pair, type YAMLMap, type YAMLSeq } from './yaml-prebundled.js';
import type { YamlProblem } from './parse-yaml.js';
import type { TextPositions } from './text-positions.js';
import type { DuplicateKeyHint, UnclosedFlowHint } from './yaml-mistakes.js';

type Span = readonly [number, number];
type Collection = YAMLMap | YAMLSeq;

/** What the `yaml` package says of a flow collection without its closing bracket (BAD_INDENT inside a block, MISSING_CHAR at the root). */
const FLOW_NOT_CLOSED = /^Flow (map|sequence)\b.*\bend with a [}\]]/;

/** A name from the text, cut to a length a message can show. */
export function shown(name: string, max = 40): string {
  return name.length > max ? `${name.slice(0, max)}…` : name;
}

const rangeOf = (node: unknown): readonly [number, number, number] | undefined => (node as YamlNode | null | undefined)?.range ?? undefined;

/** Where the last entry of a collection ends (just past its bracket when it has none). */
function lastEntryEnd(node: Collection): { start: number; end: number } {
  const last = node.items[node.items.length - 1] as unknown;
  const open = node.range![0];
  if (last === undefined) return { start: open, end: open + 1 };
  if (isPair(last)) {
    const key = rangeOf(last.key);
    const value = rangeOf(last.value);
    const start = key?.[0] ?? value?.[0] ?? open + 1;
    const end = value && value[1] > value[0] ? value[1] : (key?.[1] ?? start);
    return { start, end };
  }
  const r = rangeOf(last);
  return r ? { start: r[0], end: r[1] } : { start: open, end: open + 1 };
}

/**
 * Replaces the parser's "flow collection must … end with a }" errors by an unclosed-flow
 * problem at the opening bracket, saying where its closing bracket belongs. Of brackets
 * inside one another, only the innermost unclosed one is reported: closing it often closes
 * the rest (`{ b: [1, 2 }`), and a check after the fix shows what remains.
 */
export function explainUnclosedFlow(doc: Document.Parsed, text: string, positions: TextPositions, problems: YamlProblem[]): void {
  const byEnd = new Map<string, YamlProblem>();
  for (const p of problems) {
    if (p.code !== 'yaml/syntax' || (p.parserCode !== 'BAD_INDENT' && p.parserCode !== 'MISSING_CHAR')) continue;
    const m = FLOW_NOT_CLOSED.exec(p.detail);
    if (m) byEnd.set(`${m[1] === 'map' ? '{' : '['}${p.span[0]}`, p);
  }
  if (byEnd.size === 0) return;
  const unclosed = new Map<Collection, { problem: YamlProblem; bracket: '{' | '['; outer: boolean; ancestors: Collection[] }>();
  const onCollection = (_key: unknown, node: Collection, path: readonly unknown[]) => {
    const r = node.range;
    if (!node.flow || !r) return;
    const bracket = isMap(node) ? '{' : '[';
    if (text[r[0]] !== bracket) return; // `[a: 1]`: an implicit map of a flow sequence, no bracket of its own
    const problem = byEnd.get(`${bracket}${r[1]}`);
    if (!problem) return;
    const ancestors = path.filter((n): n is Collection => unclosed.has(n as Collection));
    for (const a of ancestors) unclosed.get(a)!.outer = true;
    unclosed.set(node, { problem, bracket, outer: false, ancestors });
  };
  visit(doc, { Map: onCollection, Seq: onCollection });
  if (unclosed.size === 0) return;
  const replaced = new Map<YamlProblem, YamlProblem | undefined>();
  for (const [node, { problem, bracket, outer, ancestors }] of unclosed) {
    if (outer) {
      replaced.set(problem, undefined);
      continue;
    }
    const closer = bracket === '{' ? '}' : ']';
    const other = bracket === '{' ? ']' : '}';
    const open = node.range![0];
    const last = lastEntryEnd(node);
    // The closing bracket goes right after the last entry (and a comma after it: `{ a: 1,}` is valid).
    let at = last.end;
    while (text[at] === ' ') at++;
    if (text[at] === ',') at++;
    else at = last.end;
    let next = at;
    while (text[next] === ' ' || text[next] === '\t') next++;
    const c = text[next];
    let close: UnclosedFlowHint['close'];
    let fix: { span: Span; newText: string };
    if (c === undefined || c === '\n' || c === '\r' || (c === '#' && next > at)) {
      close = { end: positions.position(at).line };
      fix = { span: [at, at], newText: closer };
    } else if (c === other && !ancestors.some((a) => (isMap(a) ? '}' : ']') === other)) {
      // `{ b: 1 ]`: ended with the other bracket, which closes nothing else.
      close = { wrong: other };
      fix = { span: [next, next + 1], newText: closer };
    } else {
      close = { after: shown(text.slice(last.start, last.end).trim() || bracket, 20) };
      fix = { span: [at, at], newText: closer };
    }
    const hint: UnclosedFlowHint = { mistake: 'unclosed-flow', line: positions.position(open).line, bracket, close, fix };
    replaced.set(problem, { ...problem, span: [open, open + 1], hint });
  }
  const kept: YamlProblem[] = [];
  for (const p of problems) {
    if (!replaced.has(p)) kept.push(p);
    else if (replaced.get(p)) kept.push(replaced.get(p)!);
  }
  kept.sort((a, b) => a.span[0] - b.span[0]);
  problems.length = 0;
  problems.push(...kept);
}

/**
 * The aliases of a document that no anchor before them defines (in the order the `yaml`
 * package resolves them: Alias.resolve takes the last anchor of the name before the alias in
 * `visit` order), each a problem at the alias; empty when every alias resolves.
 */
export function unresolvedAliases(doc: Document.Parsed, positions: TextPositions, detail: string): YamlProblem[] {
  const defined = new Set<string>();
  const firstAnchor = new Map<string, number>();
  const unresolved: { name: string; start: number }[] = [];
  visit(doc, (_key, node) => {
    // `visit` also passes a pair's missing key or value (`? complex` with nothing after it) as null.
    if (node === null || typeof node !== 'object') return;
    const anchor = (node as { anchor?: unknown }).anchor;
    const r = rangeOf(node);
    if (typeof anchor === 'string') {
      defined.add(anchor);
      if (!firstAnchor.has(anchor) && r) firstAnchor.set(anchor, r[0]);
    }
    if (isAlias(node) && !defined.has(node.source) && r) unresolved.push({ name: node.source, start: r[0] });
  });
  return unresolved.map(({ name, start }): YamlProblem => {
    const later = firstAnchor.get(name);
    return {
      code: 'yaml/syntax',
      span: [start, start + 1 + name.length],
      detail,
      hint: { mistake: 'unresolved-alias', line: positions.position(start).line, name: shown(name), ...(later !== undefined ? { anchorLine: positions.position(later).line } : {}) },
    };
  });
}

/** Gives each duplicate-key problem its key, the line of the key's first and last occurrence, and how the entries are written. */
export function explainDuplicates(doc: Document.Parsed, positions: TextPositions, problems: YamlProblem[]): void {
  const at = new Map<number, YamlProblem>();
  for (const p of problems) if (p.code === 'yaml/duplicate-key') at.set(p.span[0], p);
  if (at.size === 0) return;
  const lineOf = (offset: number) => positions.position(offset).line;
  visit(doc, {
    Map(_key, map) {
      if (!map.items.some((pair) => at.has(rangeOf(pair.key)?.[0] ?? -1))) return;
      // The `yaml` package's test of equal keys (uniqueKeys: true): the same scalar value.
      const groups = new Map<unknown, Pair[]>();
      for (const pair of map.items) {
        if (!isScalar(pair.key) || !rangeOf(pair.key)) continue;
        const group = groups.get(pair.key.value);
        if (group) group.push(pair as Pair);
        else groups.set(pair.key.value, [pair as Pair]);
      }
      for (const group of groups.values()) {
        if (group.length < 2) continue;
        const keyLines = group.map((pair) => lineOf(rangeOf(pair.key)![0]));
        const single = group.every((pair, i) => {
          const key = rangeOf(pair.key)!;
          const value = rangeOf(pair.value);
          const end = value && value[1] > value[0] ? value[1] : key[1];
          return lineOf(Math.max(key[0], end - 1)) === keyLines[i];
        });
        const lastLine = keyLines[keyLines.length - 1]!;
        const layout: DuplicateKeyHint['layout'] = map.flow ? 'flow' : single ? 'line' : 'block';
        for (let i = 1; i < group.length; i++) {
          const problem = at.get(rangeOf(group[i]!.key)![0]);
          if (!problem) continue;
          problem.hint = {
            mistake: 'duplicate-key',
            line: keyLines[i]!,
            key: shown(String((group[i]!.key as { value: unknown }).value)),
            firstLine: keyLines[0]!,
            earlier: i,
            lastLine,
            lastAlone: keyLines.indexOf(lastLine) === keyLines.length - 1,
            layout,
          };
        }
      }
    },
  });
}
