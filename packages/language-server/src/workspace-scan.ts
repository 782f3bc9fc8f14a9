/**
 * Reads the edunorm files of the workspace folders once, in the background: folders are
 * listed and files read asynchronously and validated one at a time, so requests (hover,
 * completion, an open document's validation) are served in between. Skips `node_modules`,
 * hidden folders and anything that is not a regular `*.yaml` / `*.yml` file.
 */
import { opendir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** At most this many files are indexed per workspace folder (a guard against a home folder opened by mistake). */
export const MAX_INDEXED_FILES = 20_000;

/** Every `*.yaml` / `*.yml` below `folder`, in a stable order (folders first listed, then sorted). */
export async function* yamlFilesUnder(folder: string, limit = MAX_INDEXED_FILES): AsyncGenerator<string> {
  const queue = [folder];
  let count = 0;
  while (queue.length) {
    const dir = queue.shift()!;
    let entries: { name: string; isDirectory(): boolean; isFile(): boolean }[] = [];
    try {
      const handle = await opendir(dir);
      for await (const entry of handle) entries.push(entry);
    } catch {
      continue; // unreadable folder: nothing to index there
    }
    entries = entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) queue.push(path);
      else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) {
        if (++count > limit) return;
        yield path;
      }
    }
  }
}

export const fileUri = (path: string) => pathToFileURL(path).href;
