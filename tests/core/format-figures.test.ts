/**
 * How figures print in messages (messages/format.ts): thousands separators for yuan and
 * percentages, at most the format's decimals with trailing zeros dropped, no "-0". Whole
 * numbers take a shorter path than fractions; both must print what the plan's readers expect.
 */
import { describe, expect, it } from 'vitest';
import { fillTemplate, formatNumber, formatPercent, formatValue, formatYuan } from '../../packages/core/src/messages/format.js';

/** "1234" → "1,234", written out here so the expectation does not reuse the code under test. */
const groupedDigits = (digits: string) => digits.replace(/\B(?=(\d{3})+$)/g, ',');

describe('figures in messages', () => {
  it('yuan: thousands separated, at most two decimals, whole and fractional alike', () => {
    const cases: [number, string][] = [
      [0, '0'],
      [7, '7'],
      [100, '100'],
      [999, '999'],
      [1000, '1,000'],
      [4800000, '4,800,000'],
      [123456789, '123,456,789'],
      [1234.5, '1,234.5'],
      [1234.567, '1,234.57'],
      [999999.995, '1,000,000'],
      [0.5, '0.5'],
      [-1234.5, '-1,234.5'],
      [-0.001, '0'],
      [-0, '0'],
      [-2500, '-2,500'],
      // Past 2^53 the digits are the binary value's, as toFixed prints them (not the shortest form).
      [9007199254740994, '9,007,199,254,740,994'],
      [123456789012345680000, '123,456,789,012,345,683,968'],
      [1e20, '100,000,000,000,000,000,000'],
      // From 1e21 too (outside review: 1e21 printed as 999,999,999,999,999,868,928, 1e22 as 1e+22).
      [1e21, '1,000,000,000,000,000,000,000'],
      [1e22, '10,000,000,000,000,000,000,000'],
      [-1e21, '-1,000,000,000,000,000,000,000'],
      [2 ** 70, '1,180,591,620,717,411,303,424'],
      [1e21 + 2 ** 17, '1,000,000,000,000,000,131,072'],
      [Number.MAX_VALUE, groupedDigits(BigInt(Number.MAX_VALUE).toString())],
    ];
    for (const [value, text] of cases) expect(formatYuan(value), String(value)).toBe(text);
  });

  it('a whole number of 1e21 or more keeps its exact digits in every format', () => {
    expect(formatNumber(1e21)).toBe('1000000000000000000000');
    expect(formatNumber(-1e22)).toBe('-10000000000000000000000');
    expect(formatPercent(1e19)).toBe('1,000,000,000,000,000,000,000%');
    expect(formatValue(1e21, 'int')).toBe('1000000000000000000000');
    expect(formatValue(1e21, 'yuan')).toBe('1,000,000,000,000,000,000,000');
    expect(formatValue(2 ** 70, 'points')).toBe('118059162071741130342400');
    // Below 1e21 a whole number prints as before (String's digits for int).
    expect(formatValue(123456789012345680000, 'int')).toBe('123456789012345680000');
    expect(fillTemplate('{a|yuan}', { a: 1e21 })).toBe('1,000,000,000,000,000,000,000');
  });

  it('percent, plain numbers and whole numbers', () => {
    expect(formatPercent(0.05)).toBe('5%');
    expect(formatPercent(0.0375)).toBe('3.75%');
    expect(formatPercent(12.5)).toBe('1,250%');
    expect(formatNumber(1.5)).toBe('1.5');
    expect(formatNumber(1234567)).toBe('1234567');
    expect(formatNumber(123456789012345680000)).toBe('123456789012345683968');
    expect(formatNumber(2 / 3)).toBe('0.667');
    expect(formatValue(3.6, 'int')).toBe('4');
  });

  it('a message with several figures of one format: each its own', () => {
    expect(fillTemplate('{a|yuan} / {b|yuan} = {r|pct}', { a: 240000, b: 4800000, r: 0.05 })).toBe('240,000 / 4,800,000 = 5%');
  });
});
