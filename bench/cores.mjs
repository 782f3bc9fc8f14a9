#!/usr/bin/env node
// Are the machine's cores real? The same pure-compute loop (a 512 KiB array, in cache) in one
// worker thread alone, then in two at once: on two real cores each of the two takes as long as
// the one alone; on two hyperthreads of one core, or a VM's shared core, they take longer.
// Prints {"one": ms, "two": [ms, ms]} (medians of `--runs` rounds, default 3).
import { Worker, isMainThread, parentPort } from 'node:worker_threads';

function spin() {
  const start = process.hrtime.bigint();
  const a = new Float64Array(1 << 16);
  let x = 0;
  for (let r = 0; r < 4000; r++) for (let i = 0; i < a.length; i++) x += a[i] = a[i] * 1.0000001 + i;
  return [Number(process.hrtime.bigint() - start) / 1e6, x];
}

if (!isMainThread) parentPort.postMessage(spin()[0]);
else {
  const i = process.argv.indexOf('--runs');
  const runs = i >= 0 ? Number(process.argv[i + 1]) : 3;
  const threads = (n) => Promise.all(Array.from({ length: n }, () => new Promise((resolve, reject) => new Worker(new URL(import.meta.url)).once('message', resolve).once('error', reject))));
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const one = [];
  const two = [[], []];
  for (let r = 0; r < runs; r++) {
    one.push((await threads(1))[0]);
    const [a, b] = await threads(2);
    two[0].push(a);
    two[1].push(b);
  }
  console.log(JSON.stringify({ one: median(one), two: two.map(median) }));
}
