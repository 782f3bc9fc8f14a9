/**
 * The secret that authenticates `--cache` entries. A cache file may sit in the repository
 * (`.edunormcache` by default) and a pull request can commit one: every part of a result key
 * (file digest, pack hash, version, locale) can be computed offline, so a key alone would let a
 * forged entry say "no findings" for a failing file. Entries are therefore signed with an HMAC
 * whose secret lives in the user's cache folder, outside any checked tree, created on first use.
 * A checkout never brings a valid secret along: git writes files 0644, the secret must be 0600,
 * owned by this user, and must not lie under the working folder.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { makeFolders, writeFileAtomic } from './write-file.js';

const KEY_BYTES = 32;
const KEY_FILE = 'cache-key';

/** The user's cache folder for edunorm: $XDG_CACHE_HOME/edunorm, %LOCALAPPDATA%\edunorm, ~/.cache/edunorm. */
export function userCacheFolder(env: NodeJS.ProcessEnv): string | undefined {
  if (env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME)) return join(env.XDG_CACHE_HOME, 'edunorm');
  if (process.platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 'edunorm');
  const home = env.HOME || homedir();
  return home && isAbsolute(home) ? join(home, '.cache', 'edunorm') : undefined;
}

export type SecretResult = { secret: Buffer } | { problem: string };

const inside = (child: string, parent: string) => {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/** Reads the secret if it is a regular file of ours with mode 0600 and the right length. */
function readSecret(path: string): Buffer | 'absent' | string {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'absent' : `${path}: ${code ?? String(error)}`;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.size !== KEY_BYTES) return `${path} is not a ${KEY_BYTES}-byte key file`;
    if (process.platform !== 'win32') {
      if (typeof process.getuid === 'function' && st.uid !== process.getuid()) return `${path} belongs to another user`;
      if ((st.mode & 0o077) !== 0) return `${path} is readable by others (mode ${(st.mode & 0o777).toString(8)}, want 600)`;
    }
    const buffer = Buffer.alloc(KEY_BYTES);
    let filled = 0;
    while (filled < KEY_BYTES) {
      const n = readSync(fd, buffer, filled, KEY_BYTES - filled, filled);
      if (n <= 0) return `${path} is truncated`;
      filled += n;
    }
    return buffer;
  } finally {
    closeSync(fd);
  }
}

/**
 * The cache secret, created on first use (written whole, then linked into place exclusively:
 * two runs starting together agree on one key). Never throws: a problem is returned
 * and the run goes on without a cache.
 */
export function cacheSecret(env: NodeJS.ProcessEnv, cwd: string): SecretResult {
  const folder = userCacheFolder(env);
  if (!folder) return { problem: 'no user cache folder (set XDG_CACHE_HOME or HOME)' };
  if (inside(resolve(folder), resolve(cwd))) return { problem: `the user cache folder ${folder} lies inside the checked folder` };
  const path = join(folder, KEY_FILE);
  try {
    const found = readSecret(path);
    if (Buffer.isBuffer(found)) return { secret: found };
    if (found !== 'absent') return { problem: found };
    makeFolders(folder, 0o700);
    try {
      writeFileAtomic(path, randomBytes(KEY_BYTES), { exclusive: true, mode: 0o600, replaceLinks: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const created = readSecret(path);
    return Buffer.isBuffer(created) ? { secret: created } : { problem: created === 'absent' ? `${path} vanished` : created };
  } catch (error) {
    return { problem: `cannot create ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
}
