/**
 * The example documents new users start from (packages/core/src/templates.ts): one per kind,
 * shared by `edunorm init` and the editor's "New edunorm file" / walkthrough. Each must pass
 * the built-in pack, so the first finding a user sees is one they made.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check, DOCUMENT_KINDS } from '@edunorm/core';
import { DOCUMENT_TEMPLATES } from '@edunorm/core/internal';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';

describe('document templates', () => {
  it.each(DOCUMENT_KINDS)('the %s template is of its kind and passes every norm of the built-in pack', async (kind) => {
    const result = await check(DOCUMENT_TEMPLATES[kind], { locale: 'zh-CN' });
    expect(result.documents.map((d) => d.kind)).toEqual([kind]);
    expect(result.findings).toEqual([]);
  });

  it('edunorm init writes exactly the budget and staffing templates', () => {
    const dir = mkdtempSync(join(tmpdir(), 'edunorm-templates-'));
    try {
      expect(runCli(['init', '--locale', 'en'], { cwd: dir }).code).toBe(0);
      expect(readFileSync(join(dir, 'examples', 'budget.yaml'), 'utf8')).toBe(DOCUMENT_TEMPLATES.SchoolBudget);
      expect(readFileSync(join(dir, 'examples', 'staffing.yaml'), 'utf8')).toBe(DOCUMENT_TEMPLATES.Staffing);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
