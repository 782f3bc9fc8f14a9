/**
 * Hostile inputs, generated (nothing large is stored in the repository). Each has what a user
 * must see: the finding ids expected (all of them, or some of them), and where.
 */

export const BUDGET_HEAD = 'apiVersion: edunorm/v1\nkind: SchoolBudget\n';

/** A school budget; `teacherTraining` is on line 10, its value at column 20. */
export const budget = (publicFunds: string | number, teacherTraining: string | number, extra = '') =>
  `${BUDGET_HEAD}school:\n  code: "130902008"\n  name: 第八中学\n  level: junior\nfiscalYear: 2025\nbudget:\n  publicFunds: ${publicFunds}\n  teacherTraining: ${teacherTraining}\n${extra}`;

/** A staff list with one record; `classTeacher` is on line 9, its value at column 19. */
export const staffing = (classTeacher: string, extra = '') =>
  `apiVersion: edunorm/v1\nkind: Staffing\nschool: { code: "130902008", name: 第八中学, level: junior }\nfiscalYear: 2025\nstaff:\n  - id: T001\n    name: 张三\n    role: teacher\n    classTeacher: ${classTeacher}\n    classTeacherAllowance: 800\n${extra}`;

/** Deterministic bytes (mulberry32), so a failure can be replayed. */
export function seededBytes(seed: number, length: number): Buffer {
  let a = seed >>> 0;
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return out;
}

/** Billion laughs: 10 levels of 9 aliases each (9^9 nodes when expanded). */
export function aliasBomb(): string {
  const lines = [BUDGET_HEAD.trimEnd(), 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

/** The same bomb in block style, one alias per line, inside a field edunorm reads. */
export function blockAliasBomb(): string {
  const lines = [BUDGET_HEAD.trimEnd(), 'base: &b0', ...Array.from({ length: 9 }, () => '  - lol')];
  for (let i = 1; i < 8; i++) lines.push(`l${i}: &b${i}`, ...Array.from({ length: 9 }, () => `  - *b${i - 1}`));
  lines.push('staff: *b7');
  return `${lines.join('\n')}\n`;
}

export const DEPTH = 10_000;
export const deepFlowSeq = (depth = DEPTH) => `${BUDGET_HEAD}x: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
export const deepFlowMap = (depth = DEPTH) => `${BUDGET_HEAD}x: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}\n`;
/** Block sequences nest on one line: `- - - 1`. */
export const deepBlockSeq = (depth = DEPTH) => `${BUDGET_HEAD}x:\n${'- '.repeat(depth)}1\n`;
/** Block mappings, each one column further in (about depth²/2 bytes: 50 MB at 10,000). */
export function deepBlockMap(depth = DEPTH): string {
  const parts = [BUDGET_HEAD, 'x:\n'];
  for (let i = 1; i <= depth; i++) parts.push(`${' '.repeat(i)}k:\n`);
  return parts.join('');
}

/** `__proto__`, `constructor` and `prototype` as keys everywhere, block and flow, and as values. */
export const PROTO_DOCUMENTS: Record<string, string> = {
  'top level': budget(4800000, 240000, '__proto__: { polluted: 1 }\nconstructor: { prototype: { polluted: 2 } }\nprototype: { polluted: 3 }\n'),
  'inside school': budget(4800000, 240000).replace(
    '  level: junior\n',
    '  level: junior\n  __proto__:\n    level: senior\n    polluted: 4\n  constructor:\n    prototype:\n      polluted: 5\n  prototype: 6\n',
  ),
  'flow maps': `${BUDGET_HEAD}school: { __proto__: { polluted: 7 }, code: "1", name: x, level: junior, constructor: { prototype: { polluted: 8 } } }\nfiscalYear: 2025\nbudget: { publicFunds: 4800000, teacherTraining: 240000, __proto__: { teacherTraining: 1 } }\n`,
  'staff records': `apiVersion: edunorm/v1
kind: Staffing
school: { code: "1", name: x, level: constructor }
fiscalYear: 2025
staff:
  - { id: __proto__, name: x, role: toString, __proto__: { role: teacher, polluted: 9 }, constructor: 1, prototype: 2 }
  - id: constructor
    name: y
    role: hasOwnProperty
    title: valueOf
    __proto__:
      polluted: 10
    constructor:
      prototype:
        polluted: 11
  - { id: __proto__, name: z, role: teacher }
`,
  'district lists': `apiVersion: edunorm/v1
kind: DistrictIndicators
district: { code: "1", name: x, type: __proto__ }
year: 2025
indicators: { __proto__: { polluted: 12 }, constructor: 1 }
schools:
  - { code: "2", name: y, level: primary, enrollment: 10, designation: __proto__ }
  - { code: "3", name: y, level: primary, enrollment: 10, designation: constructor, __proto__: { polluted: 13 } }
`,
  'kind named __proto__': 'apiVersion: edunorm/v1\nkind: __proto__\n',
  'kind named constructor': 'apiVersion: edunorm/v1\nkind: constructor\n__proto__: { kind: SchoolBudget }\n',
};

/** Everything in `Object.prototype`, to compare before and after. */
export function prototypeSnapshot(): string[] {
  const proto = Object.prototype as unknown as Record<string, unknown>;
  return Object.getOwnPropertyNames(Object.prototype)
    .sort()
    .map((k) => `${k}:${typeof proto[k]}:${String(Object.getOwnPropertyDescriptor(Object.prototype, k)?.value ?? 'accessor').slice(0, 40)}`);
}

/** Values YAML reads as something other than a plain finite number, and the finding expected. */
export const ODD_NUMBERS: [written: string, ruleId: string][] = [
  ['1e309', 'schema/type'],
  ['-1e309', 'schema/type'],
  ['.nan', 'schema/type'],
  ['.NaN', 'schema/type'],
  ['.inf', 'schema/type'],
  ['-.inf', 'schema/type'],
  ['+.inf', 'schema/type'],
  ['0x10', 'schema/number-format'],
  ['0o17', 'schema/number-format'],
  ['017', 'schema/number-format'],
  ['yes', 'schema/type'],
  ['no', 'schema/type'],
  ['on', 'schema/type'],
  ['off', 'schema/type'],
  ['1_000', 'schema/type'],
  ['0b11', 'schema/type'],
];

/** YAML 1.1 booleans in a boolean field: never read as false or absent; a fix to the boolean meant. */
export const YAML11_BOOLEANS: [written: string, meant: 'true' | 'false'][] = [
  ['yes', 'true'],
  ['no', 'false'],
  ['on', 'true'],
  ['off', 'false'],
  ['Yes', 'true'],
  ['NO', 'false'],
  ['y', 'true'],
  ['n', 'false'],
];
