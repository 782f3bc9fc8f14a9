/** Marks a non-finite number in JSON.stringify's output (a control character no text of ours begins with). */
const NON_FINITE = '\u0000edunorm-number:';
const NON_FINITE_QUOTED = /"\\u0000edunorm-number:(\.inf|-\.inf|\.nan)"/g;

/** `Infinity` as YAML writes it: `.inf`, `-.inf`, `.nan`. */
const yamlNumber = (v: number) => (Number.isNaN(v) ? '.nan' : v > 0 ? '.inf' : '-.inf');

/**
 * How a value read from a user's file is quoted in a message. A YAML alias can make a value that
 * contains itself (`kind: &a [*a]`), which `JSON.stringify` cannot print: a value seen before on
 * the way down is shown as `[…]` instead of throwing, so a strange file still gets its finding.
 */
export function showValue(value: unknown): string {
  const seen = new WeakSet<object>();
  let nonFinite = false;
  try {
    const text = JSON.stringify(value, (_key, v: unknown) => {
      if (typeof v === 'number' && !Number.isFinite(v)) {
        nonFinite = true;
        return `${NON_FINITE}${yamlNumber(v)}`;
      }
      if (typeof v === 'object' && v !== null) {
        if (seen.has(v)) return '[…]';
        seen.add(v);
      }
      return v;
    });
    // JSON has no infinity (it would say null): shown as YAML writes it, unquoted.
    if (text !== undefined && nonFinite) return text.replace(NON_FINITE_QUOTED, '$1');
    return text ?? String(value);
  } catch {
    // Values that JSON has no form for (a BigInt from a custom pack loader): their plain text.
    return String(value);
  }
}
