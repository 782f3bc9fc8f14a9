/**
 * @edunorm/language-server — LSP over @edunorm/core. Start it with the
 * `edunorm-language-server --stdio` bin, or embed it with `startServer(connection, …)`.
 */
export { startServer, DEBOUNCE_MS, STATUS_NOTIFICATION, CHECK_FILES_REQUEST, RULES_REQUEST, SKELETON_REQUEST, type ServerOptions, type StatusParams, type CheckFilesResult } from './server.js';
export { InProcessValidation, WorkerValidation, type ValidationService } from './validation-service.js';
export { ruleDocUrl, RULE_DOCS_BASE } from '@edunorm/core/internal';
export { buildOutline, pathAt, containerAt, type OutlineFile, type OutlineNode } from '@edunorm/core/internal';
export { readSettings, resolveLocale, type ServerSettings } from './settings.js';
