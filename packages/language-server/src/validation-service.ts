/**
 * Runs validations off the main thread. One worker, requests answered in order. The worker
 * has a heap limit of its own (`resourceLimits`), so a file that needs too much memory ends
 * the worker — with ERR_WORKER_OUT_OF_MEMORY — and not the whole server. When the worker
 * dies, the request it was working on fails with a {@link ValidationUnavailableError} (the
 * caller shows "could not be checked", never a clean file); requests queued behind it are
 * sent once more to a fresh worker, and every later request starts one on demand.
 * Where a worker cannot be started, validation runs in-process instead.
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { Validator, type ValidationRequest, type ValidationResult } from './validator.js';
import type { Finding } from '@edunorm/core';
import { decodeFindings } from './findings-delta.js';
import type { WireRequest, WireResult, WorkerMessage, WorkerReply } from './worker-protocol.js';

export interface ValidationService {
  validate(request: ValidationRequest): Promise<ValidationResult>;
  /** Forget cached configurations and rule packs. */
  reset(): void;
  /** The document closed: forget what is kept of it. */
  forget(uri: string): void;
  dispose(): void;
}

/** Why a validation has no result: the validating worker stopped under it. */
export class ValidationUnavailableError extends Error {
  constructor(
    readonly reason: 'out-of-memory' | 'crashed',
    detail: string,
  ) {
    super(detail);
    this.name = 'ValidationUnavailableError';
  }
}

/**
 * The worker's old-generation heap, in MB. The CLI's worst measured file within the 16 MiB
 * limit peaks near 1.1 GB, so 1.5 GB leaves room; `EDUNORM_LS_WORKER_MAX_MB` overrides it
 * (tests use a small value to reproduce an out-of-memory worker).
 */
export const DEFAULT_WORKER_HEAP_MB = 1536;

export function workerHeapMb(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.EDUNORM_LS_WORKER_MAX_MB);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_WORKER_HEAP_MB;
}

export class InProcessValidation implements ValidationService {
  private readonly validator = new Validator();
  validate(request: ValidationRequest): Promise<ValidationResult> {
    return this.validator.validate(request);
  }
  reset(): void {
    this.validator.reset();
  }
  forget(): void {}
  dispose(): void {}
}

interface Pending {
  request: ValidationRequest;
  resolve: (r: ValidationResult) => void;
  reject: (e: Error) => void;
  /** Already re-sent once after a worker died behind another request. */
  retried: boolean;
  /** Sent with the whole text and for every finding (after a reply that could not be read as a delta). */
  whole?: true;
}

/**
 * Validations in a worker thread. The worker keeps each document's last text and last
 * findings; this side remembers which version of each document the worker holds (`synced`)
 * and the findings of the worker's last reply for it (`received`), so a request carries the
 * client's edits since that version and a reply the findings as a delta from those
 * (worker-protocol.ts). A worker that lost a document's text asks for it (`resync`); a worker
 * that dies takes both memories with it.
 */
export class WorkerValidation implements ValidationService {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly synced = new Map<string, number>();
  private readonly received = new Map<string, { reply: number; findings: Finding[] }>();

  constructor(
    private readonly script: URL,
    private readonly log: (message: string) => void,
    private readonly resourceLimits: ResourceLimits = { maxOldGenerationSizeMb: workerHeapMb() },
  ) {}

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script, { resourceLimits: this.resourceLimits });
    worker.unref();
    worker.on('message', (reply: WorkerReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      const uri = waiting.request.uri;
      if (reply.resync) {
        // The worker does not hold the version the edits started from: the whole text, once more.
        this.synced.delete(uri);
        this.send(waiting);
      } else if (reply.result) {
        const findings = this.findingsOf(uri, reply.result);
        if (findings) {
          this.received.set(uri, { reply: reply.id, findings });
          const { delta: _delta, ...rest } = reply.result;
          waiting.resolve({ ...rest, findings });
        } else if (!waiting.whole) {
          this.log(`edunorm: the findings of ${uri} did not match the ones before them; asking for all of them`);
          this.received.delete(uri);
          this.synced.delete(uri);
          this.send({ ...waiting, whole: true });
        } else waiting.reject(new Error(`the validation worker's findings of ${uri} could not be read`));
      } else {
        this.synced.delete(uri);
        waiting.reject(new Error(reply.error));
      }
    });
    const fail = (error: Error & { code?: string }) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      // A new worker holds no text and sent no findings yet.
      this.synced.clear();
      this.received.clear();
      this.log(`edunorm: validation worker stopped: ${error.stack ?? error.message}`);
      const reason = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out-of-memory' : 'crashed';
      // The oldest request is the one the worker was validating (it validates in order):
      // it fails. The others never started; they get one more chance in a fresh worker.
      const queued = [...this.pending.entries()].sort(([a], [b]) => a - b);
      this.pending.clear();
      queued.forEach(([, waiting], i) => {
        if (i === 0 || waiting.retried) waiting.reject(new ValidationUnavailableError(reason, error.message));
        else this.send({ ...waiting, retried: true });
      });
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`worker exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  /** A reply's findings: whole, or rebuilt from the delta against the last reply for the document. */
  private findingsOf(uri: string, result: WireResult): Finding[] | undefined {
    if (!result.delta) return result.findings;
    const before = this.received.get(uri);
    if (!before || before.reply !== result.delta.base) return undefined;
    return decodeFindings(before.findings, result.delta.items, result.delta.shift);
  }

  /** The request as sent: the edits since the version the worker holds, when they are all known. */
  private wire(waiting: Pending): WireRequest {
    const { text, changesSince, ...rest } = waiting.request;
    const base = waiting.whole ? undefined : this.synced.get(rest.uri);
    const changes = base !== undefined ? changesSince?.(base) : undefined;
    this.synced.set(rest.uri, rest.version);
    if (changes && base !== undefined) return { ...rest, base, changes: [...changes] };
    return { ...rest, text, ...(waiting.whole ? { whole: true as const } : {}) };
  }

  private send(waiting: Pending): void {
    const id = this.nextId++;
    this.pending.set(id, waiting);
    try {
      this.ensureWorker().postMessage({ type: 'validate', id, request: this.wire(waiting) } satisfies WorkerMessage);
    } catch (error) {
      this.pending.delete(id);
      this.synced.delete(waiting.request.uri);
      waiting.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  validate(request: ValidationRequest): Promise<ValidationResult> {
    return new Promise((resolve, reject) => this.send({ request, resolve, reject, retried: false }));
  }

  forget(uri: string): void {
    this.synced.delete(uri);
    this.received.delete(uri);
    this.worker?.postMessage({ type: 'forget', uri } satisfies WorkerMessage);
  }

  reset(): void {
    this.worker?.postMessage({ type: 'reset' } satisfies WorkerMessage);
  }

  dispose(): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
  }
}
