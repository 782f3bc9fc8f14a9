/**
 * Outside review G, bug 3: closing a file that has findings across documents (a district file's
 * county findings, a school's `district-school-list`) cleared all its diagnostics, and they did not
 * come back: the closed file's findings across documents were the same as while it was open, so
 * the workspace saw no change and pushed nothing. The background index shows them for a closed
 * file that was never opened; after one open/close they were gone until a school was edited.
 */
import { expect, it } from 'vitest';
import { County } from './harness.js';

it('the district file opened and closed keeps its county findings, as before it was opened', async () => {
  const c = new County();
  try {
    await c.start();
    await c.openFile('district-2025.yaml');
    await c.settle();
    expect(c.diff()).toEqual([]);
    await c.close('district-2025.yaml');
    await c.settle();
    expect(c.diff()).toEqual([]);
    expect(c.serverRows('district-2025.yaml')?.map((r) => r.ruleId)).toContain('county-teacher-pay-parity');
  } finally {
    await c.stop();
  }
}, 120_000);

it('two district files edited out of edunorm and closed unsaved: both are read back from disk', async () => {
  const c = new County();
  try {
    // Only the district files: the index holds nothing else once both are edited out.
    for (const f of c.files()) if (f.startsWith('schools/')) c.prepare(f, undefined);
    await c.start();
    const off = (f: string) => c.text(f)!.replace('apiVersion: edunorm/v1', 'apiVersion: other/v1');
    await c.edit('district-2024.yaml', off('district-2024.yaml'));
    await c.edit('district-2025.yaml', off('district-2025.yaml'));
    await c.settle();
    await c.close('district-2024.yaml');
    await c.close('district-2025.yaml');
    await c.settle();
    expect(c.diff()).toEqual([]);
    expect(c.serverRows('district-2025.yaml')?.map((r) => r.ruleId)).toContain('indicator-decline');
  } finally {
    await c.stop();
  }
}, 120_000);
