#!/usr/bin/env node
// `npm run bench`: edunorm's speed and memory as ratios against baselines measured in the same
// run — the read floor (bench/read-floor.mjs), the bare `yaml` parse, Spectral 6 doing four of
// the norms, one thread — because these machines are noisy and absolute times alone say little.
// Every row of issue 14's targets table is here (marked `issue: true`), with the rows kept from
// before. Writes bench/results.json; README's tables are generated from it (bench/readme-table.mjs,
// `npm run docs`, or `--update-readme` here).
//   node bench/run.mjs [--quick] [--update-readme]   BENCH_RUNS=n (default 5; --quick 1), BENCH_RSS_RUNS=n (3; 1), BENCH_OUT=file
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { writeCorpus } from './corpus.mjs';
import { CLI, compare, corpusSize, edunorm, mbPerSecond, median, NODE, peakRss, readFloor, ROOT, run } from './measure.mjs';
import { compareViolations, edunormViolations, ensureSpectral, SPECTRAL_RANGE, spectralCommand, spectralViolations } from './spectral.mjs';

const quick = process.argv.includes('--quick');
const RUNS = Number(process.env.BENCH_RUNS ?? (quick ? 1 : 5));
/** The 2,000-school runs take seconds each: fewer of them keep the full bench near 10 minutes. */
const RUNS_LARGE = Math.max(1, Math.min(RUNS, 3));
const RSS_RUNS = Number(process.env.BENCH_RSS_RUNS ?? (quick ? 1 : 3));
const SMALL = quick ? 40 : 200;
const LARGE = quick ? 200 : 2000;
const FORMATS = ['stylish', 'json', 'sarif', 'junit', 'github', 'markdown'];
const started = Date.now();

const corpusDir = join(ROOT, 'bench', 'corpus');
rmSync(corpusDir, { recursive: true, force: true });
const { city, large } = writeCorpus(join(corpusDir, 'small'), { schools: SMALL });
const { city: bigCity } = writeCorpus(join(corpusDir, 'large'), { schools: LARGE, large: false });
const corpusSeconds = (Date.now() - started) / 1000;
const big5k = join(large, 'staffing-5000.yaml');
const big20k = join(large, 'staffing-20000.yaml');
/** "The 200-school corpus": the city and one 5,000-staff file (issue 14), for the floor and Spectral rows. */
const smallCorpus = [city, big5k];
const out = join(tmpdir(), `edunorm-bench-out-${process.pid}`);
mkdirSync(out, { recursive: true });

const sizes = { small: corpusSize(smallCorpus), large: corpusSize([bigCity]) };
const results = {
  date: new Date().toISOString(),
  quick,
  machine: { cores: availableParallelism(), cpu: cpus()[0]?.model ?? '?', node: process.version, os: `${process.platform} ${release()}`, memoryGiB: Math.round(totalmem() / 2 ** 30), loadAverageAtStart: loadavg().map((x) => Number(x.toFixed(2))) },
  runs: RUNS,
  runsLarge: RUNS_LARGE,
  rssRuns: RSS_RUNS,
  corpusSeconds,
  corpora: {
    small: { schools: SMALL, files: sizes.small.files, MB: sizes.small.bytes / 1e6, what: `a city of ${SMALL} schools (budget + staffing), 5 district files, one 5,000-staff file` },
    large: { schools: LARGE, files: sizes.large.files, MB: sizes.large.bytes / 1e6, what: `a city of ${LARGE} schools (budget + staffing), 5 district files` },
  },
  rows: [],
};
const fmt = (x, d = 1) => (x === null || x === undefined ? '—' : x.toFixed(d));
/**
 * One row. `on: 'ratio'` (default) compares the ratio with the target, `on: 'measured'` the
 * measured figure itself (absolute targets: MB, ms). `issue: true`: a row of issue 14's table.
 */
