import type { LocalizedText, Severity } from './types.js';

/** Findings that are not norms of the plan: the file's syntax and structure. Ids are stable. */
export interface StructuralRule {
  id: string;
  severity: Severity;
  title: LocalizedText;
}

const r = (id: string, severity: Severity, zh: string, en: string): StructuralRule => ({ id, severity, title: { 'zh-CN': zh, en } });

/** Every structural id the checker can report, with its severity and title. */
export const STRUCTURAL_RULES: readonly StructuralRule[] = [
  r('yaml/syntax', 'error', 'YAML 语法错误', 'YAML syntax error'),
  r('yaml/too-deep', 'error', '嵌套层级过深', 'Nesting too deep'),
  r('yaml/duplicate-key', 'error', '重复的字段名', 'Duplicate key'),
  r('yaml/alias-limit', 'error', 'YAML 别名展开过多', 'Too many YAML alias expansions'),
  r('yaml/unsupported', 'error', '无法读取的 YAML 内容', 'Unreadable YAML content'),
  r('schema/api-version', 'error', '缺少或不支持的 apiVersion', 'Missing or unsupported apiVersion'),
  r('schema/kind', 'error', '缺少或未知的文件类型 kind', 'Missing or unknown kind'),
  r('schema/not-a-mapping', 'error', '文档不是“字段: 值”结构', 'Document is not a mapping'),
  r('schema/required', 'error', '缺少必填字段', 'Missing required field'),
  r('schema/type', 'error', '值的类型不对(如金额写成了带逗号的文字)', 'Value of the wrong type (e.g. an amount written with commas)'),
  r('schema/enum', 'error', '不在可选范围内的值', 'Value not among the allowed ones'),
  r('schema/range', 'error', '超出范围的值(如比例写成 97.5)', 'Value out of range (e.g. a share written as 97.5)'),
  r('schema/empty', 'error', '不能为空的字段为空', 'Empty required text'),
  r('schema/unknown-key', 'warning', '未知字段(可能拼错)', 'Unknown field (possibly misspelt)'),
  r('duplicate-staff-id', 'error', '工号重复', 'Duplicate staff id'),
  r('schema/part-exceeds-whole', 'error', '部分大于总数(如在公办学校就读的随迁子女多于符合条件的随迁子女)', 'A part larger than its total (e.g. more migrant children in public schools than eligible)'),
  r('engine/error', 'error', '规则执行出错', 'A rule failed to run'),
  r('file/unreadable', 'error', '文件无法读取', 'File cannot be read'),
  r('file/too-large', 'error', '文件超过大小上限,未检查', 'File above the size limit, not checked'),
  r('file/too-many-findings', 'error', '问题过多,其余未列出', 'Too many findings; the rest are not listed'),
  r('file/encoding', 'error', '文件不是 UTF-8 编码', 'File is not UTF-8 encoded'),
  r('schema/number-format', 'error', '数字写成了十六进制、八进制或以 0 开头', 'Number written in hexadecimal, octal or with a leading zero'),
  r('directive/missing-reason', 'error', '忽略指令缺少原因', 'Suppression directive without a reason'),
  r('directive/missing-rule', 'error', '忽略指令缺少规则编号', 'Suppression directive without a rule id'),
  r('directive/unknown-rule', 'warning', '忽略指令中的规则编号未知', 'Unknown rule id in a suppression directive'),
  r('directive/unused', 'warning', '未用到的忽略指令', 'Unused suppression directive'),
];
