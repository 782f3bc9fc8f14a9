import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CHECK_FILES_REQUEST, type CheckFilesResult } from '../../packages/language-server/src/protocol.js';
import { DidChangeConfigurationNotification } from 'vscode-languageserver-protocol';
import { runCli } from '../helpers/run-cli.js';
import { ROOT, TestClient } from './lsp-client.js';

const dir = mkdtempSync(join(tmpdir(), 'edunorm-ls-county-'));
cpSync(join(ROOT, 'examples', 'county'), dir, { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const uri = (rel: string) => pathToFileURL(join(dir, rel)).href;

describe('the workspace index: a school edited, its district file updated (not opened)', () => {
  it("changing a school's salary makes the district file's county-teacher-pay-parity diagnostic appear and clear, with relatedInformation", async () => {
    const client = await TestClient.start({
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'county' }],
      capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true } } },
    });
    try {
      const district = uri('district-2025.yaml');
      const school = uri('schools/dongzhuang-primary/staffing-2025.yaml');
      const pay = (p: { diagnostics: { code?: string | number }[] }) => p.diagnostics.some((d) => d.code === 'county-teacher-pay-parity');
      // The background index finds the county below the reference (the example's figures).
      const all = (p: { diagnostics: { code?: string | number; message: string }[] }) => p.diagnostics.some((d) => d.code === 'county-teacher-pay-parity' && d.message.includes('3 所学校 29 名教师'));
      const first = await client.waitForDiagnostics(district, all, 60_000);
      const d = first.diagnostics.find((x) => x.code === 'county-teacher-pay-parity')!;
      expect(d.range.start).toEqual({ line: 3, character: 0 });
      expect(d.relatedInformation?.map((r) => r.location.uri)).toContain(school);
      // Raise the village school's pay: the county's mean reaches the reference, the finding clears.
      const text = readFileSync(join(dir, 'schools/dongzhuang-primary/staffing-2025.yaml'), 'utf8');
      await client.open(school, text);
      await client.change(school, text.replace(/annualSalary: 92000/g, 'annualSalary: 130000'));
      await client.waitForDiagnostics(district, (p) => !pay(p), 30_000);
      // And back: it appears again.
      await client.change(school, text);
      const again = await client.waitForDiagnostics(district, all, 30_000);
      expect(again.diagnostics.find((x) => x.code === 'county-teacher-pay-parity')!.message).toContain('平均年工资收入 96,620.69 元');
    } finally {
      await client.stop();
    }
  }, 120_000);
});

describe("a school's own configuration does not take it out of its county's norms (as in the CLI)", () => {
  it('a school folder turning the county norms off: the district file still counts its teachers', async () => {
    const own = mkdtempSync(join(tmpdir(), 'edunorm-ls-county-own-'));
    try {
      cpSync(join(ROOT, 'examples', 'county'), own, { recursive: true });
      writeFileSync(join(own, 'schools', 'dongzhuang-primary', 'edunorm.config.yaml'), 'rules:\n  county-teacher-pay-parity: off\n  county-senior-post-pool: off\n');
      const client = await TestClient.start({ workspaceFolders: [{ uri: pathToFileURL(own).href, name: 'county' }] });
      try {
        const district = pathToFileURL(join(own, 'district-2025.yaml')).href;
        // The three schools and 29 teachers of the example, the village school among them.
        const all = (p: { diagnostics: { code?: string | number; message: string }[] }) => p.diagnostics.some((d) => d.code === 'county-teacher-pay-parity' && d.message.includes('3 所学校 29 名教师'));
        await client.waitForDiagnostics(district, all, 60_000);
      } finally {
        await client.stop();
      }
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('"Check workspace" keeps the findings across documents of closed files', () => {
  it('the closed district file keeps county-teacher-pay-parity beside its own findings, and an edit of a school still moves it', async () => {
    const client = await TestClient.start({
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'county' }],
      capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true } } },
    });
    try {
      const district = uri('district-2025.yaml');
      const codes = (p: { diagnostics: { code?: string | number }[] }) => p.diagnostics.map((d) => String(d.code));
      await client.waitForDiagnostics(district, (p) => codes(p).includes('county-teacher-pay-parity'), 60_000);
      const files = ['district-2024.yaml', 'district-2025.yaml', 'schools/dongzhuang-primary/staffing-2025.yaml', 'schools/dongzhuang-primary/budget-2025.yaml', 'schools/chengguan-primary/staffing-2025.yaml', 'schools/no1-junior/staffing-2025.yaml', 'schools/xihe-primary/budget-2025.yaml'];
      const before = client.diagnostics.get(district)!.length;
      const total = await client.connection.sendRequest<CheckFilesResult>(CHECK_FILES_REQUEST, { uris: files.map(uri) });
      expect(total.checked).toBe(7);
      // The Check's own push for the closed file: its own findings and those across documents.
      const pushed = client.diagnostics.get(district)!.slice(before).at(-1)!;
      expect(codes(pushed)).toEqual(expect.arrayContaining(['county-senior-post-pool', 'county-teacher-pay-parity', 'compulsory-retention-rate', 'indicator-decline', 'county-1-2-3-plan']));
      // pooling: county withdraws the village school's own senior-post-share finding, in the Check's push too.
      const village = client.diagnostics.get(uri('schools/dongzhuang-primary/staffing-2025.yaml'))!.at(-1)!;
      expect(codes(village)).not.toContain('senior-post-share');
      // A school raised above the reference afterwards: the district's county finding clears, its own findings stay.
      const school = uri('schools/dongzhuang-primary/staffing-2025.yaml');
      const text = readFileSync(join(dir, 'schools/dongzhuang-primary/staffing-2025.yaml'), 'utf8');
      await client.open(school, text);
      const published = client.diagnostics.get(district)!;
      const sinceEdit = published.length;
      await client.change(school, text.replace(/annualSalary: 92000/g, 'annualSalary: 130000'));
      const cleared = await client.waitForDiagnostics(district, (p) => published.indexOf(p) >= sinceEdit && !codes(p).includes('county-teacher-pay-parity'), 30_000);
      expect(codes(cleared)).toEqual(expect.arrayContaining(['county-senior-post-pool', 'compulsory-retention-rate', 'indicator-decline']));
    } finally {
      await client.stop();
    }
  }, 120_000);
});

