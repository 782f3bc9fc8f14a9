#!/usr/bin/env node
// Are the machine's cores real? The same pure-compute loop (a 512 KiB array, in cache) in one
// worker thread alone, then in two at once: on two real cores each of the two takes as long as
// the one alone; on two hyperthreads of one core, or a VM's shared core, they take longer.
// Then the same for work shaped like a check's (`--alloc`): short-lived objects and strings by
// the million, parsed and dropped, so each thread's heap, collector and the caches are busy —
// what two threads of edunorm share even when they share no data.
// Prints {"one": ms, "two": [ms, ms], "allocOne": ms, "allocTwo": [ms, ms]} (medians of `--runs` rounds, default 3).
import { Worker, isMainThread, parentPort } from 'node:worker_threads';

function spin() {
  const start = process.hrtime.bigint();
  const a = new Float64Array(1 << 16);
  let x = 0;
  for (let r = 0; r < 4000; r++) for (let i = 0; i < a.length; i++) x += a[i] = a[i] * 1.0000001 + i;
  return [Number(process.hrtime.bigint() - start) / 1e6, x];
}

function allocate() {
  const start = process.hrtime.bigint();
  let x = 0;
  for (let r = 0; r < 8; r++) {
    const rows = [];
    for (let i = 0; i < 20000; i++) rows.push({ id: `T${r}-${i}`, pay: i * 1.5, kind: i % 3 ? 'teacher' : 'staff', tags: [i, r] });
    const text = JSON.stringify(rows);
    x += JSON.parse(text).filter((row) => row.kind === 'teacher').length + text.length;
  }
  return [Number(process.hrtime.bigint() - start) / 1e6, x];
}

if (!isMainThread) parentPort.postMessage((process.env.EDUNORM_CORES_WORK === 'alloc' ? allocate : spin)()[0]);
else {
  const i = process.argv.indexOf('--runs');
  const runs = i >= 0 ? Number(process.argv[i + 1]) : 3;
  const threads = (n, work = 'spin') => Promise.all(Array.from({ length: n }, () => new Promise((resolve, reject) => new Worker(new URL(import.meta.url), { env: { ...process.env, EDUNORM_CORES_WORK: work } }).once('message', resolve).once('error', reject))));
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const measure = async (work) => {
    const one = [];
    const two = [[], []];
    for (let r = 0; r < runs; r++) {
      one.push((await threads(1, work))[0]);
      const [a, b] = await threads(2, work);
      two[0].push(a);
      two[1].push(b);
    }
    return { one: median(one), two: two.map(median) };
  };
  const spinning = await measure('spin');
  const allocating = await measure('alloc');
  console.log(JSON.stringify({ ...spinning, allocOne: allocating.one, allocTwo: allocating.two }));
}
