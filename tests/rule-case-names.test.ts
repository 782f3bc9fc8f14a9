/**
 * A rule test case's name in Chinese (`nameZh`, rule-file-schema.ts): what `edunorm test-rules`
 * shows zh-CN readers, and the heading of the case on the rule's page; `name` for English.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinPack } from '../packages/core/src/builtin-pack.js';
import { RULES_DIR } from './helpers/paths.js';
import { runCli } from './helpers/run-cli.js';

describe('nameZh', () => {
  let pack: string;
  beforeAll(() => {
    pack = mkdtempSync(join(tmpdir(), 'edunorm-case-names-'));
    const rule = readFileSync(join(RULES_DIR, 'teacher-training-funds.yaml'), 'utf8');
    const named = rule
      .replace(/^( +)- name: exactly 5% passes \(boundary\)\n(?: +nameZh: .*\n)?/m, (_, indent: string) => `${indent}- name: exactly 5% passes (boundary)\n${indent}  nameZh: 恰好 5% 合格(边界)\n`)
      // A name is text from a file: a terminal escape in it is shown, never obeyed.
      .replace(/^( +)- name: 1 yuan short is rounding, tolerated\n(?: +nameZh: .*\n)?/m, (_, indent: string) => `${indent}- name: 1 yuan short is rounding, tolerated\n${indent}  nameZh: "差 1 元\\e[31m 属于舍入"\n`);
    expect(named).toContain('nameZh: 恰好 5% 合格(边界)');
    writeFileSync(join(pack, 'teacher-training-funds.yaml'), named);
  });
  afterAll(() => rmSync(pack, { recursive: true, force: true }));

  it('test-rules names a case in Chinese for zh-CN readers, by `name` in English', () => {
    const zh = runCli(['test-rules', pack, '--locale', 'zh-CN', '--no-color']);
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stdout).toContain('  ✓ 应通过: 恰好 5% 合格(边界)\n');
    expect(zh.stdout).not.toContain('\u001b[31m');
    expect(zh.stdout).toMatch(/ {2}✓ 应通过: 差 1 元.*属于舍入\n/);
    const en = runCli(['test-rules', pack, '--locale', 'en', '--no-color']);
    expect(en.stdout).toContain(': exactly 5% passes (boundary)\n');
    expect(en.stdout).not.toContain('恰好');
  });

  it('a nameZh that is not a non-empty string is a located rule-file error', () => {
    const file = join(pack, 'teacher-training-funds.yaml');
    const good = readFileSync(file, 'utf8');
    try {
      writeFileSync(file, good.replace('nameZh: 恰好 5% 合格(边界)', 'nameZh: ""'));
      const r = runCli(['test-rules', pack, '--locale', 'en']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/teacher-training-funds\.yaml:\d+:\d+/);
      expect(r.stderr).toContain('nameZh');
    } finally {
      writeFileSync(file, good);
    }
  });

  it('every case of the built-in pack has a Chinese name', () => {
    const bad: string[] = [];
    let cases = 0;
    for (const rule of builtinPack().rules) {
      for (const kind of ['valid', 'invalid'] as const) {
        rule.tests[kind].forEach((tc, i) => {
          cases++;
          const zh = tc.nameZh;
          if (typeof zh !== 'string' || !/[\u3400-\u9fff]/.test(zh)) bad.push(`${rule.id} ${kind}[${i}] ${tc.name}: no Chinese name`);
          else if (/[\u3400-\u9fff] +[\u3400-\u9fff]/.test(zh)) bad.push(`${rule.id} ${kind}[${i}]: a space between two Chinese characters: ${zh}`);
        });
      }
    }
    expect(cases).toBeGreaterThan(0);
    expect(bad).toEqual([]);
  });
});
