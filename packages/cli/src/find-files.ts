import { isUtf8 as bufferIsUtf8 } from 'node:buffer';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { youngGenerationCheckpoint } from './heap-growth.js';
import { UsageError } from './usage-error.js';
import { MESSAGES as M } from './messages.js';
import { CONFIG_FILE_NAMES } from '@edunorm/core/internal/config-files';

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);
const YAML_FILE = /\.ya?ml$/i;
/** Configuration files are YAML too, but never submissions: folder walks leave them out. */
const CONFIG_FILE = /(^|[\\/])edunorm\.config\.ya?ml$/;

export interface FileTarget {
  /** Absolute path (for display and cache keys; see `fsPath` for names that are not UTF-8). */
  absolute: string;
  /** Path relative to the working folder, with forward slashes (shown to users, used in SARIF). */
  relative: string;
  /**
   * The path's bytes, when a name on it is not valid UTF-8 (a GBK name written by a Chinese
   * Windows archive tool): the string forms cannot open such a file, these bytes can.
   */
  fsPath?: Buffer;
  /** A folder the walk could not read (EACCES, ENAMETOOLONG, …): reported as a finding on it. */
  walkError?: string;
}

/** The path to give to `fs` for a target. */
export const fsPathOf = (t: Pick<FileTarget, 'absolute' | 'fsPath'>): string | Buffer => t.fsPath ?? t.absolute;

/** What a walk met and did not check, beside the files it found (said on stderr). */
export interface WalkNote {
  relative: string;
  reason: 'link-loop';
}

export interface FoundFiles {
  targets: FileTarget[];
  notes: WalkNote[];
  /**
   * Folders the walk listed that hold nothing named like a configuration file: where the search
   * for a file's configuration (findConfigFile) need not look again, once per folder and name.
   */
  unconfigured: Set<string>;
  /** Inputs that named nothing to check: a glob without matches, a folder without YAML files. */
  empty: { input: string; kind: 'glob' | 'folder' }[];
}

type FsPath = string | Buffer;

/** Whether a name's bytes are valid UTF-8 (node:buffer's check, without decoding and encoding it back). */
const isUtf8 = (name: Buffer) => bufferIsUtf8(name);

