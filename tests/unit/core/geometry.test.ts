import { describe, expect, it } from 'vitest';
import { bendAngleDeg, signedOffsetFromLine } from '../../../src/core/geometry';

describe('geometry', () => {
  it('signed offset and bend angle', () => {
    // Vertical line x = 0 from (0, 0) up to (0, 10); a point at x = 2 is +2 toward +x.
    expect(signedOffsetFromLine(2, 5, 0, 0, 0, 10, 1)).toBeCloseTo(2, 6);
    expect(signedOffsetFromLine(2, 5, 0, 0, 0, 10, -1)).toBeCloseTo(-2, 6);
    expect(signedOffsetFromLine(2, 5, 0, 10, 0, 0, 1)).toBeCloseTo(2, 6);
    expect(bendAngleDeg(0, 10, 0, 0, 0, -10)).toBeCloseTo(0, 6);
    expect(bendAngleDeg(0, 10, 0, 0, 10, 0)).toBeCloseTo(90, 6);
  });
});
