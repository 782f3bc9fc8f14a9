import { parseArgs } from 'node:util';
import { COMMAND_SPECS, parseArgsOptions } from '../command-specs.js';
import { EXIT_OK, type Io } from '../main.js';
import { effectiveSeverity, sortRules, sourceLabel } from '../rule-docs/rule-order.js';
import { formatTable } from '../text-width.js';
import { UsageError } from '../usage-error.js';
import { resolveLocale } from './common.js';
import { ruleSetForCommand } from './rule-set-option.js';
import { MESSAGES as M, severityWord } from '../messages.js';

const HEADER = {
  'zh-CN': ['编号', '适用', '级别', '依据', '标题'],
  en: ['id', 'kind', 'severity', 'source', 'title'],
};

/** `edunorm rules [--format table|json] [--locale] [--config FILE]`: the active rules. */
export async function run(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: parseArgsOptions(COMMAND_SPECS.rules.options),
  });
  if (positionals.length) throw new UsageError(M.rulesNoPaths(positionals[0]!));
  if (values.format !== 'table' && values.format !== 'json') throw new UsageError(M.rulesFormat(String(values.format)));
  const locale = resolveLocale(values.locale, io, values.config);
  const rules = sortRules(ruleSetForCommand(io, values.config).rules);

  if (values.format === 'json') {
    const out = rules.map((r) => {
      const d = r.definition;
      return {
        id: d.id,
        kind: d.kind,
        severity: effectiveSeverity(r),
        defaultSeverity: d.severity,
        title: d.title,
        source: { id: d.citation.source, document: d.citation.document, section: d.citation.section, quote: d.citation.quote },
        pack: d.source.pack,
        params: r.params,
        ...(d.effective ? { effective: d.effective } : {}),
      };
    });
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
    return EXIT_OK;
  }
  // The title goes last: it is the one long column, and a terminal wraps it without breaking the others.
  const rows = rules.map((r) => [r.definition.id, r.definition.kind, severityWord(effectiveSeverity(r), locale), sourceLabel(r), r.definition.title[locale]]);
  io.stdout(`${formatTable([HEADER[locale], ...rows])}\n`);
  io.stdout(
    locale === 'zh-CN'
      ? `\n共 ${rules.length} 条规则。查看某条规则的依据、参数和示例:edunorm explain <编号>\n`
      : `\n${rules.length} rule(s). For a rule's citation, parameters and examples: edunorm explain <id>\n`,
  );
  return EXIT_OK;
}
