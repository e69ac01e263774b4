import { describe, expect, it } from 'vitest';
import { percentile, runningStandingReference } from '../../../src/core/standing_baseline';

describe('standing baselines', () => {
  it('percentile ignores NaN and matches a sort', () => {
    const a = Float32Array.from([5, NaN, 1, 9, 3, NaN, 7]);
    expect(percentile(a, 0.5)).toBe(5);
    expect(percentile(a, 0)).toBe(1);
    expect(percentile(a, 1)).toBe(9);
    expect(percentile(new Float32Array([NaN]), 0.5)).toBeNaN();
  });
  it('running standing reference interpolates between standing runs', () => {
    const v = Float32Array.from([10, 10, 0, 0, 0, 20, 20]);
    const standing = Uint8Array.from([1, 1, 0, 0, 0, 1, 1]);
    const out = new Float32Array(7);
    runningStandingReference(v, standing, 'median', out);
    expect(out[0]).toBe(10);
    expect(out[3]).toBeCloseTo(15, 5);
    expect(out[6]).toBe(20);
  });
});
