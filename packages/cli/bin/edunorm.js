#!/usr/bin/env node
// The CLI's modules bundled and split at their dynamic imports by scripts/bundle-cli.mjs
// (dist/bundle/, built by `npm run build`): a process loads a few files instead of ~100
// modules. The same code as dist/*.js; `node packages/cli/dist/process-entry.js` runs those,
// unbundled and unminified, for a readable stack.
import '../dist/bundle/edunorm.js';
