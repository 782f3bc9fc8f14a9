/** The custom messages of edunorm-language-server: one definition, shared with the server. */
export * from '../../packages/language-server/src/protocol.js';
