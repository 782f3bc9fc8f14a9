#!/usr/bin/env node
// The single-file CLI, packages/cli/dist/edunorm.mjs: everything bundled (the core, the
// embedded rule pack, the schema validators, exceljs and every other dependency), so it runs
// with Node 20 and no node_modules — copied into an empty folder, into a CI job, or run from
// this repository's GitHub Action. Built from the compiled packages after `tsc -b`
// (scripts/build.mjs); tests/packaging.test.ts runs it from an empty folder.
import { build } from 'esbuild';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'packages', 'cli');
const outfile = join(cli, 'dist', 'edunorm.mjs');
const { version } = JSON.parse(readFileSync(join(cli, 'package.json'), 'utf8'));

/**
 * Two places look for a file next to their module, which in one file is not there: the CLI's
 * version (its package.json) and the `--concurrency` worker (check-worker.js). The bundle is its
 * own worker (see the entry below). Each replacement must match: a refactor that moves the
 * code fails the build here rather than the bundle at run time.
 */
const REPLACEMENTS = [
  {
    file: join(cli, 'dist', 'version.js'),
    from: "JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))",
    to: JSON.stringify({ version }),
  },
  {
    file: join(cli, 'dist', 'check-in-workers.js'),
    from: "new URL('./check-worker.js', import.meta.url)",
    to: 'new URL(import.meta.url)',
  },
];

const singleFile = {
  name: 'edunorm-single-file',
  setup(b) {
    for (const r of REPLACEMENTS) {
      b.onLoad({ filter: new RegExp(`${r.file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`) }, () => {
        const text = readFileSync(r.file, 'utf8');
        if (!text.includes(r.from)) throw new Error(`bundle-cli: ${r.file} no longer contains ${r.from}; update scripts/bundle-cli.mjs`);
        return { contents: text.replace(r.from, r.to), loader: 'js' };
      });
    }
  },
};

// As a worker thread (started by --concurrency with this same file) the bundle checks the
// files it is sent; otherwise it is the command line.
const entry = `
import { isMainThread } from 'node:worker_threads';
if (isMainThread) await import('./packages/cli/bin/edunorm.js');
else await import('./packages/cli/dist/check-worker.js');
`;

await build({
  stdin: { contents: entry, resolveDir: root, sourcefile: 'edunorm-single-file-entry.mjs', loader: 'js' },
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  // The bundled packages' licence notices stay in the file, at its end.
  legalComments: 'eof',
  logLevel: 'warning',
  plugins: [singleFile],
  // CommonJS dependencies (exceljs and its own) call require() for Node's modules.
  banner: { js: "#!/usr/bin/env node\nimport { createRequire as __edunormCreateRequire } from 'node:module';\nconst require = __edunormCreateRequire(import.meta.url);" },
});
console.log(`bundle: packages/cli/dist/edunorm.mjs (${(statSync(outfile).size / 1024 / 1024).toFixed(2)} MiB)`);
