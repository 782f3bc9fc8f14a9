/**
 * The `json-rules-engine` package, as the core uses it (rules/rule-set.ts), through one module.
 *
 * Compiled, this file only re-exports `json-rules-engine`. The build (scripts/prebundle.mjs)
 * then writes the engine and its dependencies (clone, eventemitter2, hash-it, jsonpath-plus),
 * pre-bundled into this one ES module, in its place, as parse/yaml-prebundled.ts explains for `yaml`: 22
 * CommonJS files resolved and compiled on every run of the CLI become one module. It is the
 * build our web page already runs (platform `browser`); so jsonpath-plus is its ES build, which
 * has no script evaluator built on node:vm to load. The API is the package's own, unchanged.
 */
export * from 'json-rules-engine';
