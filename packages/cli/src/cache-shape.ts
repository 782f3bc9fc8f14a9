/**
 * Shape checks for what is parsed back from a cache file (result-cache.ts): the index's
 * entries, configurations and districts, and each hit's metadata line. The index is
 * authenticated (see cache-secret.ts), yet a cache written by an older edunorm, or damaged,
 * must never crash the run or a formatter: anything that does not have exactly the expected
 * shape is a miss.
 */
import type { Citation, Finding } from '@edunorm/core';
import type { IndexEntry, RecordMeta } from './result-cache.js';

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

function isCitation(v: unknown): v is Citation {
  return isObject(v) && isString(v.source) && isString(v.document) && isString(v.section) && isString(v.quote);
}

function isFigures(v: unknown): boolean {
  return isObject(v) && Object.values(v).every((x) => x === null || ['number', 'string', 'boolean'].includes(typeof x));
}

/** A finding as formatters read it (required fields, and the optional ones they dereference). */
function isFinding(v: unknown): v is Finding {
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

const optional = (v: unknown, test: (x: unknown) => boolean) => v === undefined || test(v);

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

function isWorkspaceInput(v: unknown): boolean {
  return isObject(v) && Array.isArray(v.contributions) && v.contributions.every(isContribution) && Array.isArray(v.directives) && v.directives.every(isDirective);
}

/** A cached district result: its findings (each with its file) and its figures. */
export function isDistrictEntry(v: unknown): boolean {
  if (!isObject(v) || !Array.isArray(v.findings) || !isObject(v.summary)) return false;
  const s = v.summary;
  if (!isString(s.file) || !isInt(s.documentIndex) || !isString(s.code) || !isInt(s.linked) || !isObject(s.facts)) return false;
  return v.findings.every((f) => isFinding(f) && isString((f as unknown as Json).file));
}

function isRetractable(v: unknown): boolean {
  return isObject(v) && isInt(v.documentIndex) && isString(v.ruleId) && isString(v.outcome) && SEVERITIES.has(v.severity as string) && isInt(v.count) && v.count >= 1;
}

/** A record's metadata line (result-cache.ts RecordMeta): whether the file is ours, its counts, its input to the join. */
export function isRecordMeta(v: unknown): v is RecordMeta {
  if (!isObject(v) || typeof v.e !== 'boolean' || !Array.isArray(v.c) || v.c.length !== 3 || !v.c.every(isInt)) return false;
  return optional(v.w, isWorkspaceInput) && optional(v.r, (r) => Array.isArray(r) && r.every(isRetractable)) && optional(v.j, (j) => isInt(j) && j >= 1) && optional(v.p, isString);
}

/** A digest: compared with digests computed here, so anything but 64 characters can never match (no pattern test per entry). */
const isHex64 = (v: unknown): v is string => typeof v === 'string' && v.length === 64;
const isTime = (v: unknown) => typeof v === 'number' && Number.isFinite(v);

/** An index entry (result-cache.ts IndexEntry): key, digest, stat, and where its record lies. */
export function isIndexEntry(v: unknown): v is IndexEntry {
  return isObject(v) && isHex64(v.k) && isHex64(v.s) && isHex64(v.h) && isInt(v.z) && isTime(v.m) && isTime(v.c) && isInt(v.i) && (v.t === 0 || v.t === 1) && isInt(v.o) && isInt(v.l) && v.l >= 2;
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
