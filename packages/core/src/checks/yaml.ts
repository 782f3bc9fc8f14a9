/**
 * yaml/*: the text is not YAML the checker can read (parse/ finds these problems; the messages
 * are here, built from the parser's detail).
 */
import type { ParsedFile, Span, YamlHint, YamlProblemCode } from '../parse/parse-yaml.js';
import type { LocalizedText } from '../types.js';
import { BUDGET_HEAD, defineChecks, t } from './define.js';
import { fullParseTooLargeMessage } from './file.js';

export const YAML_CHECKS = defineChecks('packages/core/src/checks/yaml.ts', {
  'yaml/syntax': {
    severity: 'error',
    title: t('YAML 语法错误', 'YAML syntax error'),
    docs: {
      explanation: t('文件不是合法的 YAML:缩进不齐、括号或引号没有闭合、冒号后缺空格等。出错的文档无法继续检查。', 'The file is not valid YAML: uneven indentation, an unclosed bracket or quote, a missing space after a colon. A document with a syntax error is not checked further.'),
      fix: t('按提示的位置检查缩进、冒号和引号;同一层级的字段左对齐。', 'Look at the position given: indentation, colons and quotes; keys of one level start in the same column.'),
      example: 'apiVersion: edunorm/v1\nkind: SchoolBudget\nschool: { code: "130902008", name: 第八中学, level: junior\nfiscalYear: 2025\n',
    },
  },
  'yaml/too-deep': {
    severity: 'error',
    title: t('嵌套层级过深', 'Nesting too deep'),
    docs: {
      explanation: t('文件的嵌套层级超过 64 层(括号或缩进一层套一层)。报送文件最多只有几层,这样的文件多半是误粘贴的内容或恶意构造;为防止程序崩溃,edunorm 不读取它。', 'The file nests more than 64 levels (brackets or indentation inside one another). Submissions nest only a few levels; such a file is pasted by mistake or built to crash tools, so edunorm does not read it.'),
      fix: t('删除误粘贴的内容,按 edunorm/v1 格式重写该部分。', 'Remove the pasted content and write that part in the edunorm/v1 format.'),
      example: `apiVersion: edunorm/v1\nkind: SchoolBudget\nx: ${'['.repeat(70)}${']'.repeat(70)}\n`,
    },
  },
  'yaml/duplicate-key': {
    severity: 'error',
    title: t('重复的字段名', 'Duplicate key'),
    docs: {
      explanation: t('同一层级出现了两次相同的字段名。YAML 只会保留其中一个值,容易造成误报或漏报。', 'The same key appears twice at one level. YAML keeps only one of the values, which hides mistakes.'),
      fix: t('删除多余的一项,只保留正确的值。', 'Delete one of them and keep the right value.'),
      example: `${BUDGET_HEAD}budget:\n  publicFunds: 4800000\n  teacherTraining: 240000\n  teacherTraining: 260000\n`,
    },
  },
  'yaml/alias-limit': {
    severity: 'error',
    title: t('YAML 别名展开过多', 'Too many YAML alias expansions'),
    docs: {
      explanation: t('YAML 别名(&锚点 与 *引用)层层展开后数量过多。这是“别名炸弹”的特征,为防止耗尽内存,edunorm 不读取这样的文档。', 'YAML aliases (&anchor and *reference) expand to too many nodes. This is the shape of an "alias bomb"; to protect memory edunorm does not read such a document.'),
      fix: t('报送文件中不需要别名:直接写出每个数值。', 'Submissions need no aliases: write each value out.'),
      example: 'apiVersion: edunorm/v1\nkind: SchoolBudget\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n',
    },
  },
  'yaml/unsupported': {
    severity: 'error',
    title: t('无法读取的 YAML 内容', 'Unreadable YAML content'),
    docs: {
      explanation: t('文档的 YAML 语法正确,但其中有 YAML 读取器无法转换为数据的写法。', 'The document is valid YAML syntax, but its content cannot be turned into data (a construct the YAML reader cannot resolve).'),
      fix: t('只使用普通的“字段: 值”、列表和字符串,不使用自定义标签或复杂的合并写法。', 'Use plain keys and values, lists and strings; no custom tags or complex merges.'),
      situation: t('YAML 读取器在把文档转换为数据时报错(不是语法错误,也不是别名过多)。', 'The YAML reader fails while turning the document into data (neither a syntax error nor too many aliases).'),
    },
  },
});

