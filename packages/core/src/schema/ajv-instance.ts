import AjvModule, { type ErrorObject, type ValidateFunction, type Ajv as AjvInstance } from 'ajv';
import * as precompiled from '../generated/document-validators.js';
import { ANNOTATION_KEYWORDS, DOCUMENT_KINDS, documentSchemas, type DocumentKind } from './document-schemas.js';

// ajv is published as CommonJS; under NodeNext its default export sits one level down.
type AjvConstructor = new (options: Record<string, unknown>) => AjvInstance;
const Ajv: AjvConstructor =
  (AjvModule as unknown as { default?: AjvConstructor }).default ?? (AjvModule as unknown as AjvConstructor);

export type { ErrorObject };

/** Builds an ajv instance that knows our annotation keywords (`x-doc`, `x-unit`, `x-vocabulary`). */
export function createAjv(): AjvInstance {
  const ajv = new Ajv({ allErrors: true, strict: true, verbose: true, allowUnionTypes: true });
  for (const [keyword, schemaType] of Object.entries(ANNOTATION_KEYWORDS)) ajv.addKeyword({ keyword, schemaType });
  return ajv;
}

/**
 * The three document validators, generated ahead of time by scripts/gen-validators.mjs
 * (ajv standalone code): no process pays for compiling the schemas at start-up.
 * `compileDocumentValidators` builds the same at run time (tests compare the two).
 */
export function documentValidators(): Record<DocumentKind, ValidateFunction> {
  return precompiled as unknown as Record<DocumentKind, ValidateFunction>;
}

export function compileDocumentValidators(): Record<DocumentKind, ValidateFunction> {
  const ajv = createAjv();
  const compiled = {} as Record<DocumentKind, ValidateFunction>;
  for (const kind of DOCUMENT_KINDS) compiled[kind] = ajv.compile(documentSchemas[kind]);
  return compiled;
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
  return (precompiled as unknown as Record<string, ValidateFunction | undefined>)[`${kind}__${key}`];
}
