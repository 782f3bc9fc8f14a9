#!/usr/bin/env node
// The CLI's two bundles, built from the compiled packages after `tsc -b` (scripts/build.mjs):
// - packages/cli/dist/edunorm.mjs, the single-file CLI: everything bundled (the core, the
//   embedded rule pack, the schema validators, exceljs and every other dependency), so it runs
//   with Node 20 and no node_modules — copied into an empty folder, into a CI job, or run from
//   this repository's GitHub Action; tests/packaging.test.ts runs it from an empty folder.
// - packages/cli/dist/bundle/, what bin/edunorm.js runs: the same modules bundled and split at
//   their dynamic imports (each command, formatter, the worker pool, the spreadsheet reader),
//   so a run loads only what it uses, from a few files. Loading the CLI as its ~100 compiled
//   modules (resolving, reading and linking each: about half of a one-school check's 471 ms in
//   `node --cpu-prof`) made that check 0.485 s against 0.38 s bundled (medians of 6, 2 cores);
//   exceljs stays a package of node_modules, imported by `edunorm import` alone.
import { build } from 'esbuild';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'packages', 'cli');
const outfile = join(cli, 'dist', 'edunorm.mjs');
const splitDir = join(cli, 'dist', 'bundle');
const { version } = JSON.parse(readFileSync(join(cli, 'package.json'), 'utf8'));

/**
 * Two places look for a file next to their module, which in one file is not there: the CLI's
 * version (its package.json) and the `--concurrency` worker (check-worker.js). The single file
 * is its own worker (see the entry below); the split bundle has check-worker.js as an entry of
 * its own, next to the chunk that starts it, and needs only the version. Each replacement must
 * match: a refactor that moves the code fails the build here rather than the bundle at run time.
 */
const VERSION = {
    file: join(cli, 'dist', 'version.js'),
    from: "JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))",
    to: JSON.stringify({ version }),
};
const OWN_WORKER = {
  file: join(cli, 'dist', 'check-in-workers.js'),
  from: "new URL('./check-worker.js', import.meta.url)",
  to: 'new URL(import.meta.url)',
};

const replacing = (name, replacements) => ({
  name,
  setup(b) {
    for (const r of replacements) {
      b.onLoad({ filter: new RegExp(`${r.file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`) }, () => {
        const text = readFileSync(r.file, 'utf8');
        if (!text.includes(r.from)) throw new Error(`bundle-cli: ${r.file} no longer contains ${r.from}; update scripts/bundle-cli.mjs`);
        return { contents: text.replace(r.from, r.to), loader: 'js' };
      });
    }
  },
});

// As a worker thread (started by --concurrency with this same file) the bundle checks the
// files it is sent; otherwise it is the command line.
const entry = `
import { isMainThread } from 'node:worker_threads';
if (isMainThread) await import('./packages/cli/dist/process-entry.js');
else await import('./packages/cli/dist/check-worker.js');
`;

// CommonJS dependencies (exceljs and its own, ajv's runtime helpers) call require() for Node's modules.
const REQUIRE = "import { createRequire as __edunormCreateRequire } from 'node:module';\nconst require = __edunormCreateRequire(import.meta.url);";
/**
 * What both bundles share. Minified: less for V8 to parse per run, and the npm package stays
 * small (tests/packaging.test.ts); an internal error's readable stack is one run of
 * `node packages/cli/dist/process-entry.js`, the modules unbundled. The bundled packages'
 * licence notices stay in each file, at its end. Chinese stays escaped (`\uXXXX`, esbuild's
 * default charset): `charset: 'utf8'` made the bundle 118 KB smaller but its core chunk slower to
 * load — 58 against 45 ms, medians of 9 interleaved imports — as V8 holds a source with
 * characters beyond Latin-1 as two bytes a character.
 */
const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', minify: true, legalComments: 'eof', logLevel: 'warning' };

await build({
  ...common,
  stdin: { contents: entry, resolveDir: root, sourcefile: 'edunorm-single-file-entry.mjs', loader: 'js' },
  outfile,
  plugins: [replacing('edunorm-single-file', [VERSION, OWN_WORKER])],
  banner: { js: `#!/usr/bin/env node\n${REQUIRE}` },
});
console.log(`bundle: packages/cli/dist/edunorm.mjs (${(statSync(outfile).size / 1024 / 1024).toFixed(2)} MiB)`);

// Chunks are named by their content: a rebuild must not leave an earlier build's beside them.
rmSync(splitDir, { recursive: true, force: true });
await build({
  ...common,
  entryPoints: { edunorm: join(cli, 'dist', 'process-entry.js'), 'check-worker': join(cli, 'dist', 'check-worker.js') },
  outdir: splitDir,
  splitting: true,
  external: ['exceljs'],
  plugins: [replacing('edunorm-split', [VERSION])],
  banner: { js: REQUIRE },
});
console.log(`bundle: packages/cli/dist/bundle/ (${readdirSync(splitDir).length} files)`);
