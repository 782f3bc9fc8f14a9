/**
 * Worker-thread entry: validates texts sent by the server's main thread. Validation of a
 * 5,000-staff file takes about a second of CPU; running it here keeps the main thread free
 * to answer hover and completion meanwhile.
 *
 * What crosses between the threads is kept small, because copying a message costs by its size
 * on both threads: the worker keeps each document's last text and is sent the client's edits
 * (text-changes.ts), and it answers with the findings as a difference from its last answer for
 * that document (findings-delta.ts).
 */
import { parentPort } from 'node:worker_threads';
import type { Finding } from '@edunorm/core';
import type { KnownEdit } from '@edunorm/core/internal';
import { NO_SHIFT, encodeFindings, shiftOf } from './findings-delta.js';
import { applyChanges, enclosingRange } from './text-changes.js';
import { Validator, type ValidationResult } from './validator.js';
import type { WireResult, WorkerMessage, WorkerReply } from './worker-protocol.js';

const validator = new Validator();

/** Documents whose text and last answer are kept (the least recently validated go first; a closed one is forgotten). */
const MAX_DOCUMENTS = 32;
/** Per document: its last version's text, and the findings last sent for it (with the reply and version they were for). */
const texts = new Map<string, { version: number; text: string }>();
const sent = new Map<string, { reply: number; version: number; findings: Finding[] }>();

/** The edit a request's changes made, with the text they made and the version they started from. */
type AppliedEdit = KnownEdit & { text: string; base: number };

function keep<V>(map: Map<string, V>, uri: string, value: V): void {
  map.delete(uri);
  map.set(uri, value);
  if (map.size > MAX_DOCUMENTS) map.delete(map.keys().next().value!);
}

/**
 * A finding as the main thread reads it. A finding's figures, anchor and citation are for
 * reports, baselines and SARIF; diagnostics, hover, code actions and the workspace merge read
 * its rule id, severity, message, ranges, related places, fix, document, path and outcome.
 * Without the three the copy is 40% smaller.
 */
function forTransfer(findings: readonly Finding[]): Finding[] {
  return findings.map((f) => {
    let sent = transferred.get(f);
    if (!sent) {
      const { figures: _figures, anchor: _anchor, citation: _citation, ...kept } = f;
      transferred.set(f, (sent = kept));
    }
    return sent;
  });
}
/**
 * Each finding's transfer form, made once: a finding the checker kept from the last check (its
 * record did not move) is then the very object sent last time, which the delta matches at once.
 */
const transferred = new WeakMap<Finding, Finding>();

/** The result to send: its findings as indices into the last ones sent for the document where they can be. */
function wire(id: number, result: ValidationResult, version: number, whole: boolean, edit: AppliedEdit | undefined): WireResult {
  const findings = forTransfer(result.findings);
  const before = whole ? undefined : sent.get(result.uri);
  keep(sent, result.uri, { reply: id, version, findings });
  const { findings: _findings, ...rest } = result;
  if (!before) return { ...rest, findings };
  // Positions moved by the edit only if the last findings sent were for the text it started from.
  const shift = edit && before.version === edit.base ? shiftOf(edit.previous, edit.text, edit) : NO_SHIFT;
  return { ...rest, delta: { base: before.reply, shift, items: encodeFindings(before.findings, findings, shift) } };
}

const port = parentPort;

function reply(message: WorkerReply): void {
  port?.postMessage(message);
}

port?.on('message', (message: WorkerMessage) => {
  if (message.type === 'reset') {
    validator.reset();
    return;
  }
  if (message.type === 'forget') {
    texts.delete(message.uri);
    sent.delete(message.uri);
    return;
  }
  const { id, request } = message;
  let text: string;
  let edit: AppliedEdit | undefined;
  if (request.text !== undefined) text = request.text;
  else {
    const held = texts.get(request.uri);
    if (!held || held.version !== request.base) return reply({ id, resync: true });
    try {
      text = applyChanges(held.text, request.changes);
    } catch {
      texts.delete(request.uri);
      return reply({ id, resync: true });
    }
    const range = enclosingRange(request.changes);
    edit = range ? { previous: held.text, ...range, text, base: request.base } : undefined;
  }
  keep(texts, request.uri, { version: request.version, text });
  const { base: _base, changes: _changes, whole, ...rest } = request;
  validator.validate({ ...rest, text }, edit).then(
    (result) => reply({ id, result: wire(id, result, request.version, whole === true, edit) }),
    (error: unknown) => reply({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
