// The README's figures, generated from bench/results.json (never typed by hand): the "Scale"
// block (issue 14's targets, the province simulation) and the "Performance" block (every other
// row). `npm run docs` writes both (scripts/gen-docs.mjs), `npm run bench -- --update-readme`
// too; tests/docs.test.ts fails when the README differs from what results.json says.
//   node bench/readme-table.mjs      → rewrites the two blocks of README.md
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './measure.mjs';

const number = (x, digits) => (x === null || x === undefined ? '—' : x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }));
const mark = (pass) => (pass === true ? '✓' : pass === false ? '✗' : '');

function target(r) {
  if (r.target === undefined) return '';
  return `≤ ${r.target}${r.on === 'ratio' ? ' ×' : ` ${r.unit ?? ''}`} ${mark(r.pass)}`.trim();
}

function table(rows) {
  const lines = ['| measurement | edunorm | baseline | ratio | target |', '|---|---:|---:|---:|---|'];
  for (const r of rows) {
    const measured = r.measured === null ? `not measured: ${r.reason}` : `${number(r.measured, 1)} ${r.unit ?? ''}`.trim();
    const baseline = r.baseline === undefined || r.baseline === null ? '' : `${number(r.baseline, 1)} ${r.unit ?? ''}`.trim();
    const ratio = r.ratio === undefined || r.ratio === null ? '' : `${number(r.ratio, 3)} ×`;
    lines.push(`| ${r.name} | ${measured} | ${baseline} | ${ratio} | ${target(r)}${r.reason && r.measured !== null ? ` (${r.reason})` : ''} |`);
  }
  return lines.join('\n');
}

function measuredOn(results) {
  const m = results.machine;
  const load = m.loadAverageAtStart ? `; load average ${m.loadAverageAtStart[0]} at the start, ${m.loadAverageAtEnd?.[0] ?? '?'} at the end` : '';
  // The command as it was run: the runs per figure are part of what a figure means.
  const env = results.runs === 5 ? '' : `BENCH_RUNS=${results.runs} ${results.rssRuns !== undefined && results.rssRuns !== 3 ? `BENCH_RSS_RUNS=${results.rssRuns} ` : ''}`;
  return `Measured ${results.date.slice(0, 16).replace('T', ' ')} UTC by \`${env}npm run bench${results.quick ? ' -- --quick' : ''}\` on ${m.cores} cores (${m.cpu}), Node ${m.node}${load}; medians of ${results.runs} run${results.runs === 1 ? '' : 's'} (${results.runsLarge ?? results.runs} for the ${results.corpora?.large?.schools ?? '?'}-school corpus), each ratio against a baseline measured in the same run.`;
}

/** The "Scale" block: the targets of issue 14 and the province simulation. */
export function scaleBlock(results) {
  const issue = results.rows.filter((r) => r.issue);
  const lines = [measuredOn(results), ''];
  if (results.corpora) {
    const { small, large } = results.corpora;
    lines.push(`Corpora: ${small.what} — ${small.files} files, ${number(small.MB, 1)} MB; ${large.what} — ${large.files} files, ${number(large.MB, 1)} MB.`, '');
  }
  lines.push(table(issue));
  const p = results.province;
  if (p) {
    lines.push(
      '',
      `Throughput on the ${number(p.schools, 0)}-school corpus (${number(p.MB, 1)} MB): ${number(p.oneThread.MBps, 2)} MB/s on one thread (peak RSS ${number(p.oneThread.rssMB, 0)} MB), ` +
        `${number(p.twoThreads.MBps, 2)} MB/s with \`--concurrency 2\` (${number(p.twoThreads.rssMB, 0)} MB), ` +
        `${number(p.cacheOneChanged.MBps, 2)} MB/s with \`--cache\` and one file changed (${number(p.cacheOneChanged.rssMB, 0)} MB).`,
    );
  }
  return lines.join('\n');
}

/** The "Performance" block: the rows that are not issue 14's targets. */
export function benchBlock(results) {
  return [measuredOn(results), '', table(results.rows.filter((r) => !r.issue))].join('\n');
}

export function readResults() {
  return JSON.parse(readFileSync(join(ROOT, 'bench', 'results.json'), 'utf8'));
}

/** README text with both blocks from `results` (the markers' code is gen-docs.mjs's, one copy). */
export async function withBenchTables(readme, results = readResults()) {
  const { replaceSection } = await import('../scripts/gen-docs.mjs');
  return replaceSection(replaceSection(readme, 'scale', scaleBlock(results)), 'bench', benchBlock(results));
}

export async function updateReadme() {
  const path = join(ROOT, 'README.md');
  writeFileSync(path, await withBenchTables(readFileSync(path, 'utf8')));
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) await updateReadme();
