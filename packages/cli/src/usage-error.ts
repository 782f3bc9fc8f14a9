import type { LocalizedText } from '@edunorm/core';

/**
 * A mistake in the command line (exit code 2). It carries its message in both languages
 * (from messages.ts); `message` is the English one, for logs and stack traces.
 */
export class UsageError extends Error {
  override name = 'UsageError';
  readonly text: LocalizedText;

  constructor(text: LocalizedText) {
    super(text.en);
    this.text = text;
  }
}
