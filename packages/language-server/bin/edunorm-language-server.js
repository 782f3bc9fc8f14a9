#!/usr/bin/env node
// edunorm-language-server --stdio | --node-ipc: the LSP server for edunorm/v1 YAML.
import '../dist/main.js';
