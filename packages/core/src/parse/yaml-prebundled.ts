/**
 * The `yaml` package, as the core uses it (parse/parse-yaml.ts), through one module.
 *
 * Compiled, this file only re-exports `yaml`. The build (scripts/prebundle.mjs) then writes
 * `yaml` itself, pre-bundled into this one ES module, in its place: `yaml` is 83 CommonJS files,
 * and resolving and compiling them took about 20 ms of every run of the CLI — more than the
 * parse of most submissions — against 9 ms for one module (the reason Vite pre-bundles
 * dependencies). The API is `yaml`'s own, unchanged; `yaml` stays the dependency it comes from.
 */
export * from 'yaml';
