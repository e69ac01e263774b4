import { describe, expect, it } from 'vitest';
import { detectTrend, spearman, spearmanCritical } from '../../../../src/core/findings';

describe('fatigue trend (Spearman, Zar 1972 critical values)', () => {
  it('computes Spearman rho with ties', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1, 10);
    expect(spearman([1, 2, 3, 4], [40, 30, 20, 10])).toBeCloseTo(-1, 10);
    expect(spearman([1, 2, 3, 4, 5], [1, 2, 2, 3, 5])).toBeCloseTo(0.9747, 3);
  });
  it('uses the one-sided 5 % critical values', () => {
    expect(spearmanCritical(3)).toBeNull();
    expect(spearmanCritical(6)).toBe(0.829);
    expect(spearmanCritical(30)).toBeCloseTo(1.645 / Math.sqrt(29), 10);
  });
  it('calls steady growth fatigue, and not noise or a tiny drift', () => {
    expect(detectTrend([2, 5, 8, 11, 14, 17], 'up', 5)!.growing).toBe(true);
    expect(detectTrend([9, 12, 8, 13, 10, 11], 'up', 5)!.growing).toBe(false);
    expect(detectTrend([10, 10.2, 10.4, 10.6, 10.8, 11], 'up', 5)!.growing).toBe(false);
    expect(detectTrend([0, -5, -10, -15], 'down', 5)!.growing).toBe(true);
    expect(detectTrend([1, 2, 3], 'up', 0)).toBeNull();
  });
});
