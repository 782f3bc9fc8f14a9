/**
 * JSON Schema of `edunorm.config.yaml`. Its own module (no imports) so that
 * scripts/gen-validators.mjs compiles it ahead of time with the document schemas: a check
 * never loads ajv's compiler.
 */
const severity = { enum: ['off', 'info', 'warning', 'error'] };

export const configSchema = {
  $id: 'edunorm/config',
  type: 'object',
  additionalProperties: false,
  properties: {
    extends: { type: 'array', items: { type: 'string', minLength: 1 } },
    locale: { enum: ['zh-CN', 'en'] },
    rules: {
      type: 'object',
      additionalProperties: {
        oneOf: [
          severity,
          {
            type: 'object',
            additionalProperties: false,
            minProperties: 1,
            properties: { severity, params: { type: 'object' } },
          },
        ],
      },
    },
  },
};
