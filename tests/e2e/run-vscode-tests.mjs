#!/usr/bin/env node
// Runs a VS Code extension's tests inside a real VS Code (code-server, web workbench) driven by
// headless Debian Chromium through playwright-core. Offline; needs `bash tests/e2e/setup.sh` first.
//
//   node tests/e2e/run-vscode-tests.mjs --extension <dir> --tests <compiled tests index.js>
//        --folder <workspace dir> [--screenshot <png>] [--timeout <s>] [--verbose]
//
// The tests module is CommonJS exporting run(): Promise<void>; it runs in code-server's remote
// (Node) extension host. Exit code: the tests' exit code (0 = run() resolved), 1 on a setup error,
// 124 on timeout, 130/143 when interrupted.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const t0 = Date.now();
const secs = () => ((Date.now() - t0) / 1000).toFixed(1);
const info = (msg) => console.log(`[e2e +${secs()}s] ${msg}`);
const fail = (msg) => console.error(`[e2e +${secs()}s] ERROR: ${msg}`);

// ------------------------------------------------------------------ arguments
function usage(msg) {
  if (msg) console.error(`error: ${msg}`);
  console.error('usage: node tests/e2e/run-vscode-tests.mjs --extension <dir> --tests <tests index.js> --folder <workspace dir> [--screenshot <png>] [--timeout <s>] [--verbose]');
  process.exit(2);
}
const opts = { timeout: 300, verbose: !!process.env.EDUNORM_E2E_VERBOSE };
{
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => { const v = argv[++i]; if (v === undefined) usage(`${a} needs a value`); return v; };
    if (a === '--extension') opts.extension = val();
    else if (a === '--tests') opts.tests = val();
    else if (a === '--folder') opts.folder = val();
    else if (a === '--screenshot') opts.screenshot = val();
    else if (a === '--timeout') opts.timeout = Number(val());
    else if (a === '--verbose') opts.verbose = true;
    else if (a === '-h' || a === '--help') usage();
    else usage(`unknown argument ${a}`);
  }
  if (!opts.extension || !opts.tests || !opts.folder) usage('--extension, --tests and --folder are required');
  if (!(opts.timeout > 0)) usage('--timeout must be a positive number of seconds');
  for (const k of ['extension', 'tests', 'folder']) {
    opts[k] = path.resolve(opts[k]);
    if (!fs.existsSync(opts[k])) usage(`--${k} ${opts[k]} does not exist`);
  }
  if (!fs.existsSync(path.join(opts.extension, 'package.json'))) usage(`--extension ${opts.extension} has no package.json`);
  if (opts.screenshot) opts.screenshot = path.resolve(opts.screenshot);
}

// ------------------------------------------------------------------ locate code-server + playwright-core
const CACHE = process.env.EDUNORM_E2E_CACHE || path.join(os.homedir(), '.cache', 'edunorm-e2e');
const CODE_SERVER = path.join(CACHE, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const PLAYWRIGHT = path.join(CACHE, 'node_modules', 'playwright-core');
const CHROMIUM = process.env.EDUNORM_E2E_CHROMIUM || '/usr/bin/chromium';
for (const [what, p] of [['code-server', CODE_SERVER], ['playwright-core', PLAYWRIGHT], ['chromium', CHROMIUM]]) {
  if (!fs.existsSync(p)) {
    fail(`${what} not found at ${p}: run \`bash tests/e2e/setup.sh\` first (cache: ${CACHE})`);
    process.exit(1);
  }
}
const { chromium } = createRequire(import.meta.url)(PLAYWRIGHT);

// ------------------------------------------------------------------ state + cleanup
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'edunorm-e2e-'));
const dirs = {};
for (const d of ['home', 'user-data', 'extensions', 'config', 'data', 'cache', 'state', 'runtime', 'tmp', 'browser-home']) {
  dirs[d] = path.join(tmp, d);
  fs.mkdirSync(dirs[d], { mode: 0o700 });
}
const serverLogPath = path.join(tmp, 'code-server.log');
let server;          // ChildProcess (leader of its own process group)
let watchdog;        // ChildProcess (own group): kills the groups if this runner dies abruptly
let browser;
let page;
let cleaningUp;
const workbenchLog = [];   // codeAutomationLog + non-test console lines, printed on failure / --verbose

