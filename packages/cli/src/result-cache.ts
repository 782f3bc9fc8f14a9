import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import type { WorkspaceFileInput } from '@edunorm/core/internal';
import type { DistrictSummary, WorkspaceFinding } from '@edunorm/core';
import { isConfigEntry, isDistrictEntry, isRecordMeta, isIndexEntry, validEntries } from './cache-shape.js';
import type { CheckOptions } from './check-tasks.js';
import type { RetractableCount } from './outcome.js';
import { readAt, writeAt } from './positioned-io.js';
import type { Spool } from './spool.js';
import { AtomicFile } from './write-file.js';

/** The file's content digest: computed once per read, kept in the cache beside its stat. */
export function contentDigest(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * What a cached result depends on besides the file's content (its digest, kept beside the key):
 * the configuration, the edunorm version and the options that change a report. One per
 * configuration of a run, not one per file (on the 2,000-school city a hash per file was 3% of
 * a warm run).
 */
export function resultKey(configHash: string, version: string, options: CheckOptions): string {
  return createHash('sha256')
    // `workspace-2`: results carry their contributions to the norms across documents, with the
    // configuration that made their figures; an entry written before they did would lack them.
    .update(`${configHash}\0${version}\0${options.locale}\0${options.reportUnusedDirectives}\0${options.maxFileBytes ?? ''}\0workspace-2`)
    .digest('hex');
}

/**
 * What the cache compares before it trusts a recorded digest without reading the file. The
 * inode and the change time are what make this safe: a program can set a file's mtime back
 * (`touch -d`, `utimes`, an archive extractor), never its ctime — the kernel sets it to "now" on
 * every write, rename, chmod and on `utimes` itself — and a file replaced by another (a
 * checkout's write-and-rename) has a new inode.
 */
export interface FileStat {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  /**
   * When the stat was taken (ms since the epoch; read-target.ts takes it just before the stat).
   * The racy-stat rule compares the file's times with it, never with when the result is
   * recorded: that may be seconds later (a slow check, a worker's batch answered at its end),
   * and a file read moments after it was written would be trusted (outside review E).
   */
  at?: number;
}

/**
 * A file written this close to when its stat was taken is "racy" (git's word): a second write
 * within the file system's timestamp granularity (a jiffy on Linux, 2 s on FAT, up to 1 s on
 * some network file systems) would leave size, mtime and ctime as they were. Such an entry is
 * recorded untrusted: the next run hashes the file's bytes once instead of believing its stat.
 */
const RACY_MS = 2000;

/** One file's result in the cache file: where its record lies and what it may be served for. */
export interface IndexEntry {
  /** The result key (resultKey): with the content digest `s`, what the result depends on. */
  k: string;
  /** Content digest and the stat it was read at. */
  s: string;
  z: number;
  m: number;
  c: number;
  i: number;
  /** 1: the stat may stand for the digest (not racy when recorded). */
  t: 0 | 1;
  /** The record: offset from the first record, length in bytes, digest (recordDigest). */
  o: number;
  l: number;
  h: string;
}

/** A record's first line: what the pipeline keeps in memory for a file (counts, the join's input). */
export interface RecordMeta {
  /** isEdunorm */
  e: boolean;
  /** Findings by severity: error, warning, info. */
  c: [number, number, number];
  w?: WorkspaceFileInput;
  r?: RetractableCount[];
  /** The record ends with the file's JSON-output element (rendered.ts): its byte length, and the relative path it was rendered for. */
  j?: number;
  p?: string;
}

/**
 * A cache hit: the report's spool line as stored (never parsed here) and its metadata. `line`
 * and `rendered.json` are views of the record as read, valid until the next `get` (the caller
 * writes them to the spool at once); `tail` is both with the line break between them, as the
 * record holds them side by side.
 */
export interface CachedResult {
  line: Buffer;
  tail: Buffer;
  isEdunorm: boolean;
  counts: [number, number, number];
  workspace?: WorkspaceFileInput;
  retractable?: RetractableCount[];
  /** The file's JSON-output element, rendered when it was checked, for the file shown as `relative`. */
  rendered?: { relative: string; json: Buffer };
}

/** What a miss hands to the cache: its spool line (as written to the spool) and its metadata. */
export type FreshResult = Omit<CachedResult, 'line' | 'tail' | 'rendered'> & { line: string; rendered?: { relative: string; json: string } };

type DistrictEntry = { findings: WorkspaceFinding[]; summary: DistrictSummary };
/** A record written this run: where it lies in the run's spool. */
type SpooledRecord = { spool: Spool; at: number; length: number };
type ConfigEntry = { hash: string; dependencies: [path: string, digest: string][] };
type Index = { entries: Record<string, IndexEntry>; configs: Record<string, ConfigEntry>; districts: Record<string, DistrictEntry> };

/**
 * 8: a header of fixed size saying where the signed index lies, then records (per file its
 * metadata line, then its report as the spool line) and the index — a warm run reads a hit's
 * record and passes its line on, never parsing or re-writing reports, and a save appends what
 * changed and a new index, then points the header at it. (7 had the index first, so a save
 * rewrote every record; it keyed each entry on a hash of content and configuration together,
 * 8 on the content digest and the configuration's key.)
 */
const FORMAT = 8;
/** Domain separation: a MAC made for anything else with the same secret never verifies here. */
const MAC_CONTEXT = `edunorm-cache-v${FORMAT}\0`;
/** A cache file larger than this is not read (a run without it is slower, never wrong). */
const MAX_CACHE_BYTES = 1 << 30;
const NEWLINE = Buffer.from('\n');
/**
 * The header: one JSON line padded with spaces to this many bytes, so a save can rewrite it in
 * place with one write of less than a disk sector.
 */
const HEADER_BYTES = 256;
/** A save appends while the file stays under twice its live bytes (and this much more); else it rewrites it whole. */
const GARBAGE_ALLOWANCE = 1 << 20;
/** Records are read through a window of this size: a warm run reads them in file order. */
const WINDOW = 1 << 20;

/**
 * A record's digest, bound to the file, content and key it was written for: a record copied
 * into another file's place, or behind another content or key, does not verify even where the
 * index was not touched.
 */
function recordDigest(file: string, sha: string, key: string, ...record: Uint8Array[]): string {
  const hash = createHash('sha256').update(`${file}\0${sha}\0${key}\0`);
  for (const part of record) hash.update(part);
  return hash.digest('hex');
}

/**
 * What a configuration's dependency is now: a file by its bytes; a folder (a rule pack) by the
 * names it holds, so a pack that gains or loses a rule file changes; a path that must stay
 * absent (a nearer node_modules that would shadow an npm pack) as `absent`. Undefined when it
 * cannot be told (never matches a record).
 *
 * Each with the real path it names now (outside review E): an npm pack installed as a link
 * (`npm link`, a workspace, pnpm) resolves to the folder the link points at, and a link pointed
 * at another copy of the package (another checkout, the same package.json, other rules) left
 * every recorded file as it was — the link's package.json read the same, the old copy was still
 * there — so the old rules' results were served.
 */
function dependencyDigest(path: string): string | undefined {
  try {
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st) return 'absent';
    const real = realpathSync(path);
    if (st.isDirectory()) return `dir:${createHash('sha256').update(`${real}\0`).update(readdirSync(path).sort().join('\0')).digest('hex')}`;
    return createHash('sha256').update(`${real}\0`).update(readFileSync(path)).digest('hex');
  } catch {
    return undefined;
  }
}