function row(r) {
  const on = r.on ?? 'ratio';
  const value = on === 'ratio' ? r.ratio : r.measured;
  const pass = r.pass ?? (r.target === undefined || value === undefined || value === null ? null : value <= r.target);
  const full = { ...r, on, pass };
  results.rows.push(full);
  const target = r.target === undefined ? '' : `≤ ${r.target}${on === 'ratio' ? ' ×' : ` ${r.unit}`} ${pass === null ? '' : pass ? '✓' : '✗'}`;
  console.log(`${r.name.padEnd(66)} ${fmt(r.measured).padStart(9)} ${(r.unit ?? '').padEnd(3)} ${fmt(r.baseline).padStart(9)} ${r.ratio === undefined ? ''.padStart(9) : `${fmt(r.ratio, 3)} ×`.padStart(9)}  ${target}${r.reason ? `  (${r.reason})` : ''}`);
  return full;
}
const MB = (kib) => (kib * 1024) / 1e6;

console.log(`small corpus: ${sizes.small.files} files, ${(sizes.small.bytes / 1e6).toFixed(1)} MB; large corpus: ${sizes.large.files} files, ${(sizes.large.bytes / 1e6).toFixed(1)} MB; written in ${corpusSeconds.toFixed(1)} s; ${RUNS} runs (${RUNS_LARGE} for ${LARGE} schools), medians`);
console.log(`${'measurement'.padEnd(66)} ${'edunorm'.padStart(13)} ${'baseline'.padStart(9)} ${'ratio'.padStart(9)}`);

// ---------------------------------------------------------------- memory, every format (issue rows 1, 2)
const floorRss = peakRss(readFloor([bigCity]), RSS_RUNS);
for (const format of FORMATS) {
  const cmd = (corpus) => edunorm(corpus, '--format', format, '--concurrency', '1', '-o', join(out, `out.${format}`));
  const rssLarge = peakRss(cmd(bigCity), RSS_RUNS);
  const rssSmall = peakRss(cmd(city), RSS_RUNS);
  row({ issue: true, name: `peak RSS, ${LARGE} schools, --format ${format} (MB) vs read floor`, measured: MB(rssLarge), baseline: MB(floorRss), ratio: rssLarge / floorRss, unit: 'MB', target: 250, on: 'measured' });
  row({ issue: true, name: `RSS ${LARGE} schools / RSS ${SMALL} schools, --format ${format}`, measured: MB(rssLarge), baseline: MB(rssSmall), ratio: rssLarge / rssSmall, unit: 'MB', target: 1.3 });
}

// ---------------------------------------------------------------- the read floor (issue row 3)
let c = compare(edunorm(...smallCorpus, '--format', 'json', '--concurrency', '1'), readFloor(smallCorpus), RUNS);
row({ issue: true, name: `cold check, ${SMALL}-school corpus, 1 thread vs read floor`, measured: c.a, baseline: c.b, ratio: c.ratio, unit: 'ms', target: 5 });
const coldSmallMs = c.a;
const floorSmallMs = c.b;
// What bounds that row (bench/warm-up.mjs): the core's check of the same files in one process,
// its first pass against a later one — the JIT's warm-up, paid by every fresh process — and what
// a run would take with none: Node's start-up, loading the core and its rule set, a warm pass.
{
  const passes = [];
  for (let i = 0; i < RUNS; i++) passes.push(JSON.parse(execFileSync(NODE, [join(ROOT, 'bench', 'warm-up.mjs'), ...smallCorpus], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 })));
  const mid = (key) => median(passes.map((p) => p[key]));
  const nodeStart = median(Array.from({ length: RUNS }, () => run([NODE, ['-e', '0']]).ms));
  const first = mid('firstPassMs');
  const steady = mid('steadyPassMs');
  row({ name: `the core's check of the ${SMALL}-school corpus in one process: first pass vs a later one (JIT warm-up)`, measured: first, baseline: steady, ratio: first / steady, unit: 'ms' });
  row({ name: `the same check, its first ${passes[0].headFiles} files: first pass vs a later one`, measured: mid('headFirstMs'), baseline: mid('headSteadyMs'), ratio: mid('headFirstMs') / mid('headSteadyMs'), unit: 'ms' });
  const bound = nodeStart + mid('importMs') + mid('ruleSetMs') + steady;
  row({ name: 'a cold run with no warm-up (node -e 0 + loading the core and rule set + a warm pass) vs read floor', measured: bound, baseline: floorSmallMs, ratio: bound / floorSmallMs, unit: 'ms' });
  results.warmUp = { nodeStartMs: nodeStart, importMs: mid('importMs'), ruleSetMs: mid('ruleSetMs'), firstPassMs: first, steadyPassMs: steady, files: passes[0].files, findings: passes[0].findings };
}

