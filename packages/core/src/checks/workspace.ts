/** workspace/*: findings about the files checked together (shared/spec/workspace.md), not about one document. */
import type { LocalizedText } from '../types.js';
import { defineChecks, t } from './define.js';

export const WORKSPACE_CHECKS = defineChecks('packages/core/src/checks/workspace.ts', {
  'workspace/duplicate-district': {
    severity: 'error',
    title: t('同一区划、同一年度的指标文档重复', 'Two district documents of one code and year'),
    docs: {
      explanation: t(
        '同时检查的文件中有两份区划代码(district.code)和年度(year)都相同的市/县指标文档。学校文档按区划代码和年度关联到县指标文档,两份同时存在时无法确定以哪份为准:使用先出现的一份(命令行上的文件顺序),第二份的 district.code 上报错。',
        'Among the files checked together, two DistrictIndicators documents have the same district.code and year. School documents link to a district by code and year, so only one can count: the first one (in the order of the command line) is used, and the second gets this error on its district.code.',
      ),
      fix: t('删除重复的一份,或把两份合并为一份;若是另一年度的数据,改正其 year。', 'Delete one of them or merge the two; if one describes another year, correct its year.'),
      situation: t(
        '检查多个文件(命令行上的多个文件、文件夹,或编辑器的工作区)时出现;单个文件内的两份同码同年文档也会报告。',
        'Appears when several files are checked together (files or folders on the command line, the editor’s workspace); two such documents in one file are reported too.',
      ),
    },
  },
});

/** The message of a duplicate district document; `where` is the first one's `file:line`. */
export function duplicateDistrictMessage(code: string, year: string, where: string): LocalizedText {
  return t(
    `区划代码 ${code} 的 ${year} 年度指标文档重复:已使用先出现的 ${where},此文档不参与县域统计。请删除或合并其中一份。`,
    `A second DistrictIndicators document for district ${code} and year ${year}: the first one (${where}) is used, this one is ignored for the county norms. Remove or merge one of them.`,
  );
}

/** The related location of a duplicate: the document that is used. */
export const FIRST_DISTRICT_DOCUMENT = t('先出现的同一区划、同一年度的文档', 'the first document of this district and year');
