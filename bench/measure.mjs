// Measuring helpers shared by bench/run.mjs and bench/province.mjs: wall time and peak RSS of
// whole processes (what a user waits for and what the machine must hold), medians over runs,
// two commands alternated run by run so that drift on a noisy machine hits both alike.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI = join(ROOT, 'packages', 'cli', 'bin', 'edunorm.js');
export const NODE = process.execPath;
const RSS_HOOK = join(ROOT, 'bench', 'rss-hook.mjs');
const READ_FLOOR = join(ROOT, 'bench', 'read-floor.mjs');

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Runs a command to its end: wall time in ms, and — for node commands, through the
 * bench/rss-hook.mjs preload — the process's peak RSS in KiB and the CPU time of all its threads in ms. Exit codes other than 0 and 1
 * (findings) fail the bench: a figure of a failed run is no figure.
 */
export function run([cmd, args], opts = {}) {
  const rss = cmd === NODE;
  const argv = rss ? ['--import', RSS_HOOK, ...args] : args;
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30, ...opts });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.error) throw r.error;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  // Exit 1 is "findings" — and also what node exits with on an uncaught exception: a crash is no figure either.
  if (r.status === 1 && /\n\s+at \S.*[:(]\d+:\d+\)?/.test(r.stderr ?? '')) throw new Error(`${cmd} ${args.join(' ')} crashed: ${r.stderr}`);
  const m = /edunorm-bench maxRSS (\d+) cpu (\d+)/.exec(r.stderr ?? '');
  return { ms, rssKiB: m ? Number(m[1]) : undefined, cpuMs: m ? Number(m[2]) / 1000 : undefined, stdout: r.stdout, stderr: r.stderr, status: r.status };
}

/** Medians of `runs` alternated runs of a and b (after one warm-up each): times, peak RSS and CPU time. */
export function compare(a, b, runs, { before } = {}) {
  const ta = [];
  const tb = [];
  const ra = [];
  const rb = [];
  const ca = [];
  const cb = [];
  const once = (cmd, t, r, c, i) => {
    before?.(cmd === a ? 'a' : 'b', i);
    const x = run(cmd);
    t.push(x.ms);
    if (x.rssKiB !== undefined) r.push(x.rssKiB);
    if (x.cpuMs !== undefined) c.push(x.cpuMs);
  };
  if (runs > 1) {
    before?.('a', -1);
    run(a);
    before?.('b', -1);
    run(b);
  }
  for (let i = 0; i < runs; i++) {
    once(a, ta, ra, ca, i);
    once(b, tb, rb, cb, i);
  }
  return { a: median(ta), b: median(tb), ratio: median(ta) / median(tb), rssA: ra.length ? median(ra) : undefined, rssB: rb.length ? median(rb) : undefined, cpuA: ca.length ? median(ca) : undefined, cpuB: cb.length ? median(cb) : undefined };
}

/** Median peak RSS (KiB) of `runs` runs of one command. */
export function peakRss(cmd, runs) {
  return median(Array.from({ length: runs }, () => run(cmd).rssKiB));
}

export const edunorm = (...args) => [NODE, [CLI, 'check', ...args]];
export const readFloor = (paths) => [NODE, [READ_FLOOR, ...paths]];

/** Files and bytes of the YAML files under `paths` (what MB/s is counted in). */
export function corpusSize(paths) {
  let files = 0;
  let bytes = 0;
  const walk = (p) => {
    const st = statSync(p);
    if (st.isDirectory()) for (const e of readdirSync(p)) walk(join(p, e));
    else if (/\.ya?ml$/.test(p)) {
      files++;
      bytes += st.size;
    }
  };
  for (const p of paths) walk(p);
  return { files, bytes };
}

export const MiB = (kib) => kib / 1024;
export const mbPerSecond = (bytes, ms) => bytes / 1e6 / (ms / 1000);
