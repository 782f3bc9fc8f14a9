/**
 * As the outside acceptance tests do: files written exactly as shared/spec/documents.md shows
 * them (tests/fixtures/spec/), varied one field at a time, checked with
 * `edunorm check DIR --format sarif`. Every due finding on its line with its id and level,
 * none where none is due.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/paths.js';
import { runCli } from './helpers/run-cli.js';

const spec = (name: string) => readFileSync(join(ROOT, 'tests', 'fixtures', 'spec', name), 'utf8');
const budget = spec('school-budget.yaml');
const staffing = spec('staffing.yaml');
const district = spec('district.yaml');

/** Replaces exactly one occurrence, so a typo in a test cannot silently change nothing. */
function edit(text: string, from: string, to: string): string {
  expect(text.split(from).length, `"${from}" occurs once`).toBe(2);
  return text.replace(from, to);
}

const FILES: Record<string, string> = {
  'spec-budget.yaml': budget,
  'spec-staffing.yaml': staffing,
  'spec-district.yaml': district,
  'training-short.yaml': edit(budget, 'teacherTraining: 240000', 'teacherTraining: 180000'),
  'model-school-low.yaml': edit(edit(budget, 'level: junior', 'level: senior'), 'provincialModel: false', 'provincialModel: true').replace('multiplier: 1.5', 'multiplier: 1.3'),
  'control-line.yaml': edit(edit(budget, 'level: junior', 'level: complete-secondary'), 'multiplier: 1.5', 'multiplier: 1.2'),
  'university.yaml': edit(edit(edit(budget, 'level: junior', 'level: higher'), 'highLevelTalent: false', 'highLevelTalent: true'), 'multiplier: 1.5', 'multiplier: 2.5'),
  'class-teacher.yaml': edit(edit(staffing, 'classTeacher: false', 'classTeacher: true'), 'classTeacherAllowance: 0', 'classTeacherAllowance: 700'),
  'special-ed.yaml': edit(edit(staffing, 'specialEducation: false', 'specialEducation: true'), 'specialEdSubsidy: 0', 'specialEdSubsidy: 700'),
  'new-teacher.yaml': edit(edit(staffing, 'certified: true', 'certified: false'), 'hiredYear: 2019', 'hiredYear: 2025'),
  'applicant.yaml': edit(staffing, 'seniorTitleApplicant: false', 'seniorTitleApplicant: true'),
  'training-hours.yaml': edit(staffing, 'trainingHours5y: 380', 'trainingHours5y: 300'),
  'substitute.yaml': edit(staffing, 'substitute: false', 'substitute: true'),
  'pay-parity.yaml': edit(staffing, 'annualSalary: 98000', 'annualSalary: 90000'),
  'county.yaml': edit(district, 'type: city', 'type: county'),
  'not-ours.yaml': 'name: school-website\nservices: [web, db]\n',
  'broken.yaml': 'apiVersion: edunorm/v1\nkind: SchoolBudget\nschool: { code: "1", name: x\n',
};

// [file, rule id, line, SARIF level]
const EXPECTED: [string, string, number, string][] = [
  ['applicant.yaml', 'senior-title-rural-service', 29, 'error'],
  // The brace opened on line 3 is never closed: told at the brace, not at the end of the file where the parser noticed.
  ['broken.yaml', 'yaml/syntax', 3, 'error'],
  ['class-teacher.yaml', 'class-teacher-allowance', 25, 'error'],
  ['control-line.yaml', 'performance-pay-control-line', 14, 'error'],
  ['county.yaml', 'compulsory-retention-rate', 9, 'error'],
  ['county.yaml', 'standardized-school-rate', 10, 'error'],
  ['county.yaml', 'county-1-2-3-plan', 13, 'warning'],
  // Pack v2: a county's standardization rate below 100% (标准化学校全覆盖).
  ['county.yaml', 'county-full-standardization', 10, 'warning'],
  ['county.yaml', 'small-school-consolidation', 17, 'note'],
  ['model-school-low.yaml', 'performance-pay-model-high-school', 14, 'error'],
  ['new-teacher.yaml', 'new-teacher-certification', 18, 'error'],
  ['pay-parity.yaml', 'teacher-pay-parity', 10, 'error'],
  ['spec-district.yaml', 'compulsory-retention-rate', 9, 'error'],
  ['spec-district.yaml', 'standardized-school-rate', 10, 'error'],
  // county.yaml is the same district (code and year) checked together: the second one's
  // district.code gets workspace/duplicate-district (shared/spec/workspace.md, Linking).
  ['spec-district.yaml', 'workspace/duplicate-district', 4, 'error'],
  ['spec-district.yaml', 'small-school-consolidation', 17, 'note'],
  ['special-ed.yaml', 'special-education-subsidy', 27, 'warning'],
  ['substitute.yaml', 'substitute-teacher-age-relief', 20, 'note'],
  ['training-hours.yaml', 'teacher-training-hours', 28, 'warning'],
  ['training-short.yaml', 'teacher-training-funds', 12, 'error'],
  ['university.yaml', 'performance-pay-higher-education', 14, 'error'],
];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'edunorm-acceptance-'));
  for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('edunorm check DIR --format sarif on files written per documents.md', () => {
  it('reports every due finding on its line with its id and level, and nothing else', () => {
    const r = runCli(['check', dir, '--format', 'sarif']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const run = JSON.parse(r.stdout).runs[0];
    const got = run.results
      .map((x: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }) => [
        x.locations[0]!.physicalLocation.artifactLocation.uri.split('/').pop(),
        x.ruleId,
        x.locations[0]!.physicalLocation.region.startLine,
        x.level,
      ])
      .sort((a: string[], b: string[]) => `${a[0]}${a[1]}`.localeCompare(`${b[0]}${b[1]}`));
    expect(got).toEqual([...EXPECTED].sort((a, b) => `${a[0]}${a[1]}`.localeCompare(`${b[0]}${b[1]}`)));
    // The non-edunorm file is not an artifact at all; the file with a syntax error is.
    const uris = run.artifacts.map((a: { location: { uri: string } }) => a.location.uri.split('/').pop());
    expect(uris).not.toContain('not-ours.yaml');
    expect(uris).toContain('broken.yaml');
  });

  it('exits 0 on the spec examples of budget and staffing alone', () => {
    const r = runCli(['check', join(dir, 'spec-budget.yaml'), join(dir, 'spec-staffing.yaml'), '--format', 'sarif']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).runs[0].results).toEqual([]);
  });
});