/** A name that is not UTF-8, as people read it: GB18030 (a superset of GBK) when it decodes, else `\xHH` bytes. */
function displayName(name: Buffer): string {
  try {
    return new TextDecoder('gb18030', { fatal: true }).decode(name);
  } catch {
    return [...name].map((b) => (b < 0x80 ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`)).join('');
  }
}

interface Walked {
  path: FsPath;
  display: string;
  error?: string;
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

/**
 * The folders being walked, from the root down to the current one. Their identities (device and
 * inode) are only needed when a link to a folder is met, to tell a loop: they are looked up then,
 * once per folder, instead of with a stat of every folder walked.
 */
class WalkPath {
  private readonly paths: FsPath[] = [];
  /** undefined: not looked up yet; null: could not be. */
  private readonly ids: (string | null | undefined)[] = [];

  enter(dir: FsPath): void {
    this.paths.push(dir);
    this.ids.push(undefined);
  }

  leave(): void {
    this.paths.pop();
    this.ids.pop();
  }

  includes(identity: string): boolean {
    for (let i = 0; i < this.paths.length; i++) {
      if (this.ids[i] === undefined) {
        try {
          const st = statSync(this.paths[i]!);
          this.ids[i] = `${st.dev}:${st.ino}`;
        } catch {
          this.ids[i] = null;
        }
      }
      if (this.ids[i] === identity) return true;
    }
    return false;
  }
}

const CONFIG_NAMES: ReadonlySet<string> = new Set(CONFIG_FILE_NAMES);

/**
 * Lists every file below a folder, never silently: an unreadable folder (EACCES, a path past
 * PATH_MAX) comes back as an entry with its error; a link to a folder is followed, unless it
 * leads back into a folder being walked (a loop: noted); names that are not UTF-8 keep their bytes.
 */
function walk(dir: FsPath, display: string, out: Walked[], notes: string[], onPath: WalkPath, unconfigured: Set<string>): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true, encoding: 'buffer' });
  } catch (error) {
    out.push({ path: dir, display, error: (error as NodeJS.ErrnoException).code ?? String(error) });
    return;
  }
  onPath.enter(dir);
  youngGenerationCheckpoint();
  entries.sort((a, b) => Buffer.compare(a.name, b.name));
  // A name never holds a separator, and `dir` is already normal: concatenation is what join()
  // would give (it normalises the whole path again, for each of thousands of files).
  const under = (parent: string, name: string) => (parent.endsWith(sep) ? parent + name : parent + sep + name);
  let configured = false;
  for (const e of entries) {
    const name = e.name;
    const text = typeof dir === 'string' && isUtf8(name) ? name.toString('utf8') : undefined;
    // Lower case: on a case-insensitive disk `Edunorm.Config.yaml` is found by name too (the search then looks itself).
    if (text !== undefined && !configured && CONFIG_NAMES.has(text.toLowerCase())) configured = true;
    const full: FsPath = text !== undefined ? under(dir as string, text) : Buffer.concat([Buffer.from(dir), Buffer.from(sep), name]);
    const shown = text !== undefined && display === dir ? (full as string) : under(display, text ?? displayName(name));
    let isDir = e.isDirectory();
    if (e.isSymbolicLink()) {
      try {
        const st = statSync(full);
        if (st.isDirectory()) {
          if (onPath.includes(`${st.dev}:${st.ino}`)) {
            notes.push(shown);
            continue;
          }
          isDir = true;
        }
      } catch {
        // A dangling link: a file entry, reported as unreadable when its name is YAML.
      }
    }
    if (isDir) {
      if (!SKIPPED_DIRS.has(text ?? name.toString('utf8'))) walk(full, shown, out, notes, onPath, unconfigured);
    } else out.push({ path: full, display: shown });
  }
  if (typeof dir === 'string' && !configured) unconfigured.add(dir);
  onPath.leave();
}

/**
 * Expands the command line's paths: a folder yields its `*.yaml`/`*.yml` files (recursively,
 * skipping node_modules and VCS folders, following links to folders), a glob its matches, a
 * file itself (whatever its extension, so a dangling link or unreadable file is still
 * reported). Folders that cannot be read are targets of their own (a finding, never a silent
 * skip); inputs that name nothing to check are listed in `empty`.
 */
export function findFiles(inputs: readonly string[], cwd = process.cwd()): FoundFiles {
  const seen = new Set<string>();
  const targets: FileTarget[] = [];
  const notes: WalkNote[] = [];
  const empty: FoundFiles['empty'] = [];
  const unconfigured = new Set<string>();
  // Most targets lie below the working folder: their relative path is the rest of the string
  // (what path.relative gives, without resolving both paths again for each of thousands).
  const base = resolve(cwd);
  const below = base.endsWith(sep) ? base : base + sep;
  const rel = (abs: string) => {
    const r = abs.startsWith(below) && !abs.includes(`${sep}..`) && !abs.includes(`${sep}.${sep}`) ? abs.slice(below.length) : relative(cwd, abs);
    return (sep === '/' ? r : r.split(sep).join('/')) || '.';
  };
  const push = (w: Walked) => {
    if (seen.has(w.display)) return;
    seen.add(w.display);
    targets.push({
      absolute: w.display,
      relative: rel(w.display),
      ...(typeof w.path !== 'string' ? { fsPath: w.path } : {}),
      ...(w.error ? { walkError: w.error } : {}),
    });
  };
  const walkFrom = (root: string, keep: (w: Walked) => boolean): number => {
    const found: Walked[] = [];
    const loops: string[] = [];
    // A glob below a folder that does not exist matches nothing (said as "no files match").
    if (!existsSync(root)) return 0;
    walk(root, root, found, loops, new WalkPath(), unconfigured);
    for (const l of loops) notes.push({ relative: rel(l), reason: 'link-loop' });
    const kept = found.filter((w) => w.error || keep(w));
    kept.forEach(push);
    return kept.length;
  };
  for (const input of inputs.length ? inputs : ['.']) {
    if (/[*?{]/.test(input)) {
      const base = input.split('/').findIndex((part) => /[*?{]/.test(part));
      const root = resolve(cwd, input.split('/').slice(0, base).join('/') || '.');
      const pattern = globToRegExp(resolve(cwd, input).split(sep).join('/'));
      const n = walkFrom(root, (w) => pattern.test(w.display.split(sep).join('/')) && !CONFIG_FILE.test(w.display));
      if (n === 0) empty.push({ input, kind: 'glob' });
      continue;
    }
    const abs = resolve(cwd, input);
    let stat;
    try {
      stat = statSync(abs);
    } catch (error) {
      // A named file that cannot be stat'ed (missing, dangling link, path too long): reported
      // per file later, unless nothing by that name exists at all, which is a usage error.
      const code = (error as NodeJS.ErrnoException).code;
      let exists = code !== 'ENOENT' && code !== 'ENOTDIR';
      if (!exists) {
        try {
          exists = readdirSync(resolve(abs, '..')).includes(abs.split(sep).pop()!);
        } catch {}
      }
      if (!exists) throw new UsageError(M.noSuchPath(input));
      push({ path: abs, display: abs });
      continue;
    }
    if (stat.isDirectory()) {
      const n = walkFrom(abs, (w) => YAML_FILE.test(w.display) && !CONFIG_FILE.test(w.display));
      if (n === 0) empty.push({ input, kind: 'folder' });
    } else push({ path: abs, display: abs });
  }
  return { targets, notes, empty, unconfigured };
}
