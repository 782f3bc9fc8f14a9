import { readFileSync } from 'node:fs';

let cached: string | undefined;

/** The CLI's own version, read from its package.json (no import of the core needed). */
export function cliVersion(): string {
  if (!cached) {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    cached = pkg.version;
  }
  return cached;
}
