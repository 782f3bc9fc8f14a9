import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { Citation, Finding } from '@edunorm/core';
import { isCitation, isConfigEntry, isDistrictEntry, isEntry, validEntries } from './cache-shape.js';
import type { DistrictSummary, WorkspaceFinding } from '@edunorm/core';
import type { CheckOptions } from './check-tasks.js';
import type { CheckedFile } from './file-report.js';
import { writeFileAtomic } from './write-file.js';

/** The file's content digest: computed once per read, kept in the cache beside its size and mtime. */
export function contentDigest(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** What a cached result depends on: the file's content, the configuration, version and options. */
export function resultKey(contentSha: string, configHash: string, version: string, options: CheckOptions): string {
  return createHash('sha256')
    // `workspace-1`: results carry their contributions to the norms across documents; an entry
    // written before they did would lack them.
    .update(`${contentSha}\0${configHash}\0${version}\0${options.locale}\0${options.reportUnusedDirectives}\0${options.maxFileBytes ?? ''}\0workspace-1`)
    .digest('hex');
}

type Entry = {
  key: string;
  report: CheckedFile;
  /** The content digest and the size and mtime it was read at (ESLint's "metadata" strategy). */
  sha?: string;
  size?: number;
  mtimeMs?: number;
};
type DistrictEntry = { findings: WorkspaceFinding[]; summary: DistrictSummary };
type ConfigEntry = { hash: string; dependencies: [path: string, digest: string][] };

/** 6: signed; entries carry the documents' identities (`report` groups by them) and contributions; district results. */
const FORMAT = 6;
/** Domain separation: a MAC made for anything else with the same secret never verifies here. */
const MAC_CONTEXT = `edunorm-cache-v${FORMAT}\0`;

/**
 * What a configuration's dependency is now: a file by its bytes; a folder (a rule pack) by the
 * names it holds, so a pack that gains or loses a rule file changes; a path that must stay
 * absent (a nearer node_modules that would shadow an npm pack) as `absent`. Undefined when it
 * cannot be told (never matches a record).
 */
function dependencyDigest(path: string): string | undefined {
  try {
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st) return 'absent';
    if (st.isDirectory()) return `dir:${createHash('sha256').update(readdirSync(path).sort().join('\0')).digest('hex')}`;
    return createHash('sha256').update(readFileSync(path)).digest('hex');
  } catch {
    return undefined;
  }
}

function mac(secret: Buffer, body: string): string {
  return createHmac('sha256', secret).update(MAC_CONTEXT).update(body).digest('hex');
}

/**
 * `--cache`: results keyed on the file's bytes, the resolved configuration and packs, the
 * edunorm version and the output-relevant options. A changed rule or config changes the key.
 * Configurations are remembered with the files and folders they depend on, so a warm run can
 * tell that nothing changed without loading the rule engine.
 *
 * The file is signed with a secret from the user's cache folder (cache-secret.ts): a cache
 * committed to the repository, edited, or written by someone else does not verify and is
 * ignored as a whole; an entry of unexpected shape is a miss. A cache can only ever make a run
 * faster, never change a verdict.
 */
export class FileResultCache {
  private entries: Record<string, Entry> = Object.create(null) as Record<string, Entry>;
  private configs: Record<string, ConfigEntry> = Object.create(null) as Record<string, ConfigEntry>;
  /** Each rule's citation once, not once per finding: it is the bulk of a finding's bytes. */
  private citations: Record<string, Citation> = Object.create(null) as Record<string, Citation>;
  /** Findings across documents and figures of each district, by the hash of what they depend on. */
  private districts: Record<string, DistrictEntry> = Object.create(null) as Record<string, DistrictEntry>;
  /** Keys of districts used this run: the cache keeps only these (no growth across runs). */
  private readonly usedDistricts = new Set<string>();
  private readonly verified = new Map<string, string | undefined>();
  private dirty = false;
  hits = 0;
  misses = 0;
  /** Why an existing cache file was not used (for --verbose), if it was not. */
  rejected?: 'unsigned' | 'shape';