function mac(secret: Buffer, index: Uint8Array): string {
  return createHmac('sha256', secret).update(MAC_CONTEXT).update(index).digest('hex');
}

/**
 * The cache file as opened: its verified index and the open descriptor its records are read
 * through. The descriptor stays open until the cache is saved or dropped, so a save by another
 * run (a rename over the file) never changes what this run reads.
 */
class OpenCacheFile {
  private window = Buffer.alloc(0);
  private windowStart = 0;

  constructor(
    private readonly fd: number,
    /** Its size and identity when opened: a save appends only to this file, as it was. */
    readonly size: number,
    readonly dev: number,
    readonly ino: number,
  ) {}

  /** The bytes of a record (a view valid until the next call), or undefined outside the file's records. */
  read(at: number, length: number): Buffer | undefined {
    if (at < HEADER_BYTES || length <= 0 || at + length > this.size) return undefined;
    if (at < this.windowStart || at + length > this.windowStart + this.window.length) {
      const want = Math.max(WINDOW, length);
      const buffer = this.window.length >= want ? this.window : Buffer.allocUnsafe(want);
      const got = readAt(this.fd, buffer, Math.min(want, this.size - at), at);
      this.window = buffer.subarray(0, got);
      this.windowStart = at;
      if (got < length) return undefined;
    }
    return this.window.subarray(at - this.windowStart, at - this.windowStart + length);
  }

