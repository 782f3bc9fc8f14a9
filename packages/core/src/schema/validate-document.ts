import type { FindingFactory, FindingInput } from '../finding-factory.js';
import { findTerm, VOCABULARY, type VocabularyTerm } from '../vocabulary.js';
import { showValue } from '../messages/show-value.js';
import { didYouMean } from '../messages/did-you-mean.js';
import { formatPath, type PathSegment } from '../path.js';
import type { Finding, LocalizedText } from '../types.js';
import { documentValidators, listRecordValidator, type ErrorObject } from './validators.js';
import { sameHead, type Reuse } from '../facts/incremental.js';
import { DOCUMENT_KINDS, documentSchemas, type DocumentKind, type FieldDoc, type JsonSchema, type Unit } from './document-schemas.js';
import { partsExceedingWholes } from './part-exceeds-whole.js';
import { hasFullWidthDigits, suggestTypedValue, yearOfDate } from './suggest-value.js';
import { structural } from '../checks/registry.js';

export const SUPPORTED_API_VERSION = 'edunorm/v1';

const L = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

/** `budget.teacherTraining(教师培训经费(元))` — the path with its meaning, per language. */
function fieldLabel(path: readonly PathSegment[], schema: JsonSchema | undefined): LocalizedText {
  const p = formatPath(path) || '(document)';
  const d = schema?.['x-doc'] as FieldDoc | undefined;
  return d ? L(`\`${p}\`(${d['zh-CN']})`, `\`${p}\` (${d.en})`) : L(`\`${p}\``, `\`${p}\``);
}

function join(a: LocalizedText, b: LocalizedText): LocalizedText {
  return { 'zh-CN': a['zh-CN'] + b['zh-CN'], en: a.en + b.en };
}

function pointerToPath(pointer: string, data: unknown): PathSegment[] {
  if (pointer === '') return [];
  const out: PathSegment[] = [];
  let current: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) {
      const index = Number(segment);
      out.push(index);
      current = current[index];
    } else {
      out.push(segment);
      current = current && typeof current === 'object' ? (current as Record<string, unknown>)[segment] : undefined;
    }
  }
  return out;
}

export interface StructureResult {
  kind?: DocumentKind;
  findings: Finding[];
  /** Structure errors not turned into findings because `limit` was reached (about; before de-duplication). */
  omitted?: number;
}

/**
 * Checks a document's header (apiVersion, kind) and its structure against the kind's JSON
 * Schema, turning every ajv error into a located finding written for finance staff.
 */
