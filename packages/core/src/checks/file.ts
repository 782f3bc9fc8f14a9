/**
 * file/*: the file as a whole could not be checked, or only partly (unreadable, too large, not
 * UTF-8, too many findings). The findings are made here so that the CLI, the language server
 * and check() word them alike.
 */
import { TextPositions } from '../parse/text-positions.js';
import { pick } from '../messages/format.js';
import { systemErrorText } from '../messages/system-errors.js';
import type { Finding, Locale, LocalizedText } from '../types.js';
import { defineChecks, t } from './define.js';

export const FILE_CHECKS = defineChecks('packages/core/src/checks/file.ts', {
  'file/unreadable': {
    severity: 'error',
    title: t('文件无法读取', 'File cannot be read'),
    docs: {
      explanation: t('命令行无法读取这个文件(权限不足、文件被删除等),文件没有被检查。', 'The command line could not read the file (no permission, deleted meanwhile), so it was not checked.'),
      fix: t('检查文件权限和路径。', 'Check the file\'s permissions and path.'),
      situation: t('由 edunorm check 在读取文件或列出文件夹失败时报告,例如 EACCES(无权限)、ENAMETOOLONG(路径超过系统上限);无法列出的文件夹报告在该文件夹上。', 'Reported by edunorm check when reading a file or listing a folder fails, e.g. EACCES (permission denied) or ENAMETOOLONG (a path past the system limit); a folder that cannot be listed is reported on the folder.'),
    },
  },
  'file/too-large': {
    severity: 'error',
    title: t('文件超过大小上限,未检查', 'File above the size limit, not checked'),
    docs: {
      explanation: t('文件超过大小上限,为避免耗尽内存没有检查:任何文件上限 16 MiB;使用了需要完整 YAML 解析的写法(锚点 &/*、多行文本 |、制表符缩进等)的文件上限 2 MiB。真实的报送文件远小于此(20,000 人的名单约 3.7 MB)。', 'The file is above a size limit and was not checked, to protect memory: 16 MiB for any file; 2 MiB for a file that uses YAML needing the full parser (anchors &/*, block text |, tab indentation). Real submissions are far smaller (a 20,000-person staff list is about 3.7 MB).'),
      fix: t('按学校拆分成多个文件;确有需要时调高大小上限。', 'Split the file, one school per file; raise the size limit only if you must.'),
      situation: t('读取文件前按字节数判断,例如一个 12 MiB 的导出文件。', 'Decided from the file\'s size before it is read, e.g. a 12 MiB export.'),
    },
  },
  'file/too-many-findings': {
    severity: 'error',
    title: t('问题过多,其余未列出', 'Too many findings; the rest are not listed'),
    docs: {
      explanation: t('一个文件的问题数超过上限,其余问题没有逐条列出,只报告大约还有多少个。通常是整个文件的格式有系统性错误(例如所有金额都带了逗号)。', 'A file has more findings than the limit; the rest are not listed one by one, only counted. Usually the whole file shares one systematic mistake (every amount written with commas, say).'),
      fix: t('先修正已列出的问题(往往是同一种错误),再重新检查。', 'Fix the listed findings first (often one mistake repeated), then check again.'),
      situation: t('在同一个文件的问题超过每个文件的上限(默认 10,000 个)时出现。', 'Appears when one file has more findings than the per-file limit (10,000 by default).'),
    },
  },
  'file/encoding': {
    severity: 'error',
    title: t('文件不是 UTF-8 编码', 'File is not UTF-8 encoded'),
    docs: {
      explanation: t('文件不是 UTF-8 编码(例如用 Excel 或记事本另存为 GBK/GB2312),中文会读成乱码,检查结果不可信。', 'The file is not UTF-8 encoded (e.g. saved as GBK/GB2312 by Excel or Notepad); its Chinese text would read as garbage, so no check of it can be trusted.'),
      fix: t('在编辑器中以 UTF-8 编码重新保存文件(VS Code:右下角编码 → 通过编码保存 → UTF-8)。', 'Save the file again as UTF-8 (VS Code: the encoding in the status bar → Save with Encoding → UTF-8).'),
      situation: t('读取文件时发现不是合法的 UTF-8 字节序列,例如 GBK 编码的“第八中学”。', 'Found when the file\'s bytes are not valid UTF-8, e.g. 第八中学 encoded in GBK.'),
    },
  },
});

const ORIGIN = { line: 1, column: 1, offset: 0 } as const;

