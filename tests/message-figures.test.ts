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
    expect(fillTemplate('差 {deviation|points} 个百分点', { deviation: 0.0000004 })).toBe('差 不足 0.001 个百分点');
    expect(fillTemplate('{deviation|points} points', { deviation: 0.0000004 }, 'en')).toBe('less than 0.001 points');
    expect(fillTemplate('差 {deviation|yuan} 元', { deviation: 0.004 })).toBe('差 不足 0.01 元');
    expect(fillTemplate('差 {deviation|num} 学时', { deviation: 0.0001 })).toBe('差 不足 0.001 学时');
    expect(fillTemplate('差 {deviation|int} 人', { deviation: 0.2 })).toBe('差 不足 1 人');
  });

  it('prints yuan shortfalls to the yuan, fen under 1 yuan, and points to at most 3 decimals', () => {
    expect(fillTemplate('差 {deviation|yuan} 元', { deviation: 8857.142857 })).toBe('差 8,857 元');
    expect(fillTemplate('差 {deviation|yuan} 元', { deviation: 0.456 })).toBe('差 0.46 元');
    expect(fillTemplate('差 {deviation|points} 个百分点', { deviation: 0.0123456 })).toBe('差 1.235 个百分点');
    expect(fillTemplate('差 {deviation|points} 个百分点', { deviation: 0.005 })).toBe('差 0.5 个百分点');
    expect(fillTemplate('平均 {actual|yuan} 元', { actual: 87142.857142 })).toBe('平均 87,142.86 元');
  });
});
