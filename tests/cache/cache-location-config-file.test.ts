/**
 * Outside review E: `--cache-location` naming the configuration file the run reads. An empty
 * `edunorm.config.yaml` (the built-in norms, a folder's root marked) is "ours to replace" by
 * its bytes (a cache cut short at its creation is empty too), and is no checked file, so the
 * run saved its cache over it: the next run was exit 2, the configuration unreadable. A file
 * the run's configuration depends on is never written as the cache.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandbox } from '../helpers/sandbox.js';

const box = sandbox('config-location');
const run = box.run;

describe('--cache-location at the configuration file', { timeout: 60_000 }, () => {
  it('an empty edunorm.config.yaml stays as it is; the runs keep their verdict', () => {
    writeFileSync(join(box.dir, 'edunorm.config.yaml'), '');
    for (let i = 0; i < 2; i++) {
      const r = run(['check', '.', '--cache', '--cache-location', 'edunorm.config.yaml', '--locale', 'en']);
      expect(r.code, r.stderr).toBe(1);
      expect(readFileSync(join(box.dir, 'edunorm.config.yaml'), 'utf8')).toBe('');
    }
    expect(run(['check', '.']).code).toBe(1);
  });
});