/** A finding on the whole file, shown at its start (line 1, column 1). */
function atStart(ruleId: keyof typeof FILE_CHECKS, message: LocalizedText, locale: Locale): Finding {
  return { ruleId, severity: FILE_CHECKS[ruleId].severity, message: pick(message, locale), range: { start: { ...ORIGIN }, end: { ...ORIGIN } }, documentIndex: 0, path: '' };
}

const size = (n: number) => (n >= 1048576 ? `${(n / 1048576).toFixed(1)} MiB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${n} B`);

/**
 * The finding for a file above the size limit (also used by the CLI, which does not read such a
 * file). `raise`: how this tool raises the limit, said after the advice to split — only a tool
 * that has a way (the CLI's option); the page and the editor have none and must not suggest one.
 */
export function fileTooLargeFinding(bytes: number, limit: number, locale: Locale, raise?: LocalizedText): Finding {
  return atStart(
    'file/too-large',
    t(
      `文件大小 ${size(bytes)}(${bytes} 字节),超过上限 ${size(limit)},未检查。请按学校拆分成多个文件${raise ? `,${raise['zh-CN']}` : ''}。`,
      `This file is ${size(bytes)} (${bytes} bytes), above the limit of ${size(limit)}; it was not checked. Split it (one school per file)${raise ? `, ${raise.en}` : ''}.`,
    ),
    locale,
  );
}

/** `file/too-large` from the YAML reader: a text that needs the full parser, above its limit (`detail`: "size/limit" in characters). */
export function fullParseTooLargeMessage(detail: string): LocalizedText {
  const [chars, limit] = detail.split('/').map((n) => `${(Number(n) / 1048576).toFixed(1)} MiB`);
  return t(
    `此文件 ${chars} 字符,且使用了需要完整 YAML 解析的写法(如锚点 &/*、多行文本 |、制表符缩进),这类文件的上限为 ${limit},未检查。请改用普通的“字段: 值”写法,或按学校拆分文件。`,
    `This file has ${chars} characters and uses YAML that needs the full parser (anchors &/*, block text |, tab indentation); such files are limited to ${limit} and it was not checked. Write plain key: value lines, or split it by school.`,
  );
}

/** One finding for the findings of a file beyond the limit. */
export function tooManyFindingsFinding(omitted: number, max: number, locale: Locale): Finding {
  return atStart(
    'file/too-many-findings',
    t(
      `此文件问题过多:另有约 ${omitted} 个问题未列出(每个文件最多列出 ${max} 个)。请先修正已列出的问题。`,
      `Too many findings: about ${omitted} more are not listed (at most ${max} per file). Fix the listed ones first.`,
    ),
    locale,
  );
}

/**
 * A file that cannot be opened or read (`reason`: an errno code such as EACCES, `not a regular
 * file` or `dangling link`), worded alike by the CLI and the language server.
 */
export function fileUnreadableFinding(reason: string, locale: Locale, what: 'file' | 'folder' = 'file'): Finding {
  // A system code in words with the code itself (`没有权限(EACCES)`), as every message about a file says it.
  const shown =
    reason === 'not a regular file'
      ? t('不是普通文件', 'not a regular file')
      : reason === 'dangling link'
        ? t('这是一个链接,它指向的文件不存在', 'it is a link to a file that does not exist')
        : /^E[A-Z]+$|^ERR_/.test(reason)
          ? systemErrorText(reason)
          : t(reason, reason);
  // A folder the CLI's walk could not list (EACCES, a path past PATH_MAX): its files are unknown.
  if (what === 'folder') {
    return atStart('file/unreadable', t(`无法读取此文件夹:${shown['zh-CN']}。其中的文件都未检查。`, `This folder cannot be read: ${shown.en}. None of its files was checked.`), locale);
  }
  return atStart('file/unreadable', t(`无法读取此文件:${shown['zh-CN']}。未检查。`, `This file cannot be read: ${shown.en}. It was not checked.`), locale);
}

/** Bytes that are not UTF-8, at the first character that could not be decoded (`offset` into the decoded text). */
export function fileEncodingFinding(text: string, offset: number, locale: Locale): Finding {
  const range = new TextPositions(text).range(offset, Math.min(text.length, offset + 1));
  return {
    ruleId: 'file/encoding',
    severity: FILE_CHECKS['file/encoding'].severity,
    message: pick(
      t(
        '此文件不是 UTF-8 编码(可能是 GBK/ANSI),从这里开始的文字无法正确读取(如姓名、学校名称)。请在编辑器中以 UTF-8 编码重新保存。',
        'This file is not UTF-8 (perhaps GBK/ANSI); text from here on cannot be read correctly (names, school names). Save it again as UTF-8.',
      ),
      locale,
    ),
    range,
    documentIndex: 0,
    path: '',
  };
}
