/**
 * The server when things go wrong around it: the validation worker dies (out of memory),
 * "check workspace" meets FIFOs, devices and huge files, positions far past the end.
 * Issue 10 items 11 and 14, over the wire against the built server.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompletionRequest, DidChangeWatchedFilesNotification, DocumentSymbolRequest, FileChangeType, HoverRequest } from 'vscode-languageserver-protocol';
import { CHECK_FILES_REQUEST, type CheckFilesResult } from '../../packages/language-server/src/protocol.js';
import { TestClient, example, exampleUri } from './lsp-client.js';

/** A Staffing file of `n` records: 5,000 need far more than a 16 MB heap to validate. */
function staffing(n: number): string {
  let t = 'apiVersion: edunorm/v1\nkind: Staffing\nschool:\n  code: "130902008"\n  name: 第八中学\n  level: junior\nfiscalYear: 2025\nreference:\n  localAvgMonthlyPerformancePay: 3200\n  localCivilServantAvgSalary: 96000\nstaff:\n';
  for (let i = 0; i < n; i++) {
    t += `  - { id: T${String(i).padStart(5, '0')}, name: 教师${i}, role: teacher, title: first, certified: true, hiredYear: 2019, annualSalary: 98000, baseSalary: 4200, trainingHours5y: 380 }\n`;
  }
  return t;
}

const BUDGET = exampleUri('noncompliant/budget.yaml');

