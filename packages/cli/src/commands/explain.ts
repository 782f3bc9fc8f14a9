import { parseArgs } from 'node:util';
import { COMMAND_SPECS, parseArgsOptions } from '../command-specs.js';
import { STRUCTURAL_RULES, type ActiveRule, type Locale, type RuleDefinition, type RuleSet } from '@edunorm/core';
import { didYouMean, ruleDocUrl, structuralRule } from '@edunorm/core/internal';
import { EXIT_OK, EXIT_USAGE, type Io } from '../main.js';
import { effectiveYears, findingSeverities, formatParamValue } from '../rule-docs/describe-param.js';
import { ruleExamples, type ExampleFinding } from '../rule-docs/rule-examples.js';
import { structuralExampleFindings } from '../rule-docs/structural-examples.js';
import { safeText } from '../safe-text.js';
import { formatTable } from '../text-width.js';
import { UsageError } from '../usage-error.js';
import { severityWord } from '../messages.js';
import { resolveLocale } from './common.js';
import { ruleSetForCommand } from './rule-set-option.js';
import { MESSAGES as M } from '../messages.js';

/** The words of `edunorm explain` (tests/cli-messages.test.ts checks both languages). */
export const EXPLAIN_WORDS = {
  'zh-CN': {
    kind: '适用文档',
    severity: '级别',
    pack: '规则包',
    citation: '依据',
    params: '参数',
    paramHeader: ['名称', '取值', '说明'],
    defaultIs: '默认',
    years: '生效年份',
    allYears: '所有年份',
    examples: '示例',
    valid: '符合要求',
    invalid: '不符合要求',
    withParams: '参数',
    docs: '文档',
    off: '(已在配置中关闭)',
    structural: '结构检查(不属于规划中的规范,不能配置参数)',
    fix: '怎么改',
    unknown: (id: string) => `未知的规则编号 "${id}"`,
    suggest: (id: string) => `是否想写 ${id}?`,
    list: '运行 edunorm rules 查看全部规则编号。',
  },
  en: {
    kind: 'Applies to',
    severity: 'Severity',
    pack: 'Pack',
    citation: 'Citation',
    params: 'Parameters',
    paramHeader: ['name', 'value', 'description'],
    defaultIs: 'default',
    years: 'Effective years',
    allYears: 'every year',
    examples: 'Examples',
    valid: 'compliant',
    invalid: 'not compliant',
    withParams: 'params',
    docs: 'Docs',
    off: '(turned off by the configuration)',
    structural: 'structure check (not a norm of the plan; no parameters)',
    fix: 'How to fix',
    unknown: (id: string) => `unknown rule id "${id}"`,
    suggest: (id: string) => `did you mean ${id}?`,
    list: 'Run "edunorm rules" for every rule id.',
  },
};

const indent = (text: string, prefix: string) =>
  text
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => `${prefix}${l}`)
    .join('\n');

function findingLines(findings: readonly ExampleFinding[], locale: Locale): string[] {
  return findings.map((f) => `     → ${f.file ? `${f.file}:` : ''}${f.line}:${f.column} ${severityWord(f.severity, locale)}  ${f.message[locale]}`);
}