// ---------------------------------------------------------------- Spectral (issue row 4)
const spectral = ensureSpectral(SPECTRAL_RANGE);
if ('reason' in spectral) {
  row({ issue: true, name: `cold check vs Spectral ${SPECTRAL_RANGE}.x (four norms), ${SMALL}-school corpus`, measured: null, baseline: null, unit: 'ms', target: 0.2, pass: false, reason: spectral.reason });
} else {
  // Fairness first: both tools must find the same violations of the four norms on this corpus.
  const files = smallCorpus.flatMap((p) => (statSync(p).isDirectory() ? listYaml(p) : [p]));
  const s = run(spectralCommand(spectral.bin, files));
  const e = run(edunorm(...smallCorpus, '--format', 'json', '--concurrency', '1'));
  const v = compareViolations(spectralViolations(s.stdout), edunormViolations(e.stdout));
  console.log(`  Spectral ${spectral.version} violations of the four norms: ${JSON.stringify(v.spectral)}`);
  console.log(`  edunorm violations of the same norms:           ${JSON.stringify(v.edunorm)}`);
  if (!v.same) {
    console.error(`  ✗ THE TOOLS DISAGREE — the timing would compare different work. Only Spectral: ${v.onlySpectral.slice(0, 5).join(', ')}; only edunorm: ${v.onlyEdunorm.slice(0, 5).join(', ')}`);
    process.exitCode = 1;
  }
  c = compare(edunorm(...smallCorpus, '--format', 'json', '--concurrency', '1'), spectralCommand(spectral.bin, files), RUNS);
  row({
    issue: true,
    name: `cold check vs Spectral ${spectral.version} (four norms), ${SMALL}-school corpus`,
    measured: c.a,
    baseline: c.b,
    ratio: c.ratio,
    unit: 'ms',
    target: 0.2,
    ...(v.same ? {} : { pass: false, reason: `the tools found different violations (Spectral ${v.spectral.total}, edunorm ${v.edunorm.total})` }),
    violations: { spectral: v.spectral, edunorm: v.edunorm, same: v.same },
  });
}

