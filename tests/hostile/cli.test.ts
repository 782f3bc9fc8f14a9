/**
 * The hostile set through the built CLI, one process per file, as CI runs it:
 * `edunorm check FILE --format sarif` exits 0 or 1 within 60 s, prints valid SARIF and no stack
 * trace, and the findings users must see are there, on the right line and column.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_FILE_BYTES } from '../../packages/core/src/index.js';
import { expectRegionsInside, expectValidSarif, STACK_TRACE, type SarifLog } from '../helpers/sarif.js';
import { pool, runCliAsync, type TimedRun } from './cli-runner.js';
import {
  aliasBomb,
  blockAliasBomb,
  budget,
  deepBlockMap,
  deepBlockSeq,
  deepFlowMap,
  deepFlowSeq,
  ODD_NUMBERS,
  PROTO_DOCUMENTS,
  seededBytes,
  staffing,
  YAML11_BOOLEANS,
} from './inputs.js';

let dir: string;

/** Where a result is: `ruleId@line:column`. */
const at = (sarif: SarifLog) =>
  sarif.runs[0]!.results.map((r) => {
    const g = r.locations[0]!.physicalLocation.region;
    return `${r.ruleId}@${g.startLine}:${g.startColumn}`;
  });

/** What must be seen for a file: exact result list, or some results that must be among them. */
interface Expectation {
  exactly?: string[];
  includes?: string[];
  /** The first error result starts on this line. */
  firstErrorLine?: number;
  exit?: 0 | 1;
}

const oddNumbers = ODD_NUMBERS.map(([v]) => budget(v, 240000)).join('---\n');
const oddBooleans = YAML11_BOOLEANS.map(([v]) => staffing(v)).join('---\n');
const DOC_LINES = 11; // lines of one budget() document, plus its `---`
const STAFF_DOC_LINES = 11;

