/**
 * Nothing lost: every command that writes goes through writeFileAtomic (temporary file, then
 * rename), never overwrites without --force, and a write killed midway leaves the original
 * byte-identical and no partial target.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AtomicFile, writeFileAtomic } from '../../packages/cli/src/write-file.js';
import { ROOT } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { budget } from './inputs.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'edunorm-write-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const BUILT_WRITER = pathToFileURL(join(ROOT, 'packages', 'cli', 'dist', 'write-file.js')).href;
const original = Buffer.from('原始数据 — the original, byte for byte\r\n\u0000\xff end\n', 'utf8');

describe('writeFileAtomic', () => {
  it('creates, replaces, keeps the replaced file’s permissions, and leaves no temporary file', () => {
    const target = join(dir, 'out.json');
    writeFileAtomic(target, 'one');
    expect(readFileSync(target, 'utf8')).toBe('one');
    chmodSync(target, 0o640);
    writeFileAtomic(target, Buffer.from('two'));
    expect(readFileSync(target, 'utf8')).toBe('two');
    expect(statSync(target).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['out.json']);
  });

  it('a failed write (the target is a folder) leaves the target as it was and removes its temporary file', () => {
    const target = join(dir, 'taken');
    mkdirSync(target);
    writeFileSync(join(target, 'inside.txt'), original);
    expect(() => writeFileAtomic(target, 'new')).toThrow();
    expect(readFileSync(join(target, 'inside.txt'))).toEqual(original);
    expect(readdirSync(dir)).toEqual(['taken']);
  });

  it('AtomicFile (check --output streams through it): chunks land in a temporary file, the target changes only on commit', () => {
    const target = join(dir, 'report.sarif');
    writeFileSync(target, original);
    const file = new AtomicFile(target);
    file.write('{"a": ');
    file.write(Buffer.from('[1, 2]}'));
    // Written so far: in the temporary file beside the target, the target untouched.
    const temporary = readdirSync(dir).filter((n) => n !== 'report.sarif');
    expect(temporary).toHaveLength(1);
    expect(temporary[0]).toMatch(/^\.report\.sarif\.\d+\.[0-9a-f]{12}\.tmp$/);
    expect(readFileSync(join(dir, temporary[0]!), 'utf8')).toBe('{"a": [1, 2]}');
    expect(readFileSync(target)).toEqual(original);
    file.commit();
    expect(readFileSync(target, 'utf8')).toBe('{"a": [1, 2]}');
    expect(readdirSync(dir)).toEqual(['report.sarif']);
    expect(() => file.write('more')).toThrow(/after it was committed/);
  });

  it('AtomicFile aborted midway (the run failed while writing): the old file stays, the temporary file is gone', () => {
    const target = join(dir, 'report.json');
    writeFileSync(target, original);
    const file = new AtomicFile(target);
    file.write('x'.repeat(3 << 20));
    file.abort();
    file.abort(); // twice is harmless (check.ts aborts on any error)
    expect(readFileSync(target)).toEqual(original);
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('AtomicFile creates missing folders when asked, and fails before writing when not', () => {
    expect(() => new AtomicFile(join(dir, 'a', 'b', 'out.xml'))).toThrow(/ENOENT/);
    const file = new AtomicFile(join(dir, 'a', 'b', 'out.xml'), { createFolders: true });
    file.write('<x/>');
    file.commit();
    expect(readFileSync(join(dir, 'a', 'b', 'out.xml'), 'utf8')).toBe('<x/>');
  });

  it('killed (SIGKILL) while writing: the original stays byte-identical, no partial target', async () => {
    const target = join(dir, 'edunorm-baseline.json');
    let killedMidway = 0;
    // Each attempt kills the writer as soon as its temporary file has data. A write that
    // finished first is inconclusive (then the payload doubles); every attempt must leave the
    // original or the complete new file, never anything else.
    for (let attempt = 0, mb = 64; attempt < 6 && killedMidway < 2; attempt++, mb *= 2) {
      writeFileSync(target, original);
      const script = `import { writeFileAtomic } from ${JSON.stringify(BUILT_WRITER)};
        const payload = 'x'.repeat(${mb} * 1024 * 1024);
        process.stdout.write('ready\\n');
        writeFileAtomic(${JSON.stringify(target)}, payload);
        process.stdout.write('done\\n');`;
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (b: Buffer) => (out += b.toString()));
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
      // Watch for the temporary file to have data, then kill at once.
      const watch = async () => {
        for (;;) {
          if (child.exitCode !== null || child.signalCode !== null) return false;
          const tmp = readdirSync(dir).find((n) => n.endsWith('.tmp'));
          if (tmp) {
            let size = 0;
            try {
              size = statSync(join(dir, tmp)).size;
            } catch {}
            if (size > 0) {
              child.kill('SIGKILL');
              return true;
            }
          }
          await new Promise((r) => setImmediate(r));
        }
      };
      const killed = await watch();
      const signal = await exited;
      const now = readFileSync(target);
      const leftovers = readdirSync(dir).filter((n) => n !== 'edunorm-baseline.json');
      if (killed && signal === 'SIGKILL' && !out.includes('done')) {
        // Killed midway: the target is exactly the original.
        expect(now.equals(original), `attempt ${attempt}: target changed`).toBe(true);
        expect(leftovers.every((n) => /^\.edunorm-baseline\.json\.\d+\.[0-9a-f]+\.tmp$/.test(n)), leftovers.join()).toBe(true);
        if (now.equals(original)) killedMidway++;
      } else {
        expect(now.equals(original) || now.length === mb * 1024 * 1024, `attempt ${attempt}: target is neither old nor new`).toBe(true);
      }
      for (const n of leftovers) rmSync(join(dir, n), { force: true });
    }
    expect(killedMidway, 'no attempt was killed midway').toBeGreaterThan(0);
  }, 120_000);
});

describe('commands that write never overwrite without --force', () => {
  it('baseline: an existing baseline is kept byte-identical (exit 2), --force replaces it', () => {
    writeFileSync(join(dir, 'a.yaml'), budget(4800000, 1000));
    writeFileSync(join(dir, 'edunorm-baseline.json'), original);
    const r = runCli(['baseline', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/exists; add --force/);
    expect(readFileSync(join(dir, 'edunorm-baseline.json'))).toEqual(original);
    expect(runCli(['baseline', '.', '--force'], { cwd: dir }).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'edunorm-baseline.json'), 'utf8')).entries).toHaveLength(1);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('init: existing files are left byte-identical and named; --force rewrites them', () => {
    writeFileSync(join(dir, 'edunorm.config.yaml'), original);
    const r = runCli(['init', '--locale', 'en'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'edunorm.config.yaml'))).toEqual(original);
    expect(r.stdout).toMatch(/--force/);
    expect(existsSync(join(dir, 'examples', 'budget.yaml'))).toBe(true);
    const before = readFileSync(join(dir, 'examples', 'budget.yaml'));
    writeFileSync(join(dir, 'examples', 'budget.yaml'), original);
    expect(runCli(['init'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'examples', 'budget.yaml'))).toEqual(original);
    expect(runCli(['init', '--force'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'examples', 'budget.yaml'))).toEqual(before);
    expect(readFileSync(join(dir, 'edunorm.config.yaml'))).not.toEqual(original);
  });

  it('import: an existing output is kept byte-identical (exit 2) before any work', () => {
    writeFileSync(join(dir, 'staff.csv'), '工号,姓名,岗位类别\nT001,张三,专任教师\n');
    writeFileSync(join(dir, 'staff.yaml'), original);
    const r = runCli(['import', 'staff.csv', '--kind', 'Staffing', '--locale', 'en'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/exists; add --force/);
    expect(readFileSync(join(dir, 'staff.yaml'))).toEqual(original);
  });

  it('every file the CLI writes goes through writeFileAtomic', () => {
    const offenders: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.ts$/.test(e.name) && e.name !== 'write-file.ts' && /\b(writeFileSync|appendFileSync|createWriteStream|writeFile)\s*\(/.test(readFileSync(p, 'utf8'))) offenders.push(p);
      }
    };
    for (const pkg of ['cli', 'core', 'language-server']) walk(join(ROOT, 'packages', pkg, 'src'));
    expect(offenders).toEqual([]);
  });
});