/**
 * The `yaml` package's syntax errors by their code, in Chinese: its messages are English, and a
 * finance officer reading 请检查缩进 next to "Implicit keys need to be on a single line" has
 * half a message. The English finding keeps the parser's own words.
 */
const PARSER_WORDS: Record<string, string> = {
  ALIAS_PROPS: '别名(*引用)不能再带锚点或标签',
  BAD_ALIAS: '别名(*引用)的写法不对',
  BAD_COLLECTION_TYPE: '这里的列表或映射类型不对',
  BAD_DIRECTIVE: '以 % 开头的 YAML 指令写法不对',
  BAD_DQ_ESCAPE: '双引号里的转义(\\)写法不对',
  BAD_INDENT: '缩进不对:同一层级的字段要左对齐,下一层要多缩进',
  BAD_PROP_ORDER: '锚点(&)或标签(!)的位置不对',
  BAD_SCALAR_START: '这个值不能以这个符号开头,请给它加上引号',
  BLOCK_AS_IMPLICIT_KEY: '多行的内容不能当作字段名',
  BLOCK_IN_FLOW: '方括号或花括号里不能再写成多行的块',
  IMPOSSIBLE: '无法读取这一处',
  KEY_OVER_1024_CHARS: '字段名超过了 1024 个字符',
  MISSING_CHAR: '缺少一个字符(右引号、右括号或冒号)',
  MULTILINE_IMPLICIT_KEY: '字段名必须写在一行之内(可能是上一行少了冒号,或有多余的文字)',
  MULTIPLE_ANCHORS: '同一个值写了多个锚点(&)',
  MULTIPLE_DOCS: '这里只能有一个文档',
  MULTIPLE_TAGS: '同一个值写了多个标签(!)',
  NON_STRING_KEY: '字段名必须是文字',
  RESOURCE_EXHAUSTION: 'YAML 内容展开过多,已停止读取',
  TAB_AS_INDENT: '用了制表符(Tab)缩进,YAML 只允许用空格缩进',
  TAG_RESOLVE_FAILED: '无法识别这个标签(!)',
  UNEXPECTED_TOKEN: '这里出现了不该有的内容',
};
/** The parser codes said in Chinese (tests/cli-messages.test.ts checks that each is). */
export const TRANSLATED_PARSER_CODES: readonly string[] = Object.keys(PARSER_WORDS);

/** What the parser quotes of the text (`…: "apiVersion"`), to show beside the Chinese words. */
function quotedToken(detail: string): string | undefined {
  const m = /: ("[^"]{1,40}")$/.exec(detail);
  return m?.[1];
}