export function validateStructure(factory: FindingFactory, value: unknown, limit = Infinity, reuse: Reuse | null = null): StructureResult {
  const findings: Finding[] = [];
  const add = (input: FindingInput) => findings.push(factory.make(input));

  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    add({
      ...structural('schema/not-a-mapping'),
      path: [],
      message: L(
        '这一部分不是 edunorm 文件的格式:每个文档应以 `apiVersion: edunorm/v1` 和 `kind:` 开头,由“字段: 值”组成。',
        'This document is not in the edunorm format: each document starts with `apiVersion: edunorm/v1` and `kind:` and consists of `key: value` fields.',
      ),
    });
    return { findings };
  }
  const record = value as Record<string, unknown>;

  const apiVersion = record.apiVersion;
  if (apiVersion === undefined) {
    add({
      ...structural('schema/api-version'),
      path: [],
      message: L('缺少 `apiVersion: edunorm/v1`,请在文档开头加上。', 'Missing `apiVersion: edunorm/v1`; add it at the top of the document.'),
    });
    return { findings };
  }
  if (apiVersion !== SUPPORTED_API_VERSION) {
    const shown = typeof apiVersion === 'string' ? apiVersion : showValue(apiVersion);
    add({
      ...structural('schema/api-version'),
      path: ['apiVersion'],
      message: L(
        `不支持的数据格式版本 \`${shown}\`,本工具检查 \`${SUPPORTED_API_VERSION}\`。`,
        `Unsupported data contract version \`${shown}\`; this tool checks \`${SUPPORTED_API_VERSION}\`.`,
      ),
      fix: { title: L(`改为 ${SUPPORTED_API_VERSION}`, `Change to ${SUPPORTED_API_VERSION}`), newText: SUPPORTED_API_VERSION },
    });
    return { findings };
  }

  const kind = record.kind;
  if (typeof kind !== 'string' || !(DOCUMENT_KINDS as readonly string[]).includes(kind)) {
    const known = DOCUMENT_KINDS.join('、');
    if (kind === undefined) {
      add({
        ...structural('schema/kind'),
        path: ['apiVersion'],
        part: 'key',
        message: L(`缺少 \`kind\`:请写明文件类型(${known})。`, `Missing \`kind\`: say what this document is (${DOCUMENT_KINDS.join(', ')}).`),
      });
    } else {
      const suggestion = typeof kind === 'string' ? didYouMean(kind, DOCUMENT_KINDS) : undefined;
      const shown = typeof kind === 'string' ? kind : showValue(kind);
      add({
        ...structural('schema/kind'),
        path: ['kind'],
        message: join(
          L(`未知的文件类型 \`${shown}\`,应为 ${known} 之一。`, `Unknown kind \`${shown}\`; expected one of ${DOCUMENT_KINDS.join(', ')}.`),
          suggestion ? L(`是否应为 \`${suggestion}\`?`, ` Did you mean \`${suggestion}\`?`) : L('', ''),
        ),
        ...(suggestion ? { fix: { title: L(`改为 ${suggestion}`, `Change to ${suggestion}`), newText: suggestion } } : {}),
      });
    }
    return { findings };
  }

  const inputs = structureInputs(factory, kind as DocumentKind, record, reuse, limit);
  const seen = new Set<string>();
  let omitted = 0;
  for (const entry of inputs.ajv) {
    if (findings.length >= limit) {
      omitted++;
      continue;
    }
    // Described only when used: a hostile file's 100,000 errors past the limit cost nothing.
    const input = typeof entry === 'function' ? entry() : entry;
    if (!input) continue;
    const key = `${input.ruleId}|${formatPath(input.path)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    add(input);
  }
  for (const input of inputs.numbers) {
    if (findings.length < limit) add(input);
    else omitted++;
  }
  if (kind === 'Staffing') {
    for (const f of duplicateStaffIds(factory, record.staff, reuse)) {
      if (findings.length < limit) findings.push(f);
      else omitted++;
    }
  }
  for (const f of partsExceedingWholes(factory, kind as DocumentKind, value)) {
    if (findings.length < limit) findings.push(f);
    else omitted++;
  }
  return { kind: kind as DocumentKind, findings, ...(omitted ? { omitted } : {}) };
}

function describeAjvError(factory: FindingFactory, error: ErrorObject, data: unknown): FindingInput | undefined {
  const path = pointerToPath(error.instancePath, data);
  const schema = error.parentSchema as JsonSchema | undefined;
  const unit = schema?.['x-unit'] as Unit | undefined;
  const label = fieldLabel(path, schema);
  switch (error.keyword) {
    case 'required': {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      const childSchema = (schema?.properties as Record<string, JsonSchema> | undefined)?.[missing];
      const full = [...path, missing];
      const what = fieldLabel(full, childSchema);
      return {
        ...structural('schema/required'),
        path: path.length ? path : ['kind'],
        part: 'key',
        message: { 'zh-CN': `缺少必填字段 ${what['zh-CN']}。`, en: `Missing required field ${what.en}.` },
        figures: { missing: formatPath(full) },
      };
    }
    case 'additionalProperties': {
      const extra = (error.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys((schema?.properties as Record<string, unknown>) ?? {});
      const suggestion = didYouMean(extra, known);
      const full = [...path, extra];
      const keySpan = factory.keySpan(full);
      // The meaning of the field it is close to (`level`(学段)): the clerk sees which field was meant.
      const meant = suggestion ? ((schema?.properties as Record<string, JsonSchema> | undefined)?.[suggestion]?.['x-doc'] as FieldDoc | undefined) : undefined;
      return {
        ...structural('schema/unknown-key'),
        path: full,
        part: 'key',
        message: suggestion
          ? L(
              `未知字段 \`${extra}\`,是否想写 \`${suggestion}\`${meant ? `(${meant['zh-CN']})` : ''}?`,
              `Unknown field \`${extra}\`. Did you mean \`${suggestion}\`${meant ? ` (${meant.en})` : ''}?`,
            )
          : L(
              `未知字段 \`${extra}\`,本工具不会读取它。可用字段:${known.join('、')}。`,
              `Unknown field \`${extra}\`; it is not read. Known fields: ${known.join(', ')}.`,
            ),
        ...(suggestion && keySpan
          ? { fix: { title: L(`改为 ${suggestion}`, `Rename to ${suggestion}`), newText: suggestion, span: keySpan } }
          : {}),
      };
    }
    case 'type': {
      const expected = String((error.params as { type: string | string[] }).type);
      const source = factory.sourceText(path);
      if (typeof error.data === 'number' && !Number.isFinite(error.data)) {
        // `.inf`, `-.inf`, `.nan` and numbers beyond double range (`1e309`): YAML reads them as
        // Infinity or NaN. Show what was written, never `null` (JSON's spelling of both).
        const written = source?.text ?? String(error.data);
        return {
          ...structural('schema/type'),
          path,
          message: L(
            `${label['zh-CN']} 现为 \`${written}\`,不是有限的数字(YAML 把 .inf、.nan 和超出范围的数如 1e309 读作无穷大或非数)。请写出实际数值。`,
            `${label.en} is \`${written}\`, which is not a finite number (YAML reads .inf, .nan and out-of-range numbers such as 1e309 as infinity or not-a-number). Write the actual value.`,
          ),
        };
      }
      const suggestion = source ? suggestTypedValue(expected, unit, error.data, source.text) : undefined;
      const fix = suggestion
        ? { title: L(`改为 ${suggestion.text}`, `Change to ${suggestion.text}`), newText: suggestion.text }
        : undefined;
      return { ...structural('schema/type'), path, message: typeMessage(label, expected, unit, error.data, suggestion?.text, source?.text), ...(fix ? { fix } : {}) };
    }
    case 'enum': {
      const allowed = ((error.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String);
      const shown = typeof error.data === 'string' ? error.data : showValue(error.data);
      // A clerk writes the value's Chinese (or English) name — 小学, 专任教师, 高级 — where the
      // contract wants its code: name the code with its meaning, and offer it as the fix.
      const term = typeof error.data === 'string' ? termForWord(allowed, error.data) : undefined;
      if (term) {
        return {
          ...structural('schema/enum'),
          path,
          message: L(
            `${label['zh-CN']} 的值 \`${shown}\` 应写成代码 \`${term.code}\`(${term.label['zh-CN']})。可选:${allowed.join('、')}。`,
            `${label.en}: write \`${term.code}\` (${term.label.en}) instead of \`${shown}\`. Allowed: ${allowed.join(', ')}.`,
          ),
          fix: { title: L(`改为 ${term.code}(${term.label['zh-CN']})`, `Change to ${term.code} (${term.label.en})`), newText: term.code },
        };
      }
      const suggestion = typeof error.data === 'string' ? didYouMean(error.data, allowed) : undefined;
      // Each code with what it means (`senior(高级)`): a clerk choosing among `none、third、second…`
      // cannot tell which is 一级 (outside review).
      const terms = vocabularyOf(allowed)?.terms;
      const choices = (locale: 'zh-CN' | 'en') =>
        allowed.map((code) => {
          const term = terms?.find((x) => x.code === code);
          return term ? (locale === 'zh-CN' ? `${code}(${term.label['zh-CN']})` : `${code} (${term.label.en})`) : code;
        });
      return {
        ...structural('schema/enum'),
        path,
        message: join(
          L(`${label['zh-CN']} 的值 \`${shown}\` 不在可选范围内:${choices('zh-CN').join('、')}。`, `${label.en}: \`${shown}\` is not one of ${choices('en').join(', ')}.`),
          suggestion ? L(`是否应为 \`${suggestion}\`?`, ` Did you mean \`${suggestion}\`?`) : L('', ''),
        ),
        ...(suggestion ? { fix: { title: L(`改为 ${suggestion}`, `Change to ${suggestion}`), newText: suggestion } } : {}),
      };
    }
    case 'minimum':
    case 'maximum': {
      const limit = (error.params as { limit: number }).limit;
      const actual = error.data as number;
      if (unit === 'fraction' && error.keyword === 'maximum' && actual > 1 && actual <= 100) {
        const fixed = Math.round(actual * 1000) / 100000;
        return {
          ...structural('schema/range'),
          path,
          message: L(
            `${label['zh-CN']} 应为 0 到 1 之间的小数:${actual}% 请写成 ${fixed},不要写成 ${actual}。`,
            `${label.en} must be a fraction between 0 and 1: write ${actual}% as ${fixed}, not ${actual}.`,
          ),
          fix: { title: L(`改为 ${fixed}`, `Change to ${fixed}`), newText: String(fixed) },
        };
      }
      // A year column copied from Excel as a date cell's serial number (45658 is 2025-01-01): said as
      // what it is, with the year it stands for (outside review: "不能大于 2100,现为 45658").
      if (unit === 'year' && error.keyword === 'maximum' && Number.isInteger(actual) && actual >= EXCEL_SERIAL_MIN && actual <= EXCEL_SERIAL_MAX) {
        const date = new Date(Date.UTC(1899, 11, 30) + actual * 86_400_000);
        const day = date.toISOString().slice(0, 10);
        const year = String(date.getUTCFullYear());
        return {
          ...structural('schema/range'),
          path,
          message: L(
            `${label['zh-CN']} 不能大于 ${limit},现为 ${actual}:这像是 Excel 的日期序号(${day}),请只填年份 ${year}。`,
            `${label.en} must be at most ${limit}; it is ${actual}, which looks like an Excel date serial number (${day}): write the year alone, ${year}.`,
          ),
          fix: { title: L(`改为 ${year}`, `Change to ${year}`), newText: year },
        };
      }
      const below = error.keyword === 'minimum';
      return {
        ...structural('schema/range'),
        path,
        message: below
          ? L(`${label['zh-CN']} 不能小于 ${limit},现为 ${actual}。`, `${label.en} must be at least ${limit}; it is ${actual}.`)
          : L(`${label['zh-CN']} 不能大于 ${limit},现为 ${actual}。`, `${label.en} must be at most ${limit}; it is ${actual}.`),
      };
    }
    case 'minLength':
      return {
        ...structural('schema/empty'),
        path,
        message: L(`${label['zh-CN']} 不能为空。`, `${label.en} must not be empty.`),
      };
    case 'const':
      return {
        ...structural('schema/enum'),
        path,
        message: L(`${label['zh-CN']} 应为 \`${String(error.params.allowedValue)}\`。`, `${label.en} must be \`${String(error.params.allowedValue)}\`.`),
      };
    default:
      // Keywords worded no more specifically (none in today's schemas; a schema that adds, say,
      // `pattern` gets this registered id rather than an id with no entry and no docs page).
      return {
        ...structural('schema/invalid'),
        path,
        message: L(`${label['zh-CN']} 不符合格式要求(${error.message ?? error.keyword})。`, `${label.en} is not valid (${error.message ?? error.keyword}).`),
      };
  }
}

