/**
 * The editor's side of the norms across documents (shared/spec/workspace.md): an index of
 * what each edunorm file of the workspace folders contributes (read once in the background,
 * then kept up to date from open documents and file-watch events), the workspace rules run
 * per district, and the findings that land in each file. Holds contributions, never texts.
 */
import { fileURLToPath } from 'node:url';
import type { DistrictSummary, Finding, Locale, RuleSet, SuppressedFinding, WorkspaceFinding } from '@edunorm/core';
import { WorkspaceIndex, attachToFiles, duplicateFinding, evaluateDistrict, refigureSchools, retractions, withoutRetracted, workspaceRuleIds, type DistrictView, type FiguresByDocument, type WorkspaceFileInput } from '@edunorm/core/internal';

export interface WorkspaceFindings {
  findings: WorkspaceFinding[];
  suppressed: (WorkspaceFinding & SuppressedFinding)[];
}

export interface WorkspaceState {
  /** Findings across documents by file (uri). */
  files: Map<string, WorkspaceFindings>;
  retracted: ReturnType<typeof retractions>;
  districts: DistrictSummary[];
}

/** A file as a duplicate's message names it: its path on disk, not a `file://` URI (other schemes as they are). */
const pathOfUri = (uri: string): string => {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
  } catch {
    return uri;
  }
};

const EMPTY: WorkspaceState = { files: new Map(), retracted: [], districts: [] };

/** Serialises a file's findings for change detection (what a client would see). */
const fingerprint = (f: WorkspaceFindings | undefined, retracted: WorkspaceState['retracted'], uri: string) =>
  JSON.stringify([f?.findings.map((x) => [x.ruleId, x.message, x.range, x.related]) ?? [], f?.suppressed.length ?? 0, retracted.filter((r) => r.file === uri)]);

/**
 * The order `edunorm check <folder>` takes a folder's files in (find-files.ts: depth first, the
 * names of each folder sorted by their bytes), for file URIs; others after them, by URI.
 */
const segmentsOf = (uri: string): Buffer[] | undefined => {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri).split(/[\\/]/).map((s) => Buffer.from(s));
  } catch {
    return undefined;
  }
};
export const compareAsWalked = (a: string, b: string): number => {
  const x = segmentsOf(a);
  const y = segmentsOf(b);
  if (!x || !y) return x ? -1 : y ? 1 : a < b ? -1 : a > b ? 1 : 0;
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const c = Buffer.compare(x[i]!, y[i]!);
    if (c) return c;
  }
  return x.length - y.length;
};

export class LsWorkspace {
  private index = new WorkspaceIndex();
  /**
   * A file was added to the index since it was last put in order. Outside review G: the index
   * links in the order files were first set, and "the first one" of two district documents of the
   * same code and year is the one used (the other gets `workspace/duplicate-district`). Files reach
   * the editor's index in the order of the background reading (breadth first), of file events and
   * of opening — so a copy created later was the duplicate in the editor even where
   * `edunorm check` on the folder, walking it in its sorted order, took the copy as the first and
   * called the original the duplicate. The index is put in the CLI's order before linking.
   */
  private unordered = false;
  private state: WorkspaceState = EMPTY;
  /** Per district: the view last evaluated (as JSON) and its result, so unchanged districts are not re-run. */
  private readonly memo = new Map<string, { key: string; result: Awaited<ReturnType<typeof evaluateDistrict>> }>();
  private running: Promise<void> = Promise.resolve();
  private dirty = false;

  constructor(
    private readonly ruleSetFor: (uri: string) => RuleSet,
    private readonly locale: () => Locale,
    /** Called with every file whose findings across documents changed. */
    private readonly onChange: (uris: string[]) => void,
    /**
     * A file's figures as another rule set makes them (its text checked again): a district is
     * judged by its own configuration, so a school under another — its folder's own
     * `edunorm.config.yaml` — is figured again under the district's, as the CLI's join does.
     */
    private readonly figuresUnder?: (uri: string, ruleSet: RuleSet) => Promise<FiguresByDocument | undefined>,
    /**
     * The setting `reportUnusedDisableDirectives`: directives naming a norm across documents are
     * judged once the county's findings are known, each file by its own rule set's ids, as the
     * CLI's join does (a file's own check leaves them to this).
     */
    private readonly reportUnused?: () => boolean,
  ) {}

