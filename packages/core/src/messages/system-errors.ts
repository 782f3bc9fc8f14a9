/**
 * What the system errors a user meets when a file cannot be read or written mean, in words —
 * for the CLI's messages and the core's own problems (a configuration that cannot be read), so
 * neither says a bare `ENOENT`. Light on purpose (`@edunorm/core/internal/system-errors`): the
 * CLI loads it for every message it may print.
 */
import type { LocalizedText } from '../types.js';

const L = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

export const SYSTEM_ERRORS: Record<string, LocalizedText> = {
  EISDIR: L('这是一个文件夹', 'it is a folder'),
  ENOTDIR: L('路径中有一段不是文件夹', 'a part of the path is not a folder'),
  ENOENT: L('不存在(或路径中的文件夹不存在)', 'it does not exist (or a folder on the way does not)'),
  EACCES: L('没有权限', 'permission denied'),
  EPERM: L('不允许此操作', 'operation not permitted'),
  ENOSPC: L('磁盘已满', 'the disk is full'),
  EDQUOT: L('超出磁盘配额', 'the disk quota is exceeded'),
  EROFS: L('只读文件系统', 'a read-only file system'),
  EEXIST: L('已存在', 'it already exists'),
  ENAMETOOLONG: L('路径太长', 'the path is too long'),
  EBUSY: L('正被占用', 'it is busy'),
  ELOOP: L('链接层数过多(链接循环?)', 'too many links (a loop of links?)'),
  EMFILE: L('打开的文件太多', 'too many open files'),
  EXDEV: L('不能跨文件系统移动', 'it cannot be moved across file systems'),
  EIO: L('磁盘读写错误', 'an input/output error'),
  ENXIO: L('没有对应的设备或读取方(管道无人读取?)', 'no such device or reader (a pipe nobody reads?)'),
  EPIPE: L('读取方已关闭(管道断开)', 'the reader has gone (a broken pipe)'),
  ERR_STRING_TOO_LONG: L('文件太大,无法读入', 'the file is too large to read'),
};

/** What a system error code means, with the code itself (for a search or a bug report). */
export function systemErrorText(code: string): LocalizedText {
  const words = Object.hasOwn(SYSTEM_ERRORS, code) ? SYSTEM_ERRORS[code] : undefined;
  return words ? L(`${words['zh-CN']}(${code})`, `${words.en} (${code})`) : L(`系统错误 ${code}`, `system error ${code}`);
}

/**
 * Why reading or writing failed, in words: the error's own words when it has them (`text`),
 * else its system code's, else its message (the same in both languages).
 */
export function failureReason(error: unknown): LocalizedText {
  const e = error as { text?: LocalizedText; code?: unknown; message?: unknown } | null | undefined;
  if (e?.text) return e.text;
  if (typeof e?.code === 'string') return systemErrorText(e.code);
  const message = error instanceof Error ? error.message : String(error);
  return L(message, message);
}
