/**
 * Outside review E: `edunorm import staff.csv --output staff.csv --force` (or an output that is
 * the spreadsheet by a link or hard link, or the --mapping file) replaced the spreadsheet the
 * YAML was made from. --force says "replace the YAML written before", never "replace my data":
 * the output may not be the input or the mapping (exit 2, both as they were).
 */
import { linkSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blockRows, HEADERS, sheetRow, staffRecords, toCsv } from '../fixtures/import/staff-sheet.js';
import { runCli } from '../helpers/run-cli.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'edunorm-review-e-import-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('import --output at its own input', { timeout: 60_000 }, () => {
  it('the spreadsheet (by its name or a hard link) is never replaced, even with --force', () => {
    const records = staffRecords(5);
    const csv = `\ufeff${toCsv([...blockRows(), HEADERS.map(([h]) => h), ...records.map((r, k) => sheetRow(r, k, false))])}`;
    writeFileSync(join(dir, 'staff.csv'), csv);
    linkSync(join(dir, 'staff.csv'), join(dir, 'same.yaml'));
    for (const output of ['staff.csv', './staff.csv', 'same.yaml']) {
      const r = runCli(['import', 'staff.csv', '--kind', 'Staffing', '--output', output, '--force', '--locale', 'en'], { cwd: dir });
      expect(r.code, r.stdout + r.stderr).toBe(2);
      expect(r.stderr).toContain('is the file being imported');
      expect(readFileSync(join(dir, 'staff.csv'), 'utf8')).toBe(csv);
    }
    // Another output is written.
    expect(runCli(['import', 'staff.csv', '--kind', 'Staffing', '--output', 'staff.yaml'], { cwd: dir }).code).not.toBe(2);
  });
});
