#!/usr/bin/env node
// Generates the rule documentation from rule metadata: docs/rules/<id>.md for every norm of
// rules/plan14 and every structural id, docs/rules/README.md, and the README's norms table,
// sample output and CLI reference (from the option tables `--help` prints). `npm run docs`
// builds first, then writes; tests/docs.test.ts calls generateDocs() and fails when a
// committed file differs ("run npm run docs").
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync, renameSync, rmSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchBlock, readResults as readBenchResults, scaleBlock } from '../bench/readme-table.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const PAGES_FOLDER = 'docs/rules';
const PACK_FOLDER = 'rules/plan14';
/** The sense checks (`plausibility/...`), embedded in the built-in pack with the norms. */
const PLAUSIBILITY_FOLDER = 'rules/plausibility';
/** Cases shown per kind (valid, invalid) on a rule's page. */
const EXAMPLES_PER_KIND = 3;
export const SAMPLE_COMMAND = ['check', 'examples/', '--locale', 'zh-CN', '--no-color'];

/** Replaces the text between `<!-- name:start -->` and `<!-- name:end -->`. */
export function replaceSection(text, name, body) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < i) throw new Error(`README.md lacks the ${start} … ${end} markers`);
  return `${text.slice(0, i + start.length)}\n${body}\n${text.slice(j)}`;
}

export const COUNTY_COMMAND = ['check', 'examples/county/', '--locale', 'zh-CN', '--no-color'];

/** What `edunorm check examples/` prints, as a reader of the README would see it. */
function sampleOutput(command = SAMPLE_COMMAND) {
  const bin = join(ROOT, 'packages/cli/bin/edunorm.js');
  let stdout;
  let code = 0;
  try {
    stdout = execFileSync(process.execPath, [bin, ...command], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH, LANG: 'C' } });
  } catch (error) {
    // Exit 1 is expected: examples/noncompliant breaks norms on purpose.
    if (typeof error.status !== 'number' || error.status > 1) throw error;
    stdout = error.stdout;
    code = error.status;
  }
  return ['```text', `$ npx edunorm ${command.join(' ')}`, stdout.replace(/\n$/, ''), `$ echo $?`, String(code), '```'].join('\n');
}

/**
 * Every generated file, by path relative to the repository root, in memory. Needs the built
 * packages (packages/*\/dist).
 */
export async function generateDocs() {
  const core = await import('../packages/core/dist/index.js');
  const { readRuleFiles } = await import('../packages/core/dist/node.js');
  const { ruleExamples } = await import('../packages/cli/dist/rule-docs/rule-examples.js');
  const { structuralExampleFindings } = await import('../packages/cli/dist/rule-docs/structural-examples.js');
  const { renderRulePage, renderStructuralPage, renderIndex, renderNormsTable, rulePageName } = await import('../packages/cli/dist/rule-docs/rule-page.js');
  const { sortRules } = await import('../packages/cli/dist/rule-docs/rule-order.js');

  // The rule files as they are on disk (not the copy embedded at build time), with paths
  // relative to the repository so pages name them the same on every machine.
  const read = (folder) => readRuleFiles(join(ROOT, folder)).map((f) => ({ file: `${folder}/${f.file.split(/[\\/]/).pop()}`, text: f.text }));
  const pack = core.loadRulePack(PACK_FOLDER.split('/').pop(), [...read(PACK_FOLDER), ...read(PLAUSIBILITY_FOLDER)]);
  const rules = sortRules(pack.rules.map((definition) => ({ definition }))).map((r) => r.definition);
  const isSenseCheck = (r) => r.id.startsWith('plausibility/');

  const out = new Map();
  for (const rule of rules) {
    out.set(`${PAGES_FOLDER}/${rulePageName(rule.id)}`, renderRulePage(rule, await ruleExamples(rule, EXAMPLES_PER_KIND)));
  }
  // Structural ids: each declared with its docs in its family file, packages/core/src/checks/*.ts.
  for (const s of core.STRUCTURAL_RULES) {
    const findings = await structuralExampleFindings(s);
    if (s.docs.example && findings.length === 0) throw new Error(`the docs example of ${s.id} in ${s.source} does not produce a ${s.id} finding`);
    if (!s.docs.example && !s.docs.situation) throw new Error(`${s.id} in ${s.source} has neither a docs example nor a situation`);
    out.set(`${PAGES_FOLDER}/${rulePageName(s.id)}`, renderStructuralPage(s, findings));
  }
  // The field reference: from the schemas, with example values from the templates and examples/.
  const { renderFieldsPage, FIELDS_PAGE } = await import('../packages/cli/dist/rule-docs/fields-page.js');
  const internal = await import('../packages/core/dist/internal.js');
  const exampleFiles = (dir) =>
    readdirSync(join(ROOT, dir), { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .flatMap((e) => (e.isDirectory() ? exampleFiles(`${dir}/${e.name}`) : e.name.endsWith('.yaml') ? [readFileSync(join(ROOT, dir, e.name), 'utf8')] : []));
  out.set(FIELDS_PAGE, renderFieldsPage([internal.BUDGET_EXAMPLE, internal.STAFFING_EXAMPLE, internal.DISTRICT_EXAMPLE, ...exampleFiles('examples')]));
  out.set(`${PAGES_FOLDER}/README.md`, renderIndex(rules, core.STRUCTURAL_RULES));

  let readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  readme = replaceSection(readme, 'norms-table', renderNormsTable(rules.filter((r) => !isSenseCheck(r)), PAGES_FOLDER));
  readme = replaceSection(readme, 'plausibility-table', renderNormsTable(rules.filter(isSenseCheck), PAGES_FOLDER));
  readme = replaceSection(readme, 'sample-output', sampleOutput());
  readme = replaceSection(readme, 'county-output', sampleOutput(COUNTY_COMMAND));
  // The bench figures: generated from bench/results.json, the record of a real `npm run bench`.
  const benchResults = readBenchResults();
  readme = replaceSection(readme, 'scale', scaleBlock(benchResults));
  readme = replaceSection(readme, 'bench', benchBlock(benchResults));
  // Every command's options, from the tables --help is printed from (packages/cli/src/command-specs.ts).
  const { renderCliReference } = await import('../packages/cli/dist/help.js');
  readme = replaceSection(readme, 'cli-reference', renderCliReference('en'));
  out.set('README.md', readme);
  return out;
}

/** Generated pages that no longer correspond to a rule (a removed or renamed id). */
export function stalePages(generated) {
  const dir = join(ROOT, PAGES_FOLDER);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => `${PAGES_FOLDER}/${name}`)
    .filter((path) => !generated.has(path));
}

function writeIfChanged(path, content) {
  const abs = join(ROOT, path);
  if (existsSync(abs) && readFileSync(abs, 'utf8') === content) return false;
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(`${abs}.tmp`, content);
  renameSync(`${abs}.tmp`, abs);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // Pages quote the checker's own findings, so they are made with the current sources.
  if (!process.argv.includes('--no-build')) execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  const generated = await generateDocs();
  let changed = 0;
  for (const [path, content] of generated) if (writeIfChanged(path, content)) changed++;
  for (const path of stalePages(generated)) {
    rmSync(join(ROOT, path));
    changed++;
    console.log(`docs: removed ${path}`);
  }
  console.log(`docs: ${generated.size} files, ${changed} changed`);
}
