/**
 * What "valid SARIF" means in these tests: the parts of SARIF 2.1.0 that code scanning and
 * other consumers read, checked with ajv against a schema subset (the full OASIS schema is not
 * vendored), plus 1-based regions that lie inside the checked file when its text is given.
 */
import AjvModule from 'ajv';
import { expect } from 'vitest';

type AjvCtor = new (o: Record<string, unknown>) => { compile(schema: unknown): ((d: unknown) => boolean) & { errors?: unknown } };
const Ajv = ((AjvModule as unknown as { default?: AjvCtor }).default ?? (AjvModule as unknown as AjvCtor)) as AjvCtor;

const region = {
  type: 'object',
  required: ['startLine', 'startColumn', 'endLine', 'endColumn'],
  properties: {
    startLine: { type: 'integer', minimum: 1 },
    startColumn: { type: 'integer', minimum: 1 },
    endLine: { type: 'integer', minimum: 1 },
    endColumn: { type: 'integer', minimum: 1 },
  },
};
const location = {
  type: 'object',
  required: ['physicalLocation'],
  properties: {
    physicalLocation: {
      type: 'object',
      required: ['artifactLocation', 'region'],
      properties: { artifactLocation: { type: 'object', required: ['uri'], properties: { uri: { type: 'string', minLength: 1 } } }, region },
    },
  },
};
const message = { type: 'object', required: ['text'], properties: { text: { type: 'string', minLength: 1 } } };

export const SARIF_SUBSET_SCHEMA = {
  type: 'object',
  required: ['version', 'runs'],
  properties: {
    $schema: { type: 'string' },
    version: { const: '2.1.0' },
    runs: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['tool', 'results'],
        properties: {
          tool: {
            type: 'object',
            required: ['driver'],
            properties: {
              driver: {
                type: 'object',
                required: ['name'],
                properties: {
                  name: { type: 'string', minLength: 1 },
                  rules: { type: 'array', items: { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1 } } } },
                },
              },
            },
          },
          results: {
            type: 'array',
            items: {
              type: 'object',
              required: ['ruleId', 'message', 'locations'],
              properties: {
                ruleId: { type: 'string', minLength: 1 },
                ruleIndex: { type: 'integer', minimum: 0 },
                level: { enum: ['none', 'note', 'warning', 'error'] },
                message,
                locations: { type: 'array', minItems: 1, items: location },
                relatedLocations: { type: 'array', items: location },
              },
            },
          },
        },
      },
    },
  },
};

let validate: ReturnType<InstanceType<AjvCtor>['compile']> | undefined;

export interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules?: { id: string }[] } };
    results: {
      ruleId: string;
      ruleIndex?: number;
      level?: string;
      message: { text: string };
      suppressions?: unknown[];
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }[];
    }[];
  }[];
}

/** Parses stdout as SARIF and asserts it is valid; returns the log. */
export function expectValidSarif(stdout: string, context = ''): SarifLog {
  let log: unknown;
  expect(() => (log = JSON.parse(stdout)), `${context}: stdout is JSON`).not.toThrow();
  validate ??= new Ajv({ allErrors: true, strict: false }).compile(SARIF_SUBSET_SCHEMA);
  const ok = validate(log);
  expect(ok ? [] : validate.errors, `${context}: SARIF 2.1.0`).toEqual([]);
  const sarif = log as SarifLog;
  for (const run of sarif.runs) {
    const rules = run.tool.driver.rules ?? [];
    for (const r of run.results) {
      if (r.ruleIndex !== undefined) expect(rules[r.ruleIndex]?.id, `${context}: ruleIndex of ${r.ruleId}`).toBe(r.ruleId);
      const { startLine, startColumn, endLine, endColumn } = r.locations[0]!.physicalLocation.region;
      expect(endLine > startLine || (endLine === startLine && endColumn >= startColumn), `${context}: region of ${r.ruleId} is ordered`).toBe(true);
    }
  }
  return sarif;
}

/** Asserts every SARIF region lies inside the file's lines (text as the CLI decoded it). */
export function expectRegionsInside(sarif: SarifLog, text: string, context = ''): void {
  const lines = text.split(/\r\n|\r|\n/);
  for (const r of sarif.runs[0]!.results) {
    const { startLine, startColumn, endLine, endColumn } = r.locations[0]!.physicalLocation.region;
    for (const [line, column] of [
      [startLine, startColumn],
      [endLine, endColumn],
    ] as const) {
      expect(line, `${context}: ${r.ruleId} line`).toBeLessThanOrEqual(lines.length);
      expect(column, `${context}: ${r.ruleId} column on line ${line}`).toBeLessThanOrEqual((lines[line - 1] ?? '').length + 1);
    }
  }
}

/** A stack trace anywhere in the output (`    at fn (file:line:col)`). */
export const STACK_TRACE = /\n\s+at \S.*[:(]\d+:\d+\)?/;
