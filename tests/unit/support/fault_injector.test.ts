/**
 * The one-sided knee fault injector itself: it must move exactly one knee, toward the other hip,
 * by the stated amount at the deepest frame and in proportion to depth elsewhere, the same in 2D
 * and 3D, and leave everything else as the pose model saw it. Runs on a real track
 * (fixtures/tracks, our pipeline's output for a shared clip).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PoseTrack } from '../../../src/core/types';
import { injectKneeValgus, pixelsPerMetre, squatDepthCurve } from '../../support/fault_injector';
import { syntheticSquat } from '../../support/synthetic_squat';

const track = JSON.parse(readFileSync(path.resolve(__dirname, '../../../fixtures/tracks/front-two-reps-good.json'), 'utf8')) as PoseTrack;
const kp = (t: PoseTrack, i: number, name: string) => t.frames[i].keypoints!.find((k) => k.name === name)!;
const kp3 = (t: PoseTrack, i: number, name: string) => t.frames[i].keypoints3D!.find((k) => k.name === name)!;

describe('injectKneeValgus on a real track', () => {
  const { track: out, truth } = injectKneeValgus(track, { side: 'right', inward: 0.1 });

  it('moves the right knee toward the other hip, in proportion to depth, by 0.1 leg lengths at the deepest frame', () => {
    const deepest = Array.from(truth.depth).indexOf(1);
    expect(deepest).toBeGreaterThan(0);
    expect(truth.inwardM[deepest]).toBeCloseTo(0.1 * truth.legM, 6);
    expect(truth.legM).toBeGreaterThan(0.5);
    for (let i = 0; i < track.frames.length; i++) {
      if (!(truth.inwardM[i] > 0)) continue;
      expect(truth.inwardM[i] / truth.legM).toBeCloseTo(0.1 * truth.depth[i], 6);
    }
    // From the front the lifter's right knee is on the picture's left: inward is +x.
    expect(kp(out, deepest, 'right_knee').x - kp(track, deepest, 'right_knee').x).toBeGreaterThan(10);
    expect(kp(out, deepest, 'right_knee').y).toBe(kp(track, deepest, 'right_knee').y);
  });

  it('moves the 2D knee by the 3D displacement times the frame\'s pixels per metre, and the 3D knee horizontally toward the other hip', () => {
    for (let i = 0; i < track.frames.length; i += 7) {
      if (!(truth.inwardM[i] > 0)) continue;
      const d3x = kp3(out, i, 'right_knee').x - kp3(track, i, 'right_knee').x;
      const d3z = kp3(out, i, 'right_knee').z - kp3(track, i, 'right_knee').z;
      expect(Math.hypot(d3x, d3z)).toBeCloseTo(truth.inwardM[i], 6);
      expect(kp3(out, i, 'right_knee').y).toBe(kp3(track, i, 'right_knee').y);
      const towardX = kp3(track, i, 'left_hip').x - kp3(track, i, 'right_hip').x;
      expect(Math.sign(d3x)).toBe(Math.sign(towardX));
      expect(kp(out, i, 'right_knee').x - kp(track, i, 'right_knee').x).toBeCloseTo(d3x * pixelsPerMetre(track.frames[i]), 6);
    }
  });

  it('leaves the other knee, every other keypoint, standing frames and timestamps untouched', () => {
    let standingSeen = 0;
    for (let i = 0; i < track.frames.length; i++) {
      const a = track.frames[i], b = out.frames[i];
      expect(b.t).toBe(a.t);
      if (!a.keypoints) continue;
      a.keypoints.forEach((k, j) => {
        if (k.name !== 'right_knee' || !(truth.inwardM[i] > 0)) expect(b.keypoints![j]).toEqual(k);
      });
      if (truth.depth[i] === 0) {
        standingSeen++;
        expect(b).toBe(a);
      }
    }
    expect(standingSeen).toBeGreaterThan(10);
  });

  it('reads depth from the hips over the ankles: 0 standing, 1 at the lowest frame', () => {
    const d = squatDepthCurve(track);
    const finite = Array.from(d).filter(Number.isFinite);
    expect(Math.min(...finite)).toBe(0);
    expect(Math.max(...finite)).toBe(1);
  });

  it('refuses a track without keypoints3D (the fault is defined in 3D)', () => {
    expect(() => injectKneeValgus(syntheticSquat({ reps: 1 }).track, { side: 'left', inward: 0.1 })).toThrow(/keypoints3D/);
  });
});