/** Excel's date serial numbers of 1955-01-01 … 2099-12-31 (1900 date system): a year field holding one was a date cell. */
const EXCEL_SERIAL_MIN = 20090;
const EXCEL_SERIAL_MAX = 73050;

function typeMessage(label: LocalizedText, expected: string, unit: Unit | undefined, actual: unknown, suggestion: string | undefined, source?: string): LocalizedText {
  // A number as the clerk wrote it (0130902008, not the 130902008 YAML reads it as).
  const value = typeof actual === 'number' && source !== undefined && /^[-+.\w]+$/.test(source.trim()) ? source.trim() : showValue(actual);
  const shown = typeof actual === 'string' ? `"${actual}"` : actual === null ? '空值' : value;
  const shownEn = typeof actual === 'string' ? `"${actual}"` : actual === null ? 'an empty value' : value;
  const written = typeof actual === 'string' ? actual : '';
  // Name the mistake itself when it is a common one: full-width digits, a date for a year.
  const mistake =
    expected === 'integer' && unit === 'year' && yearOfDate(written) !== undefined
      ? L(`此处只填年份,不是日期。`, ` This field takes a year, not a date.`)
      : hasFullWidthDigits(written)
        ? L(`其中的数字是全角数字(如 ２０２５),请改用半角数字。`, ` Its digits are full-width (like ２０２５); use ASCII digits.`)
        : L('', '');
  const hint = join(mistake, suggestion ? L(`应写成 ${suggestion}。`, ` Write ${suggestion}.`) : L('', ''));
  if ((expected === 'number' || expected === 'integer') && unit === 'yuan') {
    return join(
      L(`${label['zh-CN']} 现为 ${shown}:金额应为数字,单位为元,如 4800000,不要加千位分隔符、引号或“元”字。`, `${label.en} is ${shownEn}: amounts are plain numbers in yuan, e.g. 4800000, without thousands separators, quotes or units.`),
      hint,
    );
  }
  if ((expected === 'number' || expected === 'integer') && unit === 'fraction') {
    return join(
      L(`${label['zh-CN']} 现为 ${shown}:比例应为 0 到 1 之间的小数,如 0.975,不要写成 "97.5%"。`, `${label.en} is ${shownEn}: shares are fractions between 0 and 1, e.g. 0.975, not "97.5%".`),
      hint,
    );
  }
  if (expected === 'integer' && unit === 'year') {
    return join(L(`${label['zh-CN']} 现为 ${shown}:年份应为整数,如 2025。`, `${label.en} is ${shownEn}: a year is a whole number, e.g. 2025.`), hint);
  }
  if (expected === 'integer') {
    return join(L(`${label['zh-CN']} 现为 ${shown}:应为整数。`, `${label.en} is ${shownEn}: expected a whole number.`), hint);
  }
  if (expected === 'number') {
    return join(L(`${label['zh-CN']} 现为 ${shown}:应为数字。`, `${label.en} is ${shownEn}: expected a number.`), hint);
  }
  if (expected === 'boolean') {
    return join(L(`${label['zh-CN']} 现为 ${shown}:应填 true(是)或 false(否)。`, `${label.en} is ${shownEn}: expected true or false.`), hint);
  }
  if (expected === 'string') {
    return join(L(`${label['zh-CN']} 现为 ${shown}:应为文字,数字编码请加引号。`, `${label.en} is ${shownEn}: expected text; quote codes made of digits.`), hint);
  }
  if (expected === 'object') {
    return L(`${label['zh-CN']} 应包含下一级字段(“字段: 值”),现为 ${shown}。`, `${label.en} must contain nested fields (key: value); it is ${shownEn}.`);
  }
  if (expected === 'array') {
    return L(`${label['zh-CN']} 应为列表(每项以“- ”开头),现为 ${shown}。`, `${label.en} must be a list (items start with "- "); it is ${shownEn}.`);
  }
  return L(`${label['zh-CN']} 类型不对,应为 ${expected}。`, `${label.en} has the wrong type; expected ${expected}.`);
}

