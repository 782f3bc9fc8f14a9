/**
 * Output rendered ahead of the writer, and reports that are parsed only when read. With
 * `--format json`, each file's element of the JSON output is rendered once, in the thread that
 * checks the file, from its findings as they are (check-tasks.ts), and goes to the spool beside
 * its report — with `--cache`, into the cache too: the writer copies the element without parsing
 * the report, and a warm run writes a hit's element as it was (on the 2,000-school city that
 * parse and render were a third of a warm run; in a cold run, writing the output took 0.4 s of
 * 3.8 s, `--cpu-prof`, in one thread after the others had finished).
 *
 * The text belongs to exactly one report object — the one `CheckRun.reports()` yields for a
 * file whose report the workspace join left as it was. Anything that changes a report (the
 * join, a baseline, --quiet) makes a new object, which has no text and is rendered as usual; so
 * a text can never stand for findings other than the ones it was rendered from.
 */
import type { FileReport } from './file-report.js';
import type { FileTarget } from './find-files.js';
import type { SpooledReport } from './outcome.js';

/** A report's JSON-output element (formatters/json.ts renderJsonFile) as UTF-8 bytes, for that report object only. */
export const renderedJson = new WeakMap<FileReport, Uint8Array>();

/** A lazy report's spooled JSON (read by `load` when first needed), and the report once parsed. */
const sources = new WeakMap<object, { load: () => Uint8Array; parsed?: SpooledReport }>();
const parsedOf = (report: object): SpooledReport => {
  const source = sources.get(report)!;
  if (!source.parsed) {
    const json = source.load();
    source.parsed = JSON.parse(Buffer.from(json.buffer, json.byteOffset, json.byteLength).toString('utf8')) as SpooledReport;
  }
  return source.parsed;
};
/** The lazy properties, one set of functions for every report (no closures per report). */
const LAZY: PropertyDescriptorMap = Object.fromEntries(
  (['findings', 'suppressed', 'documents'] as const).map((key) => [
    key,
    {
      enumerable: true,
      configurable: true,
      get(this: object) {
        return parsedOf(this)[key];
      },
      set(this: object, value: unknown) {
        Object.defineProperty(this, key, { value, enumerable: true, writable: true, configurable: true });
      },
    },
  ]),
);

/**
 * A file's report from its spooled JSON (UTF-8 bytes, read by `load`), read and parsed the first
 * time any of its findings, suppressed findings or documents are read. The properties are own
 * and enumerable (a spread or `Object.keys` sees them, and reading them parses), and can be
 * assigned like plain ones.
 */
export function lazyReport(file: FileTarget, isEdunorm: boolean, load: () => Uint8Array): FileReport {
  const report = { file, isEdunorm } as FileReport;
  sources.set(report, { load });
  Object.defineProperties(report, LAZY);
  return report;
}
