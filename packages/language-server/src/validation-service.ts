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
import type { WorkerMessage, WorkerReply } from './worker-protocol.js';

export interface ValidationService {
  validate(request: ValidationRequest): Promise<ValidationResult>;
  /** Forget cached configurations and rule packs. */
  reset(): void;
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
  dispose(): void {}
}

interface Pending {
  request: ValidationRequest;
  resolve: (r: ValidationResult) => void;
  reject: (e: Error) => void;
  /** Already re-sent once after a worker died behind another request. */
  retried: boolean;
}

export class WorkerValidation implements ValidationService {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

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
      if (reply.result) waiting.resolve(reply.result);
      else waiting.reject(new Error(reply.error));
    });
    const fail = (error: Error & { code?: string }) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
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

  private send(waiting: Pending): void {
    const id = this.nextId++;
    this.pending.set(id, waiting);
    try {
      this.ensureWorker().postMessage({ type: 'validate', id, request: waiting.request } satisfies WorkerMessage);
    } catch (error) {
      this.pending.delete(id);
      waiting.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  validate(request: ValidationRequest): Promise<ValidationResult> {
    return new Promise((resolve, reject) => this.send({ request, resolve, reject, retried: false }));
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