/** A record's staff id as the duplicate check compares it (`T001` and `"T001"` alike; 7 and "7" too), if it has one. */
function staffIdKey(record: unknown): string | undefined {
  const id = record && typeof record === 'object' ? (record as Record<string, unknown>).id : undefined;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

/**
 * A staff list's ids, kept while an incremental check asks for it: each record's id and, per
 * id, the records holding it in record order. An edit of a few records updates it in place
 * (it moves to the new list), so a 20,000-person list is not walked per keystroke; the
 * findings are those of the walk over every record: each later holder of an id, in record order.
 */
interface StaffIds {
  keys: (string | undefined)[];
  holders: Map<string, number[]>;
  /** Ids with two holders or more. */
  repeated: Set<string>;
}

const keptStaffIds = new WeakMap<readonly unknown[], StaffIds>();

function insertSorted(list: number[], n: number): void {
  let i = list.length;
  while (i > 0 && list[i - 1]! > n) i--;
  list.splice(i, 0, n);
}

function holdId(ids: StaffIds, key: string, index: number): void {
  let list = ids.holders.get(key);
  if (!list) ids.holders.set(key, (list = []));
  insertSorted(list, index);
  if (list.length > 1) ids.repeated.add(key);
}

function releaseId(ids: StaffIds, key: string, index: number): void {
  const list = ids.holders.get(key)!;
  list.splice(list.indexOf(index), 1);
  if (list.length < 2) ids.repeated.delete(key);
  if (list.length === 0) ids.holders.delete(key);
}

/** The ids of `staff`: those kept for the list it was edited from, updated at the changed records, or read whole. */
function staffIdsOf(staff: readonly unknown[], reuse: Reuse): StaffIds {
  const previous = reuse.previous;
  const before = previous !== null && typeof previous === 'object' ? (previous as Record<string, unknown>).staff : undefined;
  const kept = Array.isArray(before) ? keptStaffIds.get(before) : undefined;
  const changed = kept ? reuse.changedIn(before as unknown[], staff) : undefined;
  let ids: StaffIds;
  if (kept && changed) {
    ids = kept;
    for (const i of changed) {
      const was = ids.keys[i];
      const now = staffIdKey(staff[i]);
      if (was === now) continue;
      if (was !== undefined) releaseId(ids, was, i);
      if (now !== undefined) holdId(ids, now, i);
      ids.keys[i] = now;
    }
    // Updated in place: the list it was edited from keeps nothing to start from again.
    if (before !== staff) keptStaffIds.delete(before as unknown[]);
  } else {
    ids = { keys: new Array<string | undefined>(staff.length), holders: new Map(), repeated: new Set() };
    for (let i = 0; i < staff.length; i++) {
      const key = staffIdKey(staff[i]);
      ids.keys[i] = key;
      if (key !== undefined) holdId(ids, key, i);
    }
  }
  keptStaffIds.set(staff, ids);
  return ids;
}

function duplicateStaffIds(factory: FindingFactory, staff: unknown, reuse: Reuse | null): Finding[] {
  if (!Array.isArray(staff)) return [];
  /** [record, first record with its id, the id] of each later holder, in record order. */
  const repeats: [number, number, string][] = [];
  if (reuse) {
    const ids = staffIdsOf(staff, reuse);
    for (const key of ids.repeated) {
      const holders = ids.holders.get(key)!;
      for (let k = 1; k < holders.length; k++) repeats.push([holders[k]!, holders[0]!, key]);
    }
    repeats.sort((a, b) => a[0] - b[0]);
  } else {
    const firstIndex = new Map<string, number>();
    staff.forEach((record, index) => {
      const key = staffIdKey(record);
      if (key === undefined) return;
      const first = firstIndex.get(key);
      if (first === undefined) firstIndex.set(key, index);
      else repeats.push([index, first, key]);
    });
  }
  return repeats.map(([index, first, key]) =>
    factory.make({
      ...structural('duplicate-staff-id'),
      path: ['staff', index, 'id'],
      message: L(
        `工号 \`${key}\` 重复:第 ${first + 1} 条记录已使用该工号。每位教职工的工号应唯一。`,
        `Staff id \`${key}\` is used twice: record ${first + 1} already has it. Each staff id must be unique.`,
      ),
      related: [{ path: ['staff', first, 'id'], message: L('首次出现的位置', 'First use of this id') }],
      figures: { id: key, firstIndex: first },
    }),
  );
}

/** Plain numbers only: hexadecimal, octal and leading-zero integers are read differently by YAML 1.1 and 1.2 readers. */
const ODD_NUMBER = /^[-+]?(?:0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[0-9_]+)$/;
/** A quick test on the whole text: most files have no such number at all. */
const ODD_NUMBER_IN_TEXT = /(?:^|[\s:,[{-])[-+]?0(?:[xX][0-9a-fA-F]|[oO][0-7]|[0-9])/m;

/**
 * Numbers written in hexadecimal (`0x10`), octal (`0o17`) or with a leading zero (`017`) in
 * numeric fields: YAML 1.2 reads `0x10` as 16 and `017` as 17, YAML 1.1 tools read `017` as 15.
 * A finance form never means either: report it (`schema/number-format`) with the decimal value.
 */
function numberNotations(factory: FindingFactory, value: unknown, schema: JsonSchema | undefined, at: PathSegment[] = []): FindingInput[] {
  const span = at.length ? factory.sourceText(at)?.span : factory.doc.span;
  if (!span || !ODD_NUMBER_IN_TEXT.test(factory.file.text.slice(span[0], span[1]))) return [];
  const out: FindingInput[] = [];
  const walk = (v: unknown, s: JsonSchema | undefined, path: PathSegment[]): void => {
    if (!s) return;
    if (typeof v === 'number' && (s.type === 'number' || s.type === 'integer')) {
      const source = factory.sourceText(path);
      const written = source?.text.trim();
      if (!written || !ODD_NUMBER.test(written)) return;
      const label = fieldLabel(path, s);
      const radix = /^[-+]?0[xX]/.test(written) ? L('十六进制', 'hexadecimal') : /^[-+]?0[oO]/.test(written) ? L('八进制', 'octal') : undefined;
      out.push({
        ...structural('schema/number-format'),
        path,
        message: radix
          ? L(
              `${label['zh-CN']} 写成了 \`${written}\`(${radix['zh-CN']}),读作 ${v}。请写普通的十进制数字。`,
              `${label.en} is written \`${written}\` (${radix.en}), which is read as ${v}. Write a plain decimal number.`,
            )
          : L(
              `${label['zh-CN']} 写成了 \`${written}\`,以 0 开头:有的 YAML 读取器读作 ${v},有的按八进制读作其他数。请去掉开头的 0。`,
              `${label.en} is written \`${written}\` with a leading zero: some YAML readers read ${v}, others an octal number. Remove the leading zero.`,
            ),
        fix: { title: L(`改为 ${v}`, `Change to ${v}`), newText: String(v) },
        figures: { written, value: v },
      });
      return;
    }
    if (Array.isArray(v)) {
      const items = s.items as JsonSchema | undefined;
      v.forEach((item, i) => walk(item, items, [...path, i]));
    } else if (v !== null && typeof v === 'object') {
      const props = s.properties as Record<string, JsonSchema> | undefined;
      if (!props) return;
      for (const key of Object.keys(v)) {
        if (Object.prototype.hasOwnProperty.call(props, key)) walk((v as Record<string, unknown>)[key], props[key], [...path, key]);
      }
    }
  };
  walk(value, schema, at);
  return out;
}

/** A structure check's finding inputs, before the limit: ajv's (undefined: an error that says nothing; a function: not described yet), then number notations. */
interface StructureInputs {
  ajv: (FindingInput | undefined | (() => FindingInput | undefined))[];
  numbers: FindingInput[];
}

/** One record's inputs, and where the record started when they were made (an unknown key's fix has a span). */
interface RecordInputs {
  ajv: (FindingInput | undefined)[];
  numbers: FindingInput[];
  at: number;
}

/** A document's inputs by where they are: the head, and each record of the lists checked record by record. */
interface KeptStructure {
  kind: DocumentKind;
  head: { ajv: (FindingInput | undefined)[]; numbers: FindingInput[] };
  lists: Map<string, RecordInputs[]>;
  /** Per list, the records whose inputs hold a span (to move when the record moves). */
  spanned: Map<string, number[]>;
}

const holdsSpan = (r: RecordInputs) => r.ajv.some((x) => x?.fix?.span !== undefined);

/** Kept per document value while an incremental check asks for it (WeakMap: gone with the document). */
const keptStructure = new WeakMap<object, KeptStructure>();

function recordStart(factory: FindingFactory, key: string, index: number): number {
  return factory.doc.locate([key, index]).location.value?.[0] ?? -1;
}

/** The inputs of one record, from its own validator (paths and pointers as in the whole document). */
function recordInputs(factory: FindingFactory, kind: DocumentKind, value: Record<string, unknown>, key: string, index: number): RecordInputs {
  const validate = listRecordValidator(kind, key)!;
  const item = (value[key] as unknown[])[index];
  validate(item);
  const prefix = `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}/${index}`;
  const ajv = (validate.errors ?? []).map((e) => describeAjvError(factory, { ...e, instancePath: prefix + e.instancePath }, value));
  const items = (documentSchemas[kind].properties as Record<string, JsonSchema>)[key]!.items as JsonSchema;
  return { ajv, numbers: numberNotations(factory, item, items, [key, index]), at: recordStart(factory, key, index) };
}

/** The same inputs, for a record that moved by `delta` characters (text unchanged). */
function moved(inputs: RecordInputs, delta: number): RecordInputs {
  const shift = (i: FindingInput | undefined): FindingInput | undefined => (i?.fix?.span ? { ...i, fix: { ...i.fix, span: [i.fix.span[0] + delta, i.fix.span[1] + delta] } } : i);
  return { ajv: inputs.ajv.map(shift), numbers: inputs.numbers.map((i) => shift(i)!), at: inputs.at + delta };
}

/**
 * The structure inputs of a document: from the kind's validator over the whole document, or —
 * for a document edited from `reuse.previous` whose head is the same — the head's and the
 * unchanged records' inputs kept from the previous check and only the changed records
 * validated again. In record order either way: what the whole validation gives, per place.
 */
function structureInputs(factory: FindingFactory, kind: DocumentKind, value: Record<string, unknown>, reuse: Reuse | null, limit: number): StructureInputs {
  const previous = reuse?.previous;
  const before = previous !== null && typeof previous === 'object' ? keptStructure.get(previous) : undefined;
  const lists = Object.keys(value).filter((k) => Array.isArray(value[k]) && listRecordValidator(kind, k));
  if (reuse && before && before.kind === kind && sameHead(value, previous) && sameOtherLists(value, previous as Record<string, unknown>, lists)) {
    // The head's inputs are the same, but a fix span of one (an unknown root key's rename) after
    // the list moved with every edit of a record: locate those few again. (Outside review D: a
    // misspelled key after `staff:` kept its old span, and its quick fix replaced the wrong text.)
    const head = relocatedHead(factory, before.head);
    const next: KeptStructure = { kind, head: head ?? before.head, lists: new Map(), spanned: new Map() };
    let ok = head !== undefined && lists.length === before.lists.size;
    for (const key of lists) {
      const records = before.lists.get(key);
      const changed = records ? reuse.changedIn((previous as Record<string, unknown[]>)[key]!, value[key] as unknown[]) : undefined;
      if (!records || !changed) {
        ok = false;
        break;
      }
      const now = records.slice();
      for (const i of changed) now[i] = recordInputs(factory, kind, value, key, i);
      // Records after an edit moved; only the few whose inputs hold a span need it moved too.
      const spanned = (before.spanned.get(key) ?? []).filter((i) => !changed.includes(i));
      for (const i of changed) if (holdsSpan(now[i]!)) spanned.push(i);
      for (const i of spanned) {
        const r = now[i]!;
        const at = recordStart(factory, key, i);
        if (at !== r.at) now[i] = moved(r, at - r.at);
      }
      next.lists.set(key, now);
      next.spanned.set(key, spanned);
    }
    const inputs = ok ? flatten(next) : undefined;
    // Near the limit, which findings are left out depends on ajv's own order: check it whole.
    if (inputs && inputs.ajv.length + inputs.numbers.length < limit) {
      keptStructure.set(value, next);
      return inputs;
    }
  }
  // The whole document: ajv's errors in its order; kept by place when asked.
  const validate = documentValidators()[kind];
  validate(value);
  const errors = validate.errors ?? [];
  const numbers = numberNotations(factory, value, documentSchemas[kind]);
  if (!reuse) return { ajv: errors.map((e) => () => describeAjvError(factory, e, value)), numbers };
  const ajv = errors.map((e) => describeAjvError(factory, e, value));
  {
    const kept: KeptStructure = { kind, head: { ajv: [], numbers: [] }, lists: new Map(), spanned: new Map() };
    for (const key of lists) kept.lists.set(key, (value[key] as unknown[]).map((_, i) => ({ ajv: [], numbers: [], at: recordStart(factory, key, i) })));
    const place = (path: readonly PathSegment[]) => (typeof path[0] === 'string' && typeof path[1] === 'number' ? kept.lists.get(path[0])?.[path[1]] : undefined);
    errors.forEach((e, i) => (place(pointerToPath(e.instancePath, value)) ?? kept.head).ajv.push(ajv[i]));
    for (const n of numbers) (place(n.path) ?? kept.head).numbers.push(n);
    for (const [key, records] of kept.lists) kept.spanned.set(key, records.flatMap((r, i) => (holdsSpan(r) ? [i] : [])));
    keptStructure.set(value, kept);
  }
  return { ajv, numbers };
}

/**
 * Whether every list of the document that is not validated record by record is the one of
 * `previous` (sameHead sets lists aside). Such a list — `school:` written with `- ` items, the
 * longest list of a file begun with one staff member, so the one an edit re-reads an item of —
 * is judged whole, and its finding quotes its value: it must be validated again when it changed.
 * (Outside review D: the message still showed the school name as it was before the edit.)
 */
function sameOtherLists(value: Record<string, unknown>, previous: Record<string, unknown>, lists: readonly string[]): boolean {
  for (const key of Object.keys(value)) if (Array.isArray(value[key]) && !lists.includes(key) && value[key] !== previous[key]) return false;
  return true;
}

/**
 * The head's kept inputs with each fix span located again in this text (the span of the key the
 * input is about, as describeAjvError made it); the same object when none holds a span, and
 * undefined when a span cannot be found again (then the document is validated whole).
 */
function relocatedHead(factory: FindingFactory, head: KeptStructure['head']): KeptStructure['head'] | undefined {
  if (!head.ajv.some((x) => x?.fix?.span !== undefined)) return head;
  const ajv: (FindingInput | undefined)[] = [];
  for (const x of head.ajv) {
    if (x?.fix?.span === undefined) {
      ajv.push(x);
      continue;
    }
    const span = factory.keySpan(x.path);
    if (!span) return undefined;
    ajv.push(span[0] === x.fix.span[0] && span[1] === x.fix.span[1] ? x : { ...x, fix: { ...x.fix, span } });
  }
  return { ...head, ajv };
}

function flatten(kept: KeptStructure): StructureInputs {
  const ajv = [...kept.head.ajv];
  const numbers = [...kept.head.numbers];
  for (const records of kept.lists.values()) {
    for (const r of records) {
      for (const x of r.ajv) ajv.push(x);
      for (const x of r.numbers) numbers.push(x);
    }
  }
  return { ajv, numbers };
}


/** The vocabulary whose codes are exactly a field's allowed values, if one is. */
const vocabularyOf = (allowed: readonly string[]) => Object.values(VOCABULARY).find((v) => v.codes.length === allowed.length && v.codes.every((c) => allowed.includes(c)));

/**
 * The vocabulary term a written word names, looked up only in the vocabulary whose codes are the
 * field's allowed values (so 高级 is a title in `title` and nothing in `level`).
 */
function termForWord(allowed: readonly string[], word: string): VocabularyTerm | undefined {
  const vocabulary = vocabularyOf(allowed);
  const term = vocabulary ? findTerm(vocabulary, word) : undefined;
  // A word that is already the code is not a mistake of this kind (ajv rejected it for another reason).
  return term && term.code !== word && allowed.includes(term.code) ? term : undefined;
}
