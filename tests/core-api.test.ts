/**
 * The public API of @edunorm/core: small (at most 35 runtime names), documented (TSDoc on every
 * export, every name in packages/core/README.md's API section), and free of Node built-ins so
 * that `esbuild --bundle --platform=browser` needs no stubs and the bundle checks a document in
 * headless Chromium.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/paths.js';

const CORE = join(ROOT, 'packages/core');
const CHROMIUM = '/usr/bin/chromium';
const MAX_PUBLIC_NAMES = 35;

/** Bundles an entry of the core for a browser exactly as the issue says: no externals, no stubs, no plugins. */
async function browserBundle(entry: string, format: 'esm' | 'iife') {
  const result = await build({
    entryPoints: [join(CORE, entry)],
    bundle: true,
    platform: 'browser',
    format,
    globalName: format === 'iife' ? 'edunorm' : undefined,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return { code: result.outputFiles[0]!.text, inputs: Object.keys((result.metafile as Metafile).inputs), warnings: result.warnings };
}

/** Exports of a declaration file with their TSDoc text (types and values alike). */
function documentedExports(dts: string): { name: string; doc: string }[] {
  const program = ts.createProgram([dts], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, strict: true });
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(dts)!)!;
  return checker.getExportsOfModule(moduleSymbol).map((s) => {
    const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
    return { name: s.name, doc: ts.displayPartsToString(target.getDocumentationComment(checker)).trim() };
  });
}

describe('@edunorm/core public API', () => {
  it('the TypeScript examples of packages/core/README.md compile under strict TypeScript against the built declarations', () => {
    // Outside review: the README's `VOCABULARY[schemaAt(kind, path)['x-vocabulary']]` did not
    // compile (the annotations were `unknown`): a reader's first lines must.
    const blocks = [...readFileSync(join(CORE, 'README.md'), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    // Inside the repository, so that `@edunorm/core` resolves as it does for a user (node_modules).
    mkdirSync(join(ROOT, 'test-artifacts'), { recursive: true });
    const dir = mkdtempSync(join(ROOT, 'test-artifacts', 'readme-ts-'));
    try {
      const files = blocks.map((code, i) => {
        const file = join(dir, `example-${i}.ts`);
        writeFileSync(file, `declare const yamlText: string;\n${code}\nexport {};\n`);
        return file;
      });
      const program = ts.createProgram(files, { strict: true, noEmit: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, types: [], noUnusedLocals: false });
      const problems = ts.getPreEmitDiagnostics(program).map((d) => `${d.file ? `${d.file.fileName.slice(dir.length + 1)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line} ` : ''}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
      expect(problems).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it(`exports at most ${MAX_PUBLIC_NAMES} runtime names`, async () => {
    const names = Object.keys(await import('@edunorm/core'));
    console.log(`@edunorm/core: ${names.length} runtime names: ${names.join(' ')}`);
    expect(names.length).toBeLessThanOrEqual(MAX_PUBLIC_NAMES);
    // What an integrator needs is there.
    for (const name of ['check', 'createRuleSet', 'RuleSet', 'builtinPack', 'loadRulePack', 'parseConfig', 'documentSchemas', 'DOCUMENT_KINDS', 'STRUCTURAL_RULES']) expect(names).toContain(name);
    // Internals are not.
    for (const name of ['parseYaml', 'TextPositions', 'applySuppressions', 'CALCULATORS', 'fillTemplate', 'pick']) expect(names).not.toContain(name);
  });

  it('names every runtime export in the API section of packages/core/README.md, and nothing that is not exported', async () => {
    const names = Object.keys(await import('@edunorm/core')).sort();
    const readme = readFileSync(join(CORE, 'README.md'), 'utf8');
    const api = readme.slice(readme.indexOf('## API'));
    expect(api.length, 'packages/core/README.md has an "## API" section').toBeGreaterThan(100);
    const listed = [...new Set([...api.matchAll(/^\| `([A-Za-z_]\w*)`/gm)].map((m) => m[1]!))];
    const values = listed.filter((n) => !/^[A-Z][a-z]/.test(n) || names.includes(n));
    expect(names.filter((n) => !listed.includes(n))).toEqual([]);
    expect(values.filter((n) => !names.includes(n))).toEqual([]);
  });

  it('documents every export of the root entry with TSDoc', () => {
    const exports = documentedExports(join(CORE, 'dist/index.d.ts'));
    expect(exports.length).toBeGreaterThan(20);
    expect(exports.filter((e) => e.doc === '').map((e) => e.name)).toEqual([]);
  });
});

describe('@edunorm/core in a browser', () => {
  it('the root entry bundles with --platform=browser and reaches no Node built-in', async () => {
    const { inputs, code } = await browserBundle('dist/index.js', 'esm');
    expect(inputs.filter((i) => /^node:|(^|\/)node\.js$|config-files\.js$/.test(i))).toEqual([]);
    expect(code).not.toMatch(/from ?["']node:/);
  });

  it('the internal entry bundles for a browser too (the web checker uses it)', async () => {
    const { inputs } = await browserBundle('dist/internal.js', 'esm');
    expect(inputs.filter((i) => /^node:|config-files\.js$/.test(i))).toEqual([]);
  });

  it('the Node entry is where the file system is', () => {
    const node = readFileSync(join(CORE, 'dist/node.js'), 'utf8');
    expect(node).toMatch(/from 'node:fs'/);
  });

  describe.skipIf(!existsSync(CHROMIUM))(`in headless Chromium (${CHROMIUM})`, () => {
    it('checks a noncompliant budget: teacher-training-funds on line 11, in both languages, with no request and no error', async () => {
      const { code } = await browserBundle('dist/index.js', 'iife');
      const text = readFileSync(join(ROOT, 'examples/noncompliant/budget.yaml'), 'utf8');
      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
      });
      try {
        const page = await browser.newPage();
        const problems: string[] = [];
        page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
        page.on('pageerror', (e) => problems.push(String(e)));
        page.on('request', (r) => r.url() !== 'about:blank' && problems.push(`request ${r.url()}`));
        await page.setContent('<!doctype html><meta charset="utf-8"><title>core</title>');
        await page.addScriptTag({ content: code });
        const result = await page.evaluate(async (yaml) => {
          const core = (globalThis as unknown as { edunorm: typeof import('@edunorm/core') }).edunorm;
          const hasNodeGlobals = typeof (globalThis as { process?: unknown }).process !== 'undefined';
          const zh = await core.check(yaml);
          const en = await core.check(yaml, { locale: 'en' });
          const compliant = await core.check(yaml.replace('teacherTraining: 150000', 'teacherTraining: 200000'));
          const pick = (r: Awaited<ReturnType<typeof core.check>>) => r.findings.map((f) => ({ ruleId: f.ruleId, line: f.range.start.line, column: f.range.start.column, severity: f.severity, message: f.message }));
          return { hasNodeGlobals, zh: pick(zh), en: pick(en), compliant: pick(compliant) };
        }, text);
        expect(result.hasNodeGlobals).toBe(false);
        expect(result.zh).toEqual([{ ruleId: 'teacher-training-funds', line: 11, column: 20, severity: 'error', message: expect.stringContaining('教师培训经费 150,000 元') }]);
        expect(result.en).toEqual([{ ruleId: 'teacher-training-funds', line: 11, column: 20, severity: 'error', message: expect.stringMatching(/150,000 yuan/) }]);
        expect(result.compliant).toEqual([]);
        expect(problems).toEqual([]);
      } finally {
        await browser.close();
      }
    }, 60_000);
  });
});
