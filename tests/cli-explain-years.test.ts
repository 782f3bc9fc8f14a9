/**
 * `edunorm explain` says which years a norm judges and every severity its findings may have
 * (outside review of the rule pack: five year-gated norms said "生效年份: 所有年份", and those
 * that warn on the path and fail at the target year showed one severity). The years come from
 * the rule's `applies`, with its parameters — a configured baseYear moves them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'edunorm-explain-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const line = (out: string, label: RegExp) => out.split('\n').find((l) => label.test(l)) ?? '';

describe('edunorm explain: years and severities', () => {
  it.each([
    ['compulsory-retention-rate', '生效年份: 2021 年起', '级别: 错误、警告、提示(依结果而定)'],
    ['standardized-school-rate', '生效年份: 2021 年起', '级别: 错误、警告、提示(依结果而定)'],
    ['county-full-standardization', '生效年份: 2021 年起', '级别: 警告'],
    ['digital-full-coverage', '生效年份: 2025 年起', '级别: 警告'],
    ['senior-post-share', '生效年份: 2022 年起', '级别: 错误、警告(依结果而定)'],
    ['teacher-training-funds', '生效年份: 所有年份', '级别: 错误'],
  ])('%s', (id, years, severity) => {
    const r = runCli(['explain', id, '--locale', 'zh-CN'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(line(r.stdout, /^生效年份/)).toBe(years);
    expect(line(r.stdout, /级别:/)).toContain(`    ${severity}    `);
  });

  it('in English too', () => {
    const r = runCli(['explain', 'vocational-places-expansion', '--locale', 'en'], { cwd: dir });
    expect(line(r.stdout, /^Effective years/)).toBe('Effective years: from 2021');
    expect(line(r.stdout, /Severity:/)).toContain('    Severity: error / warning (by outcome)    ');
  });

  it('a configured baseYear moves the years', () => {
    writeFileSync(join(dir, 'edunorm.config.yaml'), 'rules:\n  compulsory-retention-rate: { params: { baseYear: 2022 } }\n');
    const r = runCli(['explain', 'compulsory-retention-rate', '--locale', 'zh-CN'], { cwd: dir });
    rmSync(join(dir, 'edunorm.config.yaml'));
    expect(line(r.stdout, /^生效年份/)).toBe('生效年份: 2023 年起');
  });
});
