/**
 * What a file shows when it could not be validated (the worker ran out of memory or
 * crashed, or the validator threw): one `engine/error` diagnostic on line 1 saying so, in
 * the user's language. Without it the file would show no problems — indistinguishable from
 * a compliant one.
 */
import { type Finding, type Locale } from '@edunorm/core';
import { TextPositions } from '@edunorm/core/internal';
import { say } from './messages.js';
import { ValidationUnavailableError } from './validation-service.js';
import { textKind, type ValidationRequest, type ValidationResult } from './validator.js';

export const UNCHECKED_RULE_ID = 'engine/error';

function why(error: unknown, locale: Locale): string {
  if (error instanceof ValidationUnavailableError && error.reason === 'out-of-memory') {
    return say(locale, '检查进程内存不足,已停止', 'the checking process ran out of memory and stopped');
  }
  if (error instanceof ValidationUnavailableError) return say(locale, '检查进程意外停止', 'the checking process stopped unexpectedly');
  return say(locale, '检查时出现内部错误', 'an internal error occurred while checking');
}

export function uncheckedFinding(request: ValidationRequest, error: unknown): Finding {
  const positions = new TextPositions(request.text);
  const reason = why(error, request.locale);
  return {
    ruleId: UNCHECKED_RULE_ID,
    severity: 'error',
    message: say(
      request.locale,
      `edunorm 未能检查此文件:${reason}。没有其他提示不代表符合要求。修改文件后会重新检查。`,
      `edunorm could not check this file: ${reason}. The absence of other problems does not mean it complies. It is checked again on the next change.`,
    ),
    range: positions.range(0, positions.lineEnd(1)),
    documentIndex: 0,
    path: '',
  };
}

/** A result that carries only the "could not be checked" finding. */
export function uncheckedResult(request: ValidationRequest, error: unknown): ValidationResult {
  return {
    uri: request.uri,
    version: request.version,
    kind: textKind(request.text, request.filePath),
    findings: [uncheckedFinding(request, error)],
    measurements: [],
    documents: [],
    packs: [],
    durationMs: 0,
    unchecked: true,
  };
}

/** A workspace file that is not a regular file or cannot be opened (as the CLI's `file/unreadable`). */
export function unreadableFinding(reason: string, locale: Locale): Finding {
  const shown = reason === 'not a regular file' ? say(locale, '不是普通文件', 'not a regular file') : reason;
  const origin = { line: 1, column: 1, offset: 0 };
  return {
    ruleId: 'file/unreadable',
    severity: 'error',
    message: say(locale, `无法读取此文件(${shown}),未检查。`, `This file cannot be read (${shown}); it was not checked.`),
    range: { start: origin, end: { ...origin } },
    documentIndex: 0,
    path: '',
  };
}
