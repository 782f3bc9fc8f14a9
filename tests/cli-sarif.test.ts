/**
 * `--format sarif` against the official OASIS SARIF 2.1.0 JSON schema (vendored from
 * oasis-tcs/sarif-spec, sarif-2.1/schema/sarif-schema-2.1.0.json), with its `uri` and
 * `uri-reference` formats checked by RFC 3986's grammar, plus what GitHub code scanning
 * requires beyond the schema: rule help and descriptions, fingerprints, automation id.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relativeUri, sarifMessage } from '../packages/cli/src/formatters/sarif.js';
import { officialValidator, RELATIVE_REF, URI_REFERENCE } from './helpers/sarif-official.js';
import { failingBudget } from './helpers/budget-fixture.js';
import { runCli } from './helpers/run-cli.js';

/** teacher-training-funds fails (line 10); an unknown key named `{0}` gives a warning quoting it. */
const FAILING = failingBudget(`  "{0}": 1\n`);
const NAMES = ['a#b?c%d e.yaml', 'x:y.yaml', '李庄 小学.yaml', 'plain.yaml'];

let dir: string;
let log: {
  runs: {
    tool: { driver: { rules: { id: string; fullDescription?: { text: string }; help?: { text: string; markdown?: string } }[] } };
    automationDetails?: { id: string };
    originalUriBaseIds: Record<string, { uri: string }>;
    artifacts: { location: { uri: string } }[];
    results: { ruleId: string; message: { text: string }; partialFingerprints?: Record<string, string>; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
  }[];
};
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'edunorm sarif #%-'));
  for (const n of NAMES) writeFileSync(join(dir, n), FAILING);
  writeFileSync(join(dir, 'broken.yaml'), 'apiVersion: edunorm/v1\nkind: SchoolBudget\nschool: { code: "1"\n');
  const r = runCli(['check', '.', '--format', 'sarif', '--locale', 'en'], { cwd: dir });
  expect(r.code).toBe(1);
  log = JSON.parse(r.stdout);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SARIF 2.1.0', { timeout: 120_000 }, () => {
  it('is valid against the official OASIS schema, URIs included', () => {
    const validate = officialValidator();
    expect(validate(log) ? [] : validate.errors).toEqual([]);
    // The formats really are checked: a raw '#' or a scheme-looking first segment would fail.
    expect(URI_REFERENCE.test('a%23b%3Fc%25d%20e.yaml')).toBe(true);
    expect(RELATIVE_REF.test('x:y.yaml')).toBe(false);
    expect(URI_REFERENCE.test('a b.yaml')).toBe(false);
    expect(validate({ ...log, runs: [{ ...log.runs[0], artifacts: [{ location: { uri: 'a b#c.yaml' } }] }] })).toBe(false);
  });

  it('artifact URIs are relative references that resolve, against %SRCROOT%, to the very files', () => {
    const run = log.runs[0]!;
    const base = run.originalUriBaseIds['%SRCROOT%']!.uri;
    expect(base.endsWith('/')).toBe(true);
    expect(fileURLToPath(base)).toBe(`${dir}/`);
    const files = run.artifacts.map((a) => fileURLToPath(new URL(a.location.uri, base)));
    expect(files.sort()).toEqual([...NAMES, 'broken.yaml'].map((n) => join(dir, n)).sort());
    expect(run.artifacts.map((a) => a.location.uri)).toContain('x%3Ay.yaml');
    expect(relativeUri('sub dir/a#b?.yaml')).toBe('sub%20dir/a%23b%3F.yaml');
  });

  it('a file whose name is not UTF-8 is named by its bytes (outside review: bad\\xff.yaml became a literal backslash-x-f-f, a GBK name the UTF-8 of its characters)', () => {
    const odd = mkdtempSync(join(tmpdir(), 'edunorm-sarif-bytes-'));
    try {
      const names = [Buffer.from('bad\xff.yaml', 'latin1'), Buffer.concat([Buffer.from('d4a4cbe3', 'hex'), Buffer.from('.yaml')])];
      for (const n of names) writeFileSync(Buffer.concat([Buffer.from(`${odd}/`), n]), FAILING);
      const r = runCli(['check', '.', '--format', 'sarif', '--locale', 'en'], { cwd: odd });
      expect(r.code).toBe(1);
      const sarif = JSON.parse(r.stdout) as typeof log;
      const uris = sarif.runs[0]!.artifacts.map((a) => a.location.uri);
      expect([...uris].sort()).toEqual(['%D4%A4%CB%E3.yaml', 'bad%FF.yaml']);
      // Percent-decoded to bytes, each URI is the name on disk.
      const bytesOf = (uri: string) => Buffer.from(uri.replace(/%([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('hex');
      expect(uris.map(bytesOf).sort()).toEqual(names.map((n) => n.toString('hex')).sort());
      expect(new Set(sarif.runs[0]!.results.map((x) => x.locations[0]!.physicalLocation.artifactLocation.uri))).toEqual(new Set(uris));
      const validate = officialValidator();
      expect(validate(sarif) ? [] : validate.errors).toEqual([]);
    } finally {
      rmSync(odd, { recursive: true, force: true });
    }
  });

  it('message text doubles { and } (§3.11.5): a user value {0} is not a placeholder', () => {
    const unknown = log.runs[0]!.results.find((r) => r.ruleId === 'schema/unknown-key')!;
    expect(unknown.message.text).toContain('{{0}}');
    expect(unknown.message.text).not.toMatch(/(^|[^{])\{0\}/);
    expect(sarifMessage('a {b} {{c}}')).toBe('a {{b}} {{{{c}}}}');
  });

  it('every rule, structural ids included, has fullDescription.text, help.text and help.markdown', () => {
    const rules = log.runs[0]!.tool.driver.rules;
    expect(rules.map((r) => r.id)).toEqual(expect.arrayContaining(['teacher-training-funds', 'schema/unknown-key', 'yaml/syntax', 'file/unreadable']));
    for (const r of rules) {
      expect(r.fullDescription?.text, r.id).toMatch(/\S/);
      expect(r.help?.text, r.id).toMatch(/\S/);
      expect(r.help?.markdown, r.id).toMatch(/\S/);
    }
    // Every result's rule is described.
    const ids = new Set(rules.map((r) => r.id));
    for (const res of log.runs[0]!.results) expect(ids.has(res.ruleId), res.ruleId).toBe(true);
  });

  it('results carry partialFingerprints (the baseline fingerprint); the run an automationDetails.id', () => {
    const run = log.runs[0]!;
    expect(run.automationDetails?.id).toBe('edunorm/');
    // The same fingerprints as a baseline of the same file records.
    expect(runCli(['baseline', 'plain.yaml', '-o', 'b.json'], { cwd: dir }).code).toBe(0);
    const recorded = JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8')).entries.map((e: { fingerprint: string }) => e.fingerprint).sort();
    const plain = run.results.filter((r) => r.locations[0]!.physicalLocation.artifactLocation.uri === 'plain.yaml');
    expect([...new Set(plain.map((r) => r.partialFingerprints!['edunormFingerprint/v1']))].sort()).toEqual(recorded);
    for (const r of run.results) expect(r.partialFingerprints?.['edunormFingerprint/v1']).toMatch(/^[0-9a-f]{32}$/);
  });
});
