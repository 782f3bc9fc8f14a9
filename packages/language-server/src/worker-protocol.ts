import type { Finding } from '@edunorm/core';
import type { FindingsDelta } from './findings-delta.js';
import type { TextChange } from './text-changes.js';
import type { ValidationRequest, ValidationResult } from './validator.js';

/**
 * A validation request as the worker receives it: the whole text, or the client's edits since
 * `base`, a version of the same document the worker was sent before (it keeps the text of
 * each document's last version). `whole`: answer with every finding, not a delta.
 */
export type WireRequest = Omit<ValidationRequest, 'text' | 'changesSince'> & { whole?: true } & ({ text: string; base?: undefined; changes?: undefined } | { text?: undefined; base: number; changes: TextChange[] });

/** Messages from the server's main thread to its validation worker. */
export type WorkerMessage = { type: 'validate'; id: number; request: WireRequest } | { type: 'reset' } | { type: 'forget'; uri: string };

/** A result as the worker sends it: its findings whole, or as the difference from those of an earlier reply for the same document. */
export type WireResult = Omit<ValidationResult, 'findings'> & ({ findings: Finding[]; delta?: undefined } | { findings?: undefined; delta: FindingsDelta });

/** `resync`: the worker does not hold the version the edits start from; send the whole text. */
export type WorkerReply =
  | { id: number; result: WireResult; error?: undefined; resync?: undefined }
  | { id: number; error: string; result?: undefined; resync?: undefined }
  | { id: number; resync: true; result?: undefined; error?: undefined };
