#!/usr/bin/env node
import { main } from '../dist/main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    // A crash here is a bug in edunorm, never the user's file: say so plainly.
    process.stderr.write(`edunorm: internal error: ${error?.stack ?? error}\n`);
    process.exitCode = 2;
  },
);
