// Preloaded by the bench (`node --import bench/rss-hook.mjs <script> …`): when the process
// exits, however it exits, writes its peak resident set size (KiB, worker threads included)
// and the CPU time it used (µs, user and system, of all its threads: V8's compiler and
// collector threads too) on stderr, so the bench measures the very command a user runs — the real bin, its real
// output files — instead of a copy of it run in-process.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  const usage = process.resourceUsage();
  writeSync(2, `\nedunorm-bench maxRSS ${usage.maxRSS} cpu ${usage.userCPUTime + usage.systemCPUTime}\n`);
});
