/** Paths into a document: `['staff', 3, 'name']` ⇄ `staff[3].name`. */

export type PathSegment = string | number;

const PLAIN_KEY = /^[A-Za-z_$\u4e00-\u9fff][\w$\u4e00-\u9fff-]*$/u;

/**
 * Whether a key needs no quoting, by key: a run asks of the same few keys (`staff`, `name`,
 * `classTeacherAllowance`) for every finding, and the Unicode-aware test was 2% of a cold
 * 200-school check (`node --cpu-prof`). Bounded: a hostile file's million distinct keys
 * empty it rather than grow it.
 */
const plainKeys = new Map<string, boolean>();
const PLAIN_KEYS_KEPT = 4096;
function isPlainKey(segment: string): boolean {
  let plain = plainKeys.get(segment);
  if (plain === undefined) {
    plain = PLAIN_KEY.test(segment);
    if (plainKeys.size >= PLAIN_KEYS_KEPT) plainKeys.clear();
    plainKeys.set(segment, plain);
  }
  return plain;
}

export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (isPlainKey(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/**
 * Parses the dotted path syntax used in rule files (`staff[{index}].classTeacher` after
 * substitution, `budget.publicFunds`). Returns undefined on malformed input so callers can
 * report a located rule-file error instead of throwing.
 */
export function parsePath(text: string): PathSegment[] | undefined {
  const out: PathSegment[] = [];
  const re = /\s*(?:\.?([A-Za-z_$\u4e00-\u9fff][\w$\u4e00-\u9fff-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\])/uy;
  let pos = 0;
  if (text === '') return out;
  while (pos < text.length) {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m || m[0] === '') return undefined;
    if (m[1] !== undefined) {
      if (pos === 0 && m[0].startsWith('.')) return undefined;
      out.push(m[1]);
    } else if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[3] !== undefined) out.push(JSON.parse(m[3]) as string);
    pos = re.lastIndex;
  }
  return out;
}

/** Reads a value at a path from plain data; undefined when any step is missing. */
export function getAt(value: unknown, path: readonly PathSegment[]): unknown {
  let current: unknown = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (typeof segment === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[segment];
    } else {
      if (Array.isArray(current) || !Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
      current = (current as Record<string, unknown>)[segment];
    }
  }
  return current;
}
