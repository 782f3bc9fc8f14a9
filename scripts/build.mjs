#!/usr/bin/env node
// Builds every package: embeds the default rule pack into the core, then compiles the
// TypeScript project references. Run by `npm ci` (prepare) and `npm run build`.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });

run(process.execPath, [join(root, 'scripts/gen-builtin.mjs')]);
run(process.execPath, [join(root, 'scripts/gen-validators.mjs')]);
run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b']);
console.log('build: done');
run(process.execPath, [join(root, 'extension/scripts/bundle.mjs')]);
run(process.execPath, [join(root, 'packages/web/scripts/bundle.mjs')]);