async function explainNorm(definition: RuleDefinition, active: ActiveRule | undefined, locale: Locale): Promise<string> {
  const w = EXPLAIN_WORDS[locale];
  const lines: string[] = [];
  lines.push(`${definition.id} — ${definition.title[locale]}${active ? '' : ` ${w.off}`}`, '');
  // Every severity its findings may have: year-gated norms warn on the path and fail at the target year.
  const severities = findingSeverities(active ?? { definition });
  const severityText = `${severities.map((s) => severityWord(s, locale)).join(locale === 'zh-CN' ? '、' : ' / ')}${severities.length > 1 ? (locale === 'zh-CN' ? '(依结果而定)' : ' (by outcome)') : ''}`;
  lines.push(`${w.kind}: ${definition.kind}    ${w.severity}: ${severityText}    ${w.pack}: ${definition.source.pack}`);
  lines.push('', definition.description[locale], '');
  const c = definition.citation;
  lines.push(`${w.citation}: ${c.document} ${c.section}`, `  “${c.quote}”`);
  const params = Object.entries(definition.params);
  if (params.length) {
    // The configured value, with the default beside it only when the configuration changed it.
    const rows = params.map(([name, p]) => {
      const value = formatParamValue(active?.params[name] ?? p.default);
      const fallback = formatParamValue(p.default);
      return [name, value === fallback ? value : `${value} (${w.defaultIs} ${fallback})`, p.description[locale]];
    });
    lines.push('', `${w.params}:`, indent(formatTable([w.paramHeader, ...rows]), '  '));
  }
  lines.push('', `${w.years}: ${effectiveYears({ definition, ...(active ? { params: active.params } : {}) }, locale) ?? w.allYears}`);
  const examples = await ruleExamples(definition, 1);
  if (examples.length) {
    lines.push('', `${w.examples}:`);
    for (const e of examples) {
      const params = e.params ? ` (${w.withParams} ${formatParamValue(e.params)})` : '';
      // A case's name is written in English in its rule file: Chinese readers get the verdict alone.
      const caption = locale === 'en' ? `: ${e.name}${params}` : params;
      lines.push('', `  ${e.valid ? '✅' : '❌'} ${e.valid ? w.valid : w.invalid}${caption}`, indent(e.document, '     | '));
      lines.push(...findingLines(e.findings, locale));
    }
  }
  const url = ruleDocUrl(definition.id);
  if (url) lines.push('', `${w.docs}: ${url}`);
  return `${lines.join('\n')}\n`;
}

async function explainStructural(id: string, locale: Locale): Promise<string | undefined> {
  const rule = structuralRule(id);
  if (!rule) return undefined;
  const w = EXPLAIN_WORDS[locale];
  const doc = rule.docs;
  const lines = [`${rule.id} — ${rule.title[locale]}`, '', `${w.severity}: ${severityWord(rule.severity, locale)}    ${w.structural}`, '', doc.explanation[locale], '', `${w.fix}: ${doc.fix[locale]}`];
  if (doc.example) {
    lines.push('', `${w.examples}:`, '', '  ❌', indent(doc.example, '     | '), ...findingLines(await structuralExampleFindings(rule), locale));
  } else if (doc.situation) {
    lines.push('', doc.situation[locale]);
  }
  lines.push('', `${w.docs}: ${ruleDocUrl(rule.id)!}`);
  return `${lines.join('\n')}\n`;
}

function allDefinitions(ruleSet: RuleSet): RuleDefinition[] {
  // Later packs override earlier ones with the same id, as in the rule set itself.
  const byId = new Map<string, RuleDefinition>();
  for (const pack of ruleSet.packs) for (const rule of pack.rules) byId.set(rule.id, rule);
  return [...byId.values()];
}

/** `edunorm explain <id> [--locale] [--config FILE]`: a rule's norm, citation, parameters and examples. */
export async function run(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: parseArgsOptions(COMMAND_SPECS.explain.options),
  });
  if (positionals.length !== 1) throw new UsageError(M.explainUsage());
  const id = positionals[0]!;
  const locale = resolveLocale(values.locale, io, values.config);
  const ruleSet = ruleSetForCommand(io, values.config);
  const definitions = allDefinitions(ruleSet);
  const definition = definitions.find((d) => d.id === id);
  const text = definition ? await explainNorm(definition, ruleSet.ruleById(id), locale) : await explainStructural(id, locale);
  if (text) {
    io.stdout(text);
    return EXIT_OK;
  }
  const w = EXPLAIN_WORDS[locale];
  const suggestion = didYouMean(id, [...definitions.map((d) => d.id), ...STRUCTURAL_RULES.map((r) => r.id)]);
  io.stderr(`edunorm: ${w.unknown(safeText(id))}${suggestion ? `; ${w.suggest(suggestion)}` : ''}\n${w.list}\n`);
  return EXIT_USAGE;
}