  constructor(
    readonly location: string,
    private readonly secret: Buffer,
  ) {
    let raw: string;
    try {
      raw = readFileSync(location, 'utf8');
    } catch {
      return; // No cache yet, or an unreadable one: start empty (a cache is never a reason to fail).
    }
    try {
      const data = JSON.parse(raw) as unknown;
      const d = data as { format?: unknown; body?: unknown; mac?: unknown };
      if (typeof d !== 'object' || d === null || d.format !== FORMAT || typeof d.body !== 'string' || typeof d.mac !== 'string') {
        this.rejected = 'shape';
        return;
      }
      const expected = Buffer.from(mac(secret, d.body), 'hex');
      const given = Buffer.from(d.mac, 'hex');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        this.rejected = 'unsigned';
        return;
      }
      const body = JSON.parse(d.body) as { entries?: unknown; configs?: unknown; citations?: unknown; districts?: unknown };
      this.districts = validEntries<DistrictEntry>(body?.districts, isDistrictEntry);
      this.entries = validEntries<Entry>(body?.entries, isEntry);
      this.configs = validEntries<ConfigEntry>(body?.configs, isConfigEntry);
      this.citations = validEntries<Citation>(body?.citations, isCitation);
    } catch {
      this.rejected = 'shape';
    }
  }

  /** The hash of a configuration file if none of its dependencies changed since it was recorded. */
  configHash(file: string): string | undefined {
    if (this.verified.has(file)) return this.verified.get(file);
    const entry = this.configs[file];
    const hash = entry && entry.dependencies.every(([path, digest]) => dependencyDigest(path) === digest) ? entry.hash : undefined;
    this.verified.set(file, hash);
    return hash;
  }

  rememberConfig(file: string, hash: string, dependencies: readonly string[]): void {
    const recorded: [string, string][] = [];
    for (const d of dependencies) {
      const digest = dependencyDigest(d);
      if (digest === undefined) return; // cannot be told later: do not remember this configuration
      recorded.push([d, digest]);
    }
    this.configs[file] = { hash, dependencies: recorded };
    this.verified.set(file, hash);
    this.dirty = true;
  }

  /**
   * The content digest recorded for a file, if its size and modification time are unchanged:
   * then a warm run need not even read the file.
   */
  digestByStat(file: string, size: number, mtimeMs: number): string | undefined {
    const e = this.entries[file];
    return e && e.sha && e.size === size && e.mtimeMs === mtimeMs ? e.sha : undefined;
  }

  /** Whether a result was recorded for this file (whatever its key). */
  has(file: string): boolean {
    return this.entries[file] !== undefined;
  }

  /** A cached result; `key` is undefined when the configuration changed (always a miss). */
  get(file: string, key: string | undefined): CheckedFile | undefined {
    const e = this.entries[file];
    if (e && key !== undefined && e.key === key) {
      this.hits++;
      const cite = <T extends Finding>(f: T): T => (this.citations[f.ruleId] ? { ...f, citation: this.citations[f.ruleId] } : f);
      return { ...e.report, findings: e.report.findings.map(cite), suppressed: e.report.suppressed.map(cite) };
    }
    this.misses++;
    return undefined;
  }

  set(file: string, key: string, report: CheckedFile, stat?: { sha: string; size: number; mtimeMs: number }): void {
    const strip = <T extends Finding>(f: T): T => {
      if (!f.citation) return f;
      this.citations[f.ruleId] = f.citation;
      const { citation: _citation, ...rest } = f;
      return rest as T;
    };
    this.entries[file] = { key, report: { ...report, findings: report.findings.map(strip), suppressed: report.suppressed.map(strip) }, ...(stat ?? {}) };
    this.dirty = true;
  }

  /** A district's findings and figures, if nothing they depend on changed. */
  getDistrict(key: string): DistrictEntry | undefined {
    const e = this.districts[key];
    if (!e) return undefined;
    this.usedDistricts.add(key);
    return { findings: e.findings.map((f) => (this.citations[f.ruleId] ? { ...f, citation: this.citations[f.ruleId]! } : f)), summary: e.summary };
  }

  setDistrict(key: string, entry: DistrictEntry): void {
    const findings = entry.findings.map((f) => {
      if (!f.citation) return f;
      this.citations[f.ruleId] = f.citation;
      const { citation: _citation, ...rest } = f;
      return rest;
    });
    this.districts[key] = { findings, summary: entry.summary };
    this.usedDistricts.add(key);
    this.dirty = true;
  }

  /** Writes the cache if it changed; returns the reason when it could not (the run goes on). */
  save(): string | undefined {
    if (!this.dirty) return undefined;
    // Districts not seen this run are dropped: their keys can never match again once a file changed.
    const districts: Record<string, DistrictEntry> = {};
    for (const key of this.usedDistricts) if (this.districts[key]) districts[key] = this.districts[key]!;
    const body = JSON.stringify({ entries: this.entries, configs: this.configs, citations: this.citations, districts });
    try {
      writeFileAtomic(this.location, JSON.stringify({ format: FORMAT, tool: 'edunorm', mac: mac(this.secret, body), body }), { createFolders: true });
      return undefined;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code ?? String(error);
    }
  }
}