  /** Copies `length` bytes from `offset` (records) to `out`, a window at a time. */
  copy(offset: number, length: number, out: Pick<AtomicFile, 'write'>): boolean {
    const buffer = Buffer.allocUnsafe(Math.min(WINDOW, length));
    for (let done = 0; done < length; ) {
      const n = readAt(this.fd, buffer, Math.min(buffer.length, length - done), offset + done);
      if (n <= 0) return false;
      out.write(n === buffer.length ? buffer : buffer.subarray(0, n));
      done += n;
    }
    return true;
  }

  close(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
  }
}

type Opened = { file: OpenCacheFile; index: Index } | { rejected: 'unsigned' | 'shape' } | { foreign: true } | undefined;

/** How every cache file edunorm writes begins (signed(): the header's JSON, `format` first). */
const CACHE_START = '{"format":';
/**
 * What follows `{"format":N` in the caches edunorm has written: formats 6–8 (`tool`, then the
 * index or the MAC; 7 wrote `"index":<length>`), formats 1–5 (`entries`, an object).
 */
const AFTER_FORMAT = [',"tool":"edunorm","index":', ',"tool":"edunorm","mac":"', ',"entries":{'];

/**
 * Whether a file's first bytes are those of a cache edunorm wrote (whole, or cut short
 * anywhere): `{"format":N` followed by what one of its formats wrote next. Ten bytes
 * (`{"format":`) are not enough (outside review E): a baseline without indentation — a
 * script's JSON.stringify, `jq -c` — begins with them too (`{"format":1,"tool":"edunorm",
 * "version":…`), and `--cache-location` pointed at it replaced someone's baseline by a cache.
 */
function beginsAsOurCache(head: string): boolean {
  if (head.length <= CACHE_START.length) return CACHE_START.startsWith(head);
  if (!head.startsWith(CACHE_START)) return false;
  const digits = /^\d*/.exec(head.slice(CACHE_START.length))![0];
  const rest = head.slice(CACHE_START.length + digits.length);
  if (rest === '') return true; // cut short in the number
  if (digits === '') return false;
  return AFTER_FORMAT.some((after) => (rest.length < after.length ? after.startsWith(rest) : rest.startsWith(after)));
}

/**
 * Opens and verifies a cache file: a regular file (never followed through a link, never a FIFO
 * or device to block on), of our format, whose index carries our MAC. Undefined when there is
 * none; `rejected` when there is one we do not trust.
 */
