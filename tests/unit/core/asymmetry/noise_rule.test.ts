import { describe, expect, it } from 'vitest';
import { asymmetryByNoise } from '../../../../src/core/asymmetry/noise_rule';

const pair = (l: number, r: number, c = 0.9) => ({ left: { value: l, confidence: c }, right: { value: r, confidence: c } });

describe('asymmetryByNoise', () => {
  it('reports a one-rep difference far above keypoint noise and the bias floor, at a third of the confidence', () => {
    const a = asymmetryByNoise({ pairs: [pair(0.15, -0.05)], noise: { left: 0.01, right: 0.01 }, floor: 0.07 })!;
    expect(a.real).toBe(true);
    expect(a.meanDifference).toBeCloseTo(0.2, 9);
    expect(a.confidence).toBeCloseTo(0.3, 9);
  });

  it('does not report a difference inside 3 SD of the standing noise, however consistent', () => {
    const a = asymmetryByNoise({ pairs: [pair(0.1, 0.02), pair(0.1, 0.02)], noise: { left: 0.05, right: 0.05 }, floor: 0.01 })!;
    // 3 x sqrt(0.05^2 + 0.05^2) / sqrt(2) = 0.15 > 0.08
    expect(a.noiseThreshold).toBeCloseTo(0.15, 9);
    expect(a.real).toBe(false);
  });

  it('does not report a difference below the bias floor even with no noise (the model bias is not averaged away)', () => {
    const a = asymmetryByNoise({ pairs: [pair(0.05, 0), pair(0.05, 0), pair(0.05, 0), pair(0.05, 0)], noise: { left: 0, right: 0 }, floor: 0.07 })!;
    expect(a.real).toBe(false);
  });

  it('with three reps or more also needs the difference above each side\'s rep-to-rep SD', () => {
    const noisy = asymmetryByNoise({ pairs: [pair(0.3, 0), pair(-0.1, 0), pair(0.3, 0)], noise: { left: 0.01, right: 0.01 }, floor: 0.07 })!;
    expect(noisy.meanDifference).toBeCloseTo(0.1667, 3);
    expect(noisy.real).toBe(false); // left's SD across reps is 0.23
    const steady = asymmetryByNoise({ pairs: [pair(0.2, 0), pair(0.22, 0.01), pair(0.19, 0)], noise: { left: 0.01, right: 0.01 }, floor: 0.07 })!;
    expect(steady.real).toBe(true);
    expect(steady.confidence).toBeCloseTo(0.9, 9);
  });

  it('halves the confidence when the standing noise is unknown and decides on the floor alone', () => {
    const a = asymmetryByNoise({ pairs: [pair(0.2, 0)], noise: null, floor: 0.07 })!;
    expect(a.real).toBe(true);
    expect(a.confidence).toBeCloseTo(0.15, 9);
  });
});