/** Parsed /proc/<pid>/stat fields after the command name: [state, ppid, pgrp, ...]. */
function procStats() {
  const out = [];
  for (const p of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const [state, ppid, pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.push({ pid: Number(p), comm, state, ppid: Number(ppid), pgrp: Number(pgrp) });
    } catch { /* raced with exit */ }
  }
  return out;
}
/** Live (non-zombie) members of a process group. */
function groupMembers(pgid) {
  return procStats().filter((p) => p.pgrp === pgid && p.state !== 'Z').map((p) => p.pid);
}
function killGroup(pgid, signal) {
  try { process.kill(-pgid, signal); } catch { /* already gone */ }
}
async function endGroup(pgid, graceMs = 2000) {
  if (!pgid || groupMembers(pgid).length === 0) return;
  killGroup(pgid, 'SIGTERM');
  const until = Date.now() + graceMs;
  while (groupMembers(pgid).length && Date.now() < until) await sleep(100);
  if (groupMembers(pgid).length) {
    killGroup(pgid, 'SIGKILL');
    const hardUntil = Date.now() + 5000;
    while (groupMembers(pgid).length && Date.now() < hardUntil) await sleep(100);
    const left = groupMembers(pgid);
    if (left.length) fail(`processes of group ${pgid} survived SIGKILL: ${left.join(' ')}`);
  }
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Child processes of this runner that are chromium (playwright starts it as a group leader). */
function chromiumPids() {
  return procStats().filter((p) => p.ppid === process.pid && /chrom/i.test(p.comm)).map((p) => p.pid);
}

async function cleanup() {
  if (cleaningUp) return cleaningUp;
  cleaningUp = (async () => {
    const c0 = Date.now();
    const chromePids = chromiumPids();
    if (browser) {
      await Promise.race([browser.close().catch(() => {}), sleep(10000)]);
    }
    for (const pid of chromePids) await endGroup(pid);
    const c1 = Date.now();
    if (server && server.pid) await endGroup(server.pid);
    if (opts.verbose) info(`cleanup: chromium ${c1 - c0} ms, code-server ${Date.now() - c1} ms`);
    if (watchdog && watchdog.pid) killGroup(watchdog.pid, 'SIGKILL');
    if (process.env.EDUNORM_E2E_KEEP_TMP) info(`kept ${tmp}`); else try { fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 }); } catch (e) { fail(`could not remove ${tmp}: ${e.message}`); }
  })();
  return cleaningUp;
}

let exiting = false;
async function finish(code) {
  if (exiting) return;
  exiting = true;
  await cleanup();
  info(`exit ${code} (total ${secs()}s)`);
  process.exit(code);
}
for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.on(sig, () => { fail(`${sig} received, cleaning up`); finish(code); });
}

// ------------------------------------------------------------------ helpers
function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}
function httpStatus(url) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 2000 }, (res) => { res.resume(); resolve(res.statusCode); });
    req.on('error', () => resolve(0));
    req.on('timeout', () => { req.destroy(); resolve(0); });
  });
}
function tail(file, n) {
  try { return fs.readFileSync(file, 'utf8').split('\n').slice(-n).join('\n'); } catch { return ''; }
}
function dumpDiagnostics() {
  console.error('---- code-server log (tail) ----\n' + tail(serverLogPath, 60));
  console.error('---- workbench log (tail) ----\n' + workbenchLog.slice(-60).join('\n'));
  console.error('--------------------------------');
}
let testTookScreenshot = false;
/** Saves a screenshot: name '' = the --screenshot path, otherwise <path without .png>-<name>.png. */
async function screenshot(name = '') {
  if (!opts.screenshot || !page) return undefined;
  const file = name ? opts.screenshot.replace(/(\.png)?$/i, `-${name.replace(/[^\w.-]+/g, '_')}.png`) : opts.screenshot;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await page.screenshot({ path: file, timeout: 15000 });
    info(`screenshot: ${file}`);
    return file;
  } catch (e) { fail(`screenshot failed: ${e.message}`); return undefined; }
}

