import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSchools, type GeneratedSchool } from './fixtures/report/generate-schools.js';
import { CLI_BIN, ROOT } from './helpers/paths.js';
import { runCli } from './helpers/run-cli.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'test-artifacts');

interface JsonFinding {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  figures?: Record<string, unknown>;
}

let dir: string;
let schools: GeneratedSchool[];
let html: string;
let seconds: number;
/** What `edunorm check --format json` says, regrouped by school independently of the report's code. */
let expected: { compliant: number; errors: number; warnings: number; byFile: Map<string, JsonFinding[]> };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'edunorm-report-'));
  schools = generateSchools(dir, 200);
  const started = performance.now();
  const r = runCli(['report', '.', '--output', 'report.html'], { cwd: dir });
  seconds = (performance.now() - started) / 1000;
  expect(r.code, r.stderr).toBe(0);
  html = readFileSync(join(dir, 'report.html'), 'utf8');

  runCli(['check', '.', '--format', 'json', '--output', 'check.json'], { cwd: dir });
  const out = JSON.parse(readFileSync(join(dir, 'check.json'), 'utf8')) as { summary: { errors: number; warnings: number }; files: { path: string; findings: JsonFinding[] }[] };
  const byFile = new Map(out.files.map((f) => [f.path, f.findings]));
  const compliant = schools.filter((s) => s.files.every((f) => !(byFile.get(f) ?? []).some((x) => x.severity === 'error'))).length;
  expected = { compliant, errors: out.summary.errors, warnings: out.summary.warnings, byFile };
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The text of the element with this id, tags removed. */
const textOf = (id: string) => {
  const m = new RegExp(`id="${id}"[^>]*>(.*?)</div></div>`, 's').exec(html);
  return m ? m[1]!.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim() : '';
};

