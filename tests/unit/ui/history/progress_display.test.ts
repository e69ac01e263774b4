import { describe, expect, it } from 'vitest';
import { formatProgressChange, formatProgressValue, progressChartData } from '../../../../src/ui/history/progress_display';
import type { Trend } from '../../../../src/store/history_trends';

describe('progress display', () => {
  it('shows values in the unit the report uses, and changes with a sign only when not zero', () => {
    expect(formatProgressValue('heelLift', 0.054)).toBe('5 % foot');
    expect(formatProgressChange('heelLift', -0.031)).toBe('−3 % foot');
    expect(formatProgressChange('heelLift', 0.031)).toBe('+3 % foot');
    expect(formatProgressChange('heelLift', 0.002)).toBe('0 % foot');
    expect(formatProgressChange('heelLift', -0.002)).toBe('0 % foot');
    expect(formatProgressChange('kneeValgusDeg', 4.4)).toBe('+4°');
    expect(formatProgressChange('tempo', -0.25)).toBe('−0.3 s');
    expect(formatProgressValue('reps', 5)).toBe('5');
  });

  it('chart data: seconds on x, each side scaled for display, gaps where a side was not measured', () => {
    const trend = {
      metric: { id: 'heelLift', sided: true },
      sides: ['left', 'right'],
      points: [
        { sessionId: 'a', t: 1_000_000, name: 'a', note: '', view: 'side', values: { right: { value: 0.02, worst: 0.02, confidence: 1, reps: 1 } } },
        { sessionId: 'b', t: 2_000_000, name: 'b', note: '', view: 'front', values: { left: { value: 0.1, worst: 0.1, confidence: 1, reps: 1 }, right: { value: 0.03, worst: 0.03, confidence: 1, reps: 1 } } },
      ],
      excluded: [],
      views: ['side', 'front'],
      sinceLast: {},
      sinceFirst: {},
    } as unknown as Trend;
    const { data, sides } = progressChartData(trend);
    expect(sides).toEqual(['left', 'right']);
    expect(data[0]).toEqual([1000, 2000]);
    expect(data[1]).toEqual([null, 10]);
    expect(data[2]![0]).toBeCloseTo(2, 9);
    expect(data[2]![1]).toBeCloseTo(3, 9);
  });
});