// ---------------------------------------------------------------- two threads (issue row 5)
c = compare(edunorm(bigCity, '--format', 'json', '--concurrency', '2'), edunorm(bigCity, '--format', 'json', '--concurrency', '1'), RUNS_LARGE);
row({ issue: true, name: `--concurrency 2 vs 1 thread, ${LARGE} schools`, measured: c.a, baseline: c.b, ratio: c.ratio, unit: 'ms', target: 0.65 });
// The cores a run of one thread already keeps busy: its CPU time (all its threads: V8 compiles
// and collects on helper threads, on the core the check leaves idle) over its wall time. Two
// threads share those two cores with their helpers, so they cannot take less than about
// (CPU time of one thread's run) / 2 — on a machine of 2 cores, a bound above the target when
// this ratio is above 1.3.
if (c.cpuB !== undefined) row({ name: `1 thread, ${LARGE} schools: CPU time of all its threads vs wall time (the cores it keeps busy)`, measured: c.cpuB, baseline: c.b, ratio: c.cpuB / c.b, unit: 'ms' });
if (c.cpuA !== undefined) row({ name: `--concurrency 2, ${LARGE} schools: CPU time vs that of 1 thread (the work two threads add)`, measured: c.cpuA, baseline: c.cpuB, ratio: c.cpuA / c.cpuB, unit: 'ms' });
const province = { schools: LARGE, MB: sizes.large.bytes / 1e6, oneThread: { ms: c.b, rssMB: c.rssB && MB(c.rssB) }, twoThreads: { ms: c.a, rssMB: c.rssA && MB(c.rssA) } };
// What bounds that row. Half the schools in one thread against all of them: 0.5 if a run had no
// fixed cost; start-up, the JIT's warm-up and the serial head and tail make it more, and two
// threads (each paying them) cannot do better than it. And whether the two cores are real.
const schoolFolders = readdirSync(bigCity).filter((d) => !d.endsWith('.yaml')).sort();
const half = schoolFolders.slice(0, Math.floor(schoolFolders.length / 2)).map((d) => join(bigCity, d));
const h = compare(edunorm(...half, '--format', 'json', '--concurrency', '1'), edunorm(bigCity, '--format', 'json', '--concurrency', '1'), RUNS_LARGE);
row({ name: `1 thread: half of the ${LARGE} schools vs all of them (the bound of the row above)`, measured: h.a, baseline: h.b, ratio: h.ratio, unit: 'ms' });
// Two processes, each on one half, at once: what two cores give work that shares nothing but the
// machine (its caches, memory and the helper threads of each V8: a process of one thread already
// uses more than one core for its compiler and collector).
const otherHalf = schoolFolders.slice(half.length).map((d) => join(bigCity, d));
const together = async (nodeFlags = []) => {
  const start = process.hrtime.bigint();
  await Promise.all([half, otherHalf].map((part, i) => new Promise((resolve, reject) => {
    const [cmd, args] = edunorm(...part, '--format', 'json', '--concurrency', '1', '-o', join(out, `half-${i}.json`));
    spawn(cmd, [...nodeFlags, ...args], { cwd: ROOT, stdio: 'ignore' }).once('exit', (code) => (code === 0 || code === 1 ? resolve() : reject(new Error(`half ${i} exited ${code}`)))).once('error', reject);
  })));
  return Number(process.hrtime.bigint() - start) / 1e6;
};
await together();
const both = [];
for (let i = 0; i < RUNS_LARGE; i++) both.push(await together());
const bothMs = median(both);
row({ name: `2 processes at once, each on half of the ${LARGE} schools, vs 1 thread on all`, measured: bothMs, baseline: h.b, ratio: bothMs / h.b, unit: 'ms' });
// The same two processes with V8's helper threads off (`node --single-threaded`: no concurrent
// compiler or collector), against one of them alone so: how much of the slowdown of two at once
// is their helpers', which a single process runs on the idle core for free.
{
  const single = ['--single-threaded'];
  const [cmd, args] = edunorm(...half, '--format', 'json', '--concurrency', '1', '-o', join(out, 'half-alone.json'));
  const alone = [];
  const pair = [];
  run([cmd, [...single, ...args]]);
  for (let i = 0; i < RUNS_LARGE; i++) {
    alone.push(run([cmd, [...single, ...args]]).ms);
    pair.push(await together(single));
  }
  row({ name: `node --single-threaded: 2 processes at once, each on half, vs one of them alone`, measured: median(pair), baseline: median(alone), ratio: median(pair) / median(alone), unit: 'ms' });
  row({ name: `the same half alone: 1 thread vs --single-threaded (what V8's helper threads give a run of one thread)`, measured: h.a, baseline: median(alone), ratio: h.a / median(alone), unit: 'ms' });
}
const cores = JSON.parse(execFileSync(NODE, [join(ROOT, 'bench', 'cores.mjs'), '--runs', String(RUNS)], { encoding: 'utf8' }));
row({ name: 'pure compute: slower of 2 threads at once vs 1 thread alone (real cores: 1.0)', measured: Math.max(...cores.two), baseline: cores.one, ratio: Math.max(...cores.two) / cores.one, unit: 'ms' });
row({ name: 'allocating compute (objects, JSON): slower of 2 threads at once vs 1 alone', measured: Math.max(...cores.allocTwo), baseline: cores.allocOne, ratio: Math.max(...cores.allocTwo) / cores.allocOne, unit: 'ms' });

