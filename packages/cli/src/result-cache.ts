import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Citation, Finding } from '@edunorm/core';
import type { FileReport } from './check-files.js';
import { writeFileAtomic } from './write-file.js';

type Entry = {
  key: string;
  report: Omit<FileReport, 'file'>;
  /** The content digest and the size and mtime it was read at (ESLint's "metadata" strategy). */
  sha?: string;
  size?: number;
  mtimeMs?: number;
};
type ConfigEntry = { hash: string; dependencies: [path: string, sha: string][] };

function sha(path: string): string | undefined {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex');
  } catch {
    return undefined;
  }
}

/**
 * `--cache`: results keyed on the file's bytes, the resolved configuration and packs, the
 * edunorm version and the output-relevant options. A changed rule or config changes the key.
 * Configurations are remembered with the files they depend on, so a warm run can tell that
 * nothing changed without loading the rule engine.
 */
export class FileResultCache {
  private entries: Record<string, Entry> = {};
  private configs: Record<string, ConfigEntry> = {};
  /** Each rule's citation once, not once per finding: it is the bulk of a finding's bytes. */
  private citations: Record<string, Citation> = {};
  private readonly verified = new Map<string, string | undefined>();
  private dirty = false;
  hits = 0;
  misses = 0;

  constructor(readonly location: string) {
    try {
      const data = JSON.parse(readFileSync(location, 'utf8')) as {
        format?: number;
        entries?: Record<string, Entry>;
        configs?: Record<string, ConfigEntry>;
        citations?: Record<string, Citation>;
      };
      // Format 5: entries carry the documents' identities (`report` groups by them).
      if (data.format === 5 && data.entries && data.configs && data.citations) {
        this.entries = data.entries;
        this.configs = data.configs;
        this.citations = data.citations;
      }
    } catch {
      // No cache yet, or an unreadable one: start empty (a cache is never a reason to fail).
    }
  }

  /** The hash of a configuration file if none of its dependencies changed since it was recorded. */
  configHash(file: string): string | undefined {
    if (this.verified.has(file)) return this.verified.get(file);
    const entry = this.configs[file];
    const hash = entry && entry.dependencies.every(([path, digest]) => sha(path) === digest) ? entry.hash : undefined;
    this.verified.set(file, hash);
    return hash;
  }

  rememberConfig(file: string, hash: string, dependencies: readonly string[]): void {
    this.configs[file] = { hash, dependencies: dependencies.map((d) => [d, sha(d) ?? '']) };
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

  /** A cached result; `key` is undefined when the configuration changed (always a miss). */
  get(file: string, key: string | undefined): Omit<FileReport, 'file'> | undefined {
    const e = this.entries[file];
    if (e && key !== undefined && e.key === key) {
      this.hits++;
      const cite = <T extends Finding>(f: T): T => (this.citations[f.ruleId] ? { ...f, citation: this.citations[f.ruleId] } : f);
      return { ...e.report, findings: e.report.findings.map(cite), suppressed: e.report.suppressed.map(cite) };
    }
    this.misses++;
    return undefined;
  }

  set(file: string, key: string, report: Omit<FileReport, 'file'>, stat?: { sha: string; size: number; mtimeMs: number }): void {
    const strip = <T extends Finding>(f: T): T => {
      if (!f.citation) return f;
      this.citations[f.ruleId] = f.citation;
      const { citation: _citation, ...rest } = f;
      return rest as T;
    };
    this.entries[file] = { key, report: { ...report, findings: report.findings.map(strip), suppressed: report.suppressed.map(strip) }, ...(stat ?? {}) };
    this.dirty = true;
  }

  save(): void {
    if (this.dirty) writeFileAtomic(this.location, JSON.stringify({ format: 5, entries: this.entries, configs: this.configs, citations: this.citations }));
  }
}
