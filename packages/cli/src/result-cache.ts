import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FileReport } from './check-files.js';
import { writeFileAtomic } from './write-file.js';

type Entry = { key: string; report: Omit<FileReport, 'file'> };
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
  private readonly verified = new Map<string, string | undefined>();
  private dirty = false;
  hits = 0;
  misses = 0;

  constructor(readonly location: string) {
    try {
      const data = JSON.parse(readFileSync(location, 'utf8')) as { format?: number; entries?: Record<string, Entry>; configs?: Record<string, ConfigEntry> };
      if (data.format === 2 && data.entries && data.configs) {
        this.entries = data.entries;
        this.configs = data.configs;
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

  /** A cached result; `key` is undefined when the configuration changed (always a miss). */
  get(file: string, key: string | undefined): Omit<FileReport, 'file'> | undefined {
    const e = this.entries[file];
    if (e && key !== undefined && e.key === key) {
      this.hits++;
      return e.report;
    }
    this.misses++;
    return undefined;
  }

  set(file: string, key: string, report: Omit<FileReport, 'file'>): void {
    this.entries[file] = { key, report };
    this.dirty = true;
  }

  save(): void {
    if (this.dirty) writeFileAtomic(this.location, JSON.stringify({ format: 2, entries: this.entries, configs: this.configs }));
  }
}
