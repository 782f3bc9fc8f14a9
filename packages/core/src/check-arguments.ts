/**
 * What `check()` is given, checked before anything else: the text must be a string, the options
 * an object whose every field has its type. From JavaScript (or across postMessage, which clones
 * a RuleSet into a plain object) a wrong value used to crash deep inside as an untyped
 * TypeError, and some wrong values did worse without a word (outside review): `maxFileBytes:
 * NaN` switched the size limit off — one 20 MiB text then took 23 s and 3.7 GB — and an unknown
 * locale (`zh`, `zh-cn`) silently gave English. Each is a ConfigurationError with the stable
 * code `config/invalid-option`, said in both languages.
 */
import { ConfigurationError, localizedProblem } from './errors.js';
import { RuleSet } from './rules/rule-set.js';
import { LOCALES, type LocalizedText } from './types.js';

const AT = { file: '(options)', line: 1, column: 1 };

const t = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });
const shown = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined ? String(v) : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`);

const LIMITS: Record<string, { min: number; zh: string }> = {
  maxFileBytes: { min: 0, zh: '文件大小上限(字节)' },
  maxFullParseLength: { min: 0, zh: '需完整解析的文本长度上限(字符)' },
  maxFindings: { min: 1, zh: '每个文件最多列出的问题数' },
};
const FLAGS = ['measurements', 'keepSource', 'reportUnusedDirectives', 'workspace'];

/** Throws `config/invalid-option` when `text` or `options` is not what `check()` takes; see the module comment. */
export function assertCheckArguments(text: unknown, options: unknown): void {
  const problems: LocalizedText[] = [];
  if (typeof text !== 'string') problems.push(t(`要检查的内容应为字符串(文本),现为 ${shown(text)}`, `the text to check must be a string, not ${shown(text)}`));
  if (options !== undefined && (options === null || typeof options !== 'object' || Array.isArray(options))) {
    problems.push(t(`选项应为对象,现为 ${shown(options)}`, `the options must be an object, not ${shown(options)}`));
  } else if (options) {
    const o = options as Record<string, unknown>;
    if (o.locale !== undefined && !LOCALES.includes(o.locale as never)) {
      problems.push(t(`locale 应为 ${LOCALES.map((l) => `"${l}"`).join(' 或 ')},现为 ${shown(o.locale)}`, `locale must be ${LOCALES.map((l) => `"${l}"`).join(' or ')}, not ${shown(o.locale)}`));
    }
    if (o.path !== undefined && typeof o.path !== 'string') problems.push(t(`path 应为字符串,现为 ${shown(o.path)}`, `path must be a string, not ${shown(o.path)}`));
    if (o.ruleSet !== undefined && !(o.ruleSet instanceof RuleSet)) {
      problems.push(t(`ruleSet 应为 createRuleSet() 创建的规则集(复制或跨线程传递后不再是规则集),现为 ${shown(o.ruleSet)}`, `ruleSet must be a RuleSet made by createRuleSet() (a copy, or one sent to another thread, is none), not ${shown(o.ruleSet)}`));
    }
    for (const [name, { min, zh }] of Object.entries(LIMITS)) {
      const v = o[name];
      if (v === undefined) continue;
      if (typeof v !== 'number' || Number.isNaN(v) || v < min || (Number.isFinite(v) && !Number.isInteger(v))) {
        problems.push(t(`${name}(${zh})应为不小于 ${min} 的整数或 Infinity,现为 ${shown(v)}`, `${name} must be a whole number of at least ${min}, or Infinity, not ${shown(v)}`));
      }
    }
    for (const name of FLAGS) {
      if (o[name] !== undefined && typeof o[name] !== 'boolean') problems.push(t(`${name} 应为 true 或 false,现为 ${shown(o[name])}`, `${name} must be true or false, not ${shown(o[name])}`));
    }
  }
  if (problems.length) {
    throw new ConfigurationError(
      'config/invalid-option',
      'invalid arguments to check()',
      problems.map((text) => localizedProblem(AT, 'config/invalid-option', text)),
    );
  }
}
