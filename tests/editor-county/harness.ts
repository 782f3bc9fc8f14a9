/**
 * A differential harness (outside review G): drives the language server over a copy of a county
 * folder — opening, editing, saving, closing, and changing files on disk with
 * workspace/didChangeWatchedFiles — and compares what it last published for every file with what
 * `edunorm check <folder> --format json` reports for the same state (the editor's unsaved text
 * counting, as the editor's own).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, DidSaveTextDocumentNotification, FileChangeType } from 'vscode-languageserver-protocol';
import { runCli } from '../helpers/run-cli.js';
import { ROOT, TestClient } from '../language-server/lsp-client.js';

export const WORKSPACE_RULES = new Set(['county-teacher-pay-parity', 'county-senior-post-pool', 'district-school-list', 'district-reference-mismatch', 'indicator-decline', 'workspace/duplicate-district']);
const SEVERITY: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'info' };

export interface Row { file: string; ruleId: string; line: number; column: number; severity: string; message: string }
const key = (r: Row) => `${r.file}:${r.line}:${r.column} ${r.severity} ${r.ruleId} ${r.message}`;

function walk(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p, base));
    else if (/\.ya?ml$/i.test(name)) out.push(relative(base, p));
  }
  return out;
}

export class County {
  readonly dir: string;
  client!: TestClient;
  /** Open documents: their editor text. */
  readonly open = new Map<string, string>();
  /** The CLI's --locale (the server's setting `edunorm.locale` to match). */
  cliLocale = 'zh-CN';
  private versions = new Map<string, number>();

  constructor(source = join(ROOT, 'examples', 'county')) {
    this.dir = mkdtempSync(join(tmpdir(), 'edunorm-editor-county-'));
    cpSync(source, this.dir, { recursive: true });
  }

  uri(rel: string) {
    return pathToFileURL(join(this.dir, rel)).href;
  }

  async start() {
    this.client = await TestClient.start({
      workspaceFolders: [{ uri: pathToFileURL(this.dir).href, name: 'county' }],
      capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true } } },
    });
    await this.settle(1500, 60_000);
  }

  async stop() {
    await this.client.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Waits until no diagnostics have been published for `quietMs`. */
  async settle(quietMs = 900, maxMs = 20_000) {
    const count = () => [...this.client.diagnostics.values()].reduce((n, l) => n + l.length, 0);
    const start = Date.now();
    let last = count();
    let since = Date.now();
    while (Date.now() - start < maxMs) {
      await new Promise((r) => setTimeout(r, 100));
      const now = count();
      if (now !== last) {
        last = now;
        since = Date.now();
      } else if (Date.now() - since >= quietMs) return;
    }
  }

  disk(rel: string): string | undefined {
    const p = join(this.dir, rel);
    return existsSync(p) ? readFileSync(p, 'utf8') : undefined;
  }

  text(rel: string): string | undefined {
    return this.open.get(rel) ?? this.disk(rel);
  }

  files(): string[] {
    return [...new Set([...walk(this.dir), ...this.open.keys()])].sort();
  }

  // --- editor actions ---
  async openFile(rel: string) {
    if (this.open.has(rel)) return;
    const text = this.disk(rel) ?? '';
    this.open.set(rel, text);
    this.versions.set(rel, 1);
    await this.client.open(this.uri(rel), text);
  }

  async edit(rel: string, text: string) {
    if (!this.open.has(rel)) await this.openFile(rel);
    this.open.set(rel, text);
    await this.client.change(this.uri(rel), text);
  }

  async save(rel: string) {
    const text = this.open.get(rel);
    if (text === undefined) return;
    const existed = this.disk(rel) !== undefined;
    mkdirSync(dirname(join(this.dir, rel)), { recursive: true });
    writeFileSync(join(this.dir, rel), text);
    await this.client.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: this.uri(rel) } });
    await this.watched([{ rel, type: existed ? FileChangeType.Changed : FileChangeType.Created }]);
  }

  async close(rel: string) {
    if (!this.open.has(rel)) return;
    this.open.delete(rel);
    await this.client.close(this.uri(rel));
  }

  // --- changes on disk (another program, git checkout…) ---
  async watched(changes: { rel: string; type: FileChangeType }[]) {
    await this.client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: changes.map((c) => ({ uri: this.uri(c.rel), type: c.type })) });
  }

  /** Before start: a change on disk the server will read with its background index (no event). */
  prepare(rel: string, text: string | undefined) {
    if (text === undefined) return rmSync(join(this.dir, rel), { force: true });
    mkdirSync(dirname(join(this.dir, rel)), { recursive: true });
    writeFileSync(join(this.dir, rel), text);
  }

  async writeDisk(rel: string, text: string) {
    const existed = this.disk(rel) !== undefined;
    mkdirSync(dirname(join(this.dir, rel)), { recursive: true });
    writeFileSync(join(this.dir, rel), text);
    await this.watched([{ rel, type: existed ? FileChangeType.Changed : FileChangeType.Created }]);
  }

  async deleteDisk(rel: string) {
    rmSync(join(this.dir, rel), { force: true });
    await this.watched([{ rel, type: FileChangeType.Deleted }]);
  }

  async renameDisk(from: string, to: string) {
    mkdirSync(dirname(join(this.dir, to)), { recursive: true });
    renameSync(join(this.dir, from), join(this.dir, to));
    await this.watched([{ rel: from, type: FileChangeType.Deleted }, { rel: to, type: FileChangeType.Created }]);
  }

  // --- the comparison ---
  /** What the CLI reports for the current state: disk, with the open documents' texts instead. */
  cliRows(): Row[] {
    const mirror = mkdtempSync(join(tmpdir(), 'edunorm-editor-county-cli-'));
    try {
      cpSync(this.dir, mirror, { recursive: true });
      for (const [rel, text] of this.open) {
        mkdirSync(dirname(join(mirror, rel)), { recursive: true });
        writeFileSync(join(mirror, rel), text);
      }
      const run = runCli(['check', '.', '--format', 'json', '--locale', this.cliLocale], { cwd: mirror });
      if (run.code !== 0 && run.code !== 1) throw new Error(`cli failed ${run.code}: ${run.stderr}`);
      const json = JSON.parse(run.stdout) as { files: { path: string; findings: { ruleId: string; line: number; column: number; severity: string; message: string }[] }[] };
      const rows: Row[] = [];
      for (const f of json.files) for (const x of f.findings) rows.push({ file: f.path, ruleId: x.ruleId, line: x.line, column: x.column, severity: x.severity, message: this.norm(x.message, mirror) });
      return rows;
    } finally {
      rmSync(mirror, { recursive: true, force: true });
    }
  }

  private norm(message: string, ...roots: string[]) {
    let m = message;
    for (const r of [...roots, this.dir]) m = m.split(r + '/').join('').split(r).join('');
    return m;
  }

  serverRows(rel: string): Row[] | undefined {
    const list = this.client.diagnostics.get(this.uri(rel));
    const last = list?.at(-1);
    if (!last) return undefined;
    return last.diagnostics.map((d) => ({ file: rel, ruleId: String(d.code), line: d.range.start.line + 1, column: d.range.start.character + 1, severity: SEVERITY[d.severity ?? 1]!, message: this.norm(d.message) }));
  }

  /** Differences: open files in full, closed files by the norms across documents. Empty when equal. */
  diff(): string[] {
    const cli = this.cliRows();
    const problems: string[] = [];
    for (const rel of this.files()) {
      const isOpen = this.open.has(rel);
      const mine = cli.filter((r) => r.file === rel && (isOpen || WORKSPACE_RULES.has(r.ruleId))).map(key).sort();
      const srv = (this.serverRows(rel) ?? []).filter((r) => isOpen || WORKSPACE_RULES.has(r.ruleId)).map(key).sort();
      const missing = mine.filter((k) => !srv.includes(k));
      const extra = srv.filter((k) => !mine.includes(k));
      for (const k of missing) problems.push(`${isOpen ? 'open' : 'closed'} ${rel}: CLI only: ${k}`);
      for (const k of extra) problems.push(`${isOpen ? 'open' : 'closed'} ${rel}: server only: ${k}`);
    }
    return problems;
  }
}
