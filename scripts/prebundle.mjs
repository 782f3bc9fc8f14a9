#!/usr/bin/env node
// Writes packages/core/dist/parse/yaml-prebundled.js and dist/rules/json-rules-engine-prebundled.js:
// the core's CommonJS dependencies pre-bundled, each into one ES module (see
// packages/core/src/parse/yaml-prebundled.ts for why), over the re-exports tsc compiled
// there. `yaml` from its own ES module build (its browser entry: the same code as its CommonJS
// one, less two debug switches read from the environment); json-rules-engine and its
// dependencies as the web page bundles them (platform `browser`). Both guard every use of
// Node's globals, so the results run in Node, a browser and every bundle of ours alike. Run by
// scripts/build.mjs after `tsc -b`. In json-rules-engine's bundle its `clone` dependency is our
// linear copy of condition trees (packages/core/src/rules/condition-clone.ts says why).
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const core = join(root, 'packages', 'core');
const require = createRequire(join(core, 'package.json'));
const dist = join(core, 'dist');
const banner = (name, licence, source) => `// ${name} (${licence}), pre-bundled by scripts/prebundle.mjs: see packages/core/src/${source}`;
const common = { bundle: true, format: 'esm', target: 'es2022', minify: true, legalComments: 'eof', logLevel: 'warning' };

await build({
  ...common,
  entryPoints: [join(dirname(require.resolve('yaml/package.json')), 'browser', 'index.js')],
  outfile: join(dist, 'parse', 'yaml-prebundled.js'),
  platform: 'neutral',
  banner: { js: banner('yaml', 'ISC licence', 'parse/yaml-prebundled.ts') },
});
// Named exports, as Node gives them for the CommonJS package (an ES module of CommonJS code has only a default).
const engineNames = ['Almanac', 'Engine', 'Fact', 'Operator', 'OperatorDecorator', 'Rule'];
await build({
  ...common,
  stdin: {
    contents: `import engine from ${JSON.stringify(require.resolve('json-rules-engine'))};\nexport const { ${engineNames.join(', ')} } = engine;\nexport default engine;\n`,
    resolveDir: core,
    sourcefile: 'json-rules-engine-entry.mjs',
  },
  outfile: join(dist, 'rules', 'json-rules-engine-prebundled.js'),
  platform: 'browser',
  plugins: [
    {
      name: 'condition-clone',
      setup(b) {
        b.onResolve({ filter: /^clone$/ }, (args) => {
          // Only json-rules-engine's own imports (rule.js, rule-result.js): nothing else here imports clone.
          if (!/[\\/]json-rules-engine[\\/]/.test(args.importer)) throw new Error(`prebundle: unexpected import of clone from ${args.importer}`);
          return { path: join(dist, 'rules', 'condition-clone.js') };
        });
      },
    },
  ],
  banner: { js: banner('json-rules-engine', 'ISC licence; eventemitter2, hash-it, jsonpath-plus: MIT; its clone dependency replaced by dist/rules/condition-clone.js', 'rules/json-rules-engine-prebundled.ts') },
});
for (const file of ['parse/yaml-prebundled.js', 'rules/json-rules-engine-prebundled.js']) console.log(`prebundle: packages/core/dist/${file} (${(statSync(join(dist, file)).size / 1024).toFixed(0)} KiB)`);
