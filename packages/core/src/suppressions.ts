import { directiveMessages } from './checks/directive.js';
import { structural, type StructuralId } from './checks/registry.js';
import { pick } from './messages/format.js';
import type { ParsedFile } from './parse/parse-yaml.js';
import { didYouMean } from './messages/did-you-mean.js';
import type { Finding, Locale, LocalizedText, Range, SuggestedEdit } from './types.js';

/**
 * Inline suppression comments in checked YAML, each with a mandatory reason:
 *   # edunorm-disable-next-line <id>[, <id>] -- <reason>
 *   <yaml>  # edunorm-disable-line <id> -- <reason>
 *   # edunorm-disable <id> -- <reason>   …   # edunorm-enable <id>
 * A directive without a reason suppresses nothing and is itself an error.
 *
 * Only real YAML comments are directives: they come from the parser's comment tokens, so a
 * `#` inside a quoted, plain or block scalar (a school name, an imported spreadsheet cell)
 * never is one. A directive acts inside its own `---` document only: a `disable` without
 * `enable` ends where its document ends.
 */
export type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable' | 'enable';

export interface Directive {
  kind: DirectiveKind;
  ruleIds: string[];
  /** Where each of `ruleIds` is written (a misspelt id is pointed at and fixed there). */
  idRanges?: Range[];
  reason?: string;
  /** 1-based line of the comment. */
  line: number;
  range: Range;
  /** The `---` document the comment belongs to (its findings are the only ones it can hide). */
  documentIndex: number;
}

/** A finding hidden by a `# edunorm-disable…` comment, with the comment's reason. */
export interface SuppressedFinding extends Finding {
  suppression: { kind: 'inSource'; justification: string; directiveLine: number };
}

// Matched against one comment token's text (which starts at its `#`), never against a line.
const DIRECTIVE = /^#[ \t]*edunorm-(disable-next-line|disable-line|disable|enable)(?![\w-])(.*)$/s;

/** The document holding an offset: the last one starting at or before it (the first for a leading comment). */
function documentOf(file: ParsedFile, offset: number): number {
  let index = 0;
  for (const d of file.documents) {
    if (d.span[0] <= offset) index = d.index;
    else break;
  }
  return index;
}

/** The suppression directives among a parsed file's comment tokens. */
export function parseDirectives(file: ParsedFile): Directive[] {
  const { text, positions } = file;
  // Few comments: read each. Many: one search of the text first (a file without directives skips them all).
  if (file.comments.length === 0 || (file.comments.length > 64 && !text.includes('edunorm-'))) return [];
  const out: Directive[] = [];
  for (const [start, end] of file.comments) {
    const m = DIRECTIVE.exec(text.slice(start, end));
    if (!m) continue;
    const kind = m[1] as DirectiveKind;
    const rest = m[2] ?? '';
    const sep = rest.indexOf('--');
    const idsText = sep >= 0 ? rest.slice(0, sep) : rest;
    const reason = sep >= 0 ? rest.slice(sep + 2).trim() : '';
    const idsAt = end - rest.length;
    const ids = [...idsText.matchAll(/[^,\s]+/g)];
    const ruleIds = ids.map((x) => x[0]);
    const idRanges = ids.map((x) => positions.range(idsAt + x.index, idsAt + x.index + x[0].length));
    const range = positions.range(start, end);
    out.push({ kind, ruleIds, idRanges, ...(reason ? { reason } : {}), line: range.start.line, range, documentIndex: documentOf(file, start) });
  }
  return out;
}

export interface SuppressionOutcome {
  findings: Finding[];
  suppressed: SuppressedFinding[];
}

/**
 * Applies the directives of a text to its findings. Directive problems (no reason, no rule
 * id, unused when asked) are added as findings of their own.
 */
export function applySuppressions(
  file: ParsedFile,
  findings: readonly Finding[],
  options: { locale: Locale; reportUnused?: boolean; knownRuleIds?: ReadonlySet<string>; deferredRuleIds?: ReadonlySet<string> },
): SuppressionOutcome {
  return applyDirectives(parseDirectives(file), findings, options);
}

/**
 * Applies already parsed directives (kept from an earlier check of the file) to findings.
 * With `problems: false` the directives' own problems are not reported again (findings
 * across documents are suppressed after the file's own check reported them).
 */
