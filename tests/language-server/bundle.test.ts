/**
 * The server as the VS Code extension ships it: esbuild's CommonJS bundle with its worker
 * (extension/dist, built by scripts/build.mjs), not the tsc output the other tests use.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROOT, TestClient, example, exampleUri } from './lsp-client.js';

const BUNDLE = join(ROOT, 'extension', 'dist', 'server.cjs');
let client: TestClient;

beforeAll(async () => {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run node scripts/build.mjs`);
  client = await TestClient.start({ bin: BUNDLE, locale: 'zh-cn' });
});
afterAll(() => client.stop());

it('validates in its bundled worker and reports the shortfall', async () => {
  const uri = exampleUri('district/county-2025.yaml');
  await client.open(uri, example('district/county-2025.yaml'));
  const diagnostics = await client.diagnosticsFor(uri, 1);
  expect(diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([
    ['compulsory-retention-rate', 9],
    ['county-full-standardization', 10],
    ['county-1-2-3-plan', 13],
    ['small-school-consolidation', 19],
  ]);
});