describe('edunorm report over 200 schools', () => {
  it(`renders in a few seconds`, () => {
    // Measured with the CLI as a user runs it (process start, check of ~400 files, rendering).
    console.log(`edunorm report: ${schools.length} schools, ${schools.reduce((n, s) => n + s.files.length, 0)} files, ${seconds.toFixed(2)} s`);
    expect(seconds).toBeLessThan(10);
  });

  it('is one self-contained page: inline style and script, nothing fetched', () => {
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<(link|img|iframe)\b|\bsrc=|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it('headline figures match the findings of edunorm check', () => {
    expect(textOf('stat-schools')).toMatch(/^检查的学校 200 /);
    const pct = `${Math.round((expected.compliant / 200) * 1000) / 10}%`;
    expect(textOf('stat-compliant')).toContain(`合规学校 ${pct} ${expected.compliant} / 200 所`);
    expect(textOf('stat-errors')).toBe(`错误 ${expected.errors}`);
    expect(textOf('stat-warnings')).toMatch(new RegExp(`^警告 ${expected.warnings} `));
    expect(expected.compliant).toBeGreaterThan(50);
    expect(expected.compliant).toBeLessThan(190);
  });

  it('has both charts and a row per school with shortfalls from the figures', () => {
    expect(html).toMatch(/id="chart-norms".*?<svg class="chart"/s);
    expect(html).toMatch(/id="chart-levels".*?<svg class="chart"/s);
    expect(html.match(/<tr data-code="/g)).toHaveLength(200);
    // A school short of training funds shows the amount, as the check computed it.
    const school = schools.find((s) => (expected.byFile.get(s.files[0]!) ?? []).some((f) => f.ruleId === 'teacher-training-funds'))!;
    const finding = expected.byFile.get(school.files[0]!)!.find((f) => f.ruleId === 'teacher-training-funds')!;
    const amount = (finding.figures!.deviation as number).toLocaleString('en-US', { maximumFractionDigits: 2 });
    const row = new RegExp(`<tr data-code="${school.code}"[^>]*>.*?</tr>`).exec(html)![0];
    expect(row).toContain(`✗ 培训经费差 ${amount} 元`);
    expect(row).toContain('不合规');
    // The number of ✗ cells in the training-funds column equals the schools the check flagged.
    const flagged = schools.filter((s) => (expected.byFile.get(s.files[0]!) ?? []).some((f) => f.ruleId === 'teacher-training-funds')).length;
    expect(html.match(/✗ 培训经费差/g)).toHaveLength(flagged);
    // Kindergartens and vocational schools are outside the training-funds norm: "·", not ✓.
    const kindergarten = schools.find((s) => s.level === 'kindergarten')!;
    const kRow = new RegExp(`<tr data-code="${kindergarten.code}"[^>]*>.*?</tr>`).exec(html)![0];
    expect(kRow).toMatch(/<td class="c-na" data-v="-2" title="不适用于本校学段">·<\/td>/);
  });

  it('quotes the plan in a section per norm', () => {
    expect(html).toMatch(/<section class="norm" id="norm-teacher-training-funds">.*?“中小学校按照年度公用经费预算总额的 5%安排教师培训经费,并适当提高标准。”/s);
    expect(html).toContain('三(三)1(2)');
  });

  it('in English with --locale en, and as Markdown for a pull request', () => {
    const en = runCli(['report', '.', '--output', 'en.html', '--locale', 'en'], { cwd: dir });
    expect(en.code).toBe(0);
    const page = readFileSync(join(dir, 'en.html'), 'utf8');
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('Compliant schools');
    const md = runCli(['report', '.', '--format', 'markdown'], { cwd: dir });
    expect(md.code).toBe(0);
    expect(md.stdout).toContain(`检查了 **200** 所学校`);
    expect(md.stdout).toContain(`合规 **${expected.compliant}** 所`);
    expect(md.stdout).toContain(`错误 **${expected.errors}** 个`);
    expect(md.stdout.length).toBeLessThan(65_536);
  });
});

describe('edunorm report: text from files is text', () => {
  it('escapes a hostile school name', () => {
    const hostile = mkdtempSync(join(tmpdir(), 'edunorm-report-x-'));
    try {
      writeFileSync(
        join(hostile, 'b.yaml'),
        'apiVersion: edunorm/v1\nkind: SchoolBudget\nschool: { code: "1", name: "<script>alert(1)</script>", level: primary }\nfiscalYear: 2025\nbudget: { publicFunds: 100, teacherTraining: 1 }\n',
      );
      expect(runCli(['report', '.', '-o', 'r.html'], { cwd: hostile }).code).toBe(0);
      const page = readFileSync(join(hostile, 'r.html'), 'utf8');
      expect(page).not.toContain('<script>alert(1)');
      expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    } finally {
      rmSync(hostile, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!existsSync(CHROMIUM))(`the report in headless Chromium (${CHROMIUM}; install Debian's chromium to run)`, () => {
  it('opens without console errors or requests, sorts by a clicked column, and is saved as test-artifacts/report.png', async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
      const problems: string[] = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      page.on('pageerror', (e) => problems.push(String(e)));
      page.on('request', (r) => !r.url().startsWith('file:') && problems.push(`request ${r.url()}`));
      const opening = performance.now();
      await page.goto(`file://${join(dir, 'report.html')}`);
      console.log(`chromium: report of 200 schools loaded in ${Math.round(performance.now() - opening)} ms`);
      expect(await page.locator('#schools tbody tr').count()).toBe(200);
      expect(await page.locator('svg.chart').count()).toBe(2);

      const column = page.locator('#schools thead th', { hasText: '培训经费' });
      const index = await column.evaluate((th) => (th as HTMLTableCellElement).cellIndex);
      const values = () => page.$$eval('#schools tbody tr', (rows, i) => rows.map((r) => Number((r as HTMLTableRowElement).cells[i]!.getAttribute('data-v'))), index);
      await column.locator('button').click();
      const descending = await values();
      expect(descending).toEqual([...descending].sort((a, b) => b - a));
      expect(await column.getAttribute('aria-sort')).toBe('descending');
      await column.locator('button').click();
      const ascending = await values();
      expect(ascending).toEqual([...ascending].sort((a, b) => a - b));

      await page.locator('#only-failing').check();
      const visible = await page.locator('#schools tbody tr:visible').count();
      expect(visible).toBe(200 - expected.compliant);

      // The screenshot shows the page as a reader first sees it, worst schools on top.
      await page.reload();
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'report.png') });
      await page.screenshot({ path: join(ARTIFACTS, 'report-full.png'), fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);

  it('passes axe (color-contrast, empty-table-header, nested-interactive, …) and every pill, cell and chart text has contrast ≥ 4.5:1', async () => {
    const { chromium } = await import('playwright-core');
    const axe = (await import('axe-core')).default;
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    try {
      // 30 generated schools, the bundled examples (their norms of severity info have findings
      // too) and a second county of two years (cells met, not met and not judged in the
      // districts table): every kind of pill and cell, on a page small enough for axe to walk in seconds.
      const folder = mkdtempSync(join(tmpdir(), 'edunorm-report-axe-'));
      generateSchools(folder, 30);
      expect(runCli(['report', '.', join(ROOT, 'examples'), join(ROOT, 'tests/fixtures/report/west-county'), '--output', 'axe.html'], { cwd: folder }).code).toBe(0);
      const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
      await page.goto(`file://${join(folder, 'axe.html')}`);
      rmSync(folder, { recursive: true, force: true });
      // Every row and finding in view of the checks: no scrolled-away rows, no closed lists.
      await page.evaluate(() => {
        for (const e of document.querySelectorAll<HTMLElement>('.scroll')) e.style.maxHeight = 'none';
        for (const d of document.querySelectorAll('details')) d.open = true;
      });
      // The page has every kind of pill and cell, so the checks below cover each.
      for (const selector of ['.pill.ok', '.pill.bad', '.pill.error', '.pill.warning', '.pill.info', 'td.c-ok', 'td.c-na', 'td.c-error', 'td.c-warning', 'td.c-info', '#districts th', '#districts td.fig.c-ok', '#districts td.fig.c-error', '#districts td.fig.c-warning', '#districts td.fig.c-na', '#districts th a', 'section.district-findings ul.related']) {
        expect(await page.locator(selector).count(), selector).toBeGreaterThan(0);
      }
      await page.evaluate(axe.source);
      const result = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document));
      const violations = result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join(' / ')}`);
      expect(violations).toEqual([]);
      // No links inside a chart: role="img" hides its content from assistive technology.
      expect(await page.locator('[role="img"] a, [role="img"] [tabindex]').count()).toBe(0);
      expect(await page.locator('#chart-norms p.jump a').count()).toBeGreaterThan(0);
      // No empty header cell in any table.
      expect(await page.$$eval('th', (ths) => ths.filter((th) => !th.textContent?.trim()).length)).toBe(0);

      // axe leaves out text of only symbols (✓, ✗, ·, —) and text in SVG ("incomplete"):
      // measure those here, on the background each is drawn on, and on a hovered row.
      const lowContrast = () =>
        page.evaluate(() => {
          const channel = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
          const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
          const luminance = ([r, g, b]: number[]) => 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
          const background = (e: Element | null): number[] => {
            for (; e; e = e.parentElement) {
              const c = rgb(getComputedStyle(e).backgroundColor);
              if (c.length === 3 || (c.length === 4 && c[3]! > 0)) return c.slice(0, 3);
            }
            return [255, 255, 255];
          };
          const bad: string[] = [];
          for (const e of document.querySelectorAll('td, th, .pill, svg text')) {
            if (!e.textContent?.trim()) continue;
            const style = getComputedStyle(e);
            const fg = rgb(e instanceof SVGElement ? style.fill : style.color).slice(0, 3);
            const [a, b] = [luminance(fg), luminance(background(e))];
            const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
            if (ratio < 4.5) bad.push(`${e.tagName}.${e.getAttribute('class') ?? ''} "${e.textContent.trim().slice(0, 20)}" ${ratio.toFixed(2)}`);
          }
          return [...new Set(bad)];
        });
      expect(await lowContrast()).toEqual([]);
      await page.hover('#schools tbody tr:first-child td:nth-child(2)');
      expect(await lowContrast()).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});

/** A folder of files, removed after `body`. */
function withFolder(files: Record<string, string | Buffer>, body: (dir: string) => void): void {
  const folder = mkdtempSync(join(tmpdir(), 'edunorm-report-same-'));
  try {
    for (const [name, content] of Object.entries(files)) writeFileSync(join(folder, name), content);
    body(folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const COMPLIANT_BUDGET = readFileSync(join(ROOT, 'examples/compliant/budget.yaml'), 'utf8');
/** The non-compliant staffing example, as a file of the compliant budget's school. */
const FAILING_STAFFING = readFileSync(join(ROOT, 'examples/noncompliant/staffing.yaml'), 'utf8').replace('code: "130902101"', 'code: "130902008"');

describe('edunorm report uses exactly the results of check', () => {
  it('a UTF-16 Staffing file belongs to its school', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(FAILING_STAFFING, 'utf16le')]);
    withFolder({ 'budget.yaml': COMPLIANT_BUDGET, 'staffing.yaml': utf16 }, (folder) => {
      // check reads the UTF-16 file and finds its errors …
      const check = runCli(['check', '.', '--format', 'json'], { cwd: folder });
      const files = (JSON.parse(check.stdout) as { files: { path: string; findings: JsonFinding[] }[] }).files;
      const staffing = files.find((f) => f.path === 'staffing.yaml')!.findings;
      expect(staffing.some((f) => f.ruleId === 'teacher-pay-parity')).toBe(true);
      const errors = staffing.filter((f) => f.severity === 'error').length;
      // … and report counts them against the school, which is therefore not compliant.
      const md = runCli(['report', '.', '--format', 'markdown'], { cwd: folder });
      expect(md.code, md.stderr).toBe(0);
      expect(md.stdout).toContain('检查了 **1** 所学校(2 个文件):合规 **0** 所');
      expect(md.stdout).toContain(`| 第八中学 | 130902008 | 初中 | ${errors} |`);
      expect(md.stdout).toContain('教师工资差 8,857.14 元');
      expect(runCli(['report', '.', '-o', 'r.html'], { cwd: folder }).code).toBe(0);
      const row = /<tr data-code="130902008"[^>]*>.*?<\/tr>/.exec(readFileSync(join(folder, 'r.html'), 'utf8'))![0];
      expect(row).toContain('不合规');
      expect(row).not.toContain('未提交');
    });
  });

  it('a syntax error in a later document makes the school not compliant', () => {
    withFolder({ 'budget.yaml': `${COMPLIANT_BUDGET}---\nnote: [unclosed\n` }, (folder) => {
      const check = runCli(['check', '.', '--format', 'json'], { cwd: folder });
      expect(check.code).toBe(1);
      const md = runCli(['report', '.', '--format', 'markdown'], { cwd: folder });
      expect(md.code, md.stderr).toBe(0);
      expect(md.stdout).toContain('检查了 **1** 所学校(1 个文件):合规 **0** 所(0%);错误 **1** 个');
      expect(md.stdout).toMatch(/\| 第八中学 \| 130902008 \| 初中 \| 1 \| 0 \| 格式/);
    });
  });

  it('size limits apply: a 40 MB file is reported too large, not read (heap capped at 256 MB)', () => {
    const row = '  - { id: T{n}, name: 教师, role: teacher, title: first, certified: true, hiredYear: 2015, annualSalary: 98000, baseSalary: 4400 }\n';
    const head = FAILING_STAFFING.slice(0, FAILING_STAFFING.indexOf('staff:\n') + 'staff:\n'.length);
    const lines: string[] = [head];
    let size = head.length;
    for (let n = 0; size < 40e6; n++) {
      const line = row.replace('{n}', String(n));
      lines.push(line);
      size += Buffer.byteLength(line);
    }
    withFolder({ 'budget.yaml': COMPLIANT_BUDGET, 'staffing.yaml': lines.join('') }, (folder) => {
      const r = spawnSync(process.execPath, ['--max-old-space-size=256', CLI_BIN, 'report', '.', '--format', 'markdown', '--locale', 'en'], { cwd: folder, encoding: 'utf8', timeout: 60_000 });
      expect(r.status, r.stderr).toBe(0);
      // The file is the check's file/too-large error, as `check` reports it; it names no school.
      expect(r.stdout).toContain('**1** school(s) checked (2 file(s)): **1** compliant (100%); **1** error(s)');
      expect(r.stdout).toContain('1 file(s) belong to no school (no school code, or cannot be parsed), with 1 finding(s).');
      const check = runCli(['check', 'staffing.yaml', '--format', 'json'], { cwd: folder });
      expect((JSON.parse(check.stdout) as { files: { findings: JsonFinding[] }[] }).files[0]!.findings.map((f) => f.ruleId)).toEqual(['file/too-large']);
    });
  }, 60_000);
});

describe('edunorm report --output never replaces an input', () => {
  it('-o naming a checked file exits 2 and leaves the file as it was (zh-CN and en)', () => {
    withFolder({ 'budget.yaml': COMPLIANT_BUDGET }, (folder) => {
      const en = runCli(['report', '.', '-o', 'budget.yaml'], { cwd: folder });
      expect(en.code).toBe(2);
      // Refused by the pipeline before any file is checked, as `check` refuses it (outside review E).
      expect(en.stderr).toMatch(/--output names budget\.yaml, one of the files being checked|--output budget\.yaml is one of the files being checked/);
      const zh = runCli(['report', '.', '--format', 'markdown', '--output', './budget.yaml'], { cwd: folder, env: { LANG: 'zh_CN.UTF-8' } });
      expect(zh.code).toBe(2);
      expect(zh.stderr).toMatch(/--output 指向被检查的文件 (\.\/)?budget\.yaml,不会覆盖它|是要检查的文件之一,不会覆盖它/);
      expect(readFileSync(join(folder, 'budget.yaml'), 'utf8')).toBe(COMPLIANT_BUDGET);
      // Another name is fine.
      expect(runCli(['report', '.', '-o', 'r.html'], { cwd: folder }).code).toBe(0);
    });
  });
});