// ---------------------------------------------------------------- warm cache, one file changed (issue row 6)
const cacheFile = join(out, 'edunormcache');
const changed = join(bigCity, readdirSync(bigCity).filter((d) => !d.endsWith('.yaml')).sort()[0], 'budget.yaml');
const original = readFileSync(changed, 'utf8');
run(edunorm(bigCity, '--format', 'json', '--concurrency', '1', '--cache', '--cache-location', cacheFile));
c = compare(edunorm(bigCity, '--format', 'json', '--concurrency', '1', '--cache', '--cache-location', cacheFile), edunorm(bigCity, '--format', 'json', '--concurrency', '1'), RUNS_LARGE, {
  // Before each cached run one file really changes (its bytes differ from every earlier run).
  before: (which, i) => which === 'a' && writeFileSync(changed, `${original}# bench run ${i}\n`),
});
writeFileSync(changed, original);
row({ issue: true, name: `warm --cache, one file changed of ${LARGE} schools vs cold`, measured: c.a, baseline: c.b, ratio: c.ratio, unit: 'ms', target: 0.1 });
// What bounds that row: where such a run spends its time, phase by phase, as EDUNORM_TIMING=1
// tells it (packages/cli/src/timing.ts) — medians of as many runs, each after a real change,
// each phase against the whole run it was measured in.
{
  const phases = new Map();
  const totals = [];
  for (let i = 0; i < RUNS_LARGE; i++) {
    writeFileSync(changed, `${original}# bench phases ${i}\n`);
    // The same command as the row's (no --locale: another locale is another cache key); the
    // table is in the run's language, its last row the total.
    const r = run(edunorm(bigCity, '--format', 'json', '--concurrency', '1', '--cache', '--cache-location', cacheFile), { env: { ...process.env, EDUNORM_TIMING: '1' } });
    const rows = [...r.stderr.matchAll(/^ {2}(\S.*?) +(\d+\.\d) ms(?: +\d+\.\d%)?$/gm)].map((m) => [m[1], Number(m[2])]);
    if (rows.length < 2) throw new Error(`EDUNORM_TIMING=1 wrote no table: ${r.stderr}`);
    totals.push(rows.pop()[1]);
    for (const [phase, ms] of rows) phases.set(phase, [...(phases.get(phase) ?? []), ms]);
  }
  writeFileSync(changed, original);
  const total = median(totals);
  for (const [phase, ms] of phases) row({ name: `warm --cache, one file changed of ${LARGE} schools, phase "${phase}" vs the whole run (EDUNORM_TIMING=1)`, measured: median(ms), baseline: total, ratio: median(ms) / total, unit: 'ms' });
}
province.cacheOneChanged = { ms: c.a, rssMB: c.rssA && MB(c.rssA) };
for (const k of ['oneThread', 'twoThreads', 'cacheOneChanged']) province[k].MBps = mbPerSecond(sizes.large.bytes, province[k].ms);
results.province = province;
console.log(`  province simulation, ${LARGE} schools (${province.MB.toFixed(1)} MB): 1 thread ${province.oneThread.MBps.toFixed(2)} MB/s, 2 threads ${province.twoThreads.MBps.toFixed(2)} MB/s, --cache one changed ${province.cacheOneChanged.MBps.toFixed(2)} MB/s`);

// ---------------------------------------------------------------- the editor (issue rows 7, 8: bench/lsp.mjs, the editor's)
const lspBench = join(ROOT, 'bench', 'lsp.mjs');
const lspRows = [];
/** The editor rows of issue 14's table: edit → diagnostics p95 at 5,000 and 20,000 staff, with its targets. */
const EDITOR_TARGETS = { '5,000': 30, '20,000': 100 };
const editorStaff = (name) => Object.keys(EDITOR_TARGETS).find((staff) => name.includes(`, ${staff} staff`) && /edit/.test(name) && /p95/.test(name));
if (existsSync(lspBench) && existsSync(join(ROOT, 'packages', 'language-server', 'dist'))) {
  const lspArgs = [lspBench, large, ...(quick ? ['--rounds', '1', '--edits', '10'] : [])];
  const lsp = JSON.parse(execFileSync(NODE, lspArgs, { cwd: ROOT, encoding: 'utf8' }));
  for (const r of lsp.rows) {
    lspRows.push(r);
    const staff = editorStaff(r.name);
    // The issue's targets are absolute (ms); the row's ratio to the bare parse stays as context.
    row({ ...r, unit: 'ms', on: 'measured', ...(staff ? { issue: true, target: EDITOR_TARGETS[staff], pass: undefined } : {}) });
  }
}
for (const staff of Object.keys(EDITOR_TARGETS)) {
  if (lspRows.some((r) => editorStaff(r.name) === staff)) continue;
  row({ issue: true, name: `LSP edit → diagnostics, ${staff} staff, server time p95`, measured: null, unit: 'ms', target: EDITOR_TARGETS[staff], on: 'measured', pass: false, reason: `bench/lsp.mjs gave no ${staff}-staff edit row` });
}

