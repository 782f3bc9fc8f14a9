import { pathToFileURL } from 'node:url';
import { resolve, sep } from 'node:path';
import { STRUCTURAL_RULES, type Finding, type Locale, type RuleSet, type Severity, type SuppressedFinding } from '@edunorm/core';
import { fingerprint } from '../baseline.js';
import type { FileReport } from '../file-report.js';
import { JsonArrayWriter, splitAtArray } from './json.js';
import type { ReportWriter, RunOutline, WriteContext } from './writer.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

import { ruleDocUrl } from '@edunorm/core/internal';

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri?: string;
  help: { text: string; markdown: string };
  defaultConfiguration: { level: string };
  properties?: Record<string, unknown>;
}

/**
 * A relative reference to a file (RFC 3986 §4.2): each path segment percent-encoded, so `#`,
 * `?`, `%`, spaces and non-ASCII names stay part of the path, and a `:` in the first segment
 * cannot read as a scheme (`a:b.yaml` is `a%3Ab.yaml`).
 */
export function relativeUri(relative: string): string {
  return relative.split('/').map(encodeURIComponent).join('/');
}

/** What encodeURIComponent leaves as it is, and `/` between segments. */
const URI_KEEPS = /[A-Za-z0-9\-_.!~*'()/]/;

/**
 * The relative URI of a file whose name is not UTF-8, from its path's bytes (`absolute`) under
 * `cwd`: each byte that is not a character kept as it is becomes `%XX` (RFC 3986 §2.1), so the
 * URI names the file on disk — a GBK name unpacked from a zip is `%D4%A4%CB%E3.yaml`, not the
 * UTF-8 of the characters shown, nor the `\xff` escapes of an undecodable one. Undefined for a
 * file outside `cwd` (its shown path stands).
 */
export function bytesUri(absolute: Uint8Array, cwd: string): string | undefined {
  const root = resolve(cwd);
  const base = Buffer.from(root.endsWith(sep) ? root : root + sep, 'utf8');
  const bytes = Buffer.from(absolute.buffer, absolute.byteOffset, absolute.byteLength);
  if (bytes.length <= base.length || !bytes.subarray(0, base.length).equals(base)) return undefined;
  let out = '';
  for (const b of bytes.subarray(base.length)) {
    const c = String.fromCharCode(b);
    out += b < 0x80 && URI_KEEPS.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Message strings: `{` and `}` are doubled, so `{0}` in a user's value is not a placeholder (SARIF §3.11.5). */
export function sarifMessage(text: string): string {
  return text.replace(/[{}]/g, (c) => c + c);
}

const WORDS = {
  'zh-CN': { citation: '依据', fix: '怎么改', docs: '文档', structural: 'edunorm 结构检查(不属于规划中的规范)。' },
  en: { citation: 'Citation', fix: 'How to fix', docs: 'Docs', structural: 'An edunorm structure check (not a norm of the plan).' },
};

/** Plain Markdown text (help.markdown): the characters that would act are escaped. */
const md = (s: string) => s.replace(/[\\`*_[\]<>|!~$#]/g, (c) => `\\${c}`);

/** `{ helpUri }` for a rule with a documentation page; none for a county's own rule. */
function helpUri(id: string): { helpUri?: string } {
  const url = ruleDocUrl(id);
  return url ? { helpUri: url } : {};
}

/** The "Docs: …" line of help, when the rule has a page. */
const docsLine = (id: string, words: { docs: string }) => {
  const url = ruleDocUrl(id);
  return url ? { text: `\n\n${words.docs}: ${url}`, markdown: `\n\n[${words.docs}](${url})` } : { text: '', markdown: '' };
};

/** The description of the run's rules (active rules, structural checks, ids that fired outside any list) and each one's index. */
function describeRules(ruleSet: RuleSet, locale: Locale, firedIds: RunOutline['firedRules']): { rules: SarifRule[]; index: Map<string, number> } {
  const w = WORDS[locale];
  const rules: SarifRule[] = [];
  const index = new Map<string, number>();
  for (const active of ruleSet.rules) {
    const d = active.definition;
    index.set(d.id, rules.length);
    rules.push({
      id: d.id,
      name: d.id.replace(/(^|-)([a-z])/g, (_m, _s, c: string) => c.toUpperCase()),
      shortDescription: { text: d.title[locale] },
      fullDescription: { text: d.description[locale] },
      ...helpUri(d.id),
      help: {
        text: `${d.description[locale]}\n\n${w.citation}: ${d.citation.document} ${d.citation.section}:“${d.citation.quote}”${docsLine(d.id, w).text}`,
        markdown: `${md(d.description[locale])}\n\n**${w.citation}**: ${md(`${d.citation.document} ${d.citation.section}`)}\n\n> ${md(d.citation.quote)}${docsLine(d.id, w).markdown}`,
      },
      defaultConfiguration: { level: LEVEL[active.severity ?? d.severity] },
      properties: { kind: d.kind, pack: d.source.pack, citation: d.citation, tags: ['compliance', d.kind] },
    });
  }
  const structural = (id: string, title: string, severity: Severity, doc?: { explanation: Record<Locale, string>; fix: Record<Locale, string> }) => {
    const explanation = doc ? doc.explanation[locale] : `${title}. ${w.structural}`;
    const fix = doc?.fix[locale];
    index.set(id, rules.length);
    rules.push({
      id,
      name: id.replace(/[/-]([a-z])/g, (_m, c: string) => c.toUpperCase()),
      shortDescription: { text: title },
      fullDescription: { text: explanation },
      ...helpUri(id),
      help: {
        text: `${explanation}${fix ? `\n\n${w.fix}: ${fix}` : ''}${docsLine(id, w).text}`,
        markdown: `${md(explanation)}${fix ? `\n\n**${w.fix}**: ${md(fix)}` : ''}${docsLine(id, w).markdown}`,
      },
      defaultConfiguration: { level: LEVEL[severity] },
    });
  };
  // Checked files get document findings only; configuration, rule-file and import problems stop a run instead.
  for (const s of STRUCTURAL_RULES.filter((r) => r.subject === 'document')) structural(s.id, s.title[locale], s.severity, s.docs);
  // An id that fired but is in no list (a schema keyword of its own): still a described rule.
  // Its severity is that of its first finding, as the run's outline met it.
  for (const fired of firedIds) if (!index.has(fired.id)) structural(fired.id, fired.id, fired.severity);
  return { rules, index };
}

/**
 * SARIF 2.1.0: one run, the rules' metadata (with the plan's citation), one result per finding.
 * Every rule — structural ids too — has the fullDescription and help GitHub code scanning
 * requires; results carry the baseline fingerprint as `partialFingerprints`, so an alert keeps
 * its identity when lines move. Valid against the official OASIS schema (tests/cli-sarif.test.ts).
 *
 * Streamed: the rules and the artifacts (every checked file, so that a related location can
 * point into a file written later) come from the run's outline; the results array is written
 * one file at a time, with the bytes `JSON.stringify(log, null, 2)` would give.
 */
export function openSarif(context: WriteContext): ReportWriter {
  const { locale, version, outline } = context;
  const { rules, index } = describeRules(context.ruleSet!, locale, outline.firedRules);
  const artifacts: { location: { uri: string; uriBaseId: string } }[] = [];
  // Artifact index of every checked file first: related locations point into other files.
  const artifactOf = new Map<string, number>();
  // A file whose name is not UTF-8 is named by its bytes (bytesUri); every other by its relative path.
  const uriOf = (relative: string): string => {
    const raw = outline.rawPaths?.get(relative);
    return (raw && bytesUri(raw, context.cwd)) ?? relativeUri(relative);
  };
  for (const relative of outline.checkedFiles) {
    artifactOf.set(relative, artifacts.length);
    artifacts.push({ location: { uri: uriOf(relative), uriBaseId: '%SRCROOT%' } });
  }
  const artifactLocation = (file: string) => {
    const i = artifactOf.get(file);
    return { uri: uriOf(file), uriBaseId: '%SRCROOT%', ...(i !== undefined ? { index: i } : {}) };
  };
  const resultsOf = (report: FileReport): unknown[] => {
    const artifactIndex = artifactOf.get(report.file.relative)!;
    const uri = uriOf(report.file.relative);
    const all: (Finding & { suppression?: SuppressedFinding['suppression'] })[] = [...report.findings, ...(report.suppressed ?? [])];
    return all.map((f) => ({
      ruleId: f.ruleId,
      ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId) } : {}),
      level: LEVEL[f.severity],
      message: { text: sarifMessage(f.message) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri, uriBaseId: '%SRCROOT%', index: artifactIndex },
            region: {
              startLine: f.range.start.line,
              startColumn: f.range.start.column,
              endLine: f.range.end.line,
              endColumn: f.range.end.column,
            },
          },
          ...(f.path ? { logicalLocations: [{ fullyQualifiedName: `${f.documentIndex}:${f.path}`, kind: 'member' }] } : {}),
        },
      ],
      ...(f.related?.length
        ? {
            relatedLocations: f.related.map((r, i) => ({
              id: i,
              message: { text: sarifMessage(r.message) },
              physicalLocation: {
                artifactLocation: artifactLocation(r.file ?? report.file.relative),
                region: { startLine: r.range.start.line, startColumn: r.range.start.column, endLine: r.range.end.line, endColumn: r.range.end.column },
              },
            })),
          }
        : {}),
      ...(f.fix
        ? {
            fixes: [
              {
                description: { text: sarifMessage(f.fix.title[locale]) },
                artifactChanges: [
                  {
                    artifactLocation: { uri, uriBaseId: '%SRCROOT%', index: artifactIndex },
                    replacements: [
                      {
                        deletedRegion: {
                          startLine: f.fix.range.start.line,
                          startColumn: f.fix.range.start.column,
                          endLine: f.fix.range.end.line,
                          endColumn: f.fix.range.end.column,
                        },
                        insertedContent: { text: f.fix.newText },
                      },
                    ],
                  },
                ],
              },
            ],
          }
        : {}),
      partialFingerprints: { 'edunormFingerprint/v1': fingerprint(report.file.relative, f) },
      ...(f.suppression ? { suppressions: [{ kind: 'inSource', justification: f.suppression.justification }] } : {}),
      properties: {
        documentIndex: f.documentIndex,
        path: f.path,
        ...(f.outcome ? { outcome: f.outcome } : {}),
        ...(f.figures ? { figures: f.figures } : {}),
      },
    }));
  };
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'edunorm', version, semanticVersion: version, informationUri: 'https://github.com/edunorm/edunorm', rules } },
        automationDetails: { id: 'edunorm/' },
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(context.cwd).href.replace(/\/?$/, '/')}` } },
        artifacts,
        results: [],
        columnKind: 'utf16CodeUnits',
        ...(context.shard ? { properties: { edunormShard: context.shard } } : {}),
      },
    ],
  };
  // The results array sits at depth 6 (log → runs → run); its elements at 8.
  const { head, tail } = splitAtArray(log, 'results', 6);
  const results = new JsonArrayWriter(8);
  return {
    start: () => head,
    file: (report) => {
      if (!report.isEdunorm) return '';
      let out = '';
      for (const result of resultsOf(report)) out += results.element(result);
      return out;
    },
    end: () => `${results.close()}${tail}\n`,
  };
}
