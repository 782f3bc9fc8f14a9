// What bounds a cold run: the core's check of every file of a corpus, in one process, several
// passes over the same files. The first pass is what `edunorm check` pays on every run; a later
// pass is the same work with V8's code already compiled and optimized and the parser's key
// cache full. Their difference is the JIT's warm-up, which no run of a fresh process escapes.
// Files are read before the first pass and no output is written: only the check is timed.
//   node bench/warm-up.mjs [--passes N] <path>...   → prints one JSON object
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const at = args.indexOf('--passes');
const passes = at >= 0 ? Number(args.splice(at, 2)[1]) : 4;
if (!args.length || !Number.isInteger(passes) || passes < 2) {
  process.stderr.write('usage: node bench/warm-up.mjs [--passes N≥2] <path>...\n');
  process.exit(2);
}

function walk(p, out) {
  if (statSync(p).isDirectory()) for (const e of readdirSync(p).sort()) walk(join(p, e), out);
  else if (/\.ya?ml$/.test(p)) out.push(p);
  return out;
}

const started = performance.now();
const { check, getDefaultRuleSet } = await import('@edunorm/core');
const imported = performance.now();
getDefaultRuleSet();
const ruleSetMs = performance.now() - imported;
const files = args.flatMap((p) => walk(p, [])).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
/** The first files of a pass: where the warm-up is paid (V8 optimizes a function after it ran a while). */
const HEAD = Math.min(50, files.length);

const times = [];
const heads = [];
let findings = 0;
for (let pass = 0; pass < passes; pass++) {
  let count = 0;
  const start = performance.now();
  let head = 0;
  for (let i = 0; i < files.length; i++) {
    const result = await check(files[i].text, { path: files[i].path });
    count += result.findings.length;
    if (i === HEAD - 1) head = performance.now() - start;
  }
  times.push(performance.now() - start);
  heads.push(head);
  // Every pass must do the same work: a pass that found otherwise measured something else.
  if (pass === 0) findings = count;
  else if (count !== findings) throw new Error(`pass ${pass + 1} found ${count} findings, the first ${findings}`);
}
const later = times.slice(1).sort((a, b) => a - b);
const steady = later[Math.floor(later.length / 2)];
const laterHeads = heads.slice(1).sort((a, b) => a - b);
console.log(
  JSON.stringify({
    files: files.length,
    findings,
    importMs: imported - started,
    ruleSetMs,
    passesMs: times,
    firstPassMs: times[0],
    steadyPassMs: steady,
    headFiles: HEAD,
    headFirstMs: heads[0],
    headSteadyMs: laterHeads[Math.floor(laterHeads.length / 2)],
  }),
);
