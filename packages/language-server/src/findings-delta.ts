/**
 * A validation result's findings as the difference from the result before. After one
 * keystroke in a 20,000-staff file nearly all of its 1,360 findings are the ones of the last
 * version, at most moved by the edit; copying all of them from the worker to the main thread
 * took 6 ms to send and 10 ms to receive per keystroke, on the thread that publishes the
 * diagnostics. Now the worker sends, for each finding, either the index of the previous
 * finding it equals once moved, or the finding itself.
 *
 * Moving is one rule for every position (`{ line, column, offset }`) in a finding: at or after
 * `at` in the previous text, offsets move by `offset` and lines by `lines`; before it, nothing
 * moves. The worker sends an index only after checking that the finding equals the previous one
 * moved by this rule (`sameMoved`); the main thread rebuilds it with the same rule (`moved`).
 * So whatever the rule's figures, what the main thread rebuilds is the finding the worker made;
 * a poor rule only sends more findings whole.
 */
import type { Finding } from '@edunorm/core';
import { TextPositions, type ChangedRange } from '@edunorm/core/internal';

export interface Shift {
  at: number;
  offset: number;
  lines: number;
}

/** No position moves. */
export const NO_SHIFT: Shift = { at: Infinity, offset: 0, lines: 0 };

/** A result's findings: an index into the previous result's findings, or a finding. */
export interface FindingsDelta {
  /** The reply whose findings the indices point into. */
  base: number;
  shift: Shift;
  items: (number | Finding)[];
}

/** Line breaks in [from, to) of `text`, by core's line index (a lone CR breaks a line too). */
function lineBreaks(text: string, from: number, to: number): number {
  return new TextPositions(text.slice(from, to)).lineCount - 1;
}

/** The shift of positions after an edit that turned [from, oldTo) of `before` into [from, newTo) of `after`. */
export function shiftOf(before: string, after: string, range: ChangedRange): Shift {
  return { at: range.oldTo, offset: range.newTo - range.oldTo, lines: lineBreaks(after, range.from, range.newTo) - lineBreaks(before, range.from, range.oldTo) };
}

function isPosition(value: object): value is { line: number; column: number; offset: number } {
  const v = value as Record<string, unknown>;
  if (typeof v.offset !== 'number' || typeof v.line !== 'number' || typeof v.column !== 'number') return false;
  let keys = 0;
  for (const _ in v) keys++;
  return keys === 3;
}

const still = (shift: Shift) => shift.offset === 0 && shift.lines === 0;

const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/**
 * Whether `now` is `before` with its positions moved by `shift` (plain data: strings, numbers,
 * arrays, objects). Walks both without allocating: it runs for every finding of every keystroke.
 */
export function sameMoved(now: unknown, before: unknown, shift: Shift): boolean {
  if (now === before) return still(shift) || !hasPositionAfter(before, shift.at);
  if (typeof now !== 'object' || typeof before !== 'object' || now === null || before === null) return false;
  if (Array.isArray(before)) {
    if (!Array.isArray(now) || now.length !== before.length) return false;
    for (let i = 0; i < before.length; i++) if (!sameMoved(now[i], before[i], shift)) return false;
    return true;
  }
  if (Array.isArray(now)) return false;
  if (isPosition(before)) {
    if (!isPosition(now)) return false;
    const moves = before.offset >= shift.at;
    return now.column === before.column && now.offset === (moves ? before.offset + shift.offset : before.offset) && now.line === (moves ? before.line + shift.lines : before.line);
  }
  const b = before as Record<string, unknown>;
  const n = now as Record<string, unknown>;
  let keys = 0;
  for (const k in b) {
    keys++;
    if (!own(n, k) || !sameMoved(n[k], b[k], shift)) return false;
  }
  for (const _ in n) keys--;
  return keys === 0;
}

function hasPositionAfter(value: unknown, at: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) {
    for (const v of value) if (hasPositionAfter(v, at)) return true;
    return false;
  }
  if (isPosition(value)) return value.offset >= at;
  const o = value as Record<string, unknown>;
  for (const k in o) if (hasPositionAfter(o[k], at)) return true;
  return false;
}

function move(value: unknown, shift: Shift): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const m = move(value[i], shift);
      if (m !== value[i]) (out ??= value.slice())[i] = m;
    }
    return out ?? value;
  }
  if (isPosition(value)) return value.offset >= shift.at ? { line: value.line + shift.lines, column: value.column, offset: value.offset + shift.offset } : value;
  const o = value as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  for (const k in o) {
    const m = move(o[k], shift);
    // A copy keeps the keys in their order: the rebuilt finding serialises as the new one does.
    if (m !== o[k]) (out ??= { ...o })[k] = m;
  }
  return out ?? value;
}

/** `before` with its positions moved by `shift`: the same object where none moves (and each part that does not). */
export function moved<T>(before: T, shift: Shift): T {
  return still(shift) ? before : (move(before, shift) as T);
}

/** The cheap part of a finding that moving never changes: where to look for its previous self. */
function keyOf(f: Finding): string {
  return `${f.ruleId}\0${f.documentIndex}\0${f.path}\0${f.message}`;
}

/**
 * `next` as indices into `previous` where a finding is a previous one moved by `shift`, in one
 * pass: the previous finding in step with the last match is tried first (an edit changes the
 * findings of a record or two), then, on a miss, previous findings with the same rule, path and
 * message. Each previous finding is used at most once.
 */
export function encodeFindings(previous: readonly Finding[], next: readonly Finding[], shift: Shift): (number | Finding)[] {
  const items: (number | Finding)[] = new Array(next.length);
  const used = new Uint8Array(previous.length);
  let byKey: Map<string, number[]> | undefined;
  let k = 0;
  for (let i = 0; i < next.length; i++) {
    const f = next[i]!;
    let found = -1;
    if (k < previous.length && !used[k] && sameMoved(f, previous[k], shift)) found = k;
    else if (k + 1 < previous.length && !used[k + 1] && sameMoved(f, previous[k + 1], shift)) found = k + 1;
    if (found < 0) {
      if (!byKey) {
        byKey = new Map();
        previous.forEach((p, j) => {
          const key = keyOf(p);
          const list = byKey!.get(key);
          if (list) list.push(j);
          else byKey!.set(key, [j]);
        });
      }
      for (const j of byKey.get(keyOf(f)) ?? []) {
        if (!used[j] && sameMoved(f, previous[j], shift)) {
          found = j;
          break;
        }
      }
    }
    if (found >= 0) {
      used[found] = 1;
      items[i] = found;
      k = found + 1;
    } else items[i] = f;
  }
  return items;
}

/** The findings `encodeFindings` encoded, rebuilt from the same `previous`; undefined if an index does not fit it. */
export function decodeFindings(previous: readonly Finding[], items: readonly (number | Finding)[], shift: Shift): Finding[] | undefined {
  const out: Finding[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (typeof item !== 'number') out[i] = item;
    else if (Number.isInteger(item) && item >= 0 && item < previous.length) out[i] = moved(previous[item]!, shift);
    else return undefined;
  }
  return out;
}
