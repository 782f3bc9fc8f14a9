/**
 * Validates one text the way the CLI would, picking what it is: an edunorm data file, an
 * `edunorm.config.yaml`, a rule file, or something that is not ours (left alone). Runs in
 * the validation worker thread; nothing here touches the LSP connection.
 */
import { ConfigurationError, RulePackError, classifyText, getDefaultRuleSet, type DocumentSummary, type Finding, type Locale, type Measurement, type Problem, type RuleSet } from '@edunorm/core';
import { IncrementalChecker, TextPositions, checkRuleFile, problemPlace, problemToFinding, type KnownEdit, type WorkspaceFileInput } from '@edunorm/core/internal';
import { ConfigResolver, resolveConfig } from '@edunorm/core/node';
import { say } from './messages.js';
import type { TextChange } from './text-changes.js';

export interface ValidationRequest {
  uri: string;
  version: number;
  text: string;
  /** File-system path for `file:` documents: finds the folder's configuration. */
  filePath?: string;
  locale: Locale;
  /** `reportUnusedDisableDirectives`: directives that hide nothing are findings (`directive/unused`). */
  reportUnusedDirectives?: boolean;
  /**
   * The client's edits that turn an earlier version of this document into this one, when they
   * are all known (text-changes.ts): the worker is sent these instead of the text.
   */
  changesSince?: (version: number) => readonly TextChange[] | undefined;
}

export type TextKind = 'data' | 'config' | 'rule-file' | 'other';

export interface ValidationResult {
  uri: string;
  version: number;
  kind: TextKind;
  findings: Finding[];
  measurements: Measurement[];
  documents: DocumentSummary[];
  /** Names of the rule packs the file was checked with (language status). */
  packs: string[];
  configFile?: string;
  durationMs: number;
  /** The text could not be validated (worker died, validator threw): findings say so. */
  unchecked?: boolean;
  /** What the file contributes to the norms across documents (workspace-index.ts), when it does. */
  workspace?: WorkspaceFileInput;
}

export function isConfigFile(filePath: string | undefined): boolean {
  return filePath !== undefined && classifyText('', filePath) === 'config';
}

/** A rule file (`id:` with `outcomes:`/`tests:`), decided by core's parse of the text. */
export function isRuleFileText(text: string): boolean {
  return classifyText(text) === 'rule-file';
}

/** What a text is, as the CLI decides it (core's classifyText). */
export function textKind(text: string, filePath: string | undefined): TextKind {
  const kind = classifyText(text, filePath);
  return kind === 'submission' ? 'data' : kind;
}

const problemFinding = problemToFinding;

function problemsOf(error: unknown): Problem[] | undefined {
  if (error instanceof ConfigurationError || error instanceof RulePackError) return error.problems;
  return undefined;
}

/** Open documents whose incremental checker is kept (the least recently validated go first). */
const MAX_CHECKERS = 16;

interface Checking {
  checker: IncrementalChecker;
  ruleSet: RuleSet;
  locale: Locale;
  reportUnused: boolean;
  filePath: string | undefined;
  /** The last check found a submission: the next text is classified by checking it. */
  submission: boolean;
}

export class Validator {
  private resolver = new ConfigResolver();
  /**
   * Per document, the checker of its versions: an edit inside one record re-checks that record
   * (core's IncrementalChecker), not the whole 20,000-person file.
   */
  private readonly checkers = new Map<string, Checking>();

  /** Forgets loaded configurations and packs (a config or rule file changed on disk). */
  reset(): void {
    this.resolver = new ConfigResolver();
    this.checkers.clear();
  }

  /** The document's checker for this rule set, locale, path and directive setting (a new one when any changed). */
  private checking(request: ValidationRequest, ruleSet: RuleSet): Checking {
    let c = this.checkers.get(request.uri);
    const reportUnused = request.reportUnusedDirectives === true;
    if (!c || c.ruleSet !== ruleSet || c.locale !== request.locale || c.filePath !== request.filePath || c.reportUnused !== reportUnused) {
      c = { checker: new IncrementalChecker({ locale: request.locale, ruleSet, measurements: true, workspace: true, reportUnusedDirectives: reportUnused }), ruleSet, locale: request.locale, reportUnused, filePath: request.filePath, submission: false };
    }
    this.checkers.delete(request.uri);
    this.checkers.set(request.uri, c);
    if (this.checkers.size > MAX_CHECKERS) this.checkers.delete(this.checkers.keys().next().value!);
    return c;
  }

