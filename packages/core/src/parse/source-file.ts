/**
 * One source model per text: its line index, its parsed documents (exact node ranges and
 * comment tokens) and its forgiving outline, each computed once, on first use, and shared by
 * every reader — `check`, classification, and each editor feature (hover, completion,
 * symbols) — so they agree on every position and nobody reads YAML its own way.
 */
import { buildOutline, type OutlineFile } from './outline.js';
import { parseYaml, type ParsedFile, type ParseOptions } from './parse-yaml.js';
import { TextPositions } from './text-positions.js';

export class SourceFile {
  private parsedBy = new Map<number | undefined, ParsedFile>();
  private outlineValue?: OutlineFile;
  readonly positions: TextPositions;

  /** `leadingBom: false` when the text's byte-order mark was already cut: a U+FEFF left at its start is a character. */
  constructor(
    readonly text: string,
    leadingBom = true,
  ) {
    this.positions = new TextPositions(text, leadingBom);
  }

  /** The parsed documents (fast path or `yaml`), with comments; cached per parse limit. */
  parsed(options: ParseOptions = {}): ParsedFile {
    const key = options.maxFullParseLength;
    let parsed = this.parsedBy.get(key);
    if (!parsed) {
      parsed = parseYaml(this.text, options, this.positions);
      this.parsedBy.set(key, parsed);
    }
    return parsed;
  }

  /** The forgiving outline of the text as typed (never fails, even on broken YAML). */
  get outline(): OutlineFile {
    this.outlineValue ??= buildOutline(this.text, this.positions);
    return this.outlineValue;
  }
}

/**
 * The last few texts' source models. Keyed by the text itself: the same text (an editor's
 * document version, a file checked then classified) is modelled once; a Map's string lookup
 * hashes a string once and V8 caches the hash on it.
 */
const cache = new Map<string, SourceFile>();
const CACHE_SIZE = 4;
/** Larger texts are modelled afresh each time: keeping their parse alive would hold memory the size limits do not count on. */
const CACHE_MAX_LENGTH = 2 * 1024 * 1024;

/** The source model of a text (cached: see above). */
export function sourceFile(text: string): SourceFile {
  if (text.length > CACHE_MAX_LENGTH) return new SourceFile(text);
  let file = cache.get(text);
  if (file) {
    cache.delete(text);
    cache.set(text, file);
    return file;
  }
  file = new SourceFile(text);
  cache.set(text, file);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return file;
}
