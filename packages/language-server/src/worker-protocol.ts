import type { ValidationRequest, ValidationResult } from './validator.js';

/** Messages between the server's main thread and its validation worker. */
export type WorkerMessage = { type: 'validate'; id: number; request: ValidationRequest } | { type: 'reset' };

export type WorkerReply = { id: number; result: ValidationResult; error?: undefined } | { id: number; error: string; result?: undefined };
