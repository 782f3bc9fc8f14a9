/**
 * Bytes → text, as YAML 1.2 (§5.2) says a stream's encoding is found: a byte-order mark, or
 * else the pattern of NUL bytes among the first four (a YAML stream starts with ASCII), so
 * UTF-16 and UTF-32 files saved without a BOM are read, not skipped as unreadable. Light (no
 * parser) and free of Node APIs: TextDecoder for UTF-8/16, UTF-32 by hand (TextDecoder has none).
 */

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be';

export interface DecodedText {
  /** The text without its byte-order mark. */
  text: string;
  encoding: TextEncoding;
  bom: boolean;
  /** Offset in `text` of the first character that could not be decoded (shown as U+FFFD). */
  invalidAt?: number;
}

/** The encoding of a byte stream and the length of its byte-order mark (0 without one). */
export function detectEncoding(b: Uint8Array): { encoding: TextEncoding; bomLength: number } {
  const [b0, b1, b2, b3] = [b[0], b[1], b[2], b[3]];
  if (b.length >= 4 && b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return { encoding: 'utf-32be', bomLength: 4 };
  if (b.length >= 4 && b0 === 0 && b1 === 0 && b2 === 0 && b3 !== 0) return { encoding: 'utf-32be', bomLength: 0 };
  if (b.length >= 4 && b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) return { encoding: 'utf-32le', bomLength: 4 };
  if (b.length >= 4 && b0 !== 0 && b1 === 0 && b2 === 0 && b3 === 0) return { encoding: 'utf-32le', bomLength: 0 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (b.length >= 2 && b0 === 0 && b1 !== 0) return { encoding: 'utf-16be', bomLength: 0 };
  if (b.length >= 2 && b0 !== 0 && b1 === 0) return { encoding: 'utf-16le', bomLength: 0 };
  if (b0 === 0xef && b1 === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  return { encoding: 'utf-8', bomLength: 0 };
}

function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): { text: string; invalidAt?: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  let chunk: number[] = [];
  let length = 0;
  let invalidAt: number | undefined;
  const flush = () => {
    const s = String.fromCodePoint(...chunk);
    parts.push(s);
    length += s.length;
    chunk = [];
  };
  const whole = bytes.length - (bytes.length % 4);
  for (let i = 0; i < whole; i += 4) {
    let cp = view.getUint32(i, littleEndian);
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      if (invalidAt === undefined) {
        flush();
        invalidAt = length;
      }
      cp = 0xfffd;
    }
    chunk.push(cp);
    if (chunk.length === 8192) flush();
  }
  if (whole < bytes.length) {
    flush();
    invalidAt ??= length;
    chunk.push(0xfffd);
  }
  flush();
  return { text: parts.join(''), ...(invalidAt !== undefined ? { invalidAt } : {}) };
}

/** Decodes a file's bytes (see the module comment); never throws. */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  const { encoding, bomLength } = detectEncoding(bytes);
  const body = bytes.subarray(bomLength);
  const bom = bomLength > 0;
  if (encoding === 'utf-32le' || encoding === 'utf-32be') return { ...decodeUtf32(body, encoding === 'utf-32le'), encoding, bom };
  try {
    // ignoreBOM: the mark (if any) is already cut; a second U+FEFF is a character of the text.
    return { text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body), encoding, bom };
  } catch {
    const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
    return { text, encoding, bom, invalidAt: Math.max(0, text.indexOf('\uFFFD')) };
  }
}