describe('a large workspace indexes in the background', () => {
  it('2,000 files: hover answers while the index is being read, and then shows the county figures', async () => {
    // @ts-expect-error plain ESM module of the bench folder
    const { writeCountyCorpus } = (await import('../../bench/county-corpus.mjs')) as { writeCountyCorpus: (d: string, o: object) => string[] };
    const big = mkdtempSync(join(tmpdir(), 'edunorm-ls-big-'));
    try {
      writeCountyCorpus(big, { districts: 96, schools: 10, teachers: 5 }); // 96 × 21 = 2,016 files
      const client = await TestClient.start({ workspaceFolders: [{ uri: pathToFileURL(big).href, name: 'big' }] });
      try {
        const file = join(big, 'district-130000', 'district.yaml');
        const u = pathToFileURL(file).href;
        await client.open(u, readFileSync(file, 'utf8'));
        const hover = () => client.connection.sendRequest('textDocument/hover', { textDocument: { uri: u }, position: { line: 2, character: 2 } }) as Promise<{ contents: { value: string } } | null>;
        const started = Date.now();
        const during = await hover();
        expect(Date.now() - started).toBeLessThan(3000);
        expect(during?.contents.value).toContain('district');
        // The index is still being read: it has not logged its end yet.
        expect(client.logs.join('')).not.toMatch(/workspace index: \d+ file/);
        // Later the district's schools are indexed: the hover shows the county figures.
        let figures = '';
        for (let i = 0; i < 120 && !figures.includes('关联学校文档 20 份'); i++) {
          await new Promise((r) => setTimeout(r, 500));
          figures = (await hover())?.contents.value ?? '';
        }
        expect(figures).toContain('县域统计');
        expect(figures).toContain('关联学校文档 20 份');
        expect(figures).toMatch(/教师平均年工资收入 [\d,.]+ 元/);
      } finally {
        await client.stop();
      }
    } finally {
      rmSync(big, { recursive: true, force: true });
    }
  }, 180_000);
});

describe('the setting reportUnusedDisableDirectives (outside review: the editor had none)', () => {
  it('directives that hide nothing are directive/unused warnings, as check --report-unused-disable-directives says them — the one naming a county norm once the county is joined; off by default', async () => {
    const own = mkdtempSync(join(tmpdir(), 'edunorm-ls-unused-'));
    try {
      cpSync(join(ROOT, 'examples', 'county'), own, { recursive: true });
      const schoolPath = join(own, 'schools', 'dongzhuang-primary', 'staffing-2025.yaml');
      // A budget norm named in a staffing file, and a county norm in a school file (its findings land in the district file).
      const text = readFileSync(schoolPath, 'utf8').replace('staff:\n', '# edunorm-disable-next-line teacher-training-funds -- 本文件不是预算\nstaff:\n  # edunorm-disable-next-line county-teacher-pay-parity -- 县域比较\n');
      writeFileSync(schoolPath, text);
      const cli = runCli(['check', '.', '--report-unused-disable-directives', '--format', 'json', '--locale', 'zh-CN'], { cwd: own });
      const expected = (JSON.parse(cli.stdout) as { files: { path: string; findings: { ruleId: string; line: number; column: number; severity: string; message: string }[] }[] }).files
        .find((f) => f.path === 'schools/dongzhuang-primary/staffing-2025.yaml')!
        .findings.filter((f) => f.ruleId === 'directive/unused')
        .map((f) => [f.ruleId, f.line, f.column, f.severity, f.message]);
      expect(expected.map((e) => e[1])).toEqual([12, 14]);
      const school = pathToFileURL(schoolPath).href;
      const unused = (p: { diagnostics: { code?: string | number; range: { start: { line: number; character: number } }; severity?: number; message: string }[] }) =>
        p.diagnostics.filter((d) => d.code === 'directive/unused').map((d) => [d.code, d.range.start.line + 1, d.range.start.character + 1, d.severity === 2 ? 'warning' : String(d.severity), d.message]);

      const on = await TestClient.start({ workspaceFolders: [{ uri: pathToFileURL(own).href, name: 'county' }], initializationOptions: { reportUnusedDisableDirectives: true } });
      try {
        await on.open(school, text);
        const both = await on.waitForDiagnostics(school, (p) => unused(p).length === 2, 60_000);
        expect(unused(both)).toEqual(expected);
        // Switched off: the warnings go.
        await on.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { edunorm: { reportUnusedDisableDirectives: false } } });
        const seen = on.diagnostics.get(school)!.length;
        await on.waitForDiagnostics(school, (p) => on.diagnostics.get(school)!.indexOf(p) >= seen && unused(p).length === 0, 30_000);
      } finally {
        await on.stop();
      }

      const off = await TestClient.start({ workspaceFolders: [{ uri: pathToFileURL(own).href, name: 'county' }] });
      try {
        await off.open(school, text);
        const first = await off.waitForDiagnostics(school, () => true, 60_000);
        await off.connection.sendRequest(CHECK_FILES_REQUEST, { uris: [school] });
        expect(unused(first)).toEqual([]);
        expect(off.diagnostics.get(school)!.flatMap(unused)).toEqual([]);
      } finally {
        await off.stop();
      }
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  }, 180_000);
});
