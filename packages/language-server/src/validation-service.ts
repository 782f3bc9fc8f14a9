/**
 * Runs validations off the main thread. One worker, requests answered in order; if the
 * worker dies (a bug, out of memory) its pending requests fail and the next request starts
 * a fresh one. Where a worker cannot be started, validation runs in-process instead.
 */
import { Worker } from 'node:worker_threads';
import { Validator, type ValidationRequest, type ValidationResult } from './validator.js';
import type { WorkerMessage, WorkerReply } from './worker-protocol.js';

export interface ValidationService {
  validate(request: ValidationRequest): Promise<ValidationResult>;
  /** Forget cached configurations and rule packs. */
  reset(): void;
  dispose(): void;
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

export class WorkerValidation implements ValidationService {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: ValidationResult) => void; reject: (e: Error) => void }>();

  constructor(
    private readonly script: URL,
    private readonly log: (message: string) => void,
  ) {}

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script);
    worker.unref();
    worker.on('message', (reply: WorkerReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (reply.result) waiting.resolve(reply.result);
      else waiting.reject(new Error(reply.error));
    });
    const fail = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.log(`edunorm: validation worker stopped: ${error.stack ?? error.message}`);
      for (const [id, waiting] of this.pending) {
        this.pending.delete(id);
        waiting.reject(error);
      }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`worker exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  validate(request: ValidationRequest): Promise<ValidationResult> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { resolve, reject });
      try {
        this.ensureWorker().postMessage({ type: 'validate', id, request } satisfies WorkerMessage);
      } catch (error) {
        this.pending.delete(id);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
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
