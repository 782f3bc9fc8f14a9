/** Outside review G: file events in quick succession (no pause between them), against the CLI. */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileChangeType } from 'vscode-languageserver-protocol';
import { expect, it } from 'vitest';
import { County } from './harness.js';

it('a file created and deleted at once (an atomic save, a checkout): no ghost in the index', async () => {
  const c = new County();
  try {
    await c.start();
    const copy = c.text('district-2025.yaml')!;
    writeFileSync(join(c.dir, 'a-tmp.yaml'), copy);
    await c.watched([{ rel: 'a-tmp.yaml', type: FileChangeType.Created }]);
    rmSync(join(c.dir, 'a-tmp.yaml'));
    await c.watched([{ rel: 'a-tmp.yaml', type: FileChangeType.Deleted }]);
    await c.settle();
    expect(c.diff()).toEqual([]);
  } finally {
    await c.stop();
  }
}, 120_000);

it('a file created, then deleted while the server validates it: no ghost', async () => {
  const c = new County();
  try {
    await c.start();
    const copy = c.text('district-2025.yaml')!;
    for (const delay of [0, 1, 2, 4, 8, 15, 30]) {
      writeFileSync(join(c.dir, 'a-tmp.yaml'), copy);
      await c.watched([{ rel: 'a-tmp.yaml', type: FileChangeType.Created }]);
      await new Promise((r) => setTimeout(r, delay));
      rmSync(join(c.dir, 'a-tmp.yaml'));
      await c.watched([{ rel: 'a-tmp.yaml', type: FileChangeType.Deleted }]);
      await c.settle(600);
      expect(c.diff(), `delay ${delay}`).toEqual([]);
    }
  } finally {
    await c.stop();
  }
}, 120_000);

it('a school renamed twice at once', async () => {
  const c = new County();
  try {
    await c.start();
    await c.renameDisk('schools/xihe-primary/budget-2025.yaml', 'x1/budget.yaml');
    await c.renameDisk('x1/budget.yaml', 'x2/budget.yaml');
    await c.settle();
    expect(c.diff()).toEqual([]);
  } finally {
    await c.stop();
  }
}, 120_000);

it('a school changed on disk twice at once: the last content counts', async () => {
  const c = new County();
  try {
    await c.start();
    const f = 'schools/dongzhuang-primary/staffing-2025.yaml';
    const t = c.text(f)!;
    await c.writeDisk(f, t.replace(/annualSalary: 92000/g, 'annualSalary: 130000'));
    await c.writeDisk(f, t.replace(/annualSalary: 92000/g, 'annualSalary: 60000'));
    await c.settle();
    expect(c.diff()).toEqual([]);
  } finally {
    await c.stop();
  }
}, 120_000);
