import { parsePath, type PathSegment } from '../path.js';

const pathCache = new Map<string, PathSegment[]>();

/** Parses a rule file's field path once. Its own module: bounds and record filters both need it. */
export function cachedPath(text: string): PathSegment[] {
  let p = pathCache.get(text);
  if (!p) {
    // Paths were validated when the rule was loaded; an unparsable one reads nothing.
    p = parsePath(text) ?? ['\u0000invalid'];
    pathCache.set(text, p);
  }
  return p;
}
