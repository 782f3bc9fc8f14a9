// Spectral 6 beside edunorm, for `npm run bench`: installed at bench time from the npm
// registry into a folder outside the repository (os.tmpdir()/edunorm-bench-spectral/<range>,
// reused by later runs), run with bench/spectral/ruleset.yaml — four of edunorm's norms as
// Spectral custom functions. The comparison is only fair if both tools find the same
// violations, so `violations()` reads both outputs and the bench fails the row when they differ.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { NODE, ROOT } from './measure.mjs';

export const SPECTRAL_RANGE = '6';
export const SPECTRAL_NORMS = ['teacher-training-funds', 'class-teacher-allowance', 'special-education-subsidy', 'non-teaching-staff-share'];
export const RULESET = join(ROOT, 'bench', 'spectral', 'ruleset.yaml');

/**
 * The Spectral CLI, installed once per version range: `{ bin, version }`, or `{ reason }` when
 * it cannot be installed (no registry, no network) — the bench then reports the row as not
 * measured, never a made-up figure. The install goes to a fresh folder renamed into place
 * when complete, so an interrupted install is never taken for a finished one.
 */
export function ensureSpectral(range = SPECTRAL_RANGE) {
  const base = join(tmpdir(), 'edunorm-bench-spectral');
  const folder = join(base, range);
  const bin = join(folder, 'node_modules', '@stoplight', 'spectral-cli', 'dist', 'index.js');
  const pkg = join(folder, 'node_modules', '@stoplight', 'spectral-cli', 'package.json');
  if (!existsSync(bin) || !existsSync(pkg)) {
    mkdirSync(base, { recursive: true });
    const partial = join(base, `${range}.partial-${process.pid}`);
    rmSync(partial, { recursive: true, force: true });
    mkdirSync(partial);
    const r = spawnSync('npm', ['install', '--prefix', partial, '--no-audit', '--no-fund', '--loglevel', 'error', `@stoplight/spectral-cli@${range}`], { encoding: 'utf8', timeout: 600_000 });
    if (r.status !== 0) {
      rmSync(partial, { recursive: true, force: true });
      return { reason: `npm install @stoplight/spectral-cli@${range} failed (${r.error?.code ?? `exit ${r.status}`}): ${(r.stderr || '').trim().split('\n').slice(-3).join(' ')}` };
    }
    rmSync(folder, { recursive: true, force: true });
    renameSync(partial, folder);
  }
  if (!existsSync(bin)) return { reason: `the installed @stoplight/spectral-cli has no ${relative(folder, bin)}` };
  return { bin, version: JSON.parse(readFileSync(pkg, 'utf8')).version };
}

/** The command the bench times: Spectral linting the files with the ruleset, JSON to stdout. */
export const spectralCommand = (bin, files) => [NODE, [bin, 'lint', ...files, '--ruleset', RULESET, '--format', 'json', '--quiet', '--fail-severity', 'error']];

/**
 * Violations of the four norms as `file|norm|path` keys, from Spectral's JSON and from
 * edunorm's (`check --format json`), so the two can be compared one by one.
 */
export function spectralViolations(stdout) {
  const results = JSON.parse(stdout);
  return results
    .filter((r) => SPECTRAL_NORMS.includes(r.code))
    // Spectral's JSON writes array indices as strings ("90"): edunorm's paths write them as [90].
    .map((r) => `${relative(ROOT, r.source)}|${r.code}|${r.path.map((p, i) => (typeof p === 'number' || /^\d+$/.test(p) ? `[${p}]` : `${i ? '.' : ''}${p}`)).join('')}`)
    .sort();
}

export function edunormViolations(stdout) {
  const { files } = JSON.parse(stdout);
  return files
    .flatMap((f) => f.findings.filter((x) => SPECTRAL_NORMS.includes(x.ruleId)).map((x) => `${f.path}|${x.ruleId}|${x.path}`))
    .sort();
}

/** Counts per norm, and the keys one tool has and the other has not. */
export function compareViolations(spectral, edunorm) {
  const count = (keys) => Object.fromEntries(SPECTRAL_NORMS.map((n) => [n, keys.filter((k) => k.split('|')[1] === n).length]));
  const s = new Set(spectral);
  const e = new Set(edunorm);
  return {
    spectral: { total: spectral.length, ...count(spectral) },
    edunorm: { total: edunorm.length, ...count(edunorm) },
    onlySpectral: spectral.filter((k) => !e.has(k)),
    onlyEdunorm: edunorm.filter((k) => !s.has(k)),
    same: spectral.length === edunorm.length && spectral.every((k) => e.has(k)),
  };
}
