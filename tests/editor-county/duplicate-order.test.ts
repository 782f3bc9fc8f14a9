/**
 * Outside review G, bug 2: which of two district documents of the same code and year is "the
 * first" (used) and which the duplicate depended on the order files reached the editor's index,
 * not on the folder's order that `edunorm check` walks: a copy named `a-….yaml` created after the
 * index was read was the duplicate in the editor, the original in the CLI.
 */
import { expect, it } from 'vitest';
import { County } from './harness.js';

it('a copy of the district file that sorts first, created on disk later: the same duplicate as the CLI', async () => {
  const c = new County();
  try {
    await c.start();
    await c.writeDisk('a-district-copy.yaml', c.text('district-2025.yaml')!);
    await c.settle();
    expect(c.diff()).toEqual([]);
  } finally {
    await c.stop();
  }
}, 120_000);

it('the background reading (breadth first) against the CLI walk (depth first): a copy in a folder that sorts before the district file', async () => {
  const c = new County();
  try {
    // On disk before the server starts: the index reads district-2025.yaml (top folder) before 0/copy.yaml.
    c.prepare('0/district-copy.yaml', c.text('district-2025.yaml')!);
    await c.start();
    expect(c.diff()).toEqual([]);
  } finally {
    await c.stop();
  }
}, 120_000);
