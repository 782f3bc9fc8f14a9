#!/usr/bin/env node
// A province on one machine, at a size of your choosing: writes a seeded corpus of N schools
// (bench/corpus.mjs: budget + staffing each, 20–120 staff), then measures `edunorm check` as a
// user runs it — one thread, `--concurrency 2`, and `--cache` with one file changed — reporting
// wall time, MB/s and peak RSS (whole process, worker threads included), medians of the runs.
//   node bench/province.mjs --schools 20000 [--runs 3] [--format sarif] [--keep]
// The corpus goes to os.tmpdir() (removed afterwards unless --keep); nothing is written to the repo.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeCorpus } from './corpus.mjs';
import { corpusSize, edunorm, mbPerSecond, median, run } from './measure.mjs';

const { values } = parseArgs({ options: { schools: { type: 'string', default: '2000' }, runs: { type: 'string', default: '3' }, format: { type: 'string', default: 'sarif' }, keep: { type: 'boolean' } } });
const schools = Number(values.schools);
const runs = Number(values.runs);
if (!Number.isInteger(schools) || schools < 1 || !Number.isInteger(runs) || runs < 1) {
  console.error('usage: node bench/province.mjs --schools N [--runs n] [--format stylish|json|sarif|junit|github|markdown] [--keep]');
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'edunorm-province-'));
try {
  let t = Date.now();
  const { city } = writeCorpus(join(dir, 'corpus'), { schools, large: false });
  const size = corpusSize([city]);
  console.log(`corpus: ${schools} schools, ${size.files} files, ${(size.bytes / 1e6).toFixed(1)} MB, written in ${((Date.now() - t) / 1000).toFixed(1)} s; load average ${loadavg()[0].toFixed(2)}`);
  const output = join(dir, `out.${values.format}`);
  const check = (...extra) => edunorm(city, '--format', values.format, '-o', output, ...extra);
  const measure = (name, cmd, before) => {
    const ms = [];
    const rss = [];
    for (let i = 0; i < runs; i++) {
      before?.(i);
      const r = run(cmd);
      ms.push(r.ms);
      rss.push(r.rssKiB);
    }
    const row = { name, ms: median(ms), MBps: mbPerSecond(size.bytes, median(ms)), rssMB: (median(rss) * 1024) / 1e6 };
    console.log(`${name.padEnd(34)} ${(row.ms / 1000).toFixed(2).padStart(8)} s ${row.MBps.toFixed(2).padStart(8)} MB/s  peak RSS ${row.rssMB.toFixed(0).padStart(5)} MB`);
    return row;
  };
  const rows = [];
  // Alternating 1 and 2 threads run by run would double the time of a province-size run; each
  // setting's runs are consecutive instead, and the load average is printed with the figures.
  rows.push(measure('1 thread', check('--concurrency', '1')));
  rows.push(measure('--concurrency 2', check('--concurrency', '2')));
  const cache = join(dir, 'edunormcache');
  t = Date.now();
  run(check('--concurrency', '1', '--cache', '--cache-location', cache));
  console.log(`(cache filled in ${((Date.now() - t) / 1000).toFixed(1)} s)`);
  const changed = join(city, readdirSync(city).filter((d) => !d.endsWith('.yaml')).sort()[0], 'staffing.yaml');
  const original = readFileSync(changed, 'utf8');
  rows.push(measure('--cache, one file changed', check('--concurrency', '1', '--cache', '--cache-location', cache), (i) => writeFileSync(changed, `${original}# province run ${i}\n`)));
  console.log(JSON.stringify({ schools, files: size.files, MB: size.bytes / 1e6, format: values.format, runs, loadAverage: loadavg()[0], rows }));
} finally {
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
  else console.log(`kept ${dir}`);
}