const TEXT_FILES: Record<string, { content: string | Buffer; expect: Expectation }> = {
  'alias-bomb.yaml': { content: aliasBomb(), expect: { includes: ['yaml/alias-limit@1:1'], exit: 1 } },
  'block-alias-bomb.yaml': { content: blockAliasBomb(), expect: { includes: ['yaml/alias-limit@1:1'], exit: 1 } },
  'deep-flow-seq.yaml': { content: deepFlowSeq(), expect: { firstErrorLine: 3, exit: 1 } },
  'deep-flow-map.yaml': { content: deepFlowMap(), expect: { firstErrorLine: 3, exit: 1 } },
  'deep-block-seq.yaml': { content: deepBlockSeq(), expect: { firstErrorLine: 4, exit: 1 } },
  // 2,000 levels is as deep as block mappings get below the default size limit (2 MB).
  'deep-block-map.yaml': { content: deepBlockMap(2_000), expect: { exit: 1 } },
  ...Object.fromEntries(Object.entries(PROTO_DOCUMENTS).map(([name, content]) => [`proto-${name.replace(/\W+/g, '-')}.yaml`, { content, expect: {} }])),
  'proto-in-school-lines.yaml': {
    content: PROTO_DOCUMENTS['inside school']!,
    expect: { exactly: ['schema/unknown-key@7:3', 'schema/unknown-key@10:3', 'schema/unknown-key@13:3'], exit: 0 },
  },
  'lf.yaml': { content: budget(4800000, 1000), expect: { exactly: ['teacher-training-funds@10:20'], exit: 1 } },
  'crlf.yaml': { content: budget(4800000, 1000).replace(/\n/g, '\r\n'), expect: { exactly: ['teacher-training-funds@10:20'], exit: 1 } },
  'bom.yaml': { content: `\uFEFF${budget(4800000, 1000)}`, expect: { exactly: ['teacher-training-funds@10:20'], exit: 1 } },
  'bom-crlf.yaml': { content: `\uFEFF${budget(4800000, 1000).replace(/\n/g, '\r\n')}`, expect: { exactly: ['teacher-training-funds@10:20'], exit: 1 } },
  'bom-crlf-line1.yaml': { content: '\uFEFFapiVersion: edunorm/v2\r\nkind: SchoolBudget\r\n', expect: { exactly: ['schema/api-version@1:13'], exit: 1 } },
  'utf16le.yaml': { content: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(budget(4800000, 1000).replace(/\n/g, '\r\n'), 'utf16le')]), expect: { exactly: ['teacher-training-funds@10:20'], exit: 1 } },
  'invalid-utf8.yaml': {
    // 第八中学 in GBK, as Excel on Chinese Windows saves it.
    content: Buffer.concat([Buffer.from(budget(4800000, 1000).split('第八中学')[0]!), Buffer.from([0xb5, 0xda, 0xb0, 0xcb, 0xd6, 0xd0, 0xd1, 0xa7]), Buffer.from(budget(4800000, 1000).split('第八中学')[1]!)]),
    expect: { exactly: ['file/encoding@5:9', 'teacher-training-funds@10:20'], exit: 1 },
  },
  'binary-1.yaml': { content: seededBytes(1, 65_536), expect: {} },
  'binary-2.yaml': { content: Buffer.concat([Buffer.from('apiVersion: edunorm/v1\nkind: Staffing\n'), seededBytes(2, 65_536)]), expect: { exit: 1 } },
  'binary-3.yaml': { content: Buffer.concat([Buffer.from(budget(4800000, 240000)), seededBytes(3, 4_096)]), expect: { exit: 1 } },
  'empty.yaml': { content: '', expect: { exactly: [], exit: 0 } },
  'comment-only.yaml': { content: '# 学校年度预算\n# apiVersion: edunorm/v1\n', expect: { exactly: [], exit: 0 } },
  'dashes-only.yaml': { content: '---\n', expect: { exactly: [], exit: 0 } },
  'lone-scalar.yaml': { content: '42\n', expect: { exactly: [], exit: 0 } },
  'lone-scalar-edunorm.yaml': { content: '"apiVersion: edunorm/v1"\n', expect: { exactly: ['schema/not-a-mapping@1:1'], exit: 1 } },
  'duplicate-keys.yaml': { content: budget(4800000, 240000, 'fiscalYear: 2024\n'), expect: { exactly: ['yaml/duplicate-key@11:1'], exit: 1 } },
  'duplicate-keys-flow.yaml': { content: staffing('true', '  - { id: T002, name: 李梅, role: teacher, role: logistics }\n'), expect: { includes: ['yaml/duplicate-key@11:42'], exit: 1 } },
  'odd-numbers.yaml': {
    content: oddNumbers,
    expect: { includes: ODD_NUMBERS.map(([, id], i) => `${id}@${9 + i * DOC_LINES}:16`), exit: 1 },
  },
  'yaml11-booleans.yaml': {
    content: oddBooleans,
    expect: { includes: YAML11_BOOLEANS.map((_, i) => `schema/type@${9 + i * STAFF_DOC_LINES}:19`), exit: 1 },
  },
  'too-many-findings.yaml': {
    content: `apiVersion: edunorm/v1\nkind: Staffing\nschool: { code: "1", name: x, level: junior }\nfiscalYear: 2025\nstaff:\n${'  - {}\n'.repeat(50_000)}`,
    expect: { includes: ['file/too-many-findings@1:1'], exit: 1 },
  },
  'too-large.yaml': { content: budget(4800000, 240000, `# ${'x'.repeat(DEFAULT_MAX_FILE_BYTES)}\n`), expect: { exactly: ['file/too-large@1:1'], exit: 1 } },
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'edunorm-hostile-'));
  for (const [name, { content }] of Object.entries(TEXT_FILES)) writeFileSync(join(dir, name), content);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function decodeLikeTheCli(content: string | Buffer): string {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

function expectCleanRun(name: string, r: TimedRun, content?: string | Buffer): SarifLog {
  expect(r.signal, `${name}: killed (timeout or crash)`).toBeNull();
  expect([0, 1], `${name}: exit code ${r.code}; stderr: ${r.stderr.slice(0, 500)}`).toContain(r.code);
  expect(r.ms, `${name}: time`).toBeLessThan(60_000);
  expect(r.stderr, `${name}: stack trace on stderr`).not.toMatch(STACK_TRACE);
  expect(r.stderr, `${name}: internal error`).not.toMatch(/internal error/);
  const sarif = expectValidSarif(r.stdout, name);
  if (content !== undefined) expectRegionsInside(sarif, decodeLikeTheCli(content), name);
  return sarif;
}

describe('edunorm check FILE --format sarif, one hostile file at a time', () => {
  let runs: Map<string, TimedRun>;
  beforeAll(async () => {
    const names = Object.keys(TEXT_FILES);
    // Some hostile files are not edunorm files: alone, they would be "nothing was checked" (exit 2).
    const results = await pool(names, 3, (name) => runCliAsync(['check', name, '--format', 'sarif', '--locale', 'en', '--no-error-on-unmatched-pattern'], { cwd: dir }));
    runs = new Map(names.map((n, i) => [n, results[i]!]));
  }, 240_000);

  for (const [name, { content, expect: want }] of Object.entries(TEXT_FILES)) {
    it(name, () => {
      const r = runs.get(name)!;
      const sarif = expectCleanRun(name, r, content);
      const found = at(sarif);
      if (want.exit !== undefined) expect(r.code, `${name}: exit; results ${found.join(', ')}`).toBe(want.exit);
      if (want.exactly) expect(found).toEqual(want.exactly);
      for (const x of want.includes ?? []) expect(found).toContain(x);
      if (want.firstErrorLine) {
        const first = sarif.runs[0]!.results.find((x) => x.level === 'error');
        expect(first?.locations[0]!.physicalLocation.region.startLine).toBe(want.firstErrorLine);
      }
    });
  }

  it('the size limit is quick to apply and can be raised with --max-file-size', async () => {
    expect(runs.get('too-large.yaml')!.ms).toBeLessThan(10_000);
    const raised = await runCliAsync(['check', 'too-large.yaml', '--format', 'sarif', '--max-file-size', String(DEFAULT_MAX_FILE_BYTES * 2)], { cwd: dir });
    expect(at(expectCleanRun('raised', raised))).toEqual([]);
    const lowered = await runCliAsync(['check', 'lf.yaml', '--format', 'sarif', '--max-file-size', '100'], { cwd: dir });
    expect(at(expectCleanRun('lowered', lowered))).toEqual(['file/too-large@1:1']);
    // The CLI says how it raises the limit (the page and the editor, which cannot, do not).
    const told = await runCliAsync(['check', 'lf.yaml', '--format', 'json', '--max-file-size', '100', '--locale', 'zh-CN'], { cwd: dir });
    expect((JSON.parse(told.stdout) as { files: { findings: { message: string }[] }[] }).files[0]!.findings[0]!.message).toMatch(/请按学校拆分成多个文件,或用 --max-file-size 调高上限。$/);
    const bad = await runCliAsync(['check', 'lf.yaml', '--max-file-size', 'lots'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--max-file-size takes a size/);
  });

  it('a file above the limit that is not an edunorm file is skipped like any other', async () => {
    writeFileSync(join(dir, 'big-other.yaml'), `name: not ours\n# ${'x'.repeat(4096)}\n`);
    const r = await runCliAsync(['check', 'big-other.yaml', '--format', 'sarif', '--max-file-size', '1k', '--no-error-on-unmatched-pattern'], { cwd: dir });
    expect(at(expectCleanRun('big-other', r))).toEqual([]);
    expect(r.code).toBe(0);
    // Without the flag, a run that checked nothing says so (exit 2), never "all clear".
    const nothing = await runCliAsync(['check', 'big-other.yaml', '--max-file-size', '1k', '--locale', 'en'], { cwd: dir });
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('nothing was checked');
  });
});

describe('files that cannot be read', () => {
  let folder: string;
  const asRoot = process.getuid?.() === 0;
  beforeAll(() => {
    folder = join(dir, 'tree');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a-good.yaml'), budget(4800000, 240000));
    writeFileSync(join(folder, 'b-bad.yaml'), budget(4800000, 1000));
    writeFileSync(join(folder, 'locked.yaml'), budget(4800000, 1000));
    chmodSync(join(folder, 'locked.yaml'), 0o000);
    execFileSync('mkfifo', [join(folder, 'fifo.yaml')]);
    mkdirSync(join(folder, 'folder.yaml'));
    writeFileSync(join(folder, 'folder.yaml', 'inner.yaml'), budget(4800000, 1000));
    symlinkSync(join(folder, 'folder.yaml'), join(folder, 'link-to-folder.yaml'));
    symlinkSync(join(folder, 'nowhere.yaml'), join(folder, 'dangling.yaml'));
  });

  const unreadable = (sarif: SarifLog, uri: string) =>
    sarif.runs[0]!.results.filter((r) => r.locations[0]!.physicalLocation.artifactLocation.uri.endsWith(uri)).map((r) => r.ruleId);

  it('a folder run reports each of them on that file and still checks the others', async () => {
    const r = await runCliAsync(['check', 'tree', '--format', 'sarif', '--locale', 'en'], { cwd: dir });
    const sarif = expectCleanRun('tree', r);
    expect(r.code).toBe(1);
    expect(unreadable(sarif, 'tree/fifo.yaml')).toEqual(['file/unreadable']);
    expect(unreadable(sarif, 'tree/dangling.yaml')).toEqual(['file/unreadable']);
    // A link to a folder is a folder to search, in a walk as on the command line.
    expect(unreadable(sarif, 'tree/link-to-folder.yaml')).toEqual([]);
    expect(unreadable(sarif, 'tree/link-to-folder.yaml/inner.yaml')).toEqual(['teacher-training-funds']);
    // Root reads a chmod 000 file; anyone else cannot.
    expect(unreadable(sarif, 'tree/locked.yaml')).toEqual([asRoot ? 'teacher-training-funds' : 'file/unreadable']);
    expect(unreadable(sarif, 'tree/folder.yaml/inner.yaml')).toEqual(['teacher-training-funds']);
    expect(unreadable(sarif, 'tree/b-bad.yaml')).toEqual(['teacher-training-funds']);
    expect(unreadable(sarif, 'tree/a-good.yaml')).toEqual([]);
    expect(r.ms).toBeLessThan(30_000);
  });

  it('each of them named alone: a finding, exit 1, quickly (a FIFO never blocks the run)', async () => {
    for (const name of ['fifo.yaml', 'dangling.yaml', 'link-to-folder.yaml']) {
      const r = await runCliAsync(['check', `tree/${name}`, '--format', 'sarif'], { cwd: dir, timeoutMs: 20_000 });
      const sarif = expectCleanRun(name, r);
      if (name === 'link-to-folder.yaml') {
        // Named on the command line, a folder (behind a link or not) is a folder to search.
        expect(at(sarif)).toEqual(['teacher-training-funds@10:20']);
      } else expect(at(sarif)).toEqual(['file/unreadable@1:1']);
      expect(r.code).toBe(1);
    }
  });

  it('with --concurrency 2 the same files give the same results', async () => {
    const one = await runCliAsync(['check', 'tree', '--format', 'json'], { cwd: dir });
    const two = await runCliAsync(['check', 'tree', '--format', 'json', '--concurrency', '2'], { cwd: dir });
    expect(JSON.parse(two.stdout).files).toEqual(JSON.parse(one.stdout).files);
  });
});
