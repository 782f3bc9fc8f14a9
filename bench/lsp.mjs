#!/usr/bin/env node
// Language-server part of `npm run bench` (run by bench/run.mjs with the corpus folder):
// edit → diagnostics on a 60-staff and a 5,000-staff document, and hover while the large one
// validates. Prints one JSON object with rows for the results table.
//
// "Server time" = wall time from didChange to the publishDiagnostics of that version, minus
// the 150 ms the server waits by design for typing to pause (DEBOUNCE_MS).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseAllDocuments } from 'yaml';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const large = process.argv[2];
const EDITS = Number(process.env.BENCH_EDITS ?? 30);
const { DEBOUNCE_MS } = await import(join(root, 'packages/language-server/dist/server.js'));

const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

const child = spawn(process.execPath, [join(root, 'packages/language-server/bin/edunorm-language-server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
const waiters = [];
connection.onNotification('textDocument/publishDiagnostics', (p) => {
  const at = performance.now();
  for (const w of [...waiters]) if (w.uri === p.uri && w.version === p.version) {
    waiters.splice(waiters.indexOf(w), 1);
    w.resolve(at);
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
  return { uri, text, lines: salaryLines(text), version: 1 };
}

async function edit(doc, i) {
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

const rows = [];
const small = await open(join(large, 'staffing-60.yaml'));
const smallTimes = [];
for (let i = 0; i < EDITS; i++) {
  const { done, sent } = await edit(small, i);
  smallTimes.push((await done) - sent - DEBOUNCE_MS);
  await new Promise((r) => setTimeout(r, 20));
}
rows.push({ name: 'LSP edit → diagnostics, 60 staff, server time p95', measured: pct(smallTimes, 95), target: 30, targetText: '≤ 30 ms', pass: pct(smallTimes, 95) <= 30, p50: pct(smallTimes, 50) });

const bigFile = join(large, 'staffing-5000.yaml');
const big = await open(bigFile);
const bigTimes = [];
const hovers = [];
for (let i = 0; i < EDITS; i++) {
  const { done, sent } = await edit(big, i);
  let finished = false;
  void done.then(() => (finished = true));
  // Ask for hovers on another record while this version validates.
  const far = big.lines[(i * 104729 + 17) % big.lines.length];
  while (!finished) {
    const t = performance.now();
    await connection.sendRequest('textDocument/hover', { textDocument: { uri: big.uri }, position: { line: far.line, character: 6 } });
    hovers.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 5));
  }
  bigTimes.push((await done) - sent - DEBOUNCE_MS);
}
// Baseline: the bare `yaml` parse of the same document, in this process (median of 5).
const text = readFileSync(bigFile, 'utf8');
const bare = [];
for (let i = 0; i < 6; i++) {
  const t = performance.now();
  for (const d of parseAllDocuments(text, { lineCounter: new LineCounter() })) d.toJS();
  if (i > 0) bare.push(performance.now() - t);
}
const bareMs = pct(bare, 50);
rows.push({ name: 'LSP edit → diagnostics, 5,000 staff, server time p95 vs bare parse', measured: pct(bigTimes, 95), baseline: bareMs, ratio: pct(bigTimes, 95) / bareMs, target: 1.2, targetText: '≤ 1.2 ×', pass: pct(bigTimes, 95) / bareMs <= 1.2, p50: pct(bigTimes, 50) });
rows.push({ name: 'LSP hover while 5,000 staff validate, p95', measured: pct(hovers, 95), target: 50, targetText: '< 50 ms', pass: pct(hovers, 95) < 50, p50: pct(hovers, 50), n: hovers.length });

await connection.sendRequest('shutdown').catch(() => {});
connection.sendNotification('exit');
setTimeout(() => child.kill(), 500).unref();
connection.dispose();
process.stdout.write(`${JSON.stringify({ rows })}\n`);
