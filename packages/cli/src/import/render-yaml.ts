import { documentSchemas, type DocumentKind, type JsonSchema } from '@edunorm/core';

/**
 * Writes an `edunorm/v1` document as YAML a person can read and edit: keys in the order of the
 * contract (documents.md), records as block mappings, codes and ids always quoted so they stay
 * text, other strings quoted only when YAML would read them as something else.
 */

const RESERVED = /^(true|false|yes|no|on|off|y|n|null|~)$/i;
/** Plain (unquoted) only for text starting with a letter and free of YAML's special characters. */
const PLAIN = /^\p{L}[\p{L}\p{N}_\-./·()()、,,。 ]*$/u;

export function yamlString(text: string, forceQuotes = false): string {
  if (!forceQuotes && PLAIN.test(text) && !RESERVED.test(text) && !text.endsWith(' ') && !/: | #/.test(text)) return text;
  // A JSON string is a valid YAML double-quoted scalar.
  return JSON.stringify(text);
}

function scalar(value: unknown, key: string): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return yamlString(value, ALWAYS_QUOTED.has(key));
  return JSON.stringify(value);
}

/** Codes are identifiers that may look like numbers (`130902008`): always quoted, as in documents.md. */
const ALWAYS_QUOTED = new Set(['code']);

/** Keys of an object in the order the schema lists them, then any others. */
function orderedKeys(value: Record<string, unknown>, schema: JsonSchema | undefined): string[] {
  const known = Object.keys((schema?.properties as Record<string, unknown> | undefined) ?? {});
  return [...known.filter((k) => k in value), ...Object.keys(value).filter((k) => !known.includes(k))];
}

function renderMap(value: Record<string, unknown>, schema: JsonSchema | undefined, indent: string, lines: string[], comments: Map<unknown, string>, firstPrefix?: string): void {
  let first = true;
  for (const key of orderedKeys(value, schema)) {
    const child = value[key];
    const childSchema = (schema?.properties as Record<string, JsonSchema> | undefined)?.[key];
    const lead = first && firstPrefix !== undefined ? firstPrefix : indent;
    const comment = first ? comments.get(value) : undefined;
    first = false;
    if (Array.isArray(child)) {
      if (child.length === 0) {
        lines.push(`${lead}${key}: []`);
        continue;
      }
      lines.push(`${lead}${key}:`);
      for (const item of child) {
        if (item && typeof item === 'object') renderMap(item as Record<string, unknown>, childSchema?.items as JsonSchema | undefined, `${indent}    `, lines, comments, `${indent}  - `);
        else lines.push(`${indent}  - ${scalar(item, key)}`);
      }
    } else if (child && typeof child === 'object') {
      lines.push(`${lead}${key}:`);
      renderMap(child as Record<string, unknown>, childSchema, `${indent}  `, lines, comments);
    } else lines.push(`${lead}${key}: ${scalar(child, key)}${comment ? `  # ${comment}` : ''}`);
  }
}

/**
 * Renders one document. `headerComment` lines go on top as `#` comments; `recordComments`
 * maps a record object to a note written after its first line (its row in the sheet).
 */
export function renderDocument(kind: DocumentKind, document: Record<string, unknown>, headerComment: readonly string[], recordComments = new Map<unknown, string>()): string {
  const lines = headerComment.map((l) => `# ${l}`.trimEnd());
  renderMap(document, documentSchemas[kind], '', lines, recordComments);
  return `${lines.join('\n')}\n`;
}
