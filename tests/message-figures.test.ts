/**
 * norms.md "Messages, every rule": a figure is never rounded onto its threshold, a shortfall
 * never prints as 0, yuan shortfalls to the yuan (fen under 1 yuan), points to 3 decimals.
 */
import { describe, expect, it } from 'vitest';
import { fillTemplate } from '../packages/core/src/messages/format.js';

describe('fillTemplate figures', () => {
  it('prints enough decimals for a share just below its threshold to differ from it', () => {
    expect(fillTemplate('占公用经费 {ratio|pct},低于 {minShare|pct}', { ratio: 199998 / 4000000, minShare: 0.05 })).toBe('占公用经费 4.99995%,低于 5%');
    expect(fillTemplate('{actual|pct} < {min|pct}', { actual: 0.97439, min: 0.9744 })).toBe('97.439% < 97.44%');
    expect(fillTemplate('{actual|yuan} < {min|yuan}', { actual: 199999.996, min: 200000 })).toBe('199,999.996 < 200,000');
    expect(fillTemplate('1:{actual|num} > 1:{max|num}', { actual: 2.0000004, max: 2 })).toBe('1:2.0000004 > 1:2');
  });

  it('treats floating-point noise as the same figure (0.973 + 0.007 × 1/5 is 97.44%)', () => {
    expect(fillTemplate('{actual|pct} / {min|pct}', { actual: 0.9744, min: 0.973 + (0.007 * 1) / 5 })).toBe('97.44% / 97.44%');
  });

  it('never prints a shortfall as 0', () => {
    expect(fillTemplate('差 {deviation|points} 个百分点', { deviation: 0.0000004 })).toBe('差不足 0.001 个百分点');
    expect(fillTemplate('{deviation|points} points', { deviation: 0.0000004 }, 'en')).toBe('less than 0.001 points');
    expect(fillTemplate('差 {deviation|yuan} 元', { deviation: 0.004 })).toBe('差不足 0.01 元');
    expect(fillTemplate('差 {deviation|num} 学时', { deviation: 0.0001 })).toBe('差不足 0.001 学时');
    expect(fillTemplate('差 {deviation|int} 人', { deviation: 0.2 })).toBe('差不足 1 人');
  });

  it('prints yuan shortfalls to the yuan, fen under 1 yuan, and points to at most 3 decimals', () => {
    expect(fillTemplate('差 {deviation|yuan} 元', { deviation: 8857.142857 })).toBe('差 8,857 元');
    expect(fillTemplate('差 {deviation|yuan} 元', { deviation: 0.456 })).toBe('差 0.46 元');
    expect(fillTemplate('差 {deviation|points} 个百分点', { deviation: 0.0123456 })).toBe('差 1.235 个百分点');
    expect(fillTemplate('差 {deviation|points} 个百分点', { deviation: 0.005 })).toBe('差 0.5 个百分点');
    expect(fillTemplate('平均 {actual|yuan} 元', { actual: 87142.857142 })).toBe('平均 87,142.86 元');
  });
});

describe('fillTemplate spaces in Chinese', () => {
  it('drops a template space between Chinese text and a value that is Chinese at that side', () => {
    expect(fillTemplate('属于 {district.name}(130925)', { district: { name: '某县' } })).toBe('属于某县(130925)');
    expect(fillTemplate('{name} 预算文档', { name: '第八中学' })).toBe('第八中学预算文档');
    // A full-width sign counts as Chinese: no space before 「 or after ) either.
    expect(fillTemplate('见 {name} 说明', { name: '「附表」' })).toBe('见「附表」说明');
  });

  it('keeps the space beside figures, Latin names, and in English', () => {
    expect(fillTemplate('差 {deviation|yuan} 元', { deviation: 12 })).toBe('差 12 元');
    expect(fillTemplate('属于 {name} 的学校', { name: 'ABC County' })).toBe('属于 ABC County 的学校');
    expect(fillTemplate('{name} {year} 年度', { name: '某县', year: 2025 })).toBe('某县 2025 年度');
    expect(fillTemplate('in {name} county', { name: '某县' }, 'en')).toBe('in 某县 county');
    // A space the writer typed inside a value is theirs: only the template's own goes.
    expect(fillTemplate('属于 {name}', { name: '某 县' })).toBe('属于某 县');
    expect(fillTemplate('{a}{b}', { a: '某 ', b: '县' })).toBe('某 县');
    expect(fillTemplate('{a} 的', { a: '县 ' })).toBe('县  的');
  });

  it('no zh-CN message, hint or related-location template of the built-in pack puts a space between two Chinese characters', async () => {
    const { builtinPack } = await import('../packages/core/src/builtin-pack.js');
    const bad: string[] = [];
    const visit = (value: unknown, where: string): void => {
      if (typeof value === 'string') return;
      if (Array.isArray(value)) return value.forEach((v, i) => visit(v, `${where}[${i}]`));
      if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) {
          if (k === 'tests' || k === 'citation') continue; // documents and the plan's own words
          if (k === 'zh-CN' && typeof v === 'string' && /[\u3400-\u9fff\uff00-\uffef\u3000-\u303f] +[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]/.test(v)) bad.push(`${where}: ${v}`);
          else visit(v, `${where}.${k}`);
        }
      }
    };
    for (const rule of builtinPack().rules) visit(rule, rule.id);
    expect(bad).toEqual([]);
  });
});
