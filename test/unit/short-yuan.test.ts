// The charts' axis ticks (renderer/src/overview/AmountBarChart.tsx): readable from a village's
// hundreds of yuan to a district's tens of millions, in each language's own units.
import { describe, expect, it } from 'vitest';
import { shortYuan } from '../../renderer/src/overview/AmountBarChart';

describe('axis ticks in short yuan', () => {
  it('uses 万 and 亿 in Chinese', () => {
    expect(shortYuan(950_00, 'zh')).toBe('950');
    expect(shortYuan(45_000_00, 'zh')).toBe('4.5万');
    expect(shortYuan(80_000_000_00, 'zh')).toBe('8000万');
    expect(shortYuan(120_000_000_00, 'zh')).toBe('1.2亿');
  });

  it('uses k and M in English', () => {
    expect(shortYuan(950_00, 'en')).toBe('950');
    expect(shortYuan(45_000_00, 'en')).toBe('45k');
    expect(shortYuan(1_500_000_00, 'en')).toBe('1.5M');
    expect(shortYuan(80_000_000_00, 'en')).toBe('80M');
  });
});
