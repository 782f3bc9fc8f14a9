/**
 * Outside review G, bug 1: an `edunorm.config.yaml` changed on disk (workspace/didChangeWatchedFiles)
 * left the county findings of closed files as the old configuration made them: the district's
 * evaluation was memoised by its view only and never re-run, closed files never re-read.
 */
import { expect, it } from 'vitest';
import { County } from './harness.js';

it("a district folder's configuration turning a county norm off clears it from the closed district file, as the CLI does", async () => {
  const c = new County();
  try {
    await c.start();
    await c.renameDisk('district-2025.yaml', 'county/district-2025.yaml');
    await c.settle();
    expect(c.diff()).toEqual([]);
    await c.writeDisk('county/edunorm.config.yaml', 'extends:\n  - edunorm:plan14\nrules:\n  county-senior-post-pool: off\n');
    await c.settle();
    expect(c.diff()).toEqual([]);
  } finally {
    await c.stop();
  }
}, 120_000);

it('the root configuration changed with no file open: the closed district file follows', async () => {
  const c = new County();
  try {
    await c.start();
    await c.writeDisk('edunorm.config.yaml', 'extends:\n  - edunorm:plan14\nrules:\n  county-teacher-pay-parity: off\n');
    await c.settle();
    expect(c.diff()).toEqual([]);
  } finally {
    await c.stop();
  }
}, 120_000);