/** The message of a problem the YAML reader found; `detail` is the reader's own words (syntax) or figures; `parserCode` its code. */
export function yamlProblemMessage(code: YamlProblemCode, detail: string, parserCode?: string): LocalizedText {
  switch (code) {
    case 'file/too-large':
      return fullParseTooLargeMessage(detail);
    case 'yaml/too-deep':
      return t('嵌套层级过深(超过 64 层),已停止读取此文件。edunorm 文件只有几层嵌套:请检查是否误粘贴了其他内容。', 'Nesting is too deep (more than 64 levels); this file was not read. edunorm files nest only a few levels: check for pasted content.');
    case 'yaml/syntax': {
      const words = parserCode !== undefined && Object.hasOwn(PARSER_WORDS, parserCode) ? PARSER_WORDS[parserCode]! : undefined;
      const token = words ? quotedToken(detail) : undefined;
      const zh = words ? `${words}${token ? `(${token})` : ''}` : detail;
      return t(`YAML 格式错误:${zh}。请检查缩进、冒号和引号。`, `YAML syntax error: ${detail}. Check indentation, colons and quotes.`);
    }
    case 'yaml/duplicate-key':
      return t('同一层级出现了重复的字段名,只能保留一个。', 'The same key appears twice at this level; keep only one.');
    case 'yaml/alias-limit':
      return t('YAML 别名(*引用)展开过多,已停止读取此文档(可能是恶意的“别名炸弹”)。请直接写出数值。', 'Too many YAML alias expansions; this document was not read (possibly an alias bomb). Write the values out.');
    case 'yaml/unsupported':
      return t(`无法读取此文档:${detail}`, `This document cannot be read: ${detail}`);
  }
}

/** The words of a bracket: 花括号 { or 方括号 [. */
const BRACKET_WORDS = { '{': { zh: '花括号', en: 'brace', close: '}' }, '[': { zh: '方括号', en: 'bracket', close: ']' } } as const;

/**
 * A recognised YAML mistake (parse/yaml-mistakes.ts, parse/yaml-node-mistakes.ts) told in
 * words, with its fix when one is safe. `valueRead`: the document was read and checked (a
 * submission whose only problems are duplicate keys), so its message may say which value counted.
 */
