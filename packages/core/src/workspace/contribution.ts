/**
 * The workspace model (shared/spec/workspace.md): what one checked document contributes to
 * the norms across documents. A contribution is small and plain (JSON-safe, cacheable):
 * identity and linking keys, the few numbers the county norms read, the ranges findings and
 * related locations point at, and the figures of the rules it reuses. Never the document.
 */
import { locateNode, type NodePart } from '../locate.js';
import { parseYaml, type ParsedDocument, type ParsedFile } from '../parse/parse-yaml.js';
import { classifyParsed, mightBeOurs } from '../classify.js';
import { getAt, type PathSegment } from '../path.js';
import type { DocumentKind } from '../schema/document-schemas.js';
import type { Range } from '../types.js';

/** Figures of a reused rule fact for one document (see RuleDefinition.contributions). */
export interface ContributedFigure {
  /** Records counted (teachers averaged, post-holding teachers). */
  total: number;
  /** For shares: records in the numerator. */
  numerator?: number;
  /** The document's own figure (its mean, its share). */
  actual?: number;
  /** Outcome of the reused rule whose fact this is. */
  outcome: string;
}

export interface SchoolListEntry {
  index: number;
  code: string;
  name?: string;
  enrollment?: number;
  /** Range of the entry's `enrollment` value. */
  enrollmentAt?: Range;
}

export interface DocumentContribution {
  documentIndex: number;
  kind: DocumentKind;
  /** `fiscalYear` (school documents) or `year` (district documents). */
  year?: number;
  /** `school.district` (school documents) or `district.code` (district documents). */
  district?: string;
  /** `school.code` / `district.code`. */
  code?: string;
  name?: string;
  /** `school.level` or `district.type`. */
  level?: string;
  /** Numbers the county norms read, by path (`reference.localCivilServantAvgSalary`, `indicators.…`). */
  values: Record<string, number>;
  /** Ranges findings may point at, by path; `@key` marks a key range (`district@key`). */
  at: Record<string, Range>;
  /** District documents: the `schools` list. */
  entries?: SchoolListEntry[];
  /** Figures of reused rule facts, by contribution name. */
  figures: Record<string, ContributedFigure>;
}

/** A contribution with the file it came from (the workspace index's unit). */
export interface FileContribution extends DocumentContribution {
  file: string;
}

const finite = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined);

/** Reads the linking keys, values and ranges of one document whose structure was validated. */
/**
 * Whether a document links to a district (workspace.md "Linking"): a district document by its
 * `district.code`, a school document by its `school.district` (and `school.code`). Only such a
 * document contributes to the norms across documents, and only such a document's file can
 * receive one of their findings.
 */
export function linksToDistrict(kind: DocumentKind, value: unknown): boolean {
  if (kind === 'DistrictIndicators') return str(getAt(value, ['district', 'code'])) !== undefined;
  return str(getAt(value, ['school', 'district'])) !== undefined && str(getAt(value, ['school', 'code'])) !== undefined;
}

export function extractContribution(
  file: ParsedFile,
  doc: ParsedDocument,
  kind: DocumentKind,
  value: unknown,
  figures: Record<string, ContributedFigure>,
): DocumentContribution | undefined {
  const c: DocumentContribution = { documentIndex: doc.index, kind, values: {}, at: {}, figures };
  const mark = (path: readonly PathSegment[], name: string, part: NodePart = 'value') => {
    const located = locateNode(file, doc, path, part);
    if (located.exact) c.at[name] = located.range;
  };
  const number = (path: string[], name = path.join('.')) => {
    const v = finite(getAt(value, path));
    if (v === undefined) return;
    c.values[name] = v;
    mark(path, name);
  };
  if (!linksToDistrict(kind, value)) return undefined;
  if (kind === 'DistrictIndicators') {
    c.district = str(getAt(value, ['district', 'code']));
    c.code = c.district;
    c.name = str(getAt(value, ['district', 'name']));
    c.level = str(getAt(value, ['district', 'type']));
    c.year = finite(getAt(value, ['year']));
    mark(['district'], 'district@key', 'key');
    mark(['district', 'code'], 'district.code');
    number(['reference', 'localCivilServantAvgSalary']);
    const indicators = getAt(value, ['indicators']);
    if (indicators && typeof indicators === 'object') for (const key of Object.keys(indicators)) number(['indicators', key]);
    const schools = getAt(value, ['schools']);
    if (Array.isArray(schools)) {
      mark(['schools'], 'schools@key', 'key');
      c.entries = [];
      schools.forEach((entry, index) => {
        const code = str(getAt(entry, ['code']));
        if (code === undefined) return;
        const e: SchoolListEntry = { index, code };
        const name = str(getAt(entry, ['name']));
        if (name !== undefined) e.name = name;
        const enrollment = finite(getAt(entry, ['enrollment']));
        if (enrollment !== undefined) {
          e.enrollment = enrollment;
          const located = locateNode(file, doc, ['schools', index, 'enrollment'], 'value');
          if (located.exact) e.enrollmentAt = located.range;
        }
        c.entries!.push(e);
      });
    }
    return c;
  }
  c.district = str(getAt(value, ['school', 'district']));
  c.code = str(getAt(value, ['school', 'code']));
  c.name = str(getAt(value, ['school', 'name']));
  c.level = str(getAt(value, ['school', 'level']));
  c.year = finite(getAt(value, ['fiscalYear']));
  mark(['school', 'district'], 'school.district');
  if (kind === 'Staffing') {
    mark(['staff'], 'staff@key', 'key');
    number(['reference', 'localCivilServantAvgSalary']);
  } else number(['school', 'pupils']);
  return c;
}

/**
 * The district codes a text's documents link to (`district.code` of a district document,
 * `school.district` of a school document), read with the core's YAML reader: what
 * `--shard` groups files by, so all documents of a district land in the same shard.
 */
export function districtCodesOf(text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!mightBeOurs(body)) return [];
  // Ours as the check decides it, by parsing (classify.ts), not by a line test: a district file
  // written as one line of JSON, or with `apiVersion: !!str edunorm/v1`, is a submission to the
  // check, and a shard that did not group it with its schools lost the county's findings.
  const file = parseYaml(body);
  if (classifyParsed(file) !== 'submission') return [];
  const codes = new Set<string>();
  for (const doc of file.documents) {
    const value = doc.value;
    const kind = getAt(value, ['kind']);
    const code = str(kind === 'DistrictIndicators' ? getAt(value, ['district', 'code']) : getAt(value, ['school', 'district']));
    if (code !== undefined) codes.add(code);
  }
  return [...codes].sort();
}
