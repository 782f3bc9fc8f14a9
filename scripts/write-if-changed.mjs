// Writes a generated file only when its content changes (keeps tsc -b incremental), atomically.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

export function writeIfChanged(file, body) {
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {}
  if (current !== body) {
    writeFileSync(`${file}.tmp`, body);
    renameSync(`${file}.tmp`, file);
  }
}