export function applyDirectives<F extends Finding>(
  directives: readonly Directive[],
  findings: readonly F[],
  options: {
    locale: Locale;
    reportUnused?: boolean;
    knownRuleIds?: ReadonlySet<string>;
    problems?: boolean;
    /** Rules whose findings are only known later (across documents): never reported unused here. */
    deferredRuleIds?: ReadonlySet<string>;
    /**
     * After the join: only these ids are judged for `reportUnused` (the deferred ones, whose
     * findings are known now), and their unused directives are reported even with `problems: false`.
     */
    unusedOnly?: ReadonlySet<string>;
  },
): { findings: (F | Finding)[]; suppressed: (F & SuppressedFinding)[] } {
  if (directives.length === 0) return { findings: [...findings], suppressed: [] };
  const { locale } = options;
  const problems: Finding[] = [];
  const problem = (d: Directive, id: StructuralId, message: LocalizedText, at?: { range: Range; fix?: SuggestedEdit }) => {
    if (options.problems !== false || (id === 'directive/unused' && options.unusedOnly)) {
      problems.push({ ...structural(id), message: pick(message, locale), range: at?.range ?? d.range, documentIndex: d.documentIndex, path: '', ...(at?.fix ? { fix: at.fix } : {}) });
    }
  };

  const lineRules: { d: Directive; line: number; used: Set<string> }[] = [];
  const blocks: { d: Directive; ids: string[]; from: number; to: number; used: Set<string> }[] = [];
  // Open `disable` blocks of the current document; a new document closes them all.
  const open = new Map<string, { d: Directive }>();
  const closeOpenBlocks = () => {
    for (const [id, o] of open) blocks.push({ d: o.d, ids: [id], from: o.d.line, to: Number.POSITIVE_INFINITY, used: new Set() });
    open.clear();
  };
  let documentIndex = directives[0]?.documentIndex ?? 0;
  for (const d of directives) {
    if (d.documentIndex !== documentIndex) {
      closeOpenBlocks();
      documentIndex = d.documentIndex;
    }
    if (d.kind === 'enable') {
      const ids = d.ruleIds.length ? d.ruleIds : [...open.keys()];
      for (const id of ids) {
        const o = open.get(id);
        if (o) {
          blocks.push({ d: o.d, ids: [id], from: o.d.line, to: d.line, used: new Set() });
          open.delete(id);
        }
      }
      continue;
    }
    if (d.ruleIds.length === 0) {
      problem(d, 'directive/missing-rule', directiveMessages.missingRule(d.kind));
      continue;
    }
    if (!d.reason) {
      problem(d, 'directive/missing-reason', directiveMessages.missingReason(d.kind, d.ruleIds));
      continue;
    }
    if (options.knownRuleIds) {
      const known = options.knownRuleIds;
      d.ruleIds.forEach((id, i) => {
        if (known.has(id)) return;
        // A misspelt id (`teacher-trainig-funds`) suppresses nothing: name the id meant and offer it.
        const meant = didYouMean(id, [...known]);
        const range = d.idRanges?.[i];
        problem(d, 'directive/unknown-rule', directiveMessages.unknownRule(id, meant), range ? { range, ...(meant ? { fix: { title: directiveMessages.renameRule(meant), range, newText: meant } } : {}) } : undefined);
      });
    }
    if (d.kind === 'disable-next-line') lineRules.push({ d, line: d.line + 1, used: new Set() });
    else if (d.kind === 'disable-line') lineRules.push({ d, line: d.line, used: new Set() });
    else for (const id of d.ruleIds) if (!open.has(id)) open.set(id, { d });
  }
  closeOpenBlocks();

  const kept: F[] = [];
  const suppressed: (F & SuppressedFinding)[] = [];
  for (const f of findings) {
    const line = f.range.start.line;
    const doc = f.documentIndex;
    const byLine = lineRules.find((r) => r.line === line && r.d.documentIndex === doc && r.d.ruleIds.includes(f.ruleId));
    const byBlock = byLine ? undefined : blocks.find((b) => b.d.documentIndex === doc && b.ids.includes(f.ruleId) && line > b.from && line < b.to);
    const hit = byLine ?? byBlock;
    if (!hit) {
      kept.push(f);
      continue;
    }
    hit.used.add(f.ruleId);
    suppressed.push({ ...f, suppression: { kind: 'inSource', justification: hit.d.reason!, directiveLine: hit.d.line } });
  }
  if (options.reportUnused) {
    const unusedIds = new Map<Directive, string[]>();
    const deferred = options.deferredRuleIds;
    const only = options.unusedOnly;
    const judged = (id: string) => (only ? only.has(id) : !deferred?.has(id));
    for (const r of lineRules) for (const id of r.d.ruleIds) if (!r.used.has(id) && judged(id)) unusedIds.set(r.d, [...(unusedIds.get(r.d) ?? []), id]);
    for (const b of blocks) for (const id of b.ids) if (!b.used.has(id) && judged(id)) unusedIds.set(b.d, [...(unusedIds.get(b.d) ?? []), id]);
    for (const [d, ids] of unusedIds) {
      problem(d, 'directive/unused', directiveMessages.unused(ids));
    }
  }
  return { findings: [...kept, ...problems].sort((a, b) => a.range.start.offset - b.range.start.offset), suppressed };
}
