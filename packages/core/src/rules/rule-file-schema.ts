/**
 * JSON Schema of a rule file (`rules/<pack>/<rule-id>.yaml`), compiled once by ajv. A rule
 * file that breaks it is reported with file, line and column (see load-pack.ts).
 */
import { recordFilterSchema } from '../facts/record-filter.js';
import { VOCABULARY } from '../vocabulary.js';

const localized = {
  type: 'object',
  required: ['zh-CN', 'en'],
  additionalProperties: false,
  properties: { 'zh-CN': { type: 'string', minLength: 1 }, en: { type: 'string', minLength: 1 } },
};

/** json-rules-engine condition syntax (a subset we validate strictly; the engine checks the rest). */
const condition = {
  type: 'object',
  oneOf: [
    {
      required: ['all'],
      properties: { all: { type: 'array', minItems: 1, items: { $ref: '#/definitions/condition' } } },
    },
    {
      required: ['any'],
      properties: { any: { type: 'array', minItems: 1, items: { $ref: '#/definitions/condition' } } },
    },
    { required: ['not'], properties: { not: { $ref: '#/definitions/condition' } } },
    {
      required: ['fact', 'operator', 'value'],
      properties: {
        fact: { type: 'string', minLength: 1 },
        operator: { type: 'string', minLength: 1 },
        path: { type: 'string', pattern: '^\\$(\\.[A-Za-z_][A-Za-z0-9_-]*)+$' },
        params: { type: 'object' },
        value: {},
      },
    },
  ],
};

const severity = { enum: ['error', 'warning', 'info'] };

const testFinding = {
  type: 'object',
  required: ['line'],
  additionalProperties: false,
  properties: {
    file: { type: 'string', description: 'workspace rules: the file of the case the finding is in' },
    line: { type: 'integer', minimum: 1 },
    column: { type: 'integer', minimum: 1 },
    severity,
    outcome: { type: 'string' },
    path: { type: 'string' },
    message: { type: 'string', description: 'a substring the zh-CN message must contain' },
    messageEn: { type: 'string', description: 'a substring the en message must contain' },
  },
};

const testCase = {
  type: 'object',
  required: ['name'],
  oneOf: [
    { required: ['document'], properties: { document: { type: 'string' } } },
    { required: ['files'], properties: { files: { type: 'object' } } },
  ],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1 },
    nameZh: { type: 'string', minLength: 1, description: 'the name in Chinese: what zh-CN readers of test-rules and of the rule page see' },
    document: { type: 'string', minLength: 1 },
    files: {
      type: 'object',
      description: 'workspace rules: several files checked together, file name → text',
      minProperties: 1,
      propertyNames: { pattern: '^[A-Za-z0-9_][A-Za-z0-9_./-]*\\.ya?ml$' },
      additionalProperties: { type: 'string', minLength: 1 },
    },
    params: { type: 'object' },
    findings: { type: 'array', items: testFinding },
  },
};

export const ruleFileSchema = {
  $id: 'edunorm/rule-file',
  type: 'object',
  required: ['id', 'kind', 'severity', 'title', 'description', 'citation', 'outcomes', 'tests'],
  additionalProperties: false,
  properties: {
    // A norm's id is its file name; a sense check's is prefixed by its folder (`plausibility/hired-after-fiscal-year`).
    id: { type: 'string', pattern: '^([a-z0-9]+(-[a-z0-9]+)*/)?[a-z0-9]+(-[a-z0-9]+)*$' },
    scope: { enum: ['document', 'workspace'], description: 'workspace: the rule reads the documents checked together (workspace.md)' },
    contributions: {
      type: 'object',
      description: 'workspace rules: per linked school document, the figures of a fact of another rule, counted as that rule counts',
      propertyNames: { pattern: '^[a-zA-Z][a-zA-Z0-9]*$' },
      additionalProperties: {
        type: 'object',
        required: ['kind', 'reuse'],
        additionalProperties: false,
        properties: {
          kind: { enum: ['SchoolBudget', 'Staffing'] },
          reuse: {
            type: 'object',
            required: ['rule', 'calculator'],
            additionalProperties: false,
            properties: { rule: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }, calculator: { type: 'string', minLength: 1 } },
          },
        },
      },
    },
    kind: { enum: ['SchoolBudget', 'Staffing', 'DistrictIndicators'] },
    severity,
    title: localized,
    description: localized,
    citation: {
      type: 'object',
      required: ['source', 'document', 'section', 'quote'],
      additionalProperties: false,
      properties: {
        source: { type: 'string', minLength: 1 },
        document: { type: 'string', minLength: 1 },
        section: { type: 'string', minLength: 1 },
        quote: { type: 'string', minLength: 4 },
        also: { type: 'string' },
      },
    },
    params: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['type', 'default', 'description'],
        additionalProperties: false,
        properties: {
          type: { enum: ['number', 'fraction', 'integer', 'yuan', 'string-list', 'number-map', 'choice'] },
          default: {},
          values: { type: 'array', minItems: 2, items: { type: 'string', minLength: 1 } },
          vocabulary: { enum: Object.keys(VOCABULARY) },
          entries: { enum: ['number', 'fraction', 'integer', 'yuan'] },
          minimum: { type: 'number' },
          maximum: { type: 'number' },
          description: localized,
        },
      },
    },
    effective: {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      properties: { from: { type: 'integer' }, to: { type: 'integer' } },
    },
    facts: {
      type: 'object',
      propertyNames: { pattern: '^[a-zA-Z][a-zA-Z0-9]*$' },
      additionalProperties: {
        type: 'object',
        required: ['calculator', 'params'],
        additionalProperties: false,
        properties: { calculator: { type: 'string' }, params: { type: 'object' } },
      },
    },
    applies: { $ref: '#/definitions/condition' },
    hint: {
      type: 'object',
      required: ['from', 'at', 'text'],
      additionalProperties: false,
      description: 'A short computed figure shown beside an input (editor inlay hint, hover), e.g. "3.75% (≥ 5%)".',
      properties: { from: { type: 'string' }, at: { type: 'string', minLength: 1 }, part: { enum: ['key', 'value'] }, text: localized },
    },
    outcomes: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['name', 'when', 'report', 'message'],
        additionalProperties: false,
        properties: {
          name: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
          severity,
          when: { $ref: '#/definitions/condition' },
          message: localized,
          report: {
            type: 'object',
            required: ['at'],
            additionalProperties: false,
            properties: {
              from: { type: 'string' },
              items: { type: 'string', minLength: 1 },
              itemsWhere: recordFilterSchema,
              at: { type: 'string', minLength: 1 },
              part: { enum: ['key', 'value'] },
              else: { type: 'array', items: { type: 'string' } },
              related: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['at', 'message'],
                  additionalProperties: false,
                  properties: { at: { type: 'string' }, message: localized, each: { type: 'string', minLength: 1 } },
                },
              },
              fix: {
                type: 'object',
                required: ['figure'],
                additionalProperties: false,
                properties: { figure: { type: 'string' }, round: { enum: ['up', 'down', 'none'] } },
              },
            },
          },
        },
      },
    },
    tests: {
      type: 'object',
      required: ['valid', 'invalid'],
      additionalProperties: false,
      properties: {
        valid: { type: 'array', minItems: 2, items: testCase },
        invalid: { type: 'array', minItems: 2, items: testCase },
      },
    },
  },
  definitions: { condition },
};

export const conditionSchema = condition;