export function yamlMistakeMessage(hint: YamlHint, file: ParsedFile, valueRead = false): { message: LocalizedText; fix?: { title: LocalizedText; newText: string; span: Span } } {
  const n = hint.line;
  const fix = hint.fix;
  switch (hint.mistake) {
    case 'unclosed-flow': {
      const b = BRACKET_WORDS[hint.bracket];
      const c = b.close;
      const where = hint.close;
      const [zhFix, enFix] =
        'end' in where
          ? where.end === n
            ? [`请在这一行末尾补上 ${c}`, `add ${c} at the end of this line`]
            : [`请在第 ${where.end} 行末尾补上 ${c}`, `add ${c} at the end of line ${where.end}`]
          : 'after' in where
            ? [`请在 \`${where.after}\` 后面补上 ${c}`, `add ${c} after \`${where.after}\``]
            : [`结尾的 ${where.wrong} 应改成 ${c}`, `the ${where.wrong} that ends it should be ${c}`];
      return {
        message: { 'zh-CN': `第 ${n} 行的${b.zh} ${hint.bracket} 没有闭合:${zhFix}。`, en: `The ${b.en} ${hint.bracket} opened on line ${n} is not closed: ${enFix}.` },
        ...(fix ? { fix: { title: { 'zh-CN': 'wrong' in where ? `改为 ${c}` : `补上 ${c}`, en: 'wrong' in where ? `Replace ${where.wrong} by ${c}` : `Close it with ${c}` }, newText: fix.newText, span: fix.span } } : {}),
      };
    }
    case 'unresolved-alias': {
      const a = `*${hint.name}`;
      const anchor = `&${hint.name}`;
      if (hint.anchorLine !== undefined)
        return {
          message: {
            'zh-CN': `别名 ${a} 引用的锚点 ${anchor} 写在它后面(第 ${hint.anchorLine} 行):别名只能引用前面已写过的锚点。请删去 ${a},直接写出数值。`,
            en: `The alias ${a} refers to the anchor ${anchor}, which comes after it (line ${hint.anchorLine}): an alias can only refer to an anchor written before it. Remove ${a} and write the value itself.`,
          },
        };
      return { message: { 'zh-CN': `别名 ${a} 没有对应的锚点 ${anchor}:请删去 ${a},直接写出数值。`, en: `The alias ${a} has no anchor ${anchor}: remove ${a} and write the value itself.` } };
    }
    case 'duplicate-key': {
      const k = hint.key;
      const [zhSeen, enSeen] =
        hint.firstLine === n
          ? [`字段 ${k} 在这一行前面已写过一次`, `The key ${k} is already written earlier on this line`]
          : hint.earlier === 1
            ? [`字段 ${k} 在第 ${hint.firstLine} 行已写过一次(这里是第 ${n} 行)`, `The key ${k} is already written on line ${hint.firstLine} (this is line ${n})`]
            : [`字段 ${k} 在前面已写过 ${hint.earlier} 次(第一次在第 ${hint.firstLine} 行,这里是第 ${n} 行)`, `The key ${k} is already written ${hint.earlier} times before (first on line ${hint.firstLine}; this is line ${n})`];
      const [zhDelete, enDelete] =
        hint.layout === 'flow'
          ? ['请删去多余的那一项', 'delete the extra entry']
          : hint.layout === 'line'
            ? ['请删去多余的一行', 'delete the extra line']
            : ['请删去多余的那一项(连同它下面缩进的各行)', 'delete the extra entry (with the indented lines below it)'];
      const [zhUsed, enUsed] = !valueRead
        ? ['', '']
        : hint.lastAlone
          ? [`现在检查用的是最后写的值(第 ${hint.lastLine} 行)。`, ` The check now uses the value written last (line ${hint.lastLine}).`]
          : ['现在检查用的是最后写的值。', ' The check now uses the value written last.'];
      return { message: { 'zh-CN': `${zhSeen};只能保留一个,${zhDelete}。${zhUsed}`, en: `${enSeen}; keep only one: ${enDelete}.${enUsed}` } };
    }
    case 'full-width-colon': {
      const text = file.text;
      const lineStart = file.positions.lineStart(n);
      const lineEnd = file.positions.lineEnd(n);
      const fixed = `${text.slice(lineStart, fix!.span[0])}${fix!.newText}${text.slice(fix!.span[1], lineEnd)}`.trim();
      return {
        message: {
          'zh-CN': `第 ${n} 行用了全角冒号“：”:字段名和值之间要用半角冒号加一个空格。应写成 \`${fixed}\`。`,
          en: `Line ${n} uses a full-width colon "：": a key and its value are separated by an ASCII colon and a space. Write \`${fixed}\`.`,
        },
        fix: { title: { 'zh-CN': '改为半角冒号“: ”', en: 'Use an ASCII colon ": "' }, newText: fix!.newText, span: fix!.span },
      };
    }
    case 'tab-indent':
      return {
        message: {
          'zh-CN': `第 ${n} 行用制表符(Tab)缩进:YAML 只能用半角空格缩进。请把制表符换成空格,与同一级的字段对齐(每级 2 个空格)。`,
          en: `Line ${n} is indented with a tab: YAML indents with spaces only. Replace the tab by spaces, aligned with the fields of the same level (2 per level).`,
        },
      };
    case 'ideographic-space-indent':
      return {
        message: {
          'zh-CN': `第 ${n} 行的缩进里有全角空格(U+3000):YAML 只能用半角空格缩进,全角空格会被当成字段名的一部分。请换成半角空格,与同一级的字段对齐(每级 2 个空格)。`,
          en: `Line ${n} is indented with a full-width space (U+3000): YAML indents with ASCII spaces only, and a full-width space is read as part of the key. Use spaces, aligned with the fields of the same level (2 per level).`,
        },
      };
    case 'unclosed-quote': {
      const q = fix!.newText;
      return {
        message: { 'zh-CN': `第 ${n} 行的引号 ${q} 没有闭合:请在这个值的末尾补上 ${q}。`, en: `The quote ${q} on line ${n} is never closed: add ${q} at the end of the value.` },
        fix: { title: { 'zh-CN': `在行末补上 ${q}`, en: `Close the quote with ${q}` }, newText: q, span: fix!.span },
      };
    }
  }
}
