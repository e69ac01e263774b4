import { describe, expect, it } from 'vitest';
import { repAsymmetry, symmetryIndex } from '../../../../src/core/asymmetry';
import type { MetricPeaks } from '../../../../src/core/reps/rep_peaks';

/** Per-rep peaks of one sided metric, as computeRepPeaks would return them. */
function peaks(metric: string, left: (number | null)[], right: (number | null)[], confidence = 0.9): MetricPeaks[] {
  return left.map((l, i) => ({
    [metric]: {
      left: l === null ? null : { value: l, t: i, frame: i, confidence },
      right: right[i] === null ? null : { value: right[i]!, t: i, frame: i, confidence },
    },
  })) as MetricPeaks[];
}

describe('symmetry index (Bishop 2016)', () => {
  it('is |R - L| / mean x 100', () => {
    expect(symmetryIndex(10, 12, 0)).toBeCloseTo((2 / 11) * 100, 10);
    expect(symmetryIndex(0, 10, 0)).toBeCloseTo(200, 10);
  });
  it('is null when the mean is below the floor or values are not finite', () => {
    expect(symmetryIndex(0.1, 0.3, 5)).toBeNull();
    expect(symmetryIndex(NaN, 3, 0)).toBeNull();
  });
});

describe('repAsymmetry', () => {
  const front = ['front', 'front', 'front', 'front', 'front'] as const;

  it('is real when the mean difference exceeds both sides\' rep-to-rep SD and the floor', () => {
    const a = repAsymmetry('kneeValgusDeg', peaks('kneeValgusDeg', [12, 14, 13, 15, 12], [3, 4, 2, 5, 3]), front);
    expect(a.beyondVariation).toBe(true);
    expect(a.worseSide).toBe('left');
    expect(a.meanDifference).toBeCloseTo(9.8, 6);
  });

  it('is not real when one side varies more than the difference', () => {
    const a = repAsymmetry('kneeValgusDeg', peaks('kneeValgusDeg', [2, 20, 5, 18, 4], [3, 4, 2, 5, 3]), front);
    expect(a.beyondVariation).toBe(false);
  });

  it('is not real below the floor even with zero variation (exact input)', () => {
    const a = repAsymmetry('kneeValgusDeg', peaks('kneeValgusDeg', [4, 4, 4], [1, 1, 1]), ['front', 'front', 'front']);
    expect(a.beyondVariation).toBe(false); // 3 deg < 5 deg floor
  });

  it('needs three reps from a fair view', () => {
    expect(repAsymmetry('kneeValgusDeg', peaks('kneeValgusDeg', [12, 14], [2, 3]), ['front', 'front']).beyondVariation).toBe(false);
    expect(repAsymmetry('kneeValgusDeg', peaks('kneeValgusDeg', [12, 14, 13], [2, 3, 2]), ['oblique', 'oblique', 'oblique']).beyondVariation).toBe(false);
    expect(repAsymmetry('kneeValgusDeg', peaks('kneeValgusDeg', [12, 14, 13], [2, 3, 2]), ['front', 'front', 'front']).beyondVariation).toBe(true);
  });

  it('reads "worse" the right way for metrics where less is worse', () => {
    const a = repAsymmetry('shinAngleDeg', peaks('shinAngleDeg', [20, 21, 20], [30, 31, 30]));
    expect(a.worseSide).toBe('left');
  });

  it('ignores sides seen with less than flag confidence', () => {
    const a = repAsymmetry('heelLift', peaks('heelLift', [0.3, 0.3, 0.3], [0, 0, 0], 0.4), ['front', 'front', 'front']);
    expect(a.left).toEqual([null, null, null]);
    expect(a.beyondVariation).toBe(false);
  });
});
