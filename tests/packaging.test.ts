/**
 * What `npm pack` ships for @edunorm/core, @edunorm/cli and @edunorm/language-server: the
 * compiled code and declarations, bin scripts and package.json — no sources, tests, source
 * maps or build state, and everything package.json points at. (dist/ is not cleaned by the
 * build: publish from a fresh build, as CI does, or a file left in dist/ ships too.)
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/paths.js';

interface Packed {
  name: string;
  unpackedSize: number;
  files: { path: string }[];
}

const PACKAGES = ['packages/core', 'packages/cli', 'packages/language-server'] as const;
let packed: Map<string, Packed>;

beforeAll(() => {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const out = execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts', ...PACKAGES.flatMap((p) => ['-w', p])], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const list = JSON.parse(out.slice(out.indexOf('['))) as Packed[];
  packed = new Map(list.map((p, i) => [PACKAGES[i]!, p]));
}, 60_000);

/** Every file a package.json names: main, types, bin, exports. */
function entryPoints(pkg: Record<string, unknown>): string[] {
  const out: string[] = [];
  const add = (v: unknown) => {
    if (typeof v === 'string') out.push(v.replace(/^\.\//, ''));
    else if (v && typeof v === 'object') Object.values(v).forEach(add);
  };
  add(pkg.main);
  add(pkg.types);
  add(pkg.bin);
  add(pkg.exports);
  return out;
}

describe('npm pack --dry-run', () => {
  for (const dir of PACKAGES) {
    describe(dir, () => {
      it('ships no sources, tests, source maps or build state', () => {
        const files = packed.get(dir)!.files.map((f) => f.path);
        const leaks = files.filter((f) => /\.map$|\.tsbuildinfo$|(^|\/)(src|tests?|test-results|coverage|node_modules)\//.test(f) || /\.test\.|\.spec\./.test(f) || (/\.ts$/.test(f) && !/\.d\.ts$/.test(f)));
        expect(leaks).toEqual([]);
        expect(files.every((f) => f === 'package.json' || /^(dist|bin)\//.test(f) || /^(README|LICENSE)(\.md)?$/i.test(f)), files.join(', ')).toBe(true);
      });

      it('ships every file its package.json points at', () => {
        const pkg = JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) as Record<string, unknown>;
        const files = new Set(packed.get(dir)!.files.map((f) => f.path));
        expect(entryPoints(pkg).filter((f) => !files.has(f))).toEqual([]);
      });

    });
  }

  it('stays small (unpacked under 2 MB each)', () => {
    for (const dir of PACKAGES) expect(packed.get(dir)!.unpackedSize, dir).toBeLessThan(2_000_000);
  });
});
