#!/usr/bin/env node
// Measures the editor's feel on the BUILT server (node scripts/build.mjs first):
//  - keystroke → diagnostics: time from a didChange to the publishDiagnostics of that
//    version (includes the 150 ms debounce), on a 60-staff and a 5,000-staff Staffing file;
//  - hover and completion latency while the 5,000-staff file is being validated.
//   node tests/language-server/measure-latency.mjs [--edits 30] [--bin path/to/server]
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

const ROOT = join(import.meta.dirname, '..', '..');
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const EDITS = Number(arg('--edits', 30));
const BIN = arg('--bin', join(ROOT, 'packages', 'language-server', 'bin', 'edunorm-language-server.js'));

function staffing(n) {
  let t = 'apiVersion: edunorm/v1\nkind: Staffing\nschool:\n  code: "130902008"\n  name: 第八中学\n  level: junior\nfiscalYear: 2025\nreference:\n  localAvgMonthlyPerformancePay: 3200\n  localCivilServantAvgSalary: 96000\nstaff:\n';
  const roles = ['teacher', 'teacher', 'teacher', 'teacher', 'teacher', 'teacher', 'teacher', 'teacher', 'teacher', 'management'];
  for (let i = 0; i < n; i++) {
    t += `  - id: T${String(i).padStart(5, '0')}\n    name: 教师${i}\n    role: ${roles[i % 10]}\n    title: ${i % 7 === 0 ? 'senior' : 'first'}\n    certified: true\n    hiredYear: 2019\n    annualSalary: 98000\n    baseSalary: 4200\n    classTeacher: ${i % 3 === 0}\n    classTeacherAllowance: ${i % 50 === 0 ? 600 : 900}\n    trainingHours5y: 380\n`;
  }
  return t;
}
const LINES_PER_STAFF = 11;
const FIRST_STAFF_LINE = 11; // 0-based line of the first `  - id:`

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const fmt = (xs) => `p50 ${pct(xs, 50).toFixed(0)} ms, p95 ${pct(xs, 95).toFixed(0)} ms, max ${Math.max(...xs).toFixed(0)} ms (n=${xs.length})`;

async function start() {
  const child = spawn(process.execPath, [BIN, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters = [];
  connection.onNotification('textDocument/publishDiagnostics', (p) => {
    const at = performance.now();
    for (const w of [...waiters]) if (w.uri === p.uri && w.version === p.version) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve({ at, diagnostics: p.diagnostics });
    }
  });
  connection.onNotification('window/logMessage', () => {});
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, locale: 'zh-cn' });
  connection.sendNotification('initialized', {});
  const published = (uri, version) => new Promise((resolve) => waiters.push({ uri, version, resolve }));
  return { child, connection, published };
}

async function keystrokes(server, n) {
  const uri = `untitled:staffing-${n}.yaml`;
  const text = staffing(n);
  const opened = server.published(uri, 1);
  const t0 = performance.now();
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  const first = await opened;
  console.log(`${n} staff (${(text.length / 1024).toFixed(0)} KB): open → diagnostics ${(first.at - t0).toFixed(0)} ms, ${first.diagnostics.length} diagnostics`);
  const times = [];
  for (let i = 0; i < EDITS; i++) {
    const version = i + 2;
    // Type one digit into a salary somewhere in the file: 98000 → 98001 … (a real keystroke).
    const record = Math.floor(((i * 7919) % n));
    const line = FIRST_STAFF_LINE + record * LINES_PER_STAFF + 6;
    const done = server.published(uri, version);
    const sent = performance.now();
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character: 22 }, end: { line, character: 23 } }, text: String(i % 10) }],
    });
    const { at } = await done;
    times.push(at - sent);
    await new Promise((r) => setTimeout(r, 50));
  }
  console.log(`${n} staff: keystroke → publishDiagnostics (150 ms debounce included): ${fmt(times)}`);
  return uri;
}

async function responsiveness(server, uri, n) {
  const hover = [];
  const completion = [];
  let version = 1000;
  for (let round = 0; round < 5; round++) {
    version++;
    const line = FIRST_STAFF_LINE + Math.floor(n / 2) * LINES_PER_STAFF + 6;
    const done = server.published(uri, version);
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character: 22 }, end: { line, character: 23 } }, text: String(round) }],
    });
    let finished = false;
    done.then(() => (finished = true));
    // Hover on a far-away record and ask for completion until the validation is published.
    while (!finished) {
      const position = { line: FIRST_STAFF_LINE + (n - 3) * LINES_PER_STAFF + 9, character: 8 };
      let t = performance.now();
      await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
      hover.push(performance.now() - t);
      t = performance.now();
      await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: position.line, character: 4 } });
      completion.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 10));
    }
    await done;
  }
  console.log(`${n} staff: hover while validating: ${fmt(hover)}`);
  console.log(`${n} staff: completion while validating: ${fmt(completion)}`);
}

const server = await start();
try {
  await keystrokes(server, 60);
  const big = await keystrokes(server, 5000);
  await responsiveness(server, big, 5000);
} finally {
  await server.connection.sendRequest('shutdown').catch(() => {});
  server.connection.sendNotification('exit');
  setTimeout(() => server.child.kill(), 1000).unref();
  server.connection.dispose();
}
