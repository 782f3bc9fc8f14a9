import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { UsageError } from './usage-error.js';
import { MESSAGES as M } from './messages.js';

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);
const YAML_FILE = /\.ya?ml$/i;
/** Configuration files are YAML too, but never submissions: folder walks leave them out. */
const CONFIG_FILE = /(^|[\\/])edunorm\.config\.ya?ml$/;

export interface FileTarget {
  absolute: string;
  /** Path relative to the working folder, with forward slashes (shown to users, used in SARIF). */
  relative: string;
}


function toTarget(absolute: string, cwd: string): FileTarget {
  return { absolute, relative: relative(cwd, absolute).split(sep).join('/') || '.' };
}

/** Converts a glob (`**`, `*`, `?`, `{a,b}`) to a regular expression over forward-slash paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          re += '(?:.*/)?';
        } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const end = glob.indexOf('}', i);
      if (end < 0) re += '\\{';
      else {
        re += `(?:${glob.slice(i + 1, end).split(',').map((p) => p.replace(/[.+^$()|[\]\\]/g, '\\$&')).join('|')})`;
        i = end;
      }
    } else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function walk(dir: string, out: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIPPED_DIRS.has(e.name)) walk(full, out);
    } else out.push(full);
  }
}

/**
 * Expands the command line's paths: a folder yields its `*.yaml`/`*.yml` files (recursively,
 * skipping node_modules and VCS folders), a glob its matches, a file itself (whatever its
 * extension, so a dangling link or unreadable file is still reported).
 */
export function findFiles(inputs: readonly string[], cwd = process.cwd()): FileTarget[] {
  const seen = new Set<string>();
  const out: FileTarget[] = [];
  const push = (abs: string) => {
    if (!seen.has(abs)) {
      seen.add(abs);
      out.push(toTarget(abs, cwd));
    }
  };
  for (const input of inputs.length ? inputs : ['.']) {
    if (/[*?{]/.test(input)) {
      const base = input.split('/').findIndex((part) => /[*?{]/.test(part));
      const root = resolve(cwd, input.split('/').slice(0, base).join('/') || '.');
      const pattern = globToRegExp(resolve(cwd, input).split(sep).join('/'));
      const files: string[] = [];
      walk(root, files);
      const matches = files.filter((f) => pattern.test(f.split(sep).join('/')) && !CONFIG_FILE.test(f));
      if (matches.length === 0) throw new UsageError(M.noFilesMatch(input));
      matches.forEach(push);
      continue;
    }
    const abs = resolve(cwd, input);
    let stat;
    try {
      stat = statSync(abs);
    } catch {
      // A named file that cannot be stat'ed (missing, dangling link): reported per file later,
      // unless nothing by that name exists at all, which is a usage error.
      try {
        readdirSync(resolve(abs, '..')).includes(abs.split(sep).pop()!) ? push(abs) : (() => { throw new Error(); })();
      } catch {
        throw new UsageError(M.noSuchPath(input));
      }
      continue;
    }
    if (stat.isDirectory()) {
      const files: string[] = [];
      walk(abs, files);
      files.filter((f) => YAML_FILE.test(f) && !CONFIG_FILE.test(f)).forEach(push);
    } else push(abs);
  }
  return out;
}
