#!/usr/bin/env node
// Memory of `edunorm check` across documents: peak RSS of a 20-district and a 200-district
// county repository, same files per district (10 schools × Staffing + SchoolBudget, 20
// teachers each, one district file). The norms across documents keep per-district figures,
// not the documents: the cost per district stays flat.
//   node bench/county-memory.mjs [--districts 20,200]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCountyCorpus } from './county-corpus.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = process.argv.indexOf('--districts');
const sizes = (arg > 0 ? process.argv[arg + 1] : '20,200').split(',').map(Number);
const rows = [];
for (const districts of sizes) {
  const dir = mkdtempSync(join(tmpdir(), 'edunorm-county-'));
  try {
    writeCountyCorpus(dir, { districts });
    const r = spawnSync(process.execPath, [join(root, 'bench', 'with-rss.mjs'), 'check', dir, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const rss = Number(/maxRSS (\d+)/.exec(r.stderr)?.[1]);
    if (!(r.status === 0 || r.status === 1) || !rss) throw new Error(`check exited ${r.status}: ${r.stderr}`);
    rows.push({ districts, files: districts * 21, rssMiB: rss / 1024 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
for (const r of rows) console.log(`${r.districts} districts (${r.files} files): peak RSS ${r.rssMiB.toFixed(1)} MiB`);
if (rows.length >= 2) {
  const [a, b] = [rows[0], rows[rows.length - 1]];
  console.log(`per district beyond the first ${a.districts}: ${(((b.rssMiB - a.rssMiB) * 1024) / (b.districts - a.districts)).toFixed(1)} KiB`);
}
