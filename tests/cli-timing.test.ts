/**
 * EDUNORM_TIMING=1 (packages/cli/src/timing.ts): where a run's time went, on stderr, in the
 * reader's language — and nothing else about the run changes (stdout, files written, exit code).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../packages/cli/src/messages.js';
import { PhaseTimer, TIMING_PHASES, timerFor } from '../packages/cli/src/timing.js';
import { runCli } from './helpers/run-cli.js';

const TIMED = { EDUNORM_TIMING: '1' };

/** The table's rows: label → ms, as a reader sees them (the title line first, then `  label  12.3 ms  4.5%`). */
function table(stderr: string): Map<string, number> {
  const rows = new Map<string, number>();
  for (const m of stderr.matchAll(/^ {2}(\S.*?) +(\d+\.\d) ms(?: +\d+\.\d%)?$/gm)) rows.set(m[1]!, Number(m[2]));
  return rows;
}

describe('EDUNORM_TIMING=1', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'edunorm-timing-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('check: each phase of the pipeline and their total, in Chinese; stdout and the exit code as without it', () => {
    const plain = runCli(['check', 'examples', '--locale', 'zh-CN', '--format', 'json']);
    const timed = runCli(['check', 'examples', '--locale', 'zh-CN', '--format', 'json'], { env: TIMED });
    expect(timed.code).toBe(1);
    expect(timed.code).toBe(plain.code);
    expect(timed.stdout).toBe(plain.stdout);
    expect(plain.stderr).not.toContain('EDUNORM_TIMING');
    expect(timed.stderr).toContain('edunorm: 各阶段用时(EDUNORM_TIMING):\n');
    const rows = table(timed.stderr);
    // Without --cache no cache phase is shown (their time is nobody's).
    expect([...rows.keys()]).toEqual(['启动(Node、edunorm 与配置)', '查找文件', '检查文件', '县域检查(跨文档的规范)', '写出结果', '合计']);
    const phases = [...rows].filter(([label]) => label !== '合计').reduce((sum, [, ms]) => sum + ms, 0);
    // Each row is rounded to 0.1 ms: the rows add up to the total within their rounding.
    expect(Math.abs(phases - rows.get('合计')!)).toBeLessThanOrEqual(0.05 * rows.size + 1e-9);
    expect(rows.get('检查文件')!).toBeGreaterThan(0);
  });

  it('with --cache: opening, comparing and saving the cache are phases of their own; in English with --locale en', () => {
    const cache = join(dir, 'cache');
    const first = runCli(['check', 'examples', '--locale', 'en', '--cache', '--cache-location', cache], { env: TIMED });
    const again = runCli(['check', 'examples', '--locale', 'en', '--cache', '--cache-location', cache], { env: TIMED });
    const plain = runCli(['check', 'examples', '--locale', 'en', '--cache', '--cache-location', cache]);
    for (const r of [first, again]) {
      expect(r.code).toBe(1);
      expect(r.stdout).toBe(plain.stdout);
      expect(r.stderr).toContain('edunorm: time by phase (EDUNORM_TIMING):\n');
      expect([...table(r.stderr).keys()]).toEqual([
        'start-up (Node, edunorm, configuration)',
        'finding the files',
        'opening the cache',
        'comparing the files with the cache',
        'checking the files',
        'the norms across documents',
        'saving the cache',
        'writing the report',
        'total',
      ]);
    }
  });

  it('baseline and report write the table too, after what they write', () => {
    const baseline = runCli(['baseline', 'examples', '--output', join(dir, 'baseline.json'), '--locale', 'en'], { env: TIMED });
    expect(baseline.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'baseline.json'), 'utf8')).entries.length).toBeGreaterThan(0);
    expect(table(baseline.stderr).get('writing the report')).toBeGreaterThanOrEqual(0);
    const report = runCli(['report', 'examples', '--format', 'markdown', '--locale', 'zh-CN'], { env: TIMED });
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('|');
    expect(report.stdout).not.toContain('EDUNORM_TIMING');
    expect(table(report.stderr).has('写出结果')).toBe(true);
  });

  it('EDUNORM_TIMING empty or 0 is off', () => {
    for (const value of ['', '0']) expect(runCli(['check', 'examples'], { env: { EDUNORM_TIMING: value } }).stderr).not.toContain('EDUNORM_TIMING');
    expect(timerFor({ EDUNORM_TIMING: '0' })).toBeUndefined();
    expect(timerFor({})).toBeUndefined();
    expect(timerFor({ EDUNORM_TIMING: 'all' })).toBeInstanceOf(PhaseTimer);
  });

  it('a phase marked twice adds up; every phase has its words in both languages', () => {
    const timer = new PhaseTimer();
    timer.mark('start');
    timer.mark('check');
    const once = timer.ms('check');
    timer.mark('check');
    expect(timer.ms('check')).toBeGreaterThanOrEqual(once);
    for (const phase of TIMING_PHASES) {
      const words = MESSAGES.timingPhase(phase);
      expect(words['zh-CN'], phase).toMatch(/[\u4e00-\u9fff]/);
      expect(words.en, phase).toMatch(/^[\x20-\x7e]+$/);
    }
  });
});
