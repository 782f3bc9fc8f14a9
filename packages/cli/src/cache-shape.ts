/**
 * Shape checks for what is read back from a cache file. The file is authenticated (see
 * cache-secret.ts), yet a cache written by an older edunorm, or damaged, must never crash a
 * formatter: anything that does not have exactly the expected shape is a miss.
 */
import type { Citation, Finding } from '@edunorm/core';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isString = (v: unknown): v is string => typeof v === 'string';
const SEVERITIES = new Set(['error', 'warning', 'info']);

function isPosition(v: unknown): boolean {
  return isObject(v) && isInt(v.line) && v.line >= 1 && isInt(v.column) && v.column >= 1 && isInt(v.offset);
}

function isRange(v: unknown): boolean {
  return isObject(v) && isPosition(v.start) && isPosition(v.end);
}

export function isCitation(v: unknown): v is Citation {
  return isObject(v) && isString(v.source) && isString(v.document) && isString(v.section) && isString(v.quote);
}

function isFigures(v: unknown): boolean {
  return isObject(v) && Object.values(v).every((x) => x === null || ['number', 'string', 'boolean'].includes(typeof x));
}

/** A finding as formatters read it (required fields, and the optional ones they dereference). */
export function isFinding(v: unknown): v is Finding {
  if (!isObject(v)) return false;
  if (!isString(v.ruleId) || !SEVERITIES.has(v.severity as string) || !isString(v.message) || !isRange(v.range)) return false;
  if (!isInt(v.documentIndex) || !isString(v.path)) return false;
  if (v.citation !== undefined && !isCitation(v.citation)) return false;
  if (v.figures !== undefined && !isFigures(v.figures)) return false;
  if (v.outcome !== undefined && !isString(v.outcome)) return false;
  if (v.anchor !== undefined && !isString(v.anchor)) return false;
  if (v.related !== undefined && !(Array.isArray(v.related) && v.related.every((r) => isObject(r) && isString(r.path) && isString(r.message) && isRange(r.range)))) return false;
  if (v.fix !== undefined) {
    const fix = v.fix;
    if (!isObject(fix) || !isString(fix.newText) || !isRange(fix.range) || !isObject(fix.title) || !isString(fix.title['zh-CN']) || !isString(fix.title.en)) return false;
  }
  return true;
}

function isSuppressed(v: unknown): boolean {
  if (!isFinding(v)) return false;
  const s = (v as unknown as Json).suppression;
  return isObject(s) && s.kind === 'inSource' && isString(s.justification) && isInt(s.directiveLine);
}

const optional = (v: unknown, test: (x: unknown) => boolean) => v === undefined || test(v);

/** A document's identity as `report` reads it (kind, school or district code, name, level, year). */
function isDocument(v: unknown): boolean {
  return isObject(v) && isInt(v.index) && optional(v.kind, isString) && optional(v.identity, isString) && optional(v.name, isString) && optional(v.level, isString) && optional(v.year, (y) => typeof y === 'number');
}

const isNumberRecord = (v: unknown) => isObject(v) && Object.values(v).every((x) => typeof x === 'number' && Number.isFinite(x));
const isRangeRecord = (v: unknown) => isObject(v) && Object.values(v).every(isRange);

/** What a document contributes to the norms across documents (workspace-check.ts reads it). */
function isContribution(v: unknown): boolean {
  if (!isObject(v) || !isInt(v.documentIndex) || !isString(v.kind)) return false;
  if (![v.district, v.code, v.name, v.level].every((x) => optional(x, isString)) || !optional(v.year, (y) => typeof y === 'number')) return false;
  if (!isNumberRecord(v.values) || !isRangeRecord(v.at)) return false;
  const figures = v.figures;
  if (!isObject(figures) || !Object.values(figures).every((f) => isObject(f) && typeof f.total === 'number' && isString(f.outcome) && optional(f.numerator, (n) => typeof n === 'number') && optional(f.actual, (n) => typeof n === 'number'))) return false;
  return optional(v.entries, (e) => Array.isArray(e) && e.every((x) => isObject(x) && isInt(x.index) && isString(x.code) && optional(x.name, isString) && optional(x.enrollment, (n) => typeof n === 'number') && optional(x.enrollmentAt, isRange)));
}

function isDirective(v: unknown): boolean {
  return isObject(v) && isString(v.kind) && Array.isArray(v.ruleIds) && v.ruleIds.every(isString) && optional(v.reason, isString) && isInt(v.line) && isRange(v.range);
}

export function isWorkspaceInput(v: unknown): boolean {
  return isObject(v) && Array.isArray(v.contributions) && v.contributions.every(isContribution) && Array.isArray(v.directives) && v.directives.every(isDirective);
}

/** A cached district result: its findings (each with its file) and its figures. */
export function isDistrictEntry(v: unknown): boolean {
  if (!isObject(v) || !Array.isArray(v.findings) || !isObject(v.summary)) return false;
  const s = v.summary;
  if (!isString(s.file) || !isInt(s.documentIndex) || !isString(s.code) || !isInt(s.linked) || !isObject(s.facts)) return false;
  return v.findings.every((f) => isFinding(f) && isString((f as unknown as Json).file));
}

/** A cached file report: `{isEdunorm, findings, suppressed, documents?, workspace?}` with well-formed findings. */
export function isCachedReport(v: unknown): boolean {
  return (
    isObject(v) &&
    typeof v.isEdunorm === 'boolean' &&
    Array.isArray(v.findings) &&
    v.findings.every(isFinding) &&
    Array.isArray(v.suppressed) &&
    v.suppressed.every(isSuppressed) &&
    optional(v.documents, (d) => Array.isArray(d) && d.every(isDocument)) &&
    optional(v.workspace, isWorkspaceInput)
  );
}

export function isEntry(v: unknown): boolean {
  if (!isObject(v) || !isString(v.key) || !isCachedReport(v.report)) return false;
  if (v.sha === undefined) return v.size === undefined && v.mtimeMs === undefined;
  return isString(v.sha) && isInt(v.size) && typeof v.mtimeMs === 'number' && Number.isFinite(v.mtimeMs);
}

export function isConfigEntry(v: unknown): boolean {
  return isObject(v) && isString(v.hash) && Array.isArray(v.dependencies) && v.dependencies.every((d) => Array.isArray(d) && d.length === 2 && isString(d[0]) && isString(d[1]));
}

/** Own enumerable entries of a record whose values pass `test`; the rest are dropped (misses). */
export function validEntries<T>(v: unknown, test: (x: unknown) => boolean): Record<string, T> {
  const out: Record<string, T> = Object.create(null) as Record<string, T>;
  if (!isObject(v)) return out;
  for (const [k, x] of Object.entries(v)) if (test(x)) out[k] = x as T;
  return out;
}
