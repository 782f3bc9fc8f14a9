import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { failingBudget } from './budget-fixture.js';
import { runCli, type CliRun } from './run-cli.js';

/**
 * A folder made afresh for each test of the file that calls this (at its top level), holding one
 * failing budget (`budget.yaml`), with a cache home of its own — where `--cache` keeps its key
 * (cache-secret.ts) — so no test reads another's cache or the machine's; both removed after.
 */
export function sandbox(name: string, extraArgs: readonly string[] = []): { readonly dir: string; readonly home: string; run: (args: string[]) => CliRun } {
  let dir = '';
  let home = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), `edunorm-${name}-`));
    home = mkdtempSync(join(tmpdir(), 'edunorm-cache-home-'));
    writeFileSync(join(dir, 'budget.yaml'), failingBudget());
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(home, { recursive: true, force: true });
  });
  return {
    get dir() {
      return dir;
    },
    get home() {
      return home;
    },
    run: (args) => runCli([...args, ...extraArgs], { cwd: dir, env: { XDG_CACHE_HOME: home } }),
  };
}
