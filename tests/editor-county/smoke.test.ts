import { afterAll, expect, it } from 'vitest';
import { County } from './harness.js';

const c = new County();
afterAll(() => c.stop());
it('initial state equals the CLI', async () => {
  await c.start();
  expect(c.diff()).toEqual([]);
  await c.openFile('district-2025.yaml');
  await c.settle();
  expect(c.diff()).toEqual([]);
}, 120_000);
