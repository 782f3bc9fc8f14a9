#!/usr/bin/env node
// Builds every package: embeds the default rule pack into the core, then compiles the
// TypeScript project references. Run by `npm ci` (prepare) and `npm run build`.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });

run(process.execPath, [join(root, 'scripts/gen-builtin.mjs')]);
run(process.execPath, [join(root, 'scripts/gen-validators.mjs')]);
// tsc -b never deletes: a compiled file whose source is gone (renamed, moved) would stay in
// dist/, be imported by nothing, yet ship with `npm publish`. Remove such leftovers first, and
// source maps of older builds (none is built now: tsconfig.base.json).
for (const pkg of ['core', 'cli', 'language-server']) {
  const dist = join(root, 'packages', pkg, 'dist');
  const src = join(root, 'packages', pkg, 'src');
  if (!existsSync(dist)) continue;
  for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const m = /^(.*?)(\.d\.ts\.map|\.d\.ts|\.js\.map|\.js)$/.exec(entry.name);
    if (!m) continue;
    const file = join(entry.parentPath, entry.name);
    const source = join(src, relative(dist, entry.parentPath), `${m[1]}.ts`);
    if (m[2].endsWith('.map') || !existsSync(source)) rmSync(file);
  }
}
run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b']);
// `yaml` pre-bundled into one module in the core's dist (packages/core/src/vendor/yaml.ts).
run(process.execPath, [join(root, 'scripts/prebundle.mjs')]);
// The single-file CLI (packages/cli/dist/edunorm.mjs): what CI and the GitHub Action run.
run(process.execPath, [join(root, 'scripts/bundle-cli.mjs')]);
console.log('build: done');
run(process.execPath, [join(root, 'extension/scripts/bundle.mjs')]);
run(process.execPath, [join(root, 'packages/web/scripts/bundle.mjs')]);
