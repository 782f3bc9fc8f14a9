/**
 * Worker-thread entry: validates texts sent by the server's main thread. Validation of a
 * 5,000-staff file takes about a second of CPU; running it here keeps the main thread free
 * to answer hover and completion meanwhile.
 */
import { parentPort } from 'node:worker_threads';
import { Validator } from './validator.js';
import type { WorkerMessage, WorkerReply } from './worker-protocol.js';

const validator = new Validator();
const port = parentPort;

port?.on('message', (message: WorkerMessage) => {
  if (message.type === 'reset') {
    validator.reset();
    return;
  }
  validator.validate(message.request).then(
    (result) => port.postMessage({ id: message.id, result } satisfies WorkerReply),
    (error: unknown) => port.postMessage({ id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerReply),
  );
});
