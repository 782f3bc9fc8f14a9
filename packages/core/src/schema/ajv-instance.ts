import AjvModule, { type ErrorObject, type ValidateFunction, type Ajv as AjvInstance } from 'ajv';
export { documentValidators, listRecordValidator } from './validators.js';
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

/** The document validators compiled at run time: what the generated ones (validators.ts) must equal. */
export function compileDocumentValidators(): Record<DocumentKind, ValidateFunction> {
  const ajv = createAjv();
  const compiled = {} as Record<DocumentKind, ValidateFunction>;
  for (const kind of DOCUMENT_KINDS) compiled[kind] = ajv.compile(documentSchemas[kind]);
  return compiled;
}