/**
 * Loopback control server for the tests (their extension host runs on this machine): the tests get
 * EDUNORM_E2E_SCREENSHOT_URL and may POST to `${url}?name=<name>` to have a screenshot taken while
 * the extension host is still alive (VS Code stops it before it calls codeAutomationExit, which
 * clears the extension's diagnostics and decorations from the screen).
 */
function startControlServer() {
  return new Promise((resolve, reject) => {
    const srv = http.createServer(async (req, res) => {
      const u = new URL(req.url, 'http://127.0.0.1');
      if (u.pathname !== '/screenshot') { res.writeHead(404).end(); return; }
      const name = u.searchParams.get('name') || '';
      if (!name) testTookScreenshot = true;
      const file = await screenshot(name);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ file: file || null }));
    });
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => { srv.unref(); resolve(srv); });
  });
}
/** Workbench log lines (not from the tests) that are not worth printing. */
const WORKBENCH_CHATTER = [
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket/,
  /^Ignoring fetching additional builtin extensions/,
  /^Updating additional builtin extensions cache/,
  /^ChatSessionStore:/,
  /^\[Service Worker\]/,
  /^Started local extension host/,
  /^Extension host \(.*\) is unresponsive/,
];
function formatArg(a) {
  if (typeof a === 'string') return a;
  try { return JSON.stringify(a); } catch { return String(a); }
}
/** Turns a console message with %c styling into plain text. */
function consoleText(msg) {
  const text = msg.text();
  return text.includes('%c') ? text.replace(/%c/g, '').replace(/\s*color:\s*[^;\s]*;?/g, '').trimEnd() : text;
}

