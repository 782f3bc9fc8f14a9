/**
 * What `npm pack` ships for @edunorm/core, @edunorm/cli and @edunorm/language-server: the
 * compiled code and declarations, bin scripts, README, LICENSE and package.json — no sources,
 * tests, source maps (none is built: a map would point at sources the package does not ship,
 * and maps with inlined sources would double the size) or build state, no `sourceMappingURL`
 * naming a file that is not there, and everything package.json points at. publint and
 * `npm publish --dry-run` find nothing to fix. (dist/ is not cleaned by the build: publish from
 * a fresh build, as CI does, or a file left in dist/ ships too.)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { publint } from 'publint';
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

      it('ships a README and a LICENSE; names its repository folder, engines, and bins without ./', () => {
        const files = new Set(packed.get(dir)!.files.map((f) => f.path));
        expect(files.has('README.md'), 'README.md').toBe(true);
        expect(files.has('LICENSE'), 'LICENSE').toBe(true);
        const pkg = JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) as Record<string, any>;
        expect(pkg.repository).toEqual({ type: 'git', url: 'git+https://github.com/edunorm/edunorm.git', directory: dir });
        expect(pkg.engines).toEqual({ node: '>=20' });
        expect(pkg.license).toBe('MIT');
        for (const target of Object.values((pkg.bin ?? {}) as Record<string, string>)) expect(target).not.toMatch(/^\.\//);
      });

      it('has no dangling sourceMappingURL: every one names a shipped file', () => {
        const files = new Set(packed.get(dir)!.files.map((f) => f.path));
        const dangling: string[] = [];
        for (const file of files) {
          if (!/\.(m?js|d\.ts)$/.test(file)) continue;
          const url = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(readFileSync(join(ROOT, dir, file), 'utf8'))?.[1];
          if (url !== undefined && !url.startsWith('data:') && !files.has(join(file, '..', url))) dangling.push(`${file} → ${url}`);
        }
        expect(dangling).toEqual([]);
      });

      it('publint reports nothing (errors, warnings or suggestions)', async () => {
        const { messages } = await publint({ pkgDir: join(ROOT, dir), pack: 'npm', strict: true });
        expect(messages.map((m) => `${m.type} ${m.code} ${m.path.join('.')}`)).toEqual([]);
      }, 60_000);

      it('npm publish --dry-run is clean (no corrected or invalid package.json fields)', () => {
        const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
        const r = spawnSync(npm, ['publish', '--dry-run', '--ignore-scripts'], { cwd: join(ROOT, dir), encoding: 'utf8' });
        expect(r.status, r.stderr).toBe(0);
        // Without a registry login npm warns that publishing would need one; nothing else may be said.
        const warnings = r.stderr.split('\n').filter((l) => /npm (warn|error)/i.test(l) && !/requires you to be logged in/.test(l));
        expect(warnings).toEqual([]);
      }, 60_000);

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
