/**
 * How a value read from a user's file is quoted in a message. A YAML alias can make a value that
 * contains itself (`kind: &a [*a]`), which `JSON.stringify` cannot print: a value seen before on
 * the way down is shown as `[…]` instead of throwing, so a strange file still gets its finding.
 */
export function showValue(value: unknown): string {
  const seen = new WeakSet<object>();
  try {
    const text = JSON.stringify(value, (_key, v: unknown) => {
      if (typeof v === 'object' && v !== null) {
        if (seen.has(v)) return '[…]';
        seen.add(v);
      }
      return v;
    });
    return text ?? String(value);
  } catch {
    // Values that JSON has no form for (a BigInt from a custom pack loader): their plain text.
    return String(value);
  }
}
