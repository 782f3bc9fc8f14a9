/**
 * The official OASIS SARIF 2.1.0 JSON schema (vendored from oasis-tcs/sarif-spec,
 * sarif-2.1/schema/sarif-schema-2.1.0.json) as an ajv validator, with its `uri` and
 * `uri-reference` formats checked by RFC 3986's grammar. Shared by the tests of
 * `check --format sarif` and `sarif-merge`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvModule from 'ajv';
import { ROOT } from './paths.js';

export type Validator = ((d: unknown) => boolean) & { errors?: unknown };
type AjvCtor = new (o: Record<string, unknown>) => { addFormat(name: string, format: RegExp | ((s: string) => boolean)): void; compile(schema: unknown): Validator };
const Ajv = ((AjvModule as unknown as { default?: AjvCtor }).default ?? (AjvModule as unknown as AjvCtor)) as AjvCtor;

// RFC 3986, appendix A.
const unreserved = 'A-Za-z0-9\\-._~';
const subDelims = "!$&'()*+,;=";
const pct = '%[0-9A-Fa-f]{2}';
const pchar = `(?:[${unreserved}${subDelims}:@]|${pct})`;
const segmentNzNc = `(?:[${unreserved}${subDelims}@]|${pct})+`;
const query = `(?:${pchar}|[/?])*`;
const authority = `(?:[${unreserved}${subDelims}:@]|${pct}|\\[[0-9A-Fa-f:.]+\\])*`;
const pathAbempty = `(?:/${pchar}*)*`;
const hierPart = `(?://${authority}${pathAbempty}|/(?:${pchar}+(?:/${pchar}*)*)?|${pchar}+(?:/${pchar}*)*|)`;
const relativePart = `(?://${authority}${pathAbempty}|/(?:${pchar}+(?:/${pchar}*)*)?|${segmentNzNc}(?:/${pchar}*)*|)`;
const tail = `(?:\\?${query})?(?:#${query})?`;
const URI = new RegExp(`^[A-Za-z][A-Za-z0-9+.-]*:${hierPart}${tail}$`);
export const RELATIVE_REF = new RegExp(`^${relativePart}${tail}$`);
export const URI_REFERENCE = { test: (s: string) => URI.test(s) || RELATIVE_REF.test(s) };

export function officialValidator(): Validator {
  const schema = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>;
  // Draft-04 spells the schema's own id `id`; ajv 8 reads `$id` (nothing else differs for this schema).
  const { $schema: _draft, id, ...rest } = schema;
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addFormat('uri', URI);
  ajv.addFormat('uri-reference', (s) => URI_REFERENCE.test(s));
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
  return ajv.compile({ $id: id, ...rest });
}

