/**
 * The command line as a process: runs `main` on the process's arguments and sets its exit
 * code. Imported for its effect by bin/edunorm.js (through the split bundle, dist/bundle/) and
 * by the single-file CLI (dist/edunorm.mjs); see scripts/bundle-cli.mjs.
 */
import { main } from './main.js';
import { chooseLocale } from './locale.js';
import { MESSAGES as M } from './messages.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A crash here is a bug in edunorm, never the user's file: say so plainly.
    const locale = chooseLocale(undefined, undefined, process.env);
    process.stderr.write(`edunorm: ${M.internalError()[locale]}\n${(error as Error | undefined)?.stack ?? error}\n`);
    process.exitCode = 2;
  },
);
