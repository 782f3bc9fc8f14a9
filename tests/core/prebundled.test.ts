/**
 * The core's CommonJS dependencies, pre-bundled by the build (scripts/prebundle.mjs;
 * packages/core/src/parse/yaml-prebundled.ts says why): what the compiled core loads is one
 * module per package that imports nothing, with the package's own API — not the re-export tsc
 * compiles there, which would load the package's files one by one again.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';

const require = createRequire(join(ROOT, 'packages', 'core', 'package.json'));
const CASES = [
  { file: 'packages/core/dist/parse/yaml-prebundled.js', pkg: 'yaml' },
  { file: 'packages/core/dist/rules/json-rules-engine-prebundled.js', pkg: 'json-rules-engine' },
];

describe('pre-bundled dependencies of the compiled core', () => {
  for (const { file, pkg } of CASES) {
    it(`${file}: one module importing nothing, with every export of ${pkg}`, async () => {
      const code = readFileSync(join(ROOT, file), 'utf8');
      // No static or dynamic import, no require: the package's files are all inside.
      expect(code).not.toMatch(/\b(?:import|export)\s*[\s{}*\w$,]*\bfrom\s*["']|\bimport\s*\(|\brequire\s*\(/);
      const bundled = (await import(pathToFileURL(join(ROOT, file)).href)) as Record<string, unknown>;
      const original = require(pkg) as Record<string, unknown>;
      const names = Object.keys(original).filter((n) => n !== 'default' && n !== '__esModule');
      expect(names.length).toBeGreaterThan(4);
      for (const name of names) expect(typeof bundled[name], `${pkg}.${name}`).toBe(typeof original[name]);
    });
  }

  it('parse-yaml and rule-set load them, not the packages', () => {
    expect(readFileSync(join(ROOT, 'packages/core/dist/parse/parse-yaml.js'), 'utf8')).toMatch(/from '\.\/yaml-prebundled\.js'/);
    expect(readFileSync(join(ROOT, 'packages/core/dist/rules/rule-set.js'), 'utf8')).toMatch(/from '\.\/json-rules-engine-prebundled\.js'/);
  });
});
