#!/usr/bin/env node
/**
 * Records tests/fixtures/streaming-golden.json: the sha256 and length of `edunorm check`'s
 * output for the 2,000-school corpus of bench/corpus.mjs, per format (tests/helpers/streaming-golden.mjs).
 *
 *   node scripts/record-streaming-golden.mjs [path/to/packages/cli/bin/edunorm.js] [--schools N]
 *
 * records the corpus of N schools (default 2000; the test suite also compares 200), keeping
 * the other sizes already in the file.
 *
 * The golden is the output of the CLI before its output streamed (commit cfc763c). Regenerate
 * it only from a build whose output is known to be the pre-streaming one for the same messages —
 * e.g. a worktree of cfc763c with the message change applied — never from the code under test.
 *
 * When only the rules' metadata changed (a rule's title, description or citation, a new
 * structural check: what SARIF's `tool.driver.rules` carries, not any result), the worktree
 * takes today's metadata whole: apply scripts/golden/cfc763c-sarif-rules.patch to it, build it,
 * write today's `driver.rules` per locale to a JSON file ({ "zh-CN": [...], "en": [...] }, from
 * `edunorm check <one clean file> --format sarif --locale …`), and record with
 * EDUNORM_GOLDEN_RULES=<that file>: the results, their order and their rule indices stay the
 * pre-streaming pipeline's, the rules' words are today's.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from '../bench/corpus.mjs';
import { corpusDigest, fingerprint, RUNS, runCheck, SCHOOLS, TARGETS } from '../tests/helpers/streaming-golden.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const at = args.indexOf('--schools');
const schools = at >= 0 ? Number(args.splice(at, 2)[1]) : SCHOOLS;
if (!Number.isInteger(schools) || schools < 1) throw new Error('--schools takes a whole number');
const bin = resolve(args[0] ?? join(repo, 'packages/cli/bin/edunorm.js'));
const cliRepo = resolve(dirname(bin), '../../..');
const git = (...args) => execFileSync('git', ['-C', cliRepo, ...args], { encoding: 'utf8' }).trim();
const commit = git('rev-parse', 'HEAD');
const dirty = git('status', '--porcelain', '--untracked-files=no', '--', 'packages') !== '';

const root = mkdtempSync(join(tmpdir(), 'edunorm-golden-'));
try {
  writeCorpus(root, { schools });
  const runs = {};
  for (const run of RUNS) {
    const started = Date.now();
    const { code, stdout, stderr } = await runCheck(bin, root, run.args);
    if (code !== 0 && code !== 1) throw new Error(`${run.name}: exit ${code}\n${stderr}`);
    runs[run.name] = { args: run.args, exitCode: code, ...fingerprint(stdout, root) };
    process.stderr.write(`${run.name}: exit ${code}, ${stdout.length} bytes, ${Date.now() - started} ms\n`);
  }
  const file = join(repo, 'tests/fixtures/streaming-golden.json');
  const golden = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : { corpora: {} };
  golden.about =
    'Output of `edunorm check city large <args>` run in the root of bench/corpus.mjs writeCorpus(root, { schools: N }), per corpus size N, recorded by scripts/record-streaming-golden.mjs before output streamed. SARIF: originalUriBaseIds %SRCROOT% written as file:///CORPUS/ (the only absolute value).';
  golden.targets = TARGETS;
  golden.corpora[schools] = {
    recordedWith: {
      commit,
      dirty,
      node: process.version,
      command: `${process.env.EDUNORM_GOLDEN_RULES ? 'EDUNORM_GOLDEN_RULES=<today’s driver.rules> ' : ''}node scripts/record-streaming-golden.mjs ${bin} --schools ${schools}`,
      ...(process.env.EDUNORM_GOLDEN_RULES ? { rulesMetadata: 'today’s SARIF driver.rules, by scripts/golden/cfc763c-sarif-rules.patch' } : {}),
    },
    corpusSha256: corpusDigest(root),
    runs,
  };
  writeFileSync(file, `${JSON.stringify(golden, null, 2)}\n`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
