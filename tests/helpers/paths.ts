import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RULES_DIR = join(ROOT, 'rules', 'plan14');
export const EXAMPLES = join(ROOT, 'examples');
export const CLI_BIN = join(ROOT, 'packages', 'cli', 'bin', 'edunorm.js');
/** The steering repo's shared/ folder sits beside the clone (CI and developers alike). */
export const SHARED = [join(ROOT, '..', 'shared'), join(ROOT, 'shared')].find((p) => existsSync(p));
