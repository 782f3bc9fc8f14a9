#!/usr/bin/env node
// Builds the browser checker: type-checks packages/web, bundles it with @edunorm/core and the
// importer's converter (@edunorm/cli/import) into one script, and writes ONE self-contained
// page, packages/web/dist/index.html — inline script and style, nothing fetched. Its
// Content-Security-Policy allows exactly that script and that style (by hash) and no
// connection of any kind, so the page cannot upload what it checks. Runs after `tsc -b`.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(web, '..', '..');
execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(web, 'tsconfig.json')], { stdio: 'inherit' });

const bundled = await build({
  entryPoints: [join(web, 'src', 'main.ts')],
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: ['chrome100', 'firefox105', 'safari16.4'],
  minify: true,
  legalComments: 'none',
  write: false,
  logLevel: 'warning',
  loader: { '.yaml': 'text' },
});
let script = bundled.outputFiles[0].text;
// Inside <script>, "</script" would end the element early and "<!--" changes how it is parsed.
// In the minified JS both can only appear in strings or regular expressions, where "<\/" and
// "<\!" mean the same characters.
script = script.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
const style = readFileSync(join(web, 'src', 'style.css'), 'utf8');
const hash = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const csp = [
  "default-src 'none'",
  `script-src ${hash(script)}`,
  `style-src ${hash(style)}`,
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const template = readFileSync(join(web, 'src', 'page.html'), 'utf8');
// Function replacers: `$&` and friends in the bundle must not be read as replacement patterns.
const html = template.replace('__CSP__', () => csp).replace('__STYLE__', () => style).replace('__SCRIPT__', () => script);
const dist = join(web, 'dist');
mkdirSync(dist, { recursive: true });
const out = join(dist, 'index.html');
writeFileSync(`${out}.tmp`, html);
renameSync(`${out}.tmp`, out);
console.log(`bundle: packages/web/dist/index.html (${(Buffer.byteLength(html) / 1024).toFixed(0)} KiB)`);
