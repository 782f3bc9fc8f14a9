/** directive/*: `# edunorm-disable…` comments (suppressions.ts applies them). */
import type { LocalizedText } from '../types.js';
import { BUDGET_HEAD, defineChecks, t } from './define.js';

export const DIRECTIVE_CHECKS = defineChecks('packages/core/src/checks/directive.ts', {
  'directive/missing-reason': {
    severity: 'error',
    title: t('忽略指令缺少原因', 'Suppression directive without a reason'),
    docs: {
      explanation: t('忽略指令(# edunorm-disable…)没有写原因。原因是必填的:没有原因的指令不忽略任何问题。', 'A suppression comment (# edunorm-disable…) has no reason. The reason is mandatory: without one the directive suppresses nothing.'),
      fix: t('在规则编号后写 -- 和原因,例如 # edunorm-disable-next-line teacher-training-funds -- 县财政局批准的一次性调整', 'Add -- and the reason after the rule id, e.g. # edunorm-disable-next-line teacher-training-funds -- one-off change approved by the county'),
      example: `${BUDGET_HEAD}budget:\n  publicFunds: 4000000\n  # edunorm-disable-next-line teacher-training-funds\n  teacherTraining: 150000\n`,
    },
  },
  'directive/missing-rule': {
    severity: 'error',
    title: t('忽略指令缺少规则编号', 'Suppression directive without a rule id'),
    docs: {
      explanation: t('忽略指令没有写要忽略的规则编号。edunorm 不允许不指明规则的“全部忽略”。', 'A suppression comment names no rule id. edunorm has no "suppress everything".'),
      fix: t('写明规则编号,多个用逗号分隔。', 'Name the rule id(s), separated by commas.'),
      example: `${BUDGET_HEAD}budget:\n  publicFunds: 4000000\n  # edunorm-disable-next-line -- 县财政局批准\n  teacherTraining: 150000\n`,
    },
  },
  'directive/unknown-rule': {
    severity: 'warning',
    title: t('忽略指令中的规则编号未知', 'Unknown rule id in a suppression directive'),
    docs: {
      explanation: t('忽略指令中的规则编号不存在(可能拼错),所以它什么也不忽略。', 'The rule id in a suppression comment does not exist (possibly misspelt), so it suppresses nothing.'),
      fix: t('用 edunorm rules 查看规则编号并改正。', 'Look the id up with edunorm rules and correct it.'),
      example: `${BUDGET_HEAD}budget:\n  publicFunds: 4800000\n  # edunorm-disable-next-line teacher-training-fund -- 县财政局批准\n  teacherTraining: 240000\n`,
    },
  },
  'directive/unused': {
    severity: 'warning',
    title: t('未用到的忽略指令', 'Unused suppression directive'),
    docs: {
      explanation: t('忽略指令没有忽略任何问题(问题已修正,或指令位置不对)。加 --report-unused-disable-directives 时报告,便于清理过时的例外。', 'A suppression comment suppresses nothing (the problem was fixed, or the comment is in the wrong place). Reported with --report-unused-disable-directives, to clean up stale exceptions.'),
      fix: t('删除这条指令。', 'Delete the comment.'),
      example: `${BUDGET_HEAD}budget:\n  publicFunds: 4800000\n  # edunorm-disable-next-line teacher-training-funds -- 县财政局批准\n  teacherTraining: 240000\n`,
      reportUnused: true,
    },
  },
});

/** The messages of directive/*; `kind` is the directive (`disable-next-line`, …), `ids` the rule ids it names. */
export const directiveMessages = {
  missingRule: (kind: string): LocalizedText =>
    t(`edunorm-${kind} 需要写明规则编号,如 # edunorm-${kind} teacher-training-funds -- 原因`, `edunorm-${kind} needs the rule id(s), e.g. # edunorm-${kind} teacher-training-funds -- reason`),
  missingReason: (kind: string, ids: readonly string[]): LocalizedText =>
    t(
      `忽略指令缺少原因,未生效:请在规则编号后写上“-- 原因”,例如 # edunorm-${kind} ${ids.join(', ')} -- 经县教育局批准`,
      `This directive has no reason and suppresses nothing: add "-- <reason>" after the rule id(s), e.g. # edunorm-${kind} ${ids.join(', ')} -- approved by the county bureau`,
    ),
  unknownRule: (id: string, meant?: string): LocalizedText =>
    meant
      ? t(`未知的规则编号 ${id},是否想写 ${meant}?这条指令现在不忽略任何问题`, `Unknown rule id ${id}; did you mean ${meant}? The directive suppresses nothing as written`)
      : t(`未知的规则编号 ${id},这条指令不忽略任何问题;用 edunorm rules 查看规则编号`, `Unknown rule id ${id}; the directive suppresses nothing. Run edunorm rules for the rule ids`),
  renameRule: (id: string): LocalizedText => t(`改为 ${id}`, `Change to ${id}`),
  unused: (ids: readonly string[]): LocalizedText =>
    t(`忽略指令未用到:${ids.join(', ')} 在此处没有问题,可删除该指令`, `Unused directive: no ${ids.join(', ')} finding here to suppress; remove it`),
};
