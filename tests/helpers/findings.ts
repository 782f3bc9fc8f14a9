/**
 * The shape every check result must have, whatever the input: ranges inside the text, lines and
 * columns that agree with the offsets, non-empty messages. Used by the hostile and fuzz tests.
 */
import type { CheckResult, Finding, Position, Range } from '../../packages/core/src/index.js';

/** Offsets of line starts: a line ends at LF, CRLF or a lone CR (as editors count them). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

/**
 * What a position at `offset` must say. A leading byte-order mark is not shown by editors, so
 * it does not count as a column (offsets still index the text as given).
 */
export function expectedPosition(text: string, offset: number, starts = lineStarts(text)): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  const bom = lo === 0 && text.charCodeAt(0) === 0xfeff && offset > 0 ? 1 : 0;
  return { line: lo + 1, column: offset - starts[lo]! + 1 - bom, offset };
}

/** Problems with a result's ranges and messages, as readable strings ([] when all is well). */
export function resultProblems(text: string, result: CheckResult): string[] {
  const problems: string[] = [];
  const starts = lineStarts(text);
  const checkRange = (what: string, r: Range | undefined) => {
    if (!r) return problems.push(`${what}: no range`);
    for (const [end, p] of [
      ['start', r.start],
      ['end', r.end],
    ] as const) {
      if (!Number.isInteger(p.offset) || p.offset < 0 || p.offset > text.length) {
        problems.push(`${what}: ${end} offset ${p.offset} outside 0..${text.length}`);
        continue;
      }
      const want = expectedPosition(text, p.offset, starts);
      if (p.line !== want.line || p.column !== want.column) problems.push(`${what}: ${end} ${p.line}:${p.column} but offset ${p.offset} is ${want.line}:${want.column}`);
    }
    if (r.end.offset < r.start.offset) problems.push(`${what}: ends (${r.end.offset}) before it starts (${r.start.offset})`);
  };
  const checkFinding = (f: Finding, i: number) => {
    const what = `finding ${i} ${f.ruleId}`;
    if (typeof f.ruleId !== 'string' || f.ruleId === '') problems.push(`${what}: empty rule id`);
    if (typeof f.message !== 'string' || f.message.trim() === '') problems.push(`${what}: empty message`);
    if (!['error', 'warning', 'info'].includes(f.severity)) problems.push(`${what}: severity ${String(f.severity)}`);
    checkRange(what, f.range);
    if (f.fix) {
      checkRange(`${what} fix`, f.fix.range);
      if (typeof f.fix.newText !== 'string') problems.push(`${what}: fix without text`);
    }
    f.related?.forEach((r, j) => {
      checkRange(`${what} related ${j}`, r.range);
      if (!r.message.trim()) problems.push(`${what} related ${j}: empty message`);
    });
  };
  result.findings.forEach(checkFinding);
  result.suppressed.forEach((f, i) => checkFinding(f, 1000 + i));
  result.documents.forEach((d, i) => checkRange(`document ${i}`, d.range));
  result.measurements?.forEach((m, i) => checkRange(`measurement ${i} ${m.ruleId}`, m.range));
  if (!result.isEdunorm && (result.findings.length || result.documents.length)) problems.push('a file that is not ours has findings');
  return problems;
}

export const brief = (f: Finding) => `${f.ruleId}@${f.range.start.line}:${f.range.start.column}`;
