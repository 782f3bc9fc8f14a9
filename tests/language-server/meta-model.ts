/**
 * Checks LSP messages against the LSP 3.17 metaModel (tests/fixtures/lsp/metaModel-3.17.json,
 * protocol/metaModel.json of microsoft/vscode-languageserver-node at tag
 * release/protocol/3.17.5, commit 4f782ceac1b4444d335a32561bda0ded305c401e). Strict where the
 * protocol is: a structure may not carry properties the 3.17 model does not define (a 3.18
 * `snippet` edit sent to a 3.17 client is an error), enumerations must hold one of their
 * values unless they allow custom ones, integers must be integers in range.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type MetaType =
  | { kind: 'base'; name: string }
  | { kind: 'reference'; name: string }
  | { kind: 'array'; element: MetaType }
  | { kind: 'map'; key: MetaType; value: MetaType }
  | { kind: 'and' | 'or' | 'tuple'; items: MetaType[] }
  | { kind: 'literal'; value: { properties: MetaProperty[] } }
  | { kind: 'stringLiteral'; value: string }
  | { kind: 'integerLiteral'; value: number }
  | { kind: 'booleanLiteral'; value: boolean };

interface MetaProperty {
  name: string;
  type: MetaType;
  optional?: boolean;
}
interface MetaStructure {
  name: string;
  properties: MetaProperty[];
  extends?: MetaType[];
  mixins?: MetaType[];
}
interface MetaEnumeration {
  name: string;
  type: { name: string };
  values: { value: string | number }[];
  supportsCustomValues?: boolean;
}
interface MetaModel {
  metaData: { version: string };
  requests: { method: string; result: MetaType; params?: MetaType }[];
  notifications: { method: string; params?: MetaType }[];
  structures: MetaStructure[];
  enumerations: MetaEnumeration[];
  typeAliases: { name: string; type: MetaType }[];
}

const model = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'lsp', 'metaModel-3.17.json'), 'utf8')) as MetaModel;
export const META_MODEL_VERSION = model.metaData.version;
const structures = new Map(model.structures.map((s) => [s.name, s]));
const enumerations = new Map(model.enumerations.map((e) => [e.name, e]));
const aliases = new Map(model.typeAliases.map((a) => [a.name, a.type]));

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every property of a structure, its `extends` and `mixins` included. */
function propertiesOf(structure: MetaStructure): MetaProperty[] {
  const inherited = [...(structure.extends ?? []), ...(structure.mixins ?? [])].flatMap((t) => (t.kind === 'reference' && structures.has(t.name) ? propertiesOf(structures.get(t.name)!) : []));
  return [...inherited, ...structure.properties];
}

function checkProperties(value: unknown, properties: MetaProperty[], at: string): string[] {
  if (!isObject(value)) return [`${at}: expected an object, got ${JSON.stringify(value)?.slice(0, 80)}`];
  const errors: string[] = [];
  const known = new Set(properties.map((p) => p.name));
  for (const key of Object.keys(value)) if (!known.has(key)) errors.push(`${at}.${key}: not a property in LSP ${META_MODEL_VERSION}`);
  for (const p of properties) {
    if (!(p.name in value) || value[p.name] === undefined) {
      if (!p.optional) errors.push(`${at}.${p.name}: required`);
      continue;
    }
    errors.push(...check(value[p.name], p.type, `${at}.${p.name}`));
  }
  return errors;
}

function checkBase(value: unknown, name: string, at: string): string[] {
  const ok = (() => {
    switch (name) {
      case 'string':
      case 'URI':
      case 'DocumentUri':
      case 'RegExp':
        return typeof value === 'string';
      case 'boolean':
        return typeof value === 'boolean';
      case 'null':
        return value === null;
      case 'integer':
        return Number.isInteger(value) && (value as number) >= -(2 ** 31) && (value as number) < 2 ** 31;
      case 'uinteger':
        return Number.isInteger(value) && (value as number) >= 0 && (value as number) < 2 ** 31;
      case 'decimal':
        return typeof value === 'number' && Number.isFinite(value);
      default:
        return false;
    }
  })();
  return ok ? [] : [`${at}: expected ${name}, got ${JSON.stringify(value)?.slice(0, 80)}`];
}

/** The errors of `value` as an instance of `type` (empty: it conforms). */
export function check(value: unknown, type: MetaType, at = '$'): string[] {
  switch (type.kind) {
    case 'base':
      return checkBase(value, type.name, at);
    case 'reference': {
      const structure = structures.get(type.name);
      if (structure) return checkProperties(value, propertiesOf(structure), `${at}<${type.name}>`);
      const enumeration = enumerations.get(type.name);
      if (enumeration) {
        const base = checkBase(value, enumeration.type.name, at);
        if (base.length) return base;
        return enumeration.supportsCustomValues || enumeration.values.some((v) => v.value === value) ? [] : [`${at}: ${JSON.stringify(value)} is not a ${type.name}`];
      }
      const alias = aliases.get(type.name);
      if (alias) return check(value, alias, at);
      return [`${at}: unknown type ${type.name}`];
    }
    case 'array':
      return Array.isArray(value) ? value.flatMap((v, i) => check(v, type.element, `${at}[${i}]`)) : [`${at}: expected an array`];
    case 'map':
      return isObject(value) ? Object.entries(value).flatMap(([k, v]) => check(v, type.value, `${at}[${JSON.stringify(k)}]`)) : [`${at}: expected a map`];
    case 'tuple':
      return Array.isArray(value) && value.length === type.items.length ? type.items.flatMap((t, i) => check(value[i], t, `${at}[${i}]`)) : [`${at}: expected a tuple of ${type.items.length}`];
    case 'and':
      return type.items.flatMap((t) => check(value, t, at));
    case 'or': {
      const attempts = type.items.map((t) => check(value, t, at));
      return attempts.some((e) => e.length === 0) ? [] : [`${at}: matches none of ${type.items.length} alternatives; nearest: ${attempts.sort((a, b) => a.length - b.length)[0]!.join('; ')}`];
    }
    case 'literal':
      return checkProperties(value, type.value.properties, at);
    case 'stringLiteral':
    case 'integerLiteral':
    case 'booleanLiteral':
      return value === type.value ? [] : [`${at}: expected ${JSON.stringify(type.value)}`];
  }
}

export const ref = (name: string): MetaType => ({ kind: 'reference', name });
export const arrayOf = (name: string): MetaType => ({ kind: 'array', element: ref(name) });

/** Errors of a request's result against the model's result type for `method`. */
export function checkResult(method: string, result: unknown): string[] {
  const request = model.requests.find((r) => r.method === method);
  if (!request) return [`${method}: not a request of LSP ${META_MODEL_VERSION}`];
  return check(result, request.result, method);
}

/** Errors of a notification's params against the model (server → client notifications). */
export function checkNotification(method: string, params: unknown): string[] {
  const notification = model.notifications.find((n) => n.method === method);
  if (!notification) return [`${method}: not a notification of LSP ${META_MODEL_VERSION}`];
  return notification.params ? check(params, notification.params, method) : [];
}