function openCacheFile(location: string, secret: Buffer): Opened {
  let fd: number;
  try {
    fd = openSync(location, constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    // No cache yet; a link (ELOOP) or an unreadable one is not ours to follow: start empty.
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : { rejected: 'shape' };
  }
  let keep = false;
  try {
    const st = fstatSync(fd);
    // A folder, or a file that never was a cache (`--cache-location notes.txt`): a save would
    // replace it — someone's file, not ours to overwrite. An empty file, one that begins as
    // every cache edunorm writes (then torn, old or edited), a FIFO or a device (never read:
    // O_NONBLOCK, and a save puts a cache in its place) are ours to replace.
    if (st.isDirectory()) return { foreign: true };
    if (!st.isFile()) return { rejected: 'shape' };
    const head = Buffer.alloc(HEADER_BYTES);
    const got = readAt(fd, head, HEADER_BYTES, 0);
    if (got > 0 && !beginsAsOurCache(head.toString('latin1', 0, Math.min(got, 64)))) return { foreign: true };
    if (st.size > MAX_CACHE_BYTES) return { rejected: 'shape' };
    if (got !== HEADER_BYTES || head[HEADER_BYTES - 1] !== 10) return { rejected: 'shape' };
    const header = JSON.parse(head.toString('utf8', 0, HEADER_BYTES - 1)) as { format?: unknown; tool?: unknown; index?: unknown; mac?: unknown };
    if (typeof header !== 'object' || header === null || header.format !== FORMAT || header.tool !== 'edunorm' || typeof header.mac !== 'string') return { rejected: 'shape' };
    const [at, length] = Array.isArray(header.index) ? (header.index as unknown[]) : [];
    if (!Number.isInteger(at) || !Number.isInteger(length) || (at as number) < HEADER_BYTES || (length as number) < 2 || (at as number) + (length as number) > st.size) return { rejected: 'shape' };
    const indexBytes = Buffer.allocUnsafe(length as number);
    if (readAt(fd, indexBytes, length as number, at as number) !== length) return { rejected: 'shape' };
    const expected = Buffer.from(mac(secret, indexBytes), 'hex');
    const given = Buffer.from(header.mac, 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { rejected: 'unsigned' };
    const body = JSON.parse(indexBytes.toString('utf8')) as { entries?: unknown; configs?: unknown; districts?: unknown };
    const index: Index = {
      entries: validEntries<IndexEntry>(body?.entries, isIndexEntry),
      configs: validEntries<ConfigEntry>(body?.configs, isConfigEntry),
      districts: validEntries<DistrictEntry>(body?.districts, isDistrictEntry),
    };
    keep = true;
    return { file: new OpenCacheFile(fd, st.size, st.dev, st.ino), index };
  } catch {
    return { rejected: 'shape' };
  } finally {
    if (!keep) closeSync(fd);
  }
}

/**
 * `--cache`: results keyed on the file's bytes, the resolved configuration and packs, the
 * edunorm version and the output-relevant options. A changed rule or config changes the key.
 * Configurations are remembered with the files and folders they depend on, so a warm run can
 * tell that nothing changed without loading the rule engine.
 *
 * The file (format 8) is a header line of HEADER_BYTES `{"format","tool","index":[at,length],"mac"}`,
 * then records and, where the header says, the index (JSON: per file its key, content digest,
 * stat and where its record lies with the record's digest; the configurations; the districts).
 * A record is a metadata line (counts, whether it is ours, its input to the norms across
 * documents), its report as the spool line, and — when it was checked for `--format json` — its
 * element of the JSON output (rendered.ts). A warm run parses the index and one small line per
 * hit; the report goes to the spool as bytes. A save appends the records written this run and a
 * new index, and rewrites the header in place (`save`); records and indexes it left behind are
 * dropped when the file is written anew.
 *
 * The index is signed with a secret from the user's cache folder (cache-secret.ts): a cache
 * committed to the repository, edited, or written by someone else does not verify and is
 * ignored as a whole. A record is served only if its digest — bound to its file, content and key — is
 * the one the signed index holds, and its metadata has the expected shape; otherwise it is a
 * miss. The report line itself is not re-validated: it is authenticated, and its key includes
 * the edunorm version and FORMAT, so only this edunorm, from a report it produced, wrote it. A
 * cache can only ever make a run faster, never change a verdict.
 */
export class FileResultCache {
  private entries: Record<string, IndexEntry> = Object.create(null) as Record<string, IndexEntry>;
  private configs: Record<string, ConfigEntry> = Object.create(null) as Record<string, ConfigEntry>;
  /** Findings across documents and figures of each district, by the hash of what they depend on. */
  private districts: Record<string, DistrictEntry> = Object.create(null) as Record<string, DistrictEntry>;
  /**
   * Records written this run (not yet in the file), by file: where each lies in the run's spool
   * (`set`), which holds them until the save copies them — the run does not.
   */
  private readonly fresh = new Map<string, SpooledRecord>();
  /** Keys of districts used this run: the cache keeps only these (no growth across runs). */
  private readonly usedDistricts = new Set<string>();
  private readonly verified = new Map<string, string | undefined>();
  /**
   * The files this run's configurations depend on (configuration files, rule files, package
   * files): never written as the cache (see `save`).
   */
  private readonly inputs = new Set<string>();
  private file: OpenCacheFile | undefined;
  private dirty = false;
  hits = 0;
  misses = 0;
  /** Why an existing cache file was not used (for --verbose), if it was not. */
  rejected?: 'unsigned' | 'shape';
  /**
   * What is at the location never was a cache (`--cache-location notes.txt`, a folder): the
   * caller runs without the cache rather than overwrite it (openCache in commands/common.ts).
   */
  foreign = false;

  constructor(
    readonly location: string,
    private readonly secret: Buffer,
  ) {
    const opened = openCacheFile(location, secret);
    if (!opened) return;
    if ('foreign' in opened) {
      this.foreign = true;
      return;
    }
    if ('rejected' in opened) {
      this.rejected = opened.rejected;
      return;
    }
    this.file = opened.file;
    this.entries = opened.index.entries;
    this.configs = opened.index.configs;
    this.districts = opened.index.districts;
  }

  /** The hash of a configuration file if none of its dependencies changed since it was recorded. */
  configHash(file: string): string | undefined {
    if (this.verified.has(file)) return this.verified.get(file);
    const entry = this.configs[file];
    if (entry) for (const [path] of entry.dependencies) this.inputs.add(path);
    const hash = entry && entry.dependencies.every(([path, digest]) => dependencyDigest(path) === digest) ? entry.hash : undefined;
    this.verified.set(file, hash);
    return hash;
  }

  /**
   * Remembers that configuration `file` has `hash` while its dependencies are as they are now.
   * `currentHash` resolves the configuration again, after the digests were taken: the run loaded
   * it before its first file was checked, and an edit since then (outside review E: a file saved
   * while a long run checks) would otherwise pair the old configuration's hash — and its results
   * — with the new files' digests, served by every later run. Remembered only when the
   * configuration, read after the digests, still has the hash the results were made with.
   */
  rememberConfig(file: string, hash: string, dependencies: readonly string[], currentHash: () => string | undefined): void {
    const recorded: [string, string][] = [];
    for (const d of dependencies) this.inputs.add(d);
    for (const d of dependencies) {
      const digest = dependencyDigest(d);
      if (digest === undefined) return; // cannot be told later: do not remember this configuration
      recorded.push([d, digest]);
    }
    let now: string | undefined;
    try {
      now = currentHash();
    } catch {
      now = undefined;
    }
    if (now !== hash) return;
    this.configs[file] = { hash, dependencies: recorded };
    this.verified.set(file, hash);
    this.dirty = true;
  }

  /**
   * The content digest recorded for a file, if its stat is the one recorded and the entry was
   * not racy: then a warm run need not even read the file.
   */
  digestByStat(file: string, st: FileStat): string | undefined {
    const e = this.entries[file];
    return e && e.t === 1 && e.z === st.size && e.m === st.mtimeMs && e.c === st.ctimeMs && e.i === st.ino ? e.s : undefined;
  }

  /** Whether a result was recorded for this file (whatever its key). */
  has(file: string): boolean {
    return this.entries[file] !== undefined;
  }

  /** Counts a miss that never got as far as `get` (a file never seen, unreadable). */
  miss(): void {
    this.misses++;
  }

  /**
   * A cached result for the file's content digest `sha`; `key` (resultKey) is undefined when
   * the configuration changed (always a miss). `st`: the file's stat now, when the hit was
   * found by its content (a touched file) — recorded, so the next run can trust it without
   * reading the file again.
   */
  get(file: string, sha: string, key: string | undefined, st?: FileStat): CachedResult | undefined {
    const e = this.entries[file];
    const hit = e && key !== undefined && e.k === key && e.s === sha ? this.readRecord(file, e) : undefined;
    if (!hit) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    if (st) {
      this.entries[file] = { ...e!, z: st.size, m: st.mtimeMs, c: st.ctimeMs, i: st.ino, t: trusted(st, st.at ?? Date.now()) };
      this.dirty = true;
    }
    return hit;
  }

  /** The record of an entry, if it verifies against the signed index and has our shape. */
  private readRecord(file: string, e: IndexEntry): CachedResult | undefined {
    const fresh = this.fresh.get(file);
    const bytes = fresh ? fresh.spool.readRange(fresh.at, fresh.length) : this.file?.read(e.o, e.l);
    if (!bytes || recordDigest(file, e.s, e.k, bytes) !== e.h) return undefined;
    const eol = bytes.indexOf(10);
    if (eol < 0) return undefined;
    let meta: unknown;
    try {
      meta = JSON.parse(bytes.toString('utf8', 0, eol));
    } catch {
      return undefined;
    }
    if (!isRecordMeta(meta)) return undefined;
    // `meta \n line \n rendered`: the line ends where the rendered element (if any) begins.
    const lineEnd = bytes.length - 1 - (meta.j ?? 0);
    if (lineEnd <= eol || bytes[lineEnd] !== 10 || (meta.j !== undefined) !== (meta.p !== undefined)) return undefined;
    // Views, not copies (the spool copies them): the window is reused only by the next read.
    const line = bytes.subarray(eol + 1, lineEnd);
    const rendered = meta.j !== undefined ? { relative: meta.p!, json: bytes.subarray(lineEnd + 1) } : undefined;
    return { line, tail: bytes.subarray(eol + 1), isEdunorm: meta.e, counts: meta.c, ...(meta.w ? { workspace: meta.w } : {}), ...(meta.r ? { retractable: meta.r } : {}), ...(rendered ? { rendered } : {}) };
  }

  /**
   * Records a file checked this run, and spools its report as target `index`: the spool line
   * (the report, then its rendered element if any) is written as the middle of the record,
   * between the metadata line and the record's end, so the record is never held here.
   */
  set(file: string, key: string, result: FreshResult, stat: FileStat & { sha: string }, spool: Spool, index: number): void {
    const line = Buffer.from(result.rendered ? `${result.line}\n${result.rendered.json}` : result.line, 'utf8');
    const meta: RecordMeta = {
      e: result.isEdunorm,
      c: result.counts,
      ...(result.workspace ? { w: result.workspace } : {}),
      ...(result.retractable ? { r: result.retractable } : {}),
      ...(result.rendered ? { j: Buffer.byteLength(result.rendered.json, 'utf8'), p: result.rendered.relative } : {}),
    };
    const before = Buffer.from(`${JSON.stringify(meta)}\n`, 'utf8');
    // `meta \n line \n` or `meta \n line \n rendered`: the record ends where its rendered element does.
    const after = result.rendered ? undefined : NEWLINE;
    const at = spool.write(index, line, { before, ...(after ? { after } : { report: Buffer.byteLength(result.line, 'utf8') }) });
    const parts = after ? [before, line, after] : [before, line];
    const length = parts.reduce((n, p) => n + p.length, 0);
    this.fresh.set(file, { spool, at, length });
    this.entries[file] = { k: key, s: stat.sha, z: stat.size, m: stat.mtimeMs, c: stat.ctimeMs, i: stat.ino, t: trusted(stat, stat.at ?? Date.now()), o: -1, l: length, h: recordDigest(file, stat.sha, key, ...parts) };
    this.dirty = true;
  }

  /** A district's findings and figures, if nothing they depend on changed. */
  getDistrict(key: string): DistrictEntry | undefined {
    const e = this.districts[key];
    if (!e) return undefined;
    this.usedDistricts.add(key);
    return { findings: e.findings.map((f) => ({ ...f })), summary: e.summary };
  }

  setDistrict(key: string, entry: DistrictEntry): void {
    this.districts[key] = { findings: entry.findings, summary: entry.summary };
    this.usedDistricts.add(key);
    this.dirty = true;
  }

  /**
   * Writes the cache if it changed and closes the old file; returns the reason when it could
   * not (the run goes on). Not flushed to disk: a cache torn by a crash does not verify and is
   * ignored, which is all a cache needs.
   *
   * Usually by appending to the file this run opened: the records written this run, then the new
   * index, then the header rewritten in place to point at it. Until that last write the old
   * header and index stand, and they point only at bytes no save changes; so a run reading the
   * file meanwhile, or a save cut short, sees the old cache or the new one (a torn header does
   * not verify). The whole file is written anew — a temporary file renamed over it — when there
   * is none, when it is not the file this run opened as it was (another run saved since), or when
   * it would grow past twice its live bytes.
   */
  save(): string | undefined {
    try {
      if (!this.dirty) return undefined;
      // Outside review E: `--cache-location edunorm.config.yaml` — an empty configuration file
      // is "ours to replace" by its bytes (so is a cache cut short when it was created) and is no
      // checked file, and the save replaced the configuration the run had just used.
      if (this.namesAnInput()) return 'EINPUT: the cache location is a file the configuration reads';
      // Districts not seen this run are dropped: their keys can never match again once a file changed.
      const districts: Record<string, DistrictEntry> = {};
      for (const key of this.usedDistricts) if (this.districts[key]) districts[key] = this.districts[key]!;
      if (this.file && this.append(this.file, districts)) return undefined;
      this.rewrite(districts);
      return undefined;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code ?? String(error);
    } finally {
      this.file?.close();
      this.file = undefined;
    }
  }

  /** The files the configurations of this run depend on, as far as the cache saw them (verified or remembered). */
  dependencyFiles(): ReadonlySet<string> {
    return this.inputs;
  }

  /** Whether the cache location is one of `inputs`: by its path, or (a regular file there) by device and inode. */
  private namesAnInput(): boolean {
    if (this.inputs.size === 0) return false;
    if (this.inputs.has(this.location)) return true;
    const here = lstatSync(this.location, { throwIfNoEntry: false });
    // A link, a FIFO or nothing at the location is replaced, never written through.
    if (!here?.isFile()) return false;
    for (const path of this.inputs) {
      let st;
      try {
        st = statSync(path, { throwIfNoEntry: false });
      } catch {
        continue; // ENOTDIR, EACCES on the way: not the file at the location
      }
      if (st && st.dev === here.dev && st.ino === here.ino) return true;
    }
    return false;
  }

  /** The index and header for these entries (offsets as they will lie in the file). */
  private signed(entries: Record<string, IndexEntry>, districts: Record<string, DistrictEntry>, at: number): { index: Buffer; header: Buffer } {
    const index = Buffer.from(JSON.stringify({ entries, configs: this.configs, districts }), 'utf8');
    const json = JSON.stringify({ format: FORMAT, tool: 'edunorm', index: [at, index.length], mac: mac(this.secret, index) });
    const header = Buffer.alloc(HEADER_BYTES, ' ');
    header.write(json, 0, 'utf8');
    header[HEADER_BYTES - 1] = 10;
    return { index, header };
  }

  /**
   * Appends this run's records and a new index to `file`, then points the header at them.
   * False (nothing written) when the file on disk is no longer the one opened, as it was, has
   * another name too, or would hold more garbage than live bytes.
   */
  private append(file: OpenCacheFile, districts: Record<string, DistrictEntry>): boolean {
    let live = HEADER_BYTES;
    let at = file.size;
    const entries: Record<string, IndexEntry> = {};
    const fresh: SpooledRecord[] = [];
    for (const name of Object.keys(this.entries)) {
      const e = this.entries[name]!;
      const f = this.fresh.get(name);
      if (f) {
        entries[name] = { ...e, o: at };
        fresh.push(f);
        at += e.l;
      } else if (e.o >= HEADER_BYTES) entries[name] = e;
      else continue;
      live += e.l;
    }
    let fd: number;
    try {
      fd = openSync(this.location, constants.O_WRONLY | constants.O_NONBLOCK | (constants.O_NOFOLLOW ?? 0));
    } catch {
      return false;
    }
    try {
      const st = fstatSync(fd);
      // Only the file opened, as it was, and by no other name (a hard link elsewhere keeps what
      // it held, as a rename over this name would leave it).
      if (!st.isFile() || st.nlink !== 1 || st.dev !== file.dev || st.ino !== file.ino || st.size !== file.size) return false;
      const { index, header } = this.signed(entries, districts, at);
      if (at + index.length > 2 * (live + index.length) + GARBAGE_ALLOWANCE || at + index.length > MAX_CACHE_BYTES) return false;
      let position = file.size;
      const put = (bytes: Uint8Array) => {
        writeAt(fd, bytes, position);
        position += bytes.length;
      };
      for (const f of fresh) f.spool.copyRange(f.at, f.length, put);
      put(index);
      // Last, and in one write: the header that makes the new index the cache.
      writeAt(fd, header, 0);
      return true;
    } finally {
      closeSync(fd);
    }
  }

  /** Writes the whole file anew: header, records in index order (old ones copied as bytes), index. */
  private rewrite(districts: Record<string, DistrictEntry>): void {
    const entries: Record<string, IndexEntry> = {};
    const pieces: ({ from: number; length: number } | SpooledRecord)[] = [];
    let offset = HEADER_BYTES;
    for (const file of Object.keys(this.entries)) {
      const e = this.entries[file]!;
      const fresh = this.fresh.get(file);
      if (fresh) pieces.push(fresh);
      else if (!this.file || e.o < HEADER_BYTES) continue;
      else {
        // Runs of old records that lie back to back are copied in one piece.
        const last = pieces[pieces.length - 1];
        if (last && 'from' in last && last.from + last.length === e.o) last.length += e.l;
        else pieces.push({ from: e.o, length: e.l });
      }
      entries[file] = { ...e, o: offset };
      offset += e.l;
    }
    const { index, header } = this.signed(entries, districts, offset);
    const out = new AtomicFile(this.location, { createFolders: true, durable: false, replaceLinks: true });
    try {
      out.write(header);
      for (const p of pieces) {
        if ('spool' in p) p.spool.copyRange(p.at, p.length, (bytes) => out.write(bytes));
        else if (!this.file!.copy(p.from, p.length, out)) throw Object.assign(new Error('the old cache file was cut short'), { code: 'ESHORT' });
      }
      out.write(index);
      out.commit();
    } catch (error) {
      out.abort();
      throw error;
    }
  }
}

/** Whether a stat taken at `now` (FileStat.at: when it was taken, not when it is recorded) may later stand for the file's bytes (see RACY_MS). */
function trusted(st: FileStat, now: number): 0 | 1 {
  return Math.max(st.mtimeMs, st.ctimeMs) < now - RACY_MS ? 1 : 0;
}
