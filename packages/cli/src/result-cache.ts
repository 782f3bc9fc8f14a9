import { readFileSync } from 'node:fs';
import type { FileReport, ResultCache } from './check-files.js';
import { writeFileAtomic } from './write-file.js';

type Entry = { key: string; report: Omit<FileReport, 'file'> };

/**
 * `--cache`: results keyed on the file's bytes, the resolved configuration and packs, the
 * edunorm version and the output-relevant options. A changed rule or config changes the key.
 */
export class FileResultCache implements ResultCache {
  private entries: Record<string, Entry> = {};
  private dirty = false;
  hits = 0;
  misses = 0;

  constructor(readonly location: string) {
    try {
      const data = JSON.parse(readFileSync(location, 'utf8')) as { format?: number; entries?: Record<string, Entry> };
      if (data.format === 1 && data.entries && typeof data.entries === 'object') this.entries = data.entries;
    } catch {
      // No cache yet, or an unreadable one: start empty (a cache is never a reason to fail).
    }
  }

  get(file: string, key: string): Omit<FileReport, 'file'> | undefined {
    const e = this.entries[file];
    if (e && e.key === key) {
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
    if (this.dirty) writeFileAtomic(this.location, JSON.stringify({ format: 1, entries: this.entries }));
  }
}