  /** The rule set for a file's folder; a broken configuration falls back to the built-in pack. */
  ruleSetFor(filePath: string | undefined): { ruleSet: RuleSet; configFile?: string; error?: unknown } {
    if (!filePath) return { ruleSet: getDefaultRuleSet() };
    try {
      const resolved = this.resolver.forFile(filePath);
      return { ruleSet: resolved.ruleSet, ...(resolved.file ? { configFile: resolved.file } : {}) };
    } catch (error) {
      return { ruleSet: getDefaultRuleSet(), error };
    }
  }

  /** `edit`: where the text differs from this document's text validated last, when the caller knows. */
  async validate(request: ValidationRequest, edit?: KnownEdit): Promise<ValidationResult> {
    const started = performance.now();
    // An edited submission is classified by its incremental check (which reads only the edited
    // record); classifying it first would read the whole text on every keystroke.
    const previous = this.checkers.get(request.uri);
    if (previous?.submission && !isConfigFile(request.filePath)) {
      const data = await this.validateData(request, edit);
      if (data) return { uri: request.uri, version: request.version, kind: 'data', ...data, durationMs: performance.now() - started };
    }
    const kind = textKind(request.text, request.filePath);
    const base = { uri: request.uri, version: request.version, kind, findings: [] as Finding[], measurements: [] as Measurement[], documents: [] as DocumentSummary[], packs: [] as string[], durationMs: 0 };
    let result: ValidationResult;
    if (kind === 'data') result = { ...base, ...((await this.validateData(request, edit)) ?? { findings: [] }) };
    else if (kind === 'config') result = { ...base, findings: this.validateConfig(request) };
    else if (kind === 'rule-file') result = { ...base, findings: this.validateRuleFile(request) };
    else result = base;
    result.durationMs = performance.now() - started;
    return result;
  }

  /** A submission's validation; undefined when the text is not one (any more). */
  private async validateData(request: ValidationRequest, edit?: KnownEdit): Promise<Omit<ValidationResult, 'uri' | 'version' | 'kind' | 'durationMs'> | undefined> {
    const { ruleSet, configFile, error } = this.ruleSetFor(request.filePath);
    const checking = this.checking(request, ruleSet);
    const result = await checking.checker.check(request.text, edit);
    checking.submission = result.fileKind === 'submission';
    if (!checking.submission) return undefined;
    const findings = result.findings;
    if (error) {
      // The file is still checked (with the built-in pack); the broken configuration is
      // reported on line 1 so the user knows why their own settings are not applied.
      const positions = new TextPositions(request.text);
      const problems = problemsOf(error);
      const detail = problems?.length ? problems.map((p) => `${problemPlace(p)}: ${p.text?.[request.locale] ?? p.message}`).join('; ') : error instanceof Error ? error.message : String(error);
      findings.unshift({
        ruleId: 'config/invalid',
        severity: 'error',
        message: say(request.locale, `配置文件有错误,本文件暂按内置规则检查:${detail}`, `The configuration file is invalid; this file is checked with the built-in rules for now: ${detail}`),
        range: positions.range(0, positions.lineEnd(1)),
        documentIndex: 0,
        path: '',
      });
    }
    return {
      findings,
      measurements: result.measurements ?? [],
      documents: result.documents,
      packs: ruleSet.packs.map((p) => p.name),
      ...(configFile ? { configFile } : {}),
      ...(result.workspace?.contributions.length ? { workspace: result.workspace } : {}),
    };
  }

  /**
   * `edunorm.config.yaml` as typed (saved or not), resolved by core's one configuration
   * resolver — the CLI's, npm packages included: every problem located on this file; one in a
   * pack's rule file is shown on the `extends:` entry that brought it in, naming its file:line:col.
   */
  private validateConfig(request: ValidationRequest): Finding[] {
    const file = request.filePath!;
    const positions = new TextPositions(request.text);
    const prefix = say(request.locale, '配置错误:', 'Configuration error: ');
    return resolveConfig(file, request.text).problems.map((p) => {
      const message = p.text?.[request.locale] ?? p.message;
      return problemFinding(p.file === file || !p.via ? { ...p, message } : { ...p.via, code: p.code, message: `${problemPlace(p)}: ${message}` }, positions, prefix);
    });
  }

  /** A rule file on its own: schema, calculators, paths and templates, located (core's checkRuleFile). */
  private validateRuleFile(request: ValidationRequest): Finding[] {
    return checkRuleFile(request.text, request.filePath ?? request.uri, request.locale);
  }
}