describe('the validation worker dies (issue 10 item 11)', () => {
  let client: TestClient;
  beforeAll(async () => {
    // A heap small enough that a 20,000-staff file exhausts it, large enough for the examples.
    client = await TestClient.start({ locale: 'zh-cn', env: { EDUNORM_LS_WORKER_MAX_MB: '24' } });
  });
  afterAll(() => client.stop());

  it('marks a file whose validation ran out of memory as not checked, in Chinese, and recovers on the next version', async () => {
    const uri = 'untitled:huge-staffing.yaml';
    await client.open(uri, staffing(20_000));
    const diagnostics = await client.diagnosticsFor(uri, 1, 60_000);
    expect(diagnostics).toHaveLength(1);
    const d = diagnostics[0]!;
    expect(d.code).toBe('engine/error');
    expect(d.severity).toBe(1);
    expect(d.source).toBe('edunorm');
    expect(d.range.start).toEqual({ line: 0, character: 0 });
    expect(d.message).toContain('edunorm 未能检查此文件:检查进程内存不足,已停止');
    expect(d.message).toContain('不代表符合要求');
    expect(client.logs.join('')).toMatch(/ERR_WORKER_OUT_OF_MEMORY/);
    expect(client.alive).toBe(true);

    // The next version is checked by a fresh worker: a small file now validates for real.
    const v = await client.change(uri, staffing(3).replace('annualSalary: 98000', 'annualSalary: 9000'));
    const after = await client.diagnosticsFor(uri, v, 30_000);
    expect(after.map((x) => x.code)).toContain('teacher-pay-parity');
    expect(after.map((x) => x.code)).not.toContain('engine/error');
  });

  it('keeps checking other files afterwards', async () => {
    await client.open(BUDGET, example('noncompliant/budget.yaml'));
    expect((await client.diagnosticsFor(BUDGET, 1, 30_000)).map((d) => d.code)).toEqual(['teacher-training-funds']);
  });

  it('says so in English too, and "check workspace" counts the file as not checked', async () => {
    const en = await TestClient.start({ locale: 'en', env: { EDUNORM_LS_WORKER_MAX_MB: '24' } });
    const dir = mkdtempSync(join(tmpdir(), 'edunorm-ls-oom-'));
    try {
      const file = join(dir, 'staffing.yaml');
      writeFileSync(file, staffing(20_000));
      const uri = pathToFileURL(file).href;
      const result = await en.connection.sendRequest<CheckFilesResult>(CHECK_FILES_REQUEST, { uris: [uri] });
      expect(result).toMatchObject({ files: 1, checked: 0, unchecked: 1, errors: 1 });
      const pushed = await en.waitForDiagnostics(uri);
      expect(pushed.diagnostics.map((d) => [d.code, d.message])).toEqual([
        ['engine/error', expect.stringContaining('edunorm could not check this file: the checking process ran out of memory and stopped')],
      ]);
    } finally {
      await en.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('nothing in the workspace can hang the server (issue 10 item 14)', () => {
  let client: TestClient;
  let dir: string;
  const uriOf = (name: string) => pathToFileURL(join(dir, name)).href;
  const timed = async <T>(work: Promise<T>): Promise<{ value: T; ms: number }> => {
    const started = performance.now();
    const value = await work;
    return { value, ms: performance.now() - started };
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'edunorm-ls-fifo-'));
    for (let i = 0; i < 8; i++) execFileSync('mkfifo', [join(dir, `pipe-${i}.yaml`)]);
    symlinkSync('/dev/urandom', join(dir, 'random.yaml'));
    writeFileSync(join(dir, 'budget.yaml'), example('noncompliant/budget.yaml'));
    // Above the 16 MiB limit, declaring edunorm on its first line.
    writeFileSync(join(dir, 'huge.yaml'), `apiVersion: edunorm/v1\nkind: SchoolBudget\n${'# padding\n'.repeat(1_800_000)}`);
    client = await TestClient.start({ locale: 'zh-cn' });
  });
  afterAll(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers edunorm/checkFiles on a FIFO at once and reports it as unreadable', async () => {
    const { value, ms } = await timed(client.connection.sendRequest<CheckFilesResult>(CHECK_FILES_REQUEST, { uris: [uriOf('pipe-0.yaml')] }));
    expect(ms).toBeLessThan(2000);
    expect(value).toMatchObject({ files: 1, checked: 0, unchecked: 1 });
    const pushed = await client.waitForDiagnostics(uriOf('pipe-0.yaml'));
    expect(pushed.diagnostics.map((d) => [d.code, d.message])).toEqual([['file/unreadable', '无法读取此文件:不是普通文件。未检查。']]);
  });

  it('does not exhaust the thread pool on FIFO watch events: a real file is checked right after', async () => {
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: Array.from({ length: 8 }, (_, i) => ({ uri: uriOf(`pipe-${i}.yaml`), type: FileChangeType.Changed })),
    });
    const { value, ms } = await timed(client.connection.sendRequest<CheckFilesResult>(CHECK_FILES_REQUEST, { uris: [uriOf('budget.yaml')] }));
    expect(ms).toBeLessThan(5000);
    expect(value).toMatchObject({ files: 1, checked: 1, unchecked: 0, errors: 1 });
  });

  it('refuses a link to /dev/urandom at once, without reading it', async () => {
    const { value, ms } = await timed(client.connection.sendRequest<CheckFilesResult>(CHECK_FILES_REQUEST, { uris: [uriOf('random.yaml')] }));
    expect(ms).toBeLessThan(1000);
    expect(value).toMatchObject({ files: 1, checked: 0, unchecked: 1 });
    expect((await client.waitForDiagnostics(uriOf('random.yaml'))).diagnostics.map((d) => d.code)).toEqual(['file/unreadable']);
  });

  it('does not read a file above the size limit, and says so on it', async () => {
    const { value, ms } = await timed(client.connection.sendRequest<CheckFilesResult>(CHECK_FILES_REQUEST, { uris: [uriOf('huge.yaml')] }));
    expect(ms).toBeLessThan(2000);
    expect(value).toMatchObject({ files: 1, checked: 0, unchecked: 1 });
    const [d] = (await client.waitForDiagnostics(uriOf('huge.yaml'))).diagnostics;
    expect(d?.code).toBe('file/too-large');
    expect(d?.message).toContain('超过上限 16.0 MiB,未检查');
  });

  it('clamps completion and hover at line or column 1e9 and answers at once', async () => {
    await client.open(BUDGET, example('noncompliant/budget.yaml'));
    await client.diagnosticsFor(BUDGET, 1);
    for (const position of [{ line: 1e9, character: 1e9 }, { line: 3, character: 1e9 }, { line: 1e9, character: 0 }]) {
      const completion = await timed(client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: BUDGET }, position }));
      expect(completion.ms).toBeLessThan(1000);
      expect(Array.isArray(completion.value)).toBe(true);
      const hover = await timed(client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: BUDGET }, position }));
      expect(hover.ms).toBeLessThan(1000);
    }
    // Column 1e9 on `  teacherTraining: 150000` (line 11) completes as at the end of that line: no values for a number.
    const atLineEnd = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: BUDGET }, position: { line: 10, character: 1e9 } });
    expect(atLineEnd).toEqual([]);
    expect(await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: BUDGET } })).not.toEqual([]);
  });
});
