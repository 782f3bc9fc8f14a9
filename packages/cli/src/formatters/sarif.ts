import { STRUCTURAL_RULES, type Finding, type Locale, type RuleSet, type Severity, type SuppressedFinding } from '@edunorm/core';
import type { FileReport } from '../check-files.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

import { ruleDocUrl } from '@edunorm/core/internal';

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription?: { text: string };
  helpUri?: string;
  help?: { text: string };
  defaultConfiguration: { level: string };
  properties?: Record<string, unknown>;
}

/** `{ helpUri }` for a rule with a documentation page; none for a county's own rule. */
function helpUri(id: string): { helpUri?: string } {
  const url = ruleDocUrl(id);
  return url ? { helpUri: url } : {};
}

/** SARIF 2.1.0: one run, the rules' metadata (with the plan's citation), one result per finding. */
export function formatSarif(reports: readonly FileReport[], ruleSet: RuleSet, locale: Locale, version: string): string {
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
      help: { text: `${d.citation.document} ${d.citation.section}:“${d.citation.quote}”` },
      defaultConfiguration: { level: LEVEL[active.severity ?? d.severity] },
      properties: { kind: d.kind, pack: d.source.pack, citation: d.citation, tags: ['compliance', d.kind] },
    });
  }
  // Checked files get document findings only; configuration, rule-file and import problems stop a run instead.
  for (const s of STRUCTURAL_RULES.filter((r) => r.subject === 'document')) {
    index.set(s.id, rules.length);
    rules.push({
      id: s.id,
      name: s.id.replace(/[/-]([a-z])/g, (_m, c: string) => c.toUpperCase()),
      shortDescription: { text: s.title[locale] },
      fullDescription: { text: s.docs.explanation[locale] },
      ...helpUri(s.id),
      help: { text: s.docs.fix[locale] },
      defaultConfiguration: { level: LEVEL[s.severity] },
    });
  }
  const artifacts: { location: { uri: string; uriBaseId: string } }[] = [];
  const results: unknown[] = [];
  // Artifact index of every checked file first: related locations point into other files.
  const artifactOf = new Map<string, number>();
  for (const report of reports) {
    if (!report.isEdunorm) continue;
    artifactOf.set(report.file.relative, artifacts.length);
    artifacts.push({ location: { uri: encodeURI(report.file.relative), uriBaseId: '%SRCROOT%' } });
  }
  const artifactLocation = (file: string) => {
    const i = artifactOf.get(file);
    return { uri: encodeURI(file), uriBaseId: '%SRCROOT%', ...(i !== undefined ? { index: i } : {}) };
  };
  for (const report of reports) {
    if (!report.isEdunorm) continue;
    const artifactIndex = artifactOf.get(report.file.relative)!;
    const uri = encodeURI(report.file.relative);
    const all: (Finding & { suppression?: SuppressedFinding['suppression'] })[] = [...report.findings, ...(report.suppressed ?? [])];
    for (const f of all) {
      results.push({
        ruleId: f.ruleId,
        ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId) } : {}),
        level: LEVEL[f.severity],
        message: { text: f.message },
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
                message: { text: r.message },
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
                  description: { text: f.fix.title[locale] },
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
        ...(f.suppression ? { suppressions: [{ kind: 'inSource', justification: f.suppression.justification }] } : {}),
        properties: {
          documentIndex: f.documentIndex,
          path: f.path,
          ...(f.outcome ? { outcome: f.outcome } : {}),
          ...(f.figures ? { figures: f.figures } : {}),
        },
      });
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'edunorm', version, semanticVersion: version, informationUri: 'https://github.com/edunorm/edunorm', rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileUri(process.cwd())}/` } },
        artifacts,
        results,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function pathToFileUri(p: string): string {
  return `file://${encodeURI(p.split('\\').join('/')).replace(/^([^/])/, '/$1')}`;
}
