/**
 * A minimal LSP client for tests and measurements: spawns the BUILT server over stdio and
 * speaks to it with vscode-languageserver-protocol, the way Neovim or VS Code would.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import {
  InitializeRequest,
  InitializedNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  ExitNotification,
  type ClientCapabilities,
  type Diagnostic,
  type PublishDiagnosticsParams,
  type Range,
} from 'vscode-languageserver-protocol';

export const ROOT = join(import.meta.dirname, '..', '..');
/** The built server; EDUNORM_LS_BIN points the same tests at another build (the bundled extension/dist/server.cjs). */
export const SERVER_BIN = process.env.EDUNORM_LS_BIN ?? join(ROOT, 'packages', 'language-server', 'bin', 'edunorm-language-server.js');
export const example = (rel: string) => readFileSync(join(ROOT, 'examples', rel), 'utf8');
export const exampleUri = (rel: string) => pathToFileURL(join(ROOT, 'examples', rel)).href;

export interface StartOptions {
  /** Server script to run instead of SERVER_BIN. */
  bin?: string;
  capabilities?: ClientCapabilities;
  initializationOptions?: unknown;
  locale?: string;
  env?: NodeJS.ProcessEnv;
  /** Leave the server uninitialized (lifecycle tests call initialize() themselves). */
  skipInitialize?: boolean;
  /** Workspace folders (file URIs) sent with initialize; default none. */
  workspaceFolders?: { uri: string; name: string }[];
}

export class TestClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  readonly logs: string[] = [];
  /** Params of every workspace/applyEdit the server sent. */
  readonly appliedEdits: unknown[] = [];
  private listeners: (() => void)[] = [];
  private versions = new Map<string, number>();

  private constructor(
    readonly child: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
  ) {}

  static async start(options: StartOptions = {}): Promise<TestClient> {
    const child = spawn(process.execPath, [options.bin ?? SERVER_BIN, '--stdio'], { stdio: 'pipe', env: { ...process.env, ...options.env } });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new TestClient(child, connection);
    child.stderr.on('data', (d: Buffer) => client.logs.push(d.toString()));
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      const list = client.diagnostics.get(p.uri) ?? [];
      list.push(p);
      client.diagnostics.set(p.uri, list);
      for (const l of client.listeners) l();
    });
    connection.onNotification('window/logMessage', (p: { message: string }) => client.logs.push(p.message));
    connection.onRequest('workspace/configuration', () => [null]);
    connection.onRequest('workspace/applyEdit', (p: unknown) => {
      client.appliedEdits.push(p);
      return { applied: true };
    });
    connection.listen();
    if (!options.skipInitialize) await client.initialize(options);
    return client;
  }

  /** The initialize request and the initialized notification; returns the InitializeResult. */
  async initialize(options: StartOptions = {}): Promise<unknown> {
    const exited = new Promise<never>((_, reject) => this.child.once('exit', (code) => reject(new Error(`server exited (${code}): ${this.logs.join('')}`))));
    exited.catch(() => undefined);
    const result = await Promise.race([exited, this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(ROOT).href,
      capabilities: options.capabilities ?? {},
      ...(options.locale ? { locale: options.locale } : {}),
      initializationOptions: options.initializationOptions ?? {},
      workspaceFolders: options.workspaceFolders ?? null,
    })]);
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  async open(uri: string, text: string, languageId = 'yaml'): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replaces a range (or the whole text) and returns the new version. */
  async change(uri: string, text: string, range?: Range): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [range ? { range, text } : { text }],
    });
    return version;
  }

  /** Sends one didChange with these content changes (each range in the text the ones before it left); returns the new version. */
  async changes(uri: string, contentChanges: ({ range: Range; text: string } | { text: string })[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Waits for the first publishDiagnostics matching `pred` (already received ones count). */
  waitForDiagnostics(uri: string, pred: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 15_000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const hit = this.diagnostics.get(uri)?.find(pred);
        if (hit) {
          this.listeners = this.listeners.filter((l) => l !== check);
          clearTimeout(timer);
          resolve(hit);
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((l) => l !== check);
        reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; logs: ${this.logs.join('\n')}`));
      }, timeoutMs);
      if (!check()) this.listeners.push(check);
    });
  }

  /** Diagnostics for `version` exactly. */
  diagnosticsFor(uri: string, version: number, timeoutMs?: number): Promise<Diagnostic[]> {
    return this.waitForDiagnostics(uri, (p) => p.version === version, timeoutMs).then((p) => p.diagnostics);
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async stop(): Promise<void> {
    if (this.alive) {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type).catch(() => undefined), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification(ExitNotification.type).catch(() => undefined);
    }
    this.connection.dispose();
    await new Promise<void>((resolve) => {
      if (!this.alive) return resolve();
      const timer = setTimeout(() => {
        this.child.kill();
        resolve();
      }, 2000);
      this.child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
