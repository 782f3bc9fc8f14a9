/**
 * import/*: cells of a spreadsheet that `edunorm import` could not turn into edunorm/v1 YAML
 * (packages/cli/src/import/ finds them and words each with its cell). Nothing is guessed: a
 * cell that cannot be converted is reported and kept as text, so the check flags it too.
 */
import { defineChecks, t } from './define.js';

const SHEET = 'spreadsheet' as const;

export const IMPORT_CHECKS = defineChecks('packages/core/src/checks/import.ts', {
  'import/unconvertible': {
    severity: 'error',
    subject: SHEET,
    title: t('单元格无法转换', 'Cell cannot be converted'),
    docs: {
      explanation: t('单元格的内容不能确定地转换为该字段的值(如金额栏写着“约五十万”,是否栏写着“待定”)。它原样写入 YAML,检查时也会报告。', 'The cell cannot be turned into a value of its field with certainty (an amount column saying "about half a million", a yes/no column saying "to be decided"). It is written to the YAML as text, and the check reports it too.'),
      fix: t('在表格中改为数字、是/否或可选值之一,再重新导入。', 'Enter a number, 是/否 or one of the allowed values in the sheet, and import again.'),
      situation: t('例如“基本工资”一栏写着“4千2”。', 'For example 基本工资 (base salary) given as 4千2.'),
    },
  },
  'import/excel-error': {
    severity: 'error',
    subject: SHEET,
    title: t('单元格是 Excel 错误值', 'Cell holds an Excel error'),
    docs: {
      explanation: t('单元格的值是公式出错的结果(#N/A、#DIV/0!、#REF! 等),不是数据。', 'The cell holds the result of a failed formula (#N/A, #DIV/0!, #REF!…), not data.'),
      fix: t('在 Excel 中修正公式或填入实际值。', 'Fix the formula in Excel or enter the actual value.'),
      situation: t('例如引用了已删除工作表的公式显示 #REF!。', 'For example a formula referring to a deleted sheet showing #REF!.'),
    },
  },
  'import/formula-without-value': {
    severity: 'error',
    subject: SHEET,
    title: t('公式单元格没有保存的结果', 'Formula cell without a saved result'),
    docs: {
      explanation: t('单元格是公式,但工作簿中没有保存它的计算结果(常见于由程序生成、未在 Excel 中打开保存过的文件)。edunorm 不计算公式,所以无法知道它的值,原样写入 YAML。', 'The cell is a formula whose result was never saved in the workbook (common in files written by programs and never opened and saved in Excel). edunorm does not evaluate formulas, so the value is unknown; it is kept as text in the YAML.'),
      fix: t('在 Excel 中打开并保存工作簿(会保存计算结果),或把公式换成数值,再重新导入。', 'Open and save the workbook in Excel (it saves the results), or replace the formula with its value, and import again.'),
      situation: t('例如“合计”一栏是 =SUM(C2:C9),而文件由程序生成。', 'For example a 合计 column holding =SUM(C2:C9) in a file written by a program.'),
    },
  },
  'import/unknown-column': {
    severity: 'warning',
    subject: SHEET,
    title: t('未识别的列名', 'Unknown column'),
    docs: {
      explanation: t('表头中的列名不是已知的字段名或别名,这一列没有导入。', 'A header is neither a field name nor a known alias; the column was not imported.'),
      fix: t('按 docs/import-mapping.md 改列名,或用 --mapping 文件指定它对应的字段。', 'Rename the column as in docs/import-mapping.md, or map it with a --mapping file.'),
      situation: t('例如表头写“薪水”而不是“基本工资”。', 'For example a header 薪水 instead of 基本工资.'),
    },
  },
  'import/unknown-label': {
    severity: 'warning',
    subject: SHEET,
    title: t('未识别的字段名', 'Unknown label'),
    docs: {
      explanation: t('“字段 | 值”两列表格(或表格上方的学校信息)中有一个字段名无法识别,这一行没有导入。', 'A label of a two-column field | value sheet (or of the school rows above a table) is not known; the row was not imported.'),
      fix: t('按 docs/import-mapping.md 改字段名,或用 --mapping 指定。', 'Rename the label as in docs/import-mapping.md, or map it with --mapping.'),
      situation: t('例如“公用经费合计”而不是“公用经费”。', 'For example 公用经费合计 instead of 公用经费.'),
    },
  },
  'import/duplicate-field': {
    severity: 'error',
    subject: SHEET,
    title: t('字段填写了两次', 'Field given twice'),
    docs: {
      explanation: t('两列(或两行)对应同一个字段,无法判断该用哪一个。', 'Two columns (or rows) map to the same field, so it is unclear which to use.'),
      fix: t('删除或改名其中一列。', 'Delete or rename one of them.'),
      situation: t('例如同时有“工号”和“id”两列。', 'For example both 工号 and id columns.'),
    },
  },
  'import/missing-column': {
    severity: 'error',
    subject: SHEET,
    title: t('缺少必填列', 'Required column missing'),
    docs: {
      explanation: t('表头缺少每条记录都需要的列(如工号、姓名、岗位类别)。', 'The header row lacks a column every record needs (id, name, role).'),
      fix: t('在表格中加上这一列。', 'Add the column to the sheet.'),
      situation: t('例如教职工名册没有“岗位类别”列。', 'For example a staff list without a 岗位类别 (role) column.'),
    },
  },
  'import/skipped-row': {
    severity: 'info',
    subject: SHEET,
    title: t('跳过合计行', 'Totals row skipped'),
    docs: {
      explanation: t('表格中的合计行不是一条记录,没有导入。', 'A totals row of the sheet is not a record and was not imported.'),
      fix: t('无需处理。', 'Nothing to do.'),
      situation: t('例如名册末尾的“合计”行。', 'For example a 合计 row at the end of a staff list.'),
    },
  },
});
