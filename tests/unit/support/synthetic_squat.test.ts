import { describe, expect, it } from 'vitest';
import { syntheticSquat } from '../../support/synthetic_squat';

const kp = (f: { keypoints: { name: string; x: number; y: number }[] | null }, name: string) =>
  f.keypoints!.find((k) => k.name === name)!;

describe('syntheticSquat (test support)', () => {
  it('is deterministic for a seed and differs across seeds when noisy', () => {
    const a = syntheticSquat({ noisePx: 2, seed: 7 });
    const b = syntheticSquat({ noisePx: 2, seed: 7 });
    const c = syntheticSquat({ noisePx: 2, seed: 8 });
    expect(a.track).toEqual(b.track);
    expect(a.track).not.toEqual(c.track);
  });

  it('lays out the reps on the timeline and emits 33 keypoints per frame', () => {
    const { track, truth } = syntheticSquat({ reps: 2, fps: 30, standS: 1, descentS: 1, bottomS: 0.5, ascentS: 1, pauseS: 1 });
    expect(truth.reps).toEqual([
      { start: 1, bottom: 2, ascentStart: 2.5, end: 3.5 },
      { start: 4.5, bottom: 5.5, ascentStart: 6, end: 7 },
    ]);
    expect(track.frames.length).toBe(8 * 30 + 1);
    expect(track.frames[0].keypoints).toHaveLength(33);
    const atBottom = truth.frames[Math.round(2.2 * 30)];
    expect(atBottom.phase).toBeCloseTo(1, 6);
    expect(atBottom.hipHeight).toBeLessThan(0.7);
    expect(truth.frames[0].hipHeight).toBeCloseTo(1, 6);
  });

  it('puts the requested heel lift and depth into the truth at the bottom', () => {
    const { truth } = syntheticSquat({ reps: 1, heelLift: { left: 0.2, right: 0 }, bottomThighAngleDeg: 10 });
    const bottom = truth.frames.reduce((a, b) => (b.phase > a.phase ? b : a));
    expect(bottom.heelLift.left).toBeCloseTo(0.2, 6);
    expect(bottom.heelLift.right).toBeCloseTo(0, 6);
    expect(bottom.thighAngleDeg).toBeGreaterThan(8);
    expect(bottom.thighAngleDeg).toBeLessThan(12);
  });

  it('turns knee rotation into a positive FPPA on that side only', () => {
    const base = syntheticSquat({ reps: 1 }).truth.frames;
    const { truth } = syntheticSquat({ reps: 1, valgusDeg: { left: 0, right: 15 } });
    const i = base.reduce((bi, f, j) => (f.phase > base[bi].phase ? j : bi), 0);
    expect(truth.frames[i].kneeValgusDeg.right - base[i].kneeValgusDeg.right).toBeGreaterThan(10);
    expect(truth.frames[i].kneeValgusDeg.left).toBeCloseTo(base[i].kneeValgusDeg.left, 6);
  });

  it('front view: image-right is the lifter left; roll rotates the floor line', () => {
    const front = syntheticSquat({ reps: 1 }).track.frames[0];
    expect(kp(front, 'left_ankle').x).toBeGreaterThan(kp(front, 'right_ankle').x);
    expect(kp(front, 'left_ankle').y).toBeCloseTo(kp(front, 'right_ankle').y, 6);
    const rolled = syntheticSquat({ reps: 1, rollDeg: 10 }).track.frames[0];
    const l = kp(rolled, 'left_ankle'), r = kp(rolled, 'right_ankle');
    expect(Math.atan2(-(l.y - r.y), l.x - r.x) * 180 / Math.PI).toBeCloseTo(10, 6);
  });

  it('side view (yaw 90): the lifter faces image-right and the far (left) side scores lower', () => {
    const f = syntheticSquat({ reps: 1, view: 'side' }).track.frames[0];
    expect(kp(f, 'right_foot_index').x).toBeGreaterThan(kp(f, 'right_heel').x);
    expect(f.keypoints!.find((k) => k.name === 'left_knee')!.score).toBeLessThan(
      f.keypoints!.find((k) => k.name === 'right_knee')!.score,
    );
  });
});
