#!/usr/bin/env node
import { boundHeapGrowth } from '../dist/heap-growth.js';
import { main } from '../dist/main.js';

// Peak memory that follows a run's live data, not its length (packages/cli/src/heap-growth.ts).
boundHeapGrowth();

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