// ------------------------------------------------------------------ main
async function main() {
  const port = await freePort();
  const control = await startControlServer();
  const authority = `127.0.0.1:${port}`;

  // Quiet, deterministic user settings (stored server-side in code-server).
  fs.mkdirSync(path.join(dirs['user-data'], 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs['user-data'], 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'git.enabled': false,
    'chat.commandCenter.enabled': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
  }, null, 2));

  const env = { ...process.env };
  for (const k of Object.keys(env)) if (/^(VSCODE_|ELECTRON_)/.test(k)) delete env[k];
  Object.assign(env, {
    HOME: dirs.home,
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
    XDG_CACHE_HOME: dirs.cache,
    XDG_STATE_HOME: dirs.state,
    XDG_RUNTIME_DIR: dirs.runtime,
    TMPDIR: dirs.tmp,
    EDUNORM_E2E_SCREENSHOT_URL: `http://127.0.0.1:${control.address().port}/screenshot`,
    // No marketplace traffic (there is no internet): point the gallery at nothing.
    EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: '', itemUrl: '', resourceUrlTemplate: '' }),
  });
  delete env.PASSWORD; delete env.HASHED_PASSWORD; delete env.CODE_SERVER_CONFIG;

  const args = [
    CODE_SERVER,
    '--bind-addr', authority,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir', dirs['user-data'],
    '--extensions-dir', dirs.extensions,
    '--config', path.join(dirs.config, 'code-server.yaml'),
  ];
  const logFd = fs.openSync(serverLogPath, 'a');
  info(`starting code-server on http://${authority} (temp dir ${tmp})`);
  server = spawn(process.execPath, args, { cwd: dirs.home, env, detached: true, stdio: ['ignore', logFd, logFd] });
  fs.closeSync(logFd);
  let serverExit;
  server.on('exit', (code, signal) => { serverExit = { code, signal }; });

  // Watchdog in its own group: if this runner is killed with SIGKILL, it ends the server and chromium groups.
  watchdog = spawn('/bin/sh', ['-c', `
    while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done
    kill -KILL -${server.pid} 2>/dev/null
    for g in $(cat "${path.join(tmp, 'chromium.pgids')}" 2>/dev/null); do kill -KILL -"$g" 2>/dev/null; done
    rm -rf "${tmp}"`], { detached: true, stdio: 'ignore' });
  watchdog.unref();

  const base = `http://${authority}`;
  const startDeadline = Date.now() + 90000;
  while ((await httpStatus(`${base}/healthz`)) !== 200) {
    if (serverExit) { fail(`code-server exited early (${JSON.stringify(serverExit)})`); dumpDiagnostics(); return 1; }
    if (Date.now() > startDeadline) { fail('code-server did not answer HTTP within 90 s'); dumpDiagnostics(); return 1; }
    await sleep(200);
  }
  info('code-server answers HTTP');

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Chromium (crashpad, dconf, nss) writes under HOME/XDG dirs: keep it inside the temp dir too.
    env: { ...process.env, HOME: dirs['browser-home'], XDG_CONFIG_HOME: path.join(dirs['browser-home'], '.config'),
      XDG_CACHE_HOME: path.join(dirs['browser-home'], '.cache'), XDG_RUNTIME_DIR: dirs.runtime, TMPDIR: dirs.tmp },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic', '--disable-crash-reporter', '--disable-breakpad'],
  });
  fs.writeFileSync(path.join(tmp, 'chromium.pgids'), chromiumPids().join('\n'));
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  page = await context.newPage();

  let resolveExit;
  const exited = new Promise((r) => { resolveExit = r; });
  await page.exposeFunction('codeAutomationExit', (code) => { resolveExit(Number(code)); });
  // In "extension tests from the CLI" mode VS Code routes the extension host's console output (the
  // tests and the extension under test) into the workbench log service, which calls
  // codeAutomationLog(level, args). The workbench's own info chatter goes the same way: drop the
  // known lines; everything else is printed with a "[vscode <level>]" prefix.
  await page.exposeFunction('codeAutomationLog', (level, args) => {
    const text = (Array.isArray(args) ? args : [args]).map(formatArg).join(' ');
    const line = `[vscode ${level}] ${text}`;
    workbenchLog.push(line);
    if (opts.verbose || !WORKBENCH_CHATTER.some((re) => re.test(text))) console.log(line);
  });
  page.on('console', (msg) => {
    const text = consoleText(msg);
    // Log-service lines (" INFO ...") are already captured through codeAutomationLog.
    if (!opts.verbose && /^\s*(TRACE|DEBUG|INFO|WARN|ERROR)\b/.test(text)) return;
    const line = `[browser ${msg.type()}] ${text}`;
    workbenchLog.push(line);
    if (opts.verbose) console.log(line);
  });
  page.on('pageerror', (err) => workbenchLog.push(`[pageerror] ${err.message}`));
  page.on('crash', () => { fail('the page crashed'); resolveExit(1); });

  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://${authority}${opts.extension}`],
    ['extensionTestsPath', `vscode-remote://${authority}${opts.tests}`],
  ];
  const url = `${base}/?folder=${encodeURIComponent(opts.folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  info(`opening ${url}`);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60000 });

  let timer;
  const timedOut = new Promise((r) => { timer = setTimeout(() => r('timeout'), opts.timeout * 1000); });
  const serverDied = new Promise((r) => server.on('exit', () => r('server-exit')));
  const result = await Promise.race([exited, timedOut, serverDied]);
  clearTimeout(timer);
  if (exiting) return new Promise(() => {}); // interrupted: finish() is cleaning up and exits

  let code;
  if (result === 'timeout') {
    fail(`TIMEOUT: the extension tests did not finish within ${opts.timeout} s (codeAutomationExit was never called)`);
    code = 124;
  } else if (result === 'server-exit') {
    fail(`code-server exited during the run (${JSON.stringify(serverExit)})`);
    code = 1;
  } else {
    code = Number.isInteger(result) ? result : 1;
    // Give the workbench a moment to render the final state before the screenshot.
    await sleep(500);
  }
  // On success keep a screenshot the tests took themselves (it shows the live extension state).
  if (code !== 0 || !testTookScreenshot) await screenshot();
  if (code !== 0) dumpDiagnostics();
  info(code === 0 ? 'extension tests PASSED' : `extension tests FAILED (exit code ${code})`);
  return code;
}

main().then(
  (code) => finish(code),
  async (err) => { fail(err && err.stack || String(err)); await screenshot(); dumpDiagnostics(); await finish(1); },
);
