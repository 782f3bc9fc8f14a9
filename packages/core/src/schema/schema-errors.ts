import type { ErrorObject } from 'ajv';
import type { PathSegment } from '../path.js';

/** `/rules/teacher-training-funds/params` → ['rules', 'teacher-training-funds', 'params']. */
export function pointerToPath(pointer: string): PathSegment[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

export interface SchemaErrorText {
  /** Where to point: the offending key (unknown, missing) or value. */
  path: PathSegment[];
  part: 'key' | 'value';
  message: string;
}

/**
 * One ajv error of a rule file or configuration, in words for the person who wrote it.
 * `unknownWhat` names what an unexpected key is ("property", "setting").
 */
export function describeSchemaError(e: ErrorObject, unknownWhat: string, subject: string): SchemaErrorText {
  const path = pointerToPath(e.instancePath);
  switch (e.keyword) {
    case 'additionalProperties': {
      const extra = String((e.params as { additionalProperty: string }).additionalProperty);
      return { path: [...path, extra], part: 'key', message: `unknown ${unknownWhat} "${extra}"` };
    }
    case 'required': {
      const missing = String((e.params as { missingProperty: string }).missingProperty);
      return { path, part: 'key', message: `missing required property "${missing}"${e.instancePath ? ` in ${e.instancePath}` : ''}` };
    }
    case 'enum':
      return { path, part: 'value', message: `${e.instancePath} must be one of ${((e.params as { allowedValues: unknown[] }).allowedValues ?? []).join(', ')}` };
    default:
      return { path, part: 'value', message: `${e.instancePath || subject} ${e.message ?? 'is invalid'}` };
  }
}

/**
 * What every wording of an ajv error needs, read once from the error: its path (and as
 * `a.b.0` words), the unknown key with the keys its schema knows, the allowed values.
 */
export function schemaErrorParts(e: ErrorObject): { path: PathSegment[]; where: string; extra: string; known: string[]; allowed: string[] } {
  const path = pointerToPath(e.instancePath);
  const params = e.params as { additionalProperty?: unknown; allowedValues?: unknown[] };
  return {
    path,
    where: path.join('.'),
    extra: String(params.additionalProperty ?? ''),
    known: Object.keys(((e.parentSchema as { properties?: object } | undefined)?.properties ?? {}) as object),
    allowed: (params.allowedValues ?? []).map(String),
  };
}
