import * as poseDetection from '@tensorflow-models/pose-detection';
import { describe, expect, it } from 'vitest';
import { BLAZEPOSE_EDGES, BLAZEPOSE_EDGE_NAMES } from '../../../src/pose/skeleton';

describe('BLAZEPOSE_EDGES', () => {
  it("has the same bones as pose-detection's own BlazePose pairs", () => {
    const key = ([a, b]: readonly [number, number]) => `${Math.min(a, b)}-${Math.max(a, b)}`;
    const theirs = new Set(poseDetection.util.getAdjacentPairs(poseDetection.SupportedModels.BlazePose).map((p) => key(p as [number, number])));
    expect(new Set(BLAZEPOSE_EDGES.map(key))).toEqual(theirs);
  });

  it('joins heel and toe on each foot (needed for heel-lift drawing)', () => {
    const names = BLAZEPOSE_EDGE_NAMES.map(([a, b]) => `${a}-${b}`);
    expect(names).toContain('left_heel-left_foot_index');
    expect(names).toContain('right_ankle-right_heel');
  });
});
