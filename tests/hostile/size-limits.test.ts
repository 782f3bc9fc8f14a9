import { describe, expect, it } from 'vitest';
import { check, DEFAULT_MAX_FILE_BYTES } from '../../packages/core/src/index.js';
import { DEFAULT_MAX_FULL_PARSE_LENGTH } from '../../packages/core/src/parse/parse-yaml.js';

const HEAD = 'apiVersion: edunorm/v1\nkind: Staffing\nschool: { code: "1", name: 大学校, level: junior }\nfiscalYear: 2025\nstaff:\n';
/** Staff records until the text passes `length` characters. */
function staffList(length: number, extraFirstLine = ''): string {
  const parts = [HEAD, extraFirstLine];
  let n = HEAD.length;
  for (let i = 0; n <= length; i++) {
    const record = `  - { id: T${i}, name: 教师${i}, role: teacher, trainingHours5y: ${i === 7 ? 100 : 400} }\n`;
    parts.push(record);
    n += record.length;
  }
  return parts.join('');
}

describe('size limits: plain files are read up to 16 MiB, files needing the full YAML parser up to 2 Mi characters', () => {
  it('a plain 2.5 Mi-character staff list takes the fast path and is checked', async () => {
    const text = staffList(DEFAULT_MAX_FULL_PARSE_LENGTH + 512 * 1024);
    expect(Buffer.byteLength(text)).toBeLessThan(DEFAULT_MAX_FILE_BYTES);
    const r = await check(text, { locale: 'en' });
    expect(r.findings.map((f) => `${f.ruleId}@${f.range.start.line}`)).toEqual(['teacher-training-hours@13']);
  });

  it('the same list with one YAML anchor needs the full parser: refused with file/too-large, saying why', async () => {
    const text = staffList(DEFAULT_MAX_FULL_PARSE_LENGTH + 512 * 1024, '  - &first { id: T-1, name: 甲, role: teacher }\n');
    const r = await check(text, { locale: 'en' });
    expect(r.findings.map((f) => f.ruleId)).toEqual(['file/too-large']);
    expect(r.findings[0]!.message).toContain('needs the full parser');
    const zh = await check(text, { locale: 'zh-CN' });
    expect(zh.findings[0]!.message).toContain('需要完整 YAML 解析');
  });

  it('below the full-parse limit the anchored list is parsed by yaml and checked', async () => {
    const text = staffList(64 * 1024, '  - &first { id: T-1, name: 甲, role: teacher }\n');
    const r = await check(text, { locale: 'en' });
    expect(r.findings.map((f) => f.ruleId)).toEqual(['teacher-training-hours']);
  });
});
