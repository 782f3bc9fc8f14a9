/**
 * The 2,000-school golden of `edunorm check`'s output (issue 14 item 1): the runs, how one is
 * made and how its output is fingerprinted. Shared by scripts/record-streaming-golden.mjs, which
 * recorded tests/fixtures/streaming-golden.json with the CLI before output streamed, and by
 * tests/cli-streaming.test.ts, which compares today's CLI with it.
 *
 * Each run's working folder is the corpus root and the files are named relative to it
 * (`city large`), so every path in the output is the same wherever the corpus lives. The one
 * absolute value any format writes is SARIF's `originalUriBaseIds["%SRCROOT%"].uri` — the
 * working folder as a file URL; `fingerprint` checks it is exactly that, exactly once, and
 * hashes the output with it written as `file:///CORPUS/`. Nothing else is rewritten.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

export const SCHOOLS = 2000;
/** What is checked, relative to the corpus root (bench/corpus.mjs writes both folders). */
export const TARGETS = ['city', 'large'];

/** One run per format (zh-CN), English for the text formats, and worker threads for two. */
export const RUNS = [
  { name: 'stylish', args: ['--format', 'stylish', '--locale', 'zh-CN'] },
  { name: 'stylish-en', args: ['--format', 'stylish', '--locale', 'en'] },
  { name: 'json', args: ['--format', 'json', '--locale', 'zh-CN'] },
  { name: 'json-concurrency-2', args: ['--format', 'json', '--locale', 'zh-CN', '--concurrency', '2'] },
  { name: 'sarif', args: ['--format', 'sarif', '--locale', 'zh-CN'] },
  { name: 'sarif-concurrency-2', args: ['--format', 'sarif', '--locale', 'en', '--concurrency', '2'] },
  { name: 'junit', args: ['--format', 'junit', '--locale', 'zh-CN'] },
  { name: 'github', args: ['--format', 'github', '--locale', 'zh-CN'] },
  { name: 'markdown', args: ['--format', 'markdown', '--locale', 'en'] },
];

/** A digest of the corpus itself (every file's path and bytes), so a changed generator is told apart from changed output. */
export function corpusDigest(root) {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(`${relative(root, path)}\0`).update(readFileSync(path)).update('\0');
    }
  };
  walk(root);
  return hash.digest('hex');
}

/** sha256 and length of a run's output, the SARIF base URI written as `file:///CORPUS/` (see above). */
export function fingerprint(output, cwd) {
  let bytes = Buffer.from(output);
  const text = bytes.toString('utf8');
  const base = `"uri": ${JSON.stringify(pathToFileURL(cwd).href.replace(/\/?$/, '/'))}`;
  const count = text.split(base).length - 1;
  if (text.startsWith('{\n  "$schema"')) {
    if (count !== 1) throw new Error(`SARIF output names its working folder ${count} times, expected once`);
    bytes = Buffer.from(text.replace(base, '"uri": "file:///CORPUS/"'));
  } else if (count !== 0) throw new Error('output names the working folder');
  return { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
}

/** Runs `node <bin> check city large …args` in the corpus root with a fixed environment; resolves to its output and exit code. */
export function runCheck(bin, root, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'check', ...TARGETS, ...args], {
      cwd: root,
      // EDUNORM_GOLDEN_RULES: only when re-recording with today's rules' metadata (scripts/record-streaming-golden.mjs).
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? root, LANG: 'C.UTF-8', NO_COLOR: '1', ...(process.env.EDUNORM_GOLDEN_RULES ? { EDUNORM_GOLDEN_RULES: process.env.EDUNORM_GOLDEN_RULES } : {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = [];
    const err = [];
    child.stdout.on('data', (c) => out.push(c));
    child.stderr.on('data', (c) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }));
  });
}
