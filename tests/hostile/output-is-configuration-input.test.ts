/**
 * Outside review E: `--output` naming a file the run's configuration reads — the
 * `edunorm.config.yaml` that applies, the `--config` file, a rule file of its pack. None is a
 * checked file (a configuration is not a submission), so the guard that keeps the report off
 * the checked files let it through, and the report replaced the configuration (the next run:
 * exit 2, "the configuration should be a mapping") or a norm of the pack. Such an output is
 * refused (exit 2) and the file stays as it was.
 */
import { linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failingBudget } from '../helpers/budget-fixture.js';
import { RULES_DIR } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';

let dir: string;
let home: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'edunorm-review-e-config-output-'));
  home = mkdtempSync(join(tmpdir(), 'edunorm-review-e-home-'));
  writeFileSync(join(dir, 'budget.yaml'), failingBudget());
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
});

const run = (args: string[]) => runCli([...args, '--locale', 'en'], { cwd: dir, env: { XDG_CACHE_HOME: home } });

describe('--output at a file the configuration reads', { timeout: 120_000 }, () => {
  it('the configuration that applies, the --config file, a rule file of the pack: exit 2, each as it was', () => {
    const config = 'extends:\n  - edunorm:plan14\n';
    writeFileSync(join(dir, 'edunorm.config.yaml'), config);
    mkdirSync(join(dir, '..', `${dir.split('/').pop()}-pack`));
    const pack = join(dir, '..', `${dir.split('/').pop()}-pack`);
    const rule = readFileSync(join(RULES_DIR, 'teacher-training-funds.yaml'), 'utf8');
    writeFileSync(join(pack, 'teacher-training-funds.yaml'), rule);
    const other = `extends:\n  - ${JSON.stringify(pack)}\n`;
    writeFileSync(join(dir, 'other.config.yaml'), other);
    linkSync(join(dir, 'edunorm.config.yaml'), join(dir, 'hard-link.txt'));
    try {
      const cases: [string[], string][] = [
        [['check', '.', '--output', 'edunorm.config.yaml'], 'edunorm.config.yaml'],
        [['check', '.', '--output', 'hard-link.txt'], 'edunorm.config.yaml'],
        [['check', '.', '--cache', '--output', 'edunorm.config.yaml'], 'edunorm.config.yaml'],
        [['check', 'budget.yaml', '--config', 'other.config.yaml', '--output', 'other.config.yaml'], 'other.config.yaml'],
        [['check', 'budget.yaml', '--config', 'other.config.yaml', '--output', join(pack, 'teacher-training-funds.yaml')], join(pack, 'teacher-training-funds.yaml')],
        [['report', '.', '--output', 'edunorm.config.yaml'], 'edunorm.config.yaml'],
        [['baseline', '.', '--force', '--output', 'edunorm.config.yaml'], 'edunorm.config.yaml'],
      ];
      for (const [args, file] of cases) {
        const before = readFileSync(resolve(dir, file), 'utf8');
        const r = run(args);
        expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
        expect(r.stderr, args.join(' ')).toContain('the configuration reads');
        expect(readFileSync(resolve(dir, file), 'utf8'), args.join(' ')).toBe(before);
      }
      expect(run(['check', '.']).code).toBe(1);
      expect(run(['check', 'budget.yaml', '--config', 'other.config.yaml']).code).toBe(1);
      // Another output is fine.
      expect(run(['check', '.', '--output', 'report.txt']).code).toBe(1);
    } finally {
      rmSync(pack, { recursive: true, force: true });
    }
  });
});
