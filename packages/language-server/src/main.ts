/**
 * Process entry of `edunorm-language-server`. The transport comes from the command line:
 * `--stdio`, `--node-ipc`, `--socket=N` or `--pipe=NAME` (vscode-languageserver reads them).
 */
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from './server.js';
import { InProcessValidation, WorkerValidation, type ValidationService } from './validation-service.js';

const connection = createConnection(ProposedFeatures.all);

function log(message: string): void {
  try {
    connection.console.error(message);
  } catch {
    process.stderr.write(`${message}\n`);
  }
}

// A bug must not take the editor's server down with it: log and keep answering.
process.on('uncaughtException', (error) => log(`edunorm: uncaught: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => log(`edunorm: unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));

function validationService(): ValidationService {
  if (process.env.EDUNORM_LS_IN_PROCESS === '1') return new InProcessValidation();
  try {
    // Bundled as CommonJS (`server.cjs`), the worker sits beside it as `validation-worker.cjs`.
    const ext = import.meta.url.endsWith('.cjs') ? 'cjs' : 'js';
    return new WorkerValidation(new URL(`./validation-worker.${ext}`, import.meta.url), log);
  } catch (error) {
    log(`edunorm: validating in-process: ${String(error)}`);
    return new InProcessValidation();
  }
}

startServer(connection, { service: validationService() });
