#!/usr/bin/env node
// `npm run bench`: edunorm's speed as ratios against baselines measured in the same run
// (these machines are noisy; absolute times are printed for context only).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from './corpus.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpusDir = join(root, 'bench', 'corpus');
const CLI = join(root, 'packages', 'cli', 'bin', 'edunorm.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const quick = process.argv.includes('--quick');

rmSync(corpusDir, { recursive: true, force: true });
const { city, large } = writeCorpus(corpusDir, { schools: quick ? 40 : 200 });
const big5k = join(large, 'staffing-5000.yaml');
const big20k = join(large, 'staffing-20000.yaml');

function time(cmd, args, opts = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28, ...opts });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { ms, stderr: r.stderr, stdout: r.stdout };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** Alternates the two commands run by run so drift on a noisy machine hits both alike. */
function compare(a, b) {
  const ta = [];
  const tb = [];
  time(...a);
  time(...b);
  for (let i = 0; i < RUNS; i++) {
    ta.push(time(...a).ms);
    tb.push(time(...b).ms);
  }
  return { a: median(ta), b: median(tb), ratio: median(ta) / median(tb) };
}

const node = process.execPath;
const bare = (paths) => [node, [join(root, 'bench', 'bare-parse.mjs'), ...paths]];
const edunorm = (...args) => [node, [CLI, 'check', ...args, '--format', 'json']];

const results = { date: new Date().toISOString(), machine: { cores: availableParallelism(), cpu: cpus()[0]?.model ?? '?', node: process.version }, runs: RUNS, rows: [] };
const row = (name, measured, baseline, ratio, target, unit = 'ms') => {
  results.rows.push({ name, measured, baseline, ratio, target, pass: target === undefined ? null : ratio <= target });
  const r = ratio === undefined ? '' : `${ratio.toFixed(3)} ×`;
  console.log(`${name.padEnd(52)} ${String(measured.toFixed(1)).padStart(9)} ${unit.padEnd(3)} ${baseline === undefined ? ''.padStart(10) : String(baseline.toFixed(1)).padStart(10)} ${r.padStart(10)}  ${target === undefined ? '' : `≤ ${target} ${ratio <= target ? '✓' : '✗'}`}`);
};

console.log(`corpus: ${readdirSync(city).length} entries in city/, large files of 60…20,000 staff; ${RUNS} runs each, medians`);
console.log(`${'measurement'.padEnd(52)} ${'edunorm'.padStart(13)} ${'baseline'.padStart(10)} ${'ratio'.padStart(10)}`);

let c = compare(edunorm(city), bare([city]));
row('CLI cold, city corpus, 1 thread vs bare yaml parse', c.a, c.b, c.ratio, 0.9);
c = compare(edunorm(big5k), bare([big5k]));
row('CLI cold, one 5,000-staff file vs bare yaml parse', c.a, c.b, c.ratio, 1.0);
c = compare(edunorm(city, '--concurrency', '2'), bare([city]));
row('CLI --concurrency 2, city corpus vs bare yaml parse', c.a, c.b, c.ratio, 0.55);
const cacheFile = join(corpusDir, '.edunormcache');
time(...edunorm(city, '--cache', '--cache-location', cacheFile));
c = compare(edunorm(city, '--cache', '--cache-location', cacheFile), bare([city]));
row('CLI warm --cache, nothing changed vs bare yaml parse', c.a, c.b, c.ratio, 0.05);
c = compare([node, [CLI, '--version']], [node, ['-e', '0']]);
row('edunorm --version (ms) vs node -e 0', c.a, c.b, c.ratio);
results.rows.at(-1).target = 150;
results.rows.at(-1).pass = c.a <= 150;
console.log(`  → start-up ${c.a.toFixed(0)} ms, target ≤ 150 ms ${c.a <= 150 ? '✓' : '✗'}`);

const rss = (cmd) => Number(/maxRSS (\d+)/.exec(time(...cmd, { env: { ...process.env, BENCH_RSS: '1' } }).stderr)?.[1]);
const rssEdunorm = median([1, 2, 3].map(() => rss([node, [join(root, 'bench', 'with-rss.mjs'), 'check', big20k, '--format', 'json']])));
const rssBare = median([1, 2, 3].map(() => rss(bare([big20k]))));
row('peak RSS, 20,000-staff file (MiB) vs bare yaml parse', rssEdunorm / 1024, rssBare / 1024, rssEdunorm / rssBare, 3, 'MiB');

const lspBench = join(root, 'bench', 'lsp.mjs');
if (existsSync(lspBench) && existsSync(join(root, 'packages', 'language-server', 'dist'))) {
  const out = execFileSync(node, [lspBench, large], { cwd: root, encoding: 'utf8' });
  const lsp = JSON.parse(out);
  for (const r of lsp.rows) {
    results.rows.push(r);
    console.log(`${r.name.padEnd(52)} ${String(r.measured.toFixed(1)).padStart(9)} ms  ${r.baseline === undefined ? ''.padStart(10) : String(r.baseline.toFixed(1)).padStart(10)} ${r.ratio === undefined ? ''.padStart(10) : `${r.ratio.toFixed(3)} ×`.padStart(10)}  ${r.targetText ?? ''} ${r.pass === null ? '' : r.pass ? '✓' : '✗'}`);
  }
}

// Package the extension as a user would get it, then weigh it.
execFileSync('npm', ['run', '--silent', 'package:vsix'], { cwd: root, stdio: 'ignore' });
const vsix = readdirSync(join(root, 'extension')).filter((f) => f.endsWith('.vsix'));
if (vsix.length) {
  const size = statSync(join(root, 'extension', vsix.sort().at(-1))).size / 1024 / 1024;
  results.rows.push({ name: '.vsix size (MiB)', measured: size, target: 2, pass: size <= 2 });
  console.log(`${'.vsix size (MiB)'.padEnd(52)} ${size.toFixed(2).padStart(9)} MiB ${''.padStart(21)}  ≤ 2 ${size <= 2 ? '✓' : '✗'}`);
}

mkdirSync(join(root, 'bench'), { recursive: true });
writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwrote bench/results.json (${results.machine.cores} cores, ${results.machine.cpu}, node ${results.machine.node})`);
if (process.argv.includes('--update-readme')) {
  const readme = join(root, 'README.md');
  const text = readFileSync(readme, 'utf8');
  const lines = [
    `Measured ${results.date.slice(0, 10)} on ${results.machine.cores} cores (${results.machine.cpu}), Node ${results.machine.node}; medians of ${RUNS} runs, each ratio against a baseline measured in the same run.`,
    '',
    '| measurement | edunorm | baseline | ratio | target |',
    '|---|---:|---:|---:|---|',
    ...results.rows.map((r) => `| ${r.name} | ${r.measured.toFixed(1)} | ${r.baseline === undefined ? '' : r.baseline.toFixed(1)} | ${r.ratio === undefined ? '' : `${r.ratio.toFixed(3)} ×`} | ${r.targetText ?? (r.target === undefined ? '' : `≤ ${r.target}`)} ${r.pass === null || r.pass === undefined ? '' : r.pass ? '✓' : '✗'} |`),
  ];
  const updated = text.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, `<!-- bench:start -->\n${lines.join('\n')}\n<!-- bench:end -->`);
  writeFileSync(readme, updated);
  console.log('updated the README table');
}
