#!/usr/bin/env node
// The read floor: the least any checker of these files must do — one Node process that walks the
// given paths, reads every YAML file (the files `edunorm check` would read) and counts its lines.
// Nothing is parsed. `npm run bench` divides edunorm's cold time by this one's, measured in the
// same run, so the ratio says how far the checker is from the cost of the bytes themselves.
//   node bench/read-floor.mjs <path>...   → prints {"files":…,"bytes":…,"lines":…}
// With BENCH_RSS=1 it also writes `maxRSS <KiB>` on stderr, like bench/with-rss.mjs.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const YAML = /\.ya?ml$/i;
const NEWLINE = 0x0a;

/** Files under `path` in a stable order; symlinks and other non-regular entries are skipped (edunorm does not follow them either). */
function walk(path, out) {
  for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = join(path, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile() && YAML.test(entry.name)) out.push(full);
  }
  return out;
}

/** Counts lines as editors do: a last line without a final newline still counts. */
export function countLines(bytes) {
  let lines = 0;
  // indexOf on a Buffer is a native memchr: the cheapest honest way to look at every byte.
  for (let at = bytes.indexOf(NEWLINE); at !== -1; at = bytes.indexOf(NEWLINE, at + 1)) lines++;
  if (bytes.length > 0 && bytes[bytes.length - 1] !== NEWLINE) lines++;
  return lines;
}

export function readFloor(paths) {
  const totals = { files: 0, bytes: 0, lines: 0 };
  for (const p of paths) {
    const files = statSync(p).isDirectory() ? walk(p, []) : [p];
    for (const file of files) {
      const bytes = readFileSync(file);
      totals.files++;
      totals.bytes += bytes.length;
      totals.lines += countLines(bytes);
    }
  }
  return totals;
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const paths = process.argv.slice(2);
  if (paths.length === 0) {
    process.stderr.write('usage: node bench/read-floor.mjs <path>...\n');
    process.exit(2);
  }
  const totals = readFloor(paths);
  if (process.env.BENCH_RSS) process.stderr.write(`maxRSS ${process.resourceUsage().maxRSS}\n`);
  process.stdout.write(`${JSON.stringify(totals)}\n`);
}
