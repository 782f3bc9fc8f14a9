/**
 * A readable diff of an expected and an actual value for `edunorm test-rules`: objects field
 * by field (`-` expected, `+` actual, two spaces when they agree), lists item by item.
 * Fields only the actual value has are shown as context, not as differences: a test case
 * names only the fields it cares about.
 */
export function diffValues(expected: unknown, actual: unknown, indent = ''): string[] {
  if (Array.isArray(expected) || Array.isArray(actual)) {
    const e = Array.isArray(expected) ? expected : [expected];
    const a = Array.isArray(actual) ? actual : [actual];
    if (e.length === 0 && a.length === 0) return [`${indent}  (none)`];
    const out: string[] = [];
    for (let i = 0; i < Math.max(e.length, a.length); i++) {
      out.push(`${indent}  [${i + 1}]`);
      if (i >= e.length) out.push(...describe(a[i], `${indent}  + `));
      else if (i >= a.length) out.push(...describe(e[i], `${indent}  - `));
      else out.push(...diffValues(e[i], a[i], `${indent}  `));
    }
    return out;
  }
  if (isRecord(expected) && isRecord(actual)) {
    const out: string[] = [];
    for (const [key, value] of Object.entries(expected)) {
      if (agrees(key, value, actual[key])) out.push(`${indent}  ${key}: ${show(value)}`);
      else out.push(`${indent}- ${key}: ${show(value)}`, `${indent}+ ${key}: ${show(actual[key])}`);
    }
    for (const [key, value] of Object.entries(actual)) if (!(key in expected)) out.push(`${indent}  ${key}: ${show(value)}`);
    return out;
  }
  if (agrees('', expected, actual)) return [`${indent}  ${show(expected)}`];
  return [`${indent}- ${show(expected)}`, `${indent}+ ${show(actual)}`];
}

function describe(value: unknown, prefix: string): string[] {
  if (isRecord(value)) return Object.entries(value).map(([k, v]) => `${prefix}${k}: ${show(v)}`);
  return [`${prefix}${show(value)}`];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Expected messages are fragments the actual message must contain (as core's test runner checks). */
function agrees(key: string, expected: unknown, actual: unknown): boolean {
  if ((key === 'message' || key === 'messageEn') && typeof expected === 'string' && typeof actual === 'string') return actual.includes(expected);
  return JSON.stringify(expected) === JSON.stringify(actual);
}

function show(v: unknown): string {
  return v === undefined ? '(absent)' : JSON.stringify(v);
}
