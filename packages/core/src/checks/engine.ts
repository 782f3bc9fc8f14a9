/** engine/error: a rule that throws, or a file the editor could not check; the data is not at fault. */
import type { LocalizedText } from '../types.js';
import { defineChecks, t } from './define.js';

export const ENGINE_CHECKS = defineChecks('packages/core/src/checks/engine.ts', {
  'engine/error': {
    severity: 'error',
    title: t('规则执行出错', 'A rule failed to run'),
    docs: {
      explanation: t('某条规则在检查这个文档时出错,文档的检查没有完成。这是规则包的问题,不是所填数据的问题。', 'A rule failed while checking this document, so the check is incomplete. This is a problem of the rule pack, not of the data.'),
      fix: t('请把文件和提示信息报告给规则包的维护者;自定义规则包可用 edunorm test-rules 检查。', 'Report the file and the message to the rule pack\'s maintainers; test a custom pack with edunorm test-rules.'),
      situation: t('只在规则包有缺陷时出现,单靠一个报送文件无法重现;编辑器在检查进程意外停止(如内存不足)时也在第 1 行报告它,表示此文件未检查。', 'Appears only when a rule pack has a defect; no submission alone produces it. The editor also reports it on line 1 when its checking process stopped (out of memory, say): the file was not checked.'),
    },
  },
});

/** A rule threw while checking a document (a defect of the pack): the document's check is incomplete. */
export function ruleFailedMessage(error: unknown): LocalizedText {
  const detail = error instanceof Error ? error.message : String(error);
  return t(`规则执行出错,此文档未完成检查:${detail}`, `A rule failed while checking this document: ${detail}`);
}

/** The editor could not check a file at all (`reason` says why, in both languages). */
export function notCheckedMessage(reason: LocalizedText): LocalizedText {
  return t(
    `edunorm 未能检查此文件:${reason['zh-CN']}。没有其他提示不代表符合要求。修改文件后会重新检查。`,
    `edunorm could not check this file: ${reason.en}. The absence of other problems does not mean it complies. It is checked again on the next change.`,
  );
}
