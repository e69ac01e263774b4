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
    const a = repAsymmetry('kneeDrift', peaks('kneeDrift', [0.12, 0.14, 0.13, 0.15, 0.12], [0.03, 0.04, 0.02, 0.05, 0.03]), front);
    expect(a.beyondVariation).toBe(true);
    expect(a.worseSide).toBe('left');
    expect(a.meanDifference).toBeCloseTo(0.098, 6);
  });

  it('is not real when one side varies more than the difference', () => {
    const a = repAsymmetry('kneeDrift', peaks('kneeDrift', [0.02, 0.2, 0.05, 0.18, 0.04], [0.03, 0.04, 0.02, 0.05, 0.03]), front);
    expect(a.beyondVariation).toBe(false);
  });

  it('is not real below the floor even with zero variation (exact input)', () => {
    const a = repAsymmetry('kneeDrift', peaks('kneeDrift', [0.04, 0.04, 0.04], [0.01, 0.01, 0.01]), ['front', 'front', 'front']);
    expect(a.beyondVariation).toBe(false); // 0.03 < 0.07 leg lengths
  });

  it('reports a clear difference on one or two reps, from a fair view only, with the confidence the rep count allows', () => {
    const noise = { left: 0.01, right: 0.01 };
    const one = repAsymmetry('kneeDrift', peaks('kneeDrift', [0.12], [0.02]), ['front'], noise);
    expect(one.beyondVariation).toBe(true);
    expect(one.confidence).toBeCloseTo(0.3, 6);
    const two = repAsymmetry('kneeDrift', peaks('kneeDrift', [0.12, 0.14], [0.02, 0.03]), ['front', 'front'], noise);
    expect(two.beyondVariation).toBe(true);
    expect(two.confidence).toBeCloseTo(0.6, 6);
    // Heel lift is compared from the front only (the far foot is hidden at 45 degrees).
    expect(repAsymmetry('heelLift', peaks('heelLift', [0.2, 0.2], [0, 0]), ['oblique', 'oblique'], noise).beyondVariation).toBe(false);
    // Knee drift from 45 degrees, above its larger 45-degree floor (perspective).
    expect(repAsymmetry('kneeDrift', peaks('kneeDrift', [0.12, 0.14], [0.02, 0.03]), ['oblique', 'oblique'], noise).beyondVariation).toBe(false);
    expect(repAsymmetry('kneeDrift', peaks('kneeDrift', [0.2, 0.21], [0.01, 0.02]), ['oblique', 'oblique'], noise).beyondVariation).toBe(true);
  });

  it('does not report a one-rep difference inside 3 SD of the standing keypoint noise', () => {
    expect(repAsymmetry('kneeDrift', peaks('kneeDrift', [0.15], [0.05]), ['front'], { left: 0.03, right: 0.03 }).beyondVariation).toBe(false);
    expect(repAsymmetry('kneeDrift', peaks('kneeDrift', [0.15], [0.05]), ['front'], { left: 0.01, right: 0.01 }).beyondVariation).toBe(true);
  });

  it('does not report a difference under the metric\'s bias floor however many reps agree (a bias is not noise)', () => {
    const a = repAsymmetry('kneeDrift', peaks('kneeDrift', [0.06, 0.06, 0.06, 0.06, 0.06, 0.06], [0, 0, 0, 0, 0, 0]), ['front', 'front', 'front', 'front', 'front', 'front'], { left: 0, right: 0 });
    expect(a.beyondVariation).toBe(false); // 0.06 < 0.07 leg lengths
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
