#!/usr/bin/env node
// The check pipeline at scale (issue 14 items 1 and 3): peak RSS per output format at two
// corpus sizes, `--concurrency 2` against one thread, and a warm `--cache` run with one file
// changed against a cold one. The corpus is bench/corpus.mjs's city (a budget and a staffing
// file per school, five district files). Runs alternate between the variants compared and
// the medians are reported, with the load average: the machine may be shared.
//
//   node bench/pipeline-memory.mjs [--schools 200,2000] [--formats stylish,json,sarif]
//                                  [--runs 3] [--no-memory] [--no-concurrency] [--no-cache]
//                                  [--json]
//
// --json prints one JSON object (for bench/run.mjs):
//   { load: [1, 5, 15 min], memory: [{ schools, files, format, rssMiB }],
//     rssRatio: { format: rss(largest) / rss(smallest) },
//     concurrency: { schools, oneMs, twoMs, ratio },
//     cache: { schools, coldMs, warmOneChangedMs, ratio } }
// Needs a built CLI (npm run build).
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from './corpus.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const withRss = join(root, 'bench', 'with-rss.mjs');
const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : fallback;
};
const sizes = opt('schools', '200,2000').split(',').map(Number);
const formats = opt('formats', 'stylish,json,sarif').split(',');
const runs = Number(opt('runs', '3'));
const asJson = argv.includes('--json');
const log = (s) => (asJson ? process.stderr.write(`${s}\n`) : console.log(s));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One run of the CLI in its own process: wall time (ms) and, through with-rss.mjs, peak RSS (KiB). */
function once(args, cwd) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [withRss, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, LANG: 'en_US.UTF-8' } });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`edunorm ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { ms, rssKiB: Number(/maxRSS (\d+)/.exec(r.stderr)?.[1]) };
}

const work = mkdtempSync(join(tmpdir(), 'edunorm-pipeline-bench-'));
const out = { load: loadavg().map((l) => Number(l.toFixed(2))), memory: [], rssRatio: {} };
try {
  const corpora = new Map();
  for (const schools of sizes) {
    const dir = join(work, `c${schools}`);
    corpora.set(schools, writeCorpus(dir, { schools }).city);
  }
  if (!argv.includes('--no-memory')) {
    for (const format of formats) {
      for (const schools of sizes) {
        const rss = [];
        for (let i = 0; i < runs; i++) rss.push(once(['check', corpora.get(schools), '--format', format, '--output', join(work, `out.${format}`)], work).rssKiB);
        const row = { schools, files: schools * 2 + 5, format, rssMiB: Number((median(rss) / 1024).toFixed(1)) };
        out.memory.push(row);
        log(`peak RSS  ${format.padEnd(8)} ${String(schools).padStart(6)} schools: ${row.rssMiB} MiB (median of ${runs})`);
      }
      const rows = out.memory.filter((m) => m.format === format);
      out.rssRatio[format] = Number((rows[rows.length - 1].rssMiB / rows[0].rssMiB).toFixed(2));
      log(`RSS ratio ${format.padEnd(8)} ${sizes[sizes.length - 1]} / ${sizes[0]} schools: ${out.rssRatio[format]}`);
    }
  }
  const largest = sizes[sizes.length - 1];
  const city = corpora.get(largest);
  if (!argv.includes('--no-concurrency')) {
    const one = [];
    const two = [];
    // Alternate the two, so a change in the machine's load falls on both.
    for (let i = 0; i < runs; i++) {
      one.push(once(['check', city, '--format', 'json', '--output', join(work, 'one.json')], work).ms);
      two.push(once(['check', city, '--format', 'json', '--output', join(work, 'two.json'), '--concurrency', '2'], work).ms);
    }
    out.concurrency = { schools: largest, oneMs: Math.round(median(one)), twoMs: Math.round(median(two)), ratio: Number((median(two) / median(one)).toFixed(2)) };
    log(`--concurrency 2 / 1 thread, ${largest} schools: ${out.concurrency.twoMs} / ${out.concurrency.oneMs} ms = ${out.concurrency.ratio}`);
  }
  if (!argv.includes('--no-cache')) {
    const cold = [];
    const warm = [];
    const changed = join(city, '130900000', 'budget.yaml');
    for (let i = 0; i < runs; i++) {
      const cache = join(work, `cache-${i}`);
      cold.push(once(['check', city, '--format', 'json', '--output', join(work, 'cold.json'), '--cache', '--cache-location', cache], work).ms);
      appendFileSync(changed, `# edit ${i}\n`);
      warm.push(once(['check', city, '--format', 'json', '--output', join(work, 'warm.json'), '--cache', '--cache-location', cache], work).ms);
    }
    out.cache = { schools: largest, coldMs: Math.round(median(cold)), warmOneChangedMs: Math.round(median(warm)), ratio: Number((median(warm) / median(cold)).toFixed(3)) };
    log(`warm --cache, one file changed / cold, ${largest} schools: ${out.cache.warmOneChangedMs} / ${out.cache.coldMs} ms = ${out.cache.ratio}`);
  }
  out.loadAfter = loadavg().map((l) => Number(l.toFixed(2)));
  log(`load average before ${out.load.join(' ')}, after ${out.loadAfter.join(' ')} (${process.env.EDUNORM_BENCH_NOTE ?? 'shared machine'})`);
  if (asJson) console.log(JSON.stringify(out));
} finally {
  rmSync(work, { recursive: true, force: true });
}
