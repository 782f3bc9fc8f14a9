/**
 * Reads and writes `--cache` files (format 8, packages/cli/src/result-cache.ts) the way someone
 * holding a key could: tests forge, splice and re-sign caches with it. The layout, MAC and
 * digest rules are written out here again, not imported, so a change to the format shows here.
 */
import { createHash, createHmac } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { IndexEntry } from '../../packages/cli/src/result-cache.js';

/** An index entry, as result-cache.ts declares it. */
export type CacheEntry = IndexEntry;

export interface CacheRecord {
  /** The metadata line, parsed ({e, c, w?, r?}). */
  meta: Record<string, unknown>;
  /** The report line, as text. */
  line: string;
  /** The file's JSON-output element after the line (`meta.j` bytes), if the record has one. */
  rendered?: string;
}

export interface ParsedCache {
  header: { format: number; tool: string; index: [at: number, length: number]; mac: string };
  index: { entries: Record<string, CacheEntry>; configs: Record<string, unknown>; districts: Record<string, unknown> };
  /** Each entry's record bytes, by file. */
  records: Map<string, Buffer>;
}

export const CACHE_FORMAT = 8;
/** The header line's size, padded with spaces (result-cache.ts HEADER_BYTES). */
export const HEADER_BYTES = 256;
export const sign = (key: Buffer, index: Buffer | string) => createHmac('sha256', key).update(`edunorm-cache-v${CACHE_FORMAT}\0`).update(index).digest('hex');
export const recordDigest = (file: string, sha: string, key: string, record: Buffer) => createHash('sha256').update(`${file}\0${sha}\0${key}\0`).update(record).digest('hex');

export function readCache(path: string): ParsedCache {
  const bytes = readFileSync(path);
  const header = JSON.parse(bytes.toString('utf8', 0, HEADER_BYTES)) as ParsedCache['header'];
  const [at, length] = header.index;
  const index = JSON.parse(bytes.toString('utf8', at, at + length)) as ParsedCache['index'];
  const records = new Map<string, Buffer>();
  // Offsets are from the start of the file.
  for (const [file, e] of Object.entries(index.entries)) records.set(file, bytes.subarray(e.o, e.o + e.l));
  return { header, index, records };
}

export function parseRecord(record: Buffer): CacheRecord {
  const eol = record.indexOf(10);
  const meta = JSON.parse(record.toString('utf8', 0, eol)) as Record<string, unknown>;
  const j = typeof meta.j === 'number' ? meta.j : 0;
  const lineEnd = record.length - 1 - j;
  return { meta, line: record.toString('utf8', eol + 1, lineEnd), ...(typeof meta.j === 'number' ? { rendered: record.toString('utf8', lineEnd + 1) } : {}) };
}

/** A record's bytes: `meta \n line \n rendered?` (`meta.j` must be the rendered part's byte length). */
export const recordBytes = (r: CacheRecord) => Buffer.from(`${JSON.stringify(r.meta)}\n${r.line}\n${r.rendered ?? ''}`, 'utf8');

/**
 * Writes a cache: the header, records laid out in entry order (offsets and lengths recomputed),
 * then the index signed with `key`. `digests: 'keep'` leaves each entry's `h` as it is (a hand edit of the
 * records that does not know the digest rule); the default recomputes them.
 */
export function writeCache(path: string, key: Buffer, cache: Pick<ParsedCache, 'index' | 'records'>, options: { digests?: 'keep' | 'recompute' } = {}): void {
  const entries: Record<string, CacheEntry> = {};
  const parts: Buffer[] = [];
  let offset = HEADER_BYTES;
  for (const [file, e] of Object.entries(cache.index.entries)) {
    const record = cache.records.get(file)!;
    entries[file] = { ...e, o: offset, l: record.length, h: options.digests === 'keep' ? e.h : recordDigest(file, e.s, e.k, record) };
    parts.push(record);
    offset += record.length;
  }
  const index = Buffer.from(JSON.stringify({ ...cache.index, entries }), 'utf8');
  const header = JSON.stringify({ format: CACHE_FORMAT, tool: 'edunorm', index: [offset, index.length], mac: sign(key, index) });
  writeFileSync(path, Buffer.concat([Buffer.from(`${header.padEnd(HEADER_BYTES - 1)}\n`), ...parts, index]));
}
