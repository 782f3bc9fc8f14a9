/**
 * When to validate: a change is validated after a pause in typing (debounce); each result
 * carries the document version it was computed from, and a result for a version the user
 * has already typed past is dropped instead of shown. At most one validation per document
 * runs at a time; edits made meanwhile are folded into one follow-up run. A validation that
 * fails (worker out of memory or crashed) yields a result saying the file could not be checked.
 */
import type { CancellationToken } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ValidationService } from './validation-service.js';
import { uncheckedResult } from './validation-failure.js';
import type { ValidationRequest, ValidationResult } from './validator.js';

interface Entry {
  timer?: ReturnType<typeof setTimeout>;
  running: boolean;
  rerun: boolean;
  /** The newest result for a version that was current when it arrived. */
  latest?: ValidationResult;
  waiters: { version: number; resolve: (r: ValidationResult | undefined) => void }[];
}

export interface SchedulerOptions {
  documents: { get(uri: string): TextDocument | undefined };
  service: ValidationService;
  requestFor(document: TextDocument): ValidationRequest;
  /** Called with each fresh result (publish diagnostics, status). */
  onResult(result: ValidationResult): void;
  log(message: string): void;
}

export class ValidationScheduler {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly options: SchedulerOptions) {}

  private entry(uri: string): Entry {
    let e = this.entries.get(uri);
    if (!e) {
      e = { running: false, rerun: false, waiters: [] };
      this.entries.set(uri, e);
    }
    return e;
  }

  /** Validate `uri` after `delayMs` of quiet; a later call restarts the wait. */
  schedule(uri: string, delayMs: number): void {
    const e = this.entry(uri);
    if (e.timer) clearTimeout(e.timer);
    e.timer = setTimeout(() => {
      e.timer = undefined;
      void this.run(uri);
    }, delayMs);
  }

  latest(uri: string): ValidationResult | undefined {
    return this.entries.get(uri)?.latest;
  }

  /** Resolves with the result for `version` or newer; undefined if the document closes first. */
  whenValidated(uri: string, version: number, token?: CancellationToken): Promise<ValidationResult | undefined> {
    const e = this.entry(uri);
    if (e.latest && e.latest.version >= version) return Promise.resolve(e.latest);
    if (!e.timer && !e.running) this.schedule(uri, 0);
    return new Promise((resolve) => {
      const waiter = { version, resolve };
      e.waiters.push(waiter);
      token?.onCancellationRequested(() => {
        e.waiters = e.waiters.filter((w) => w !== waiter);
        resolve(undefined);
      });
    });
  }

  /** The document was closed: drop its state and release anyone waiting. */
  forget(uri: string): void {
    const e = this.entries.get(uri);
    if (!e) return;
    if (e.timer) clearTimeout(e.timer);
    this.entries.delete(uri);
    for (const w of e.waiters) w.resolve(undefined);
  }

  /** Validate every open document again (settings or configuration changed). */
  revalidate(uris: readonly string[]): void {
    for (const uri of uris) {
      const e = this.entry(uri);
      e.latest = undefined;
      this.schedule(uri, 0);
    }
  }

  private async run(uri: string): Promise<void> {
    const e = this.entries.get(uri);
    if (!e) return;
    if (e.running) {
      e.rerun = true;
      return;
    }
    const document = this.options.documents.get(uri);
    if (!document) return;
    e.running = true;
    let result: ValidationResult | undefined;
    const failed = (error: unknown) => this.options.log(`edunorm: validation of ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    try {
      const request = this.options.requestFor(document);
      try {
        result = await this.options.service.validate(request);
      } catch (error) {
        failed(error);
        // Not validated is not clean: the user sees that this version could not be checked.
        // No retry of the same text (it would likely fail the same way); the next edit tries again.
        result = uncheckedResult(request, error);
      }
    } catch (error) {
      failed(error);
    } finally {
      e.running = false;
    }
    if (this.entries.get(uri) !== e) return; // closed meanwhile
    const current = this.options.documents.get(uri);
    if (result && current && current.version === result.version) {
      e.latest = result;
      const ready = e.waiters.filter((w) => w.version <= result.version);
      e.waiters = e.waiters.filter((w) => w.version > result.version);
      try {
        this.options.onResult(result);
      } finally {
        for (const w of ready) w.resolve(result);
      }
    } else if (!result && current) {
      // The validation itself failed: release waiters rather than leave requests hanging.
      for (const w of e.waiters) w.resolve(e.latest);
      e.waiters = [];
    }
    // Stale (the document changed while validating) or asked again meanwhile: run on the
    // newest text unless a debounced run is already pending.
    if ((e.rerun || (current && result && current.version !== result.version)) && !e.timer) {
      e.rerun = false;
      void this.run(uri);
    } else e.rerun = false;
  }
}
