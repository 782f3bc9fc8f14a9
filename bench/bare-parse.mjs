// Baseline of the benchmark: what any checker built on `yaml` must at least do — read each
// file and parse it with positions (parseAllDocuments + LineCounter + toJS), in one process.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseAllDocuments } from 'yaml';

function walk(p, out) {
  if (statSync(p).isDirectory()) for (const e of readdirSync(p).sort()) walk(join(p, e), out);
  else if (/\.ya?ml$/.test(p)) out.push(p);
  return out;
}

let documents = 0;
for (const file of process.argv.slice(2).flatMap((p) => walk(p, []))) {
  const lineCounter = new LineCounter();
  for (const doc of parseAllDocuments(readFileSync(file, 'utf8'), { lineCounter })) {
    doc.toJS();
    documents++;
  }
}
if (process.env.BENCH_RSS) process.stderr.write(`maxRSS ${process.resourceUsage().maxRSS}\n`);
process.stdout.write(`${documents}\n`);
