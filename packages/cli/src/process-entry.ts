/**
 * The command line as a process: runs `main` on the process's arguments and sets its exit
 * code. Imported for its effect by bin/edunorm.js (through the split bundle, dist/bundle/) and
 * by the single-file CLI (dist/edunorm.mjs); see scripts/bundle-cli.mjs.
 */
import { main } from './main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A crash here is a bug in edunorm, never the user's file: say so plainly.
    process.stderr.write(`edunorm: internal error: ${(error as Error | undefined)?.stack ?? error}\n`);
    process.exitCode = 2;
  },
);