// ---------------------------------------------------------------- rows kept from before
c = compare(edunorm(city, '--format', 'json', '--concurrency', '1'), [NODE, [join(ROOT, 'bench', 'bare-parse.mjs'), city]], RUNS);
row({ name: `CLI cold, ${SMALL}-school city, 1 thread vs bare yaml parse`, measured: c.a, baseline: c.b, ratio: c.ratio, unit: 'ms', target: 0.9 });
c = compare(edunorm(big5k, '--format', 'json'), [NODE, [join(ROOT, 'bench', 'bare-parse.mjs'), big5k]], RUNS);
row({ name: 'CLI cold, one 5,000-staff file vs bare yaml parse', measured: c.a, baseline: c.b, ratio: c.ratio, unit: 'ms', target: 1 });
const smallCache = join(out, 'edunormcache-small');
run(edunorm(city, '--format', 'json', '--cache', '--cache-location', smallCache));
c = compare(edunorm(city, '--format', 'json', '--cache', '--cache-location', smallCache), edunorm(city, '--format', 'json', '--concurrency', '1'), RUNS);
row({ name: `CLI warm --cache, nothing changed vs cold, ${SMALL}-school city`, measured: c.a, baseline: c.b, ratio: c.ratio, unit: 'ms', target: 0.1 });
c = compare([NODE, [CLI, '--version']], [NODE, ['-e', '0']], RUNS);
row({ name: 'edunorm --version vs node -e 0 (start-up, ms)', measured: c.a, baseline: c.b, ratio: c.ratio, unit: 'ms', target: 150, on: 'measured' });
const rss20k = peakRss(edunorm(big20k, '--format', 'json', '-o', join(out, 'out-20k.json')), RSS_RUNS);
const rss20kBare = peakRss([NODE, [join(ROOT, 'bench', 'bare-parse.mjs'), big20k]], RSS_RUNS);
row({ name: 'peak RSS, one 20,000-staff file (MB) vs bare yaml parse', measured: MB(rss20k), baseline: MB(rss20kBare), ratio: rss20k / rss20kBare, unit: 'MB', target: 3 });
console.log(`  (${SMALL}-school cold check: ${mbPerSecond(sizes.small.bytes, coldSmallMs).toFixed(2)} MB/s on 1 thread)`);

if (!quick) {
  // Package the extension as a user would get it, then weigh it.
  execFileSync('npm', ['run', '--silent', 'package:vsix'], { cwd: ROOT, stdio: 'ignore' });
  const vsix = readdirSync(join(ROOT, 'extension')).filter((f) => f.endsWith('.vsix'));
  if (vsix.length) row({ name: '.vsix size (MiB)', measured: statSync(join(ROOT, 'extension', vsix.sort().at(-1))).size / 1024 / 1024, unit: 'MiB', target: 2, on: 'measured' });
}

rmSync(out, { recursive: true, force: true });
results.machine.loadAverageAtEnd = loadavg().map((x) => Number(x.toFixed(2)));
results.seconds = Math.round((Date.now() - started) / 1000);
// BENCH_OUT: somewhere else than bench/results.json (a run beside a test suite that reads it).
const resultsPath = process.env.BENCH_OUT ?? join(ROOT, 'bench', 'results.json');
writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwrote ${resultsPath} in ${results.seconds} s (${results.machine.cores} cores, ${results.machine.cpu}, node ${results.machine.node}, load ${results.machine.loadAverageAtStart.join(' ')} → ${results.machine.loadAverageAtEnd.join(' ')})`);
if (process.argv.includes('--update-readme') && process.env.BENCH_OUT === undefined) {
  const { updateReadme } = await import('./readme-table.mjs');
  await updateReadme();
  console.log('updated the README tables from bench/results.json');
}

function listYaml(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? listYaml(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : []));
}
