/**
 * What a file shows when it could not be validated (the worker ran out of memory or
 * crashed, or the validator threw): one `engine/error` diagnostic on line 1 saying so, in
 * the user's language. Without it the file would show no problems — indistinguishable from
 * a compliant one.
 */
import { type Finding, type LocalizedText } from '@edunorm/core';
import { TextPositions, notCheckedMessage, structural } from '@edunorm/core/internal';
import { ValidationUnavailableError } from './validation-service.js';
import { textKind, type ValidationRequest, type ValidationResult } from './validator.js';

export const UNCHECKED_RULE_ID = 'engine/error' as const;

function why(error: unknown): LocalizedText {
  if (error instanceof ValidationUnavailableError && error.reason === 'out-of-memory') {
    return { 'zh-CN': '检查进程内存不足,已停止', en: 'the checking process ran out of memory and stopped' };
  }
  if (error instanceof ValidationUnavailableError) return { 'zh-CN': '检查进程意外停止', en: 'the checking process stopped unexpectedly' };
  return { 'zh-CN': '检查时出现内部错误', en: 'an internal error occurred while checking' };
}

export function uncheckedFinding(request: ValidationRequest, error: unknown): Finding {
  const positions = new TextPositions(request.text);
  return {
    ...structural(UNCHECKED_RULE_ID),
    message: notCheckedMessage(why(error))[request.locale],
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
