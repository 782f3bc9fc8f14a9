/**
 * What `edunorm init` writes: a commented configuration and two example submissions that
 * pass every norm of the built-in pack under that configuration. The examples live in
 * @edunorm/core (templates.ts), shared with the editor's "New edunorm file".
 */
export { BUDGET_EXAMPLE, STAFFING_EXAMPLE } from '@edunorm/core/internal';

/**
 * The configuration states the built-in defaults explicitly, so `init` changes no result:
 * a bureau sees where to raise a threshold ("并适当提高标准") without being made stricter
 * by surprise. Rule lines for ids the installed pack lacks are written as comments, so the
 * file stays valid with any version of the pack.
 */
export function configTemplate(knownRuleIds: ReadonlySet<string>): string {
  const rule = (id: string, lines: string) => (knownRuleIds.has(id) ? lines : lines.replace(/^/gm, '# '));
  return `# edunorm.config.yaml — nearest one from each checked file's folder upward applies
# edunorm.config.yaml:从每个被检查文件所在的文件夹向上查找,最近的一个生效。
# Use another one for every file with: edunorm check --config FILE
# See the rules and their parameters with: edunorm rules / edunorm explain <id>

# Language of messages for this repository, whatever LANG the machine or CI runner has.
# 本仓库的提示语言(zh-CN 或 en),不受电脑或 CI 的 LANG 影响;--locale 优先。
# locale: zh-CN

extends:
  - edunorm:plan14          # the built-in pack (the plan's 33 norms) / 内置规则包(规划中的 33 条规范)
  # - ./county-rules        # a folder of rule files, same format as rules/plan14 / 本地规则文件夹
  # - @county/edunorm-rules # an npm package with rule files / npm 包形式的规则包

# Per rule: off | info | warning | error, or { severity, params }.
# 每条规则可设:off(关闭)| info | warning | error,或 { severity, params }。
rules:
${rule(
  'teacher-training-funds',
  `  teacher-training-funds:
    params: { minShare: 0.05 }     # the plan's 5%; 并适当提高标准:本县要求 6% 时改为 0.06`,
)}
${rule('teacher-training-hours', `  teacher-training-hours: warning   # off | info | warning | error`)}
`;
}

