#!/usr/bin/env node
// Language-server part of `npm run bench` (run by bench/run.mjs with the corpus folder):
// edit → diagnostics on a 60-, a 5,000- and a 20,000-staff document, and hover while the
// 5,000-staff one validates. Prints one JSON object `{ rows }` for the results table; each
// row has the p95 as `measured` and the p50 beside it.
//
//   node bench/lsp.mjs <folder with staffing-60/5000/20000.yaml> [--edits N] [--rounds R] [--sizes 60,5000,20000]
//
// Each round types BENCH_EDITS (30) digits into each file in turn, so drift on a shared
// machine hits every size alike; BENCH_ROUNDS (2) rounds. "Server time" = wall time from
// didChange to the publishDiagnostics of that version, minus the 150 ms the server waits by
// design for typing to pause (DEBOUNCE_MS).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseAllDocuments } from 'yaml';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const large = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!large) {
  process.stderr.write('usage: node bench/lsp.mjs <folder with staffing-<n>.yaml> [--edits N] [--rounds R] [--sizes 60,5000,20000]\n');
  process.exit(2);
}
const EDITS = Number(flag('--edits', process.env.BENCH_EDITS ?? 30));
const ROUNDS = Number(flag('--rounds', process.env.BENCH_ROUNDS ?? 2));
const SIZES = String(flag('--sizes', '60,5000,20000')).split(',').map(Number);
const { DEBOUNCE_MS } = await import(join(root, 'packages/language-server/dist/server.js'));

const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

const child = spawn(process.execPath, [join(root, 'packages/language-server/bin/edunorm-language-server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
const waiters = [];
connection.onNotification('textDocument/publishDiagnostics', (p) => {
  const at = performance.now();
  for (const w of [...waiters]) if (w.uri === p.uri && w.version === p.version) {
    waiters.splice(waiters.indexOf(w), 1);
    w.resolve({ at, count: p.diagnostics.length });
  }
});
connection.onNotification('window/logMessage', () => {});
connection.listen();
await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, locale: 'zh-cn' });
connection.sendNotification('initialized', {});
const published = (uri, version) => new Promise((resolve) => waiters.push({ uri, version, resolve }));

/** Lines holding `annualSalary: <digits>`: an edit types one digit into one of them. */
function salaryLines(text) {
  const out = [];
  text.split('\n').forEach((l, i) => {
    const m = /^(\s+annualSalary: )\d+$/.exec(l);
    if (m) out.push({ line: i, character: l.length - 1 });
  });
  return out;
}

async function open(file) {
  const text = readFileSync(file, 'utf8');
  const uri = `file://${file}`;
  const done = published(uri, 1);
  connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  await done;
  return { uri, text, lines: salaryLines(text), version: 1, edits: 0 };
}

/** Types one digit over the last digit of a salary, spread over the file. */
function edit(doc) {
  const i = doc.edits++;
  const at = doc.lines[(i * 7919) % doc.lines.length];
  doc.version++;
  const done = published(doc.uri, doc.version);
  const sent = performance.now();
  connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: doc.uri, version: doc.version },
    contentChanges: [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: String(i % 10) }],
  });
  return { done, sent };
}

const docs = new Map();
for (const n of SIZES) docs.set(n, { doc: await open(join(large, `staffing-${n}.yaml`)), times: [] });
const hovers = [];
const hoverOn = docs.has(5000) ? 5000 : SIZES.at(-1);
for (let round = 0; round < ROUNDS; round++) {
  for (const [n, entry] of docs) {
    const { doc } = entry;
    for (let i = 0; i < EDITS; i++) {
      const { done, sent } = edit(doc);
      let finished = false;
      void done.then(() => (finished = true));
      if (n === hoverOn) {
        // Ask for hovers on another record while this version validates.
        const far = doc.lines[(i * 104729 + 17) % doc.lines.length];
        while (!finished) {
          const t = performance.now();
          await connection.sendRequest('textDocument/hover', { textDocument: { uri: doc.uri }, position: { line: far.line, character: 6 } });
          hovers.push(performance.now() - t);
          await new Promise((r) => setTimeout(r, 5));
        }
      }
      entry.times.push((await done).at - sent - DEBOUNCE_MS);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

const TARGETS = { 60: 30, 5000: 30, 20000: 100 };
const rows = [];
for (const [n, { times }] of docs) {
  const target = TARGETS[n];
  const p95 = pct(times, 95);
  const row = { name: `LSP edit → diagnostics, ${n.toLocaleString('en')} staff, server time p95`, measured: p95, p50: pct(times, 50), n: times.length };
  if (target !== undefined) Object.assign(row, { target, targetText: `≤ ${target} ms`, pass: p95 <= target });
  if (n === 5000) {
    // Context: the bare `yaml` parse of the same document, in this process (median of 5).
    const text = readFileSync(join(large, `staffing-${n}.yaml`), 'utf8');
    const bare = [];
    for (let i = 0; i < 6; i++) {
      const t = performance.now();
      for (const d of parseAllDocuments(text, { lineCounter: new LineCounter() })) d.toJS();
      if (i > 0) bare.push(performance.now() - t);
    }
    row.baseline = pct(bare, 50);
    row.ratio = p95 / row.baseline;
  }
  rows.push(row);
}
if (hovers.length) rows.push({ name: `LSP hover while ${hoverOn.toLocaleString('en')} staff validate, p95`, measured: pct(hovers, 95), target: 50, targetText: '< 50 ms', pass: pct(hovers, 95) < 50, p50: pct(hovers, 50), n: hovers.length });

await connection.sendRequest('shutdown').catch(() => {});
connection.sendNotification('exit');
setTimeout(() => child.kill(), 500).unref();
connection.dispose();
process.stdout.write(`${JSON.stringify({ rows })}\n`);
