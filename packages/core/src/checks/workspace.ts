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
  'workspace/duplicate-school': {
    severity: 'warning',
    title: t('同一学校、同一年度的同类文档有两份', 'Two documents of one kind for one school and year'),
    docs: {
      explanation: t(
        '同时检查的文件中,有两份学校代码(school.code)、所属区划(school.district)和年度(fiscalYear)都相同的同类文档(两份教职工名单,或两份预算)。两份都计入县域统计(教师平均工资、高级岗位比例等):若其中一份是副本(例如“staffing - 副本.yaml”,或指向同一文件的链接),这所学校就被算了两次。第二份的 school.code 上提示,先出现的一份是相关位置。',
        'Among the files checked together, two documents of one kind (two staff lists, or two budgets) have the same school.code, school.district and fiscalYear. Both are counted in the county figures (the teachers’ mean pay, the senior-post share): if one is a copy (“staffing - Copy.yaml”, or a link to the same file), the school is counted twice. The second one gets this warning on its school.code, with the first as its related location.',
      ),
      fix: t('删除副本;若学校确实把名单分成了两份,可合并为一份,或保留并忽略此提示。', 'Delete the copy; if the school really splits its list over two documents, merge them or keep both and ignore this warning.'),
      situation: t(
        '检查多个文件(命令行上的多个文件、文件夹,或编辑器的工作区)时出现,只针对与某个区划关联的学校文档。',
        'Appears when several files are checked together (files or folders on the command line, the editor’s workspace), for school documents linked to a district.',
      ),
    },
  },
});

/** A second document of one school, kind and year; `where` is the first one's `file:line`. */
export function duplicateSchoolMessage(kind: string, code: string, name: string | undefined, year: string, where: string): LocalizedText {
  const what = kind === 'Staffing' ? t('教职工名单', 'staff list') : t('预算', 'budget');
  const school = name ? `${name}(${code})` : code;
  const schoolEn = name ? `${name} (${code})` : code;
  return t(
    `学校${school}的 ${year} 年度${what['zh-CN']}有两份(先出现的在 ${where}),两份都计入县域统计。若其中一份是副本,请删除。`,
    `A second ${year} ${what.en} of school ${schoolEn} (the first is ${where}): both are counted in the county figures. If one is a copy, delete it.`,
  );
}

/** The related location of a duplicate school document: the first one. */
export const FIRST_SCHOOL_DOCUMENT = t('先出现的同一学校、同一年度的文档', 'the first document of this school and year');

/** The message of a duplicate district document; `where` is the first one's `file:line`. */
export function duplicateDistrictMessage(code: string, year: string, where: string): LocalizedText {
  return t(
    `区划代码 ${code} 的 ${year} 年度指标文档重复:已使用先出现的 ${where},此文档不参与县域统计。请删除或合并其中一份。`,
    `A second DistrictIndicators document for district ${code} and year ${year}: the first one (${where}) is used, this one is ignored for the county norms. Remove or merge one of them.`,
  );
}

/** The related location of a duplicate: the document that is used. */
export const FIRST_DISTRICT_DOCUMENT = t('先出现的同一区划、同一年度的文档', 'the first document of this district and year');
