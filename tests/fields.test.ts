/** docs/fields.md: generated from the schemas, complete, and not stale. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS, documentSchemas, type JsonSchema } from '../packages/core/src/index.js';
import { generateDocs, ROOT } from '../scripts/gen-docs.mjs';

const page = readFileSync(join(ROOT, 'docs', 'fields.md'), 'utf8');

function paths(schema: JsonSchema, prefix = ''): string[] {
  const out: string[] = [];
  for (const [name, child] of Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>)) {
    const path = prefix ? `${prefix}.${name}` : name;
    out.push(path);
    if (child.type === 'object') out.push(...paths(child, path));
    if (child.type === 'array' && (child.items as JsonSchema)?.type === 'object') out.push(...paths(child.items as JsonSchema, `${path}[]`));
  }
  return out;
}

describe('docs/fields.md', () => {
  it('is what npm run docs generates (fails when stale)', async () => {
    const generated = await generateDocs();
    expect(generated.get('docs/fields.md'), 'run npm run docs').toBe(page);
  });

  it('has a row for every field of every kind, with its Chinese name', () => {
    for (const kind of DOCUMENT_KINDS) {
      const section = page.split(`## ${kind} — `)[1]!.split('\n## ')[0]!;
      for (const path of paths(documentSchemas[kind])) expect(section, `${kind} ${path}`).toMatch(new RegExp(`^\\| \`${path.replace(/[[\].]/g, '\\$&')}\` \\| [^|]*[\\u4e00-\\u9fff]`, 'm'));
    }
  });

  it('lists allowed values with their names, units and examples', () => {
    expect(page).toMatch(/\| `school\.level` \|[^\n]*`primary` 小学/);
    expect(page).toMatch(/\| `staff\[\]\.role` \|[^\n]*`teacher` 专任教师/);
    expect(page).toMatch(/\| `budget\.publicFunds` \| [^|]+ \| [^|]+ \| 数字\(元 \/ yuan\) \| 必填 \/ yes \|  \| `\d+` \|/);
  });

  it('is linked from the README and the schema/* rule pages', () => {
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain('(docs/fields.md)');
    expect(readFileSync(join(ROOT, 'docs', 'rules', 'schema-enum.md'), 'utf8')).toContain('(../fields.md)');
  });
});
