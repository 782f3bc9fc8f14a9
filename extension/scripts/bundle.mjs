#!/usr/bin/env node
// Bundles the extension for VS Code: the client (extension.cjs), the language server
// (server.cjs) and its validation worker (validation-worker.cjs), CommonJS, minified, no
// source maps, `vscode` left to the editor. Runs after `tsc -b` (scripts/build.mjs): the
// server is bundled from packages/language-server/dist, which tsc has type-checked.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const extension = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(extension, '..');
const dist = join(extension, 'dist');
const server = join(root, 'packages', 'language-server', 'dist');

// The client is bundled from source by esbuild, which does not type-check: tsc does it here.
execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(extension, 'tsconfig.json')], { stdio: 'inherit' });

rmSync(dist, { recursive: true, force: true });
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  external: ['vscode'],
  // The server is ESM and finds its worker via import.meta.url; in a CommonJS bundle that
  // is the bundle's own file URL.
  define: { 'import.meta.url': '__edunormImportMetaUrl' },
  banner: { js: 'var __edunormImportMetaUrl=require("url").pathToFileURL(__filename).href;' },
};
await Promise.all([
  build({ ...common, entryPoints: [join(extension, 'src', 'extension.ts')], outfile: join(dist, 'extension.cjs') }),
  build({ ...common, entryPoints: [join(server, 'main.js')], outfile: join(dist, 'server.cjs') }),
  build({ ...common, entryPoints: [join(server, 'validation-worker.js')], outfile: join(dist, 'validation-worker.cjs') }),
]);
console.log('bundle: extension/dist/{extension,server,validation-worker}.cjs');
