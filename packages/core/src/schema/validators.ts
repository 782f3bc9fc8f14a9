/**
 * Every JSON Schema validator a check, a configuration or a rule pack needs, generated ahead
 * of time by scripts/gen-validators.mjs (ajv standalone code). No runtime module imports ajv's
 * compiler: a process (the CLI, each worker thread, the language server) pays neither for
 * loading it nor for compiling the schemas. `ajv-instance.ts` compiles the same schemas at run
 * time for the tests that compare the two.
 */
import type { ValidateFunction } from 'ajv';
import * as documents from '../generated/document-validators.js';
import * as packs from '../generated/pack-validators.js';
import { ANNOTATION_KEYWORDS, documentSchemas, type DocumentKind } from './document-schemas.js';

export type { ErrorObject } from 'ajv';

type Generated = Record<string, ValidateFunction | undefined>;

/** The three document validators, by kind. */
export function documentValidators(): Record<DocumentKind, ValidateFunction> {
  return documents as unknown as Record<DocumentKind, ValidateFunction>;
}

/** The validator of `edunorm.config.yaml` (schema: config-schema.ts). */
export function configValidator(): ValidateFunction {
  return (packs as unknown as Generated).config!;
}

/** The validator of a rule file (schema: rules/rule-file-schema.ts). */
export function ruleFileValidator(): ValidateFunction {
  return (packs as unknown as Generated).ruleFile!;
}

/** The params validator of a calculator (`workspace`: a calculator across documents), or undefined for an unknown name. */
export function calculatorParamsValidator(name: string, workspace = false): ValidateFunction | undefined {
  const key = `${workspace ? 'workspaceCalculator_' : 'calculator_'}${name}`;
  return Object.hasOwn(packs, key) ? (packs as unknown as Generated)[key] : undefined;
}

/** Keywords of a list's schema that judge each record alone (none judges the list as a whole). */
const PER_RECORD_KEYWORDS = new Set(['type', 'items', ...Object.keys(ANNOTATION_KEYWORDS)]);

/**
 * The precompiled validator of one record of a document's top-level list (`Staffing__staff`),
 * when the list's schema judges records one by one: the editor's incremental checks validate
 * only the records an edit changed.
 */
export function listRecordValidator(kind: DocumentKind, key: string): ValidateFunction | undefined {
  const list = (documentSchemas[kind].properties as Record<string, Record<string, unknown>> | undefined)?.[key];
  if (!list || list.type !== 'array' || !Object.keys(list).every((k) => PER_RECORD_KEYWORDS.has(k))) return undefined;
  return (documents as unknown as Record<string, ValidateFunction | undefined>)[`${kind}__${key}`];
}
