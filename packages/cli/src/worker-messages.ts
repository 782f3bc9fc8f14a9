/**
 * The messages between the worker pool and its threads, and how an error crosses: a
 * configuration error keeps its name, located problems and both languages, so a run with
 * workers exits 2 with the same text as one without.
 */
import type { CheckJob } from './check-tasks.js';
import type { ExecutorOptions } from './executor.js';
import type { Outcome } from './outcome.js';

/** First the run's options (a worker may be started before they are known), then batches. */
export type ToWorker = { type: 'start'; options: ExecutorOptions } | { type: 'jobs'; jobs: CheckJob[] };
export type FromWorker = { type: 'outcomes'; outcomes: Outcome[] } | { type: 'error'; error: SentError };

export interface SentError {
  name: string;
  message: string;
  code?: string;
  problems?: unknown;
  text?: unknown;
}

export function errorMessage(error: unknown): SentError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const e = error as Error & { code?: unknown; problems?: unknown; text?: unknown };
  return {
    name: e.name,
    message: e.message,
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    // Plain data (located problems, localized texts): what structured clone can carry.
    ...(e.problems !== undefined ? { problems: JSON.parse(JSON.stringify(e.problems)) as unknown } : {}),
    ...(e.text !== undefined ? { text: JSON.parse(JSON.stringify(e.text)) as unknown } : {}),
  };
}

/** The error again on this side, as reportError (main.ts) reads it. */
export function receivedError(sent: SentError): Error {
  const { message, ...rest } = sent;
  return Object.assign(new Error(message), rest);
}
