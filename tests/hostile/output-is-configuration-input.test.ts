/**
 * Outside review E: `--output` naming a file the run's configuration reads — the
 * `edunorm.config.yaml` that applies, the `--config` file, a rule file of its pack. None is a
 * checked file (a configuration is not a submission), so the guard that keeps the report off
 * the checked files let it through, and the report replaced the configuration (the next run:
 * exit 2, "the configuration should be a mapping") or a norm of the pack. Such an output is
 * refused (exit 2) and the file stays as it was.
 */
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES_DIR } from '../helpers/paths.js';
import { sandbox } from '../helpers/sandbox.js';

const box = sandbox('config-output', ['--locale', 'en']);
const run = box.run;

describe('--output at a file the configuration reads', { timeout: 120_000 }, () => {
  it('the configuration that applies, the --config file, a rule file of the pack: exit 2, each as it was', () => {
    const config = 'extends:\n  - edunorm:plan14\n';
    writeFileSync(join(box.dir, 'edunorm.config.yaml'), config);
    mkdirSync(join(box.dir, '..', `${box.dir.split('/').pop()}-pack`));
    const pack = join(box.dir, '..', `${box.dir.split('/').pop()}-pack`);
    const rule = readFileSync(join(RULES_DIR, 'teacher-training-funds.yaml'), 'utf8');
    writeFileSync(join(pack, 'teacher-training-funds.yaml'), rule);
    const other = `extends:\n  - ${JSON.stringify(pack)}\n`;
    writeFileSync(join(box.dir, 'other.config.yaml'), other);
    linkSync(join(box.dir, 'edunorm.config.yaml'), join(box.dir, 'hard-link.txt'));
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
        const before = readFileSync(resolve(box.dir, file), 'utf8');
        const r = run(args);
        expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
        expect(r.stderr, args.join(' ')).toContain('the configuration reads');
        expect(readFileSync(resolve(box.dir, file), 'utf8'), args.join(' ')).toBe(before);
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