  /** Sets a file's contributions (undefined: it contributes nothing any more) and re-evaluates soon. */
  update(uri: string, input: WorkspaceFileInput | undefined): void {
    const next = input && input.contributions.length ? input : undefined;
    const before = JSON.stringify(this.inputs.get(uri));
    if (next) {
      if (!this.inputs.has(uri)) this.unordered = true;
      this.inputs.set(uri, next);
      this.index.set(uri, next);
    } else {
      this.inputs.delete(uri);
      this.index.delete(uri);
    }
    if (JSON.stringify(next) !== before) this.schedule();
  }

  private readonly inputs = new Map<string, WorkspaceFileInput>();

  remove(uri: string): void {
    this.update(uri, undefined);
  }

  get size(): number {
    return this.index.size;
  }

  findingsOf(uri: string): WorkspaceFindings | undefined {
    return this.state.files.get(uri);
  }

  /** A file's own findings without those `pooling: county` withdraws, plus the findings across documents that land in it. */
  merge(uri: string, own: readonly Finding[]): Finding[] {
    const kept = withoutRetracted(uri, own, this.state.retracted);
    const extra = this.state.files.get(uri);
    if (!extra) return kept;
    return [...kept, ...extra.findings].sort((a, b) => a.range.start.offset - b.range.start.offset);
  }

  /** The district document at (uri, document index), with its county figures, if any. */
  districtAt(uri: string, documentIndex: number): DistrictSummary | undefined {
    return this.state.districts.find((d) => d.file === uri && d.documentIndex === documentIndex);
  }

  /** Resolves when every update so far has been evaluated. */
  settled(): Promise<void> {
    return this.running;
  }

  private schedule(): void {
    this.dirty = true;
    // Updates arriving together (a burst of file events, the background index) are evaluated once.
    this.running = this.running.then(
      () =>
        new Promise<void>((resolve) => {
          setImmediate(() => {
            if (!this.dirty) return resolve();
            this.dirty = false;
            this.evaluate().then(resolve, resolve);
          });
        }),
    );
  }

  private async evaluate(): Promise<void> {
    const locale = this.locale();
    if (this.unordered) {
      this.unordered = false;
      const index = new WorkspaceIndex();
      for (const uri of [...this.inputs.keys()].sort(compareAsWalked)) index.set(uri, this.inputs.get(uri)!);
      this.index = index;
    }
    const { views, duplicates } = this.index.link();
    const findings: WorkspaceFinding[] = [];
    for (const { duplicate, first } of duplicates) {
      const f = duplicateFinding(duplicate, first, locale, pathOfUri);
      if (f) findings.push(f);
    }
    const districts: DistrictSummary[] = [];
    const retracted: WorkspaceState['retracted'] = [];
    const seen = new Set<string>();
    for (const view of views) {
      const id = `${view.district.file}#${view.district.documentIndex}`;
      seen.add(id);
      const ruleSet = this.ruleSetFor(view.district.file);
      const figuresUnder = this.figuresUnder;
      if (figuresUnder) await refigureSchools(view, (school) => this.ruleSetFor(school.file) !== ruleSet, (file) => figuresUnder(file, ruleSet));
      const key = `${locale}\0${JSON.stringify(view satisfies DistrictView)}`;
      let memo = this.memo.get(id);
      if (!memo || memo.key !== key) {
        memo = { key, result: await evaluateDistrict(view, ruleSet, locale) };
        this.memo.set(id, memo);
      }
      for (const f of memo.result.findings) findings.push(f);
      districts.push(memo.result.summary);
      for (const r of retractions([view], ruleSet)) retracted.push(r);
    }
    for (const id of [...this.memo.keys()]) if (!seen.has(id)) this.memo.delete(id);
    const unused = this.reportUnused?.() ? { ruleIds: (file: string) => workspaceRuleIds(this.ruleSetFor(file)) } : undefined;
    const files = attachToFiles(findings, this.index, locale, unused);
    const before = this.state;
    this.state = { files, retracted, districts };
    const touched = new Set([...before.files.keys(), ...files.keys(), ...before.retracted.map((r) => r.file), ...retracted.map((r) => r.file)]);
    const changed = [...touched].filter((uri) => fingerprint(before.files.get(uri), before.retracted, uri) !== fingerprint(files.get(uri), retracted, uri));
    if (changed.length) this.onChange(changed);
  }

  /** Forgets every evaluated district (the configuration or rule files changed). */
  reset(): void {
    this.memo.clear();
    this.schedule();
  }
}
