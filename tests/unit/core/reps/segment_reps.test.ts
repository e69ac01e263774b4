import { describe, expect, it } from 'vitest';
import { segmentReps } from '../../../../src/core/reps/segment_reps';
import { syntheticSquat, type SyntheticSquatSpec } from '../../../support/synthetic_squat';

/** Hip-height trajectory straight from the generator's truth (what computeFrameMetrics aims at). */
function trajectory(spec: SyntheticSquatSpec) {
  const { truth } = syntheticSquat(spec);
  return {
    truth,
    t: truth.frames.map((f) => f.t),
    h: truth.frames.map((f): number | null => f.hipHeight),
  };
}

/** Deterministic Gaussian noise (Box-Muller on a small LCG). */
function noisy(h: (number | null)[], sd: number, seed = 7): (number | null)[] {
  let s = seed;
  const rnd = () => ((s = (s * 1664525 + 1013904223) >>> 0) + 0.5) / 4294967296;
  return h.map((v) => (v === null ? null : v + sd * Math.sqrt(-2 * Math.log(rnd())) * Math.cos(2 * Math.PI * rnd())));
}

describe('segmentReps', () => {
  for (const fps of [25, 30, 60]) {
    it(`counts 5 reps exactly and places every event within 2 frames of the truth at ${fps} fps`, () => {
      const { truth, t, h } = trajectory({ reps: 5, fps, bottomS: 0.4 });
      const { reps } = segmentReps(t, h);
      expect(reps).toHaveLength(5);
      const tol = 2 / fps + 1e-9;
      reps.forEach((r, i) => {
        const tr = truth.reps[i];
        expect(Math.abs(t[r.start] - tr.start)).toBeLessThanOrEqual(tol);
        expect(Math.abs(t[r.bottom] - tr.bottom)).toBeLessThanOrEqual(tol);
        expect(Math.abs(t[r.ascentStart] - tr.ascentStart)).toBeLessThanOrEqual(tol);
        expect(Math.abs(t[r.end] - tr.end)).toBeLessThanOrEqual(tol);
        expect(r.partial).toBe(false);
      });
    });
  }

  it('counts reps of varying depth and tempo, with long bottom holds and long pauses', () => {
    const { truth, t, h } = trajectory({
      reps: 4,
      perRep: (r) => ({ bottomThighAngleDeg: [-20, 10, -5, 15][r], bottomS: [0.2, 3, 0.1, 2][r], pauseS: [4, 0.5, 3, 1][r], descentS: [0.8, 2, 1, 1.5][r] }),
    });
    const { reps } = segmentReps(t, h);
    expect(reps).toHaveLength(4);
    reps.forEach((r, i) => expect(Math.abs(t[r.bottom] - truth.reps[i].bottom)).toBeLessThanOrEqual(2 / 30 + 1e-9));
  });

  it('keeps the count and bottoms under realistic hip-height noise (SD 1 % of standing height)', () => {
    const { truth, t, h } = trajectory({ reps: 6 });
    const { reps } = segmentReps(t, noisy(h, 0.01));
    expect(reps).toHaveLength(6);
    reps.forEach((r, i) => {
      expect(t[r.bottom]).toBeGreaterThan(truth.reps[i].bottom - 0.2);
      expect(t[r.ascentStart]).toBeLessThan(truth.reps[i].ascentStart + 0.2);
      expect(t[r.start]).toBeGreaterThanOrEqual(truth.reps[i].start - 0.05);
      expect(t[r.start]).toBeLessThan(truth.reps[i].bottom);
    });
  });

  it('does not count noise, bobbing or a stumble as reps', () => {
    const t = Array.from({ length: 600 }, (_, i) => i / 30);
    const still = t.map(() => 1);
    expect(segmentReps(t, noisy(still, 0.01)).reps).toHaveLength(0);
    // 5 % bobbing (a weight shift, turning round) stays below the 10 % minimum drop.
    const bob = t.map((x) => 1 - 0.025 * (1 - Math.cos(2 * Math.PI * x)));
    expect(segmentReps(t, noisy(bob, 0.005)).reps).toHaveLength(0);
    // A one-frame glitch to 0.3 is not a rep (shorter than OpenCap's 0.5 s minimum).
    const glitch: (number | null)[] = still.slice();
    glitch[300] = 0.3;
    expect(segmentReps(t, glitch).reps).toHaveLength(0);
  });

  it('keeps a clip that starts at the bottom as one partial rep with its ascent', () => {
    // Timeline: stand 1.5 s, descend 1.2 s, hold 0.3 s: start the clip inside the hold.
    const { truth, t, h } = trajectory({ reps: 2, startAtS: 2.8 });
    const { reps } = segmentReps(t, h);
    expect(reps).toHaveLength(2);
    expect(reps[0].partial).toBe(true);
    expect(reps[0].partialStart).toBe(true);
    expect(Math.abs(t[reps[0].end] - truth.reps[0].end)).toBeLessThanOrEqual(2 / 30 + 1e-9);
    expect(reps[1].partial).toBe(false);
  });

  it('keeps a clip that starts mid-descent as a partial first rep', () => {
    const { t, h } = trajectory({ reps: 3, startAtS: 2.2 });
    const { reps } = segmentReps(t, h);
    expect(reps).toHaveLength(3);
    expect(reps[0].partialStart).toBe(true);
  });

  it('closes a rep cut by a hand over the lens (nulls to the end) as partial', () => {
    const { truth, t, h } = trajectory({ reps: 3 });
    // Cover the lens from half-way through the last ascent.
    const cut = (truth.reps[2].ascentStart + truth.reps[2].end) / 2;
    const covered = h.map((v, i) => (t[i] >= cut ? null : v));
    const { reps } = segmentReps(t, covered);
    expect(reps).toHaveLength(3);
    expect(reps[2].partialEnd).toBe(true);
    expect(reps[0].partial || reps[1].partial).toBe(false);
  });

  it('ignores the frames where the lifter walks out and back in between reps', () => {
    const { truth, t, h } = trajectory({ reps: 3, pauseS: 4 });
    const gapFrom = truth.reps[0].end + 1;
    const gapTo = truth.reps[1].start - 1;
    const walked = h.map((v, i) => (t[i] > gapFrom && t[i] < gapTo ? null : v));
    expect(segmentReps(t, walked).reps).toHaveLength(3);
  });

  it('returns nothing, without throwing, for empty, all-null and non-finite input', () => {
    expect(segmentReps([], []).reps).toEqual([]);
    expect(segmentReps([0, 1, 2], [null, null, null]).reps).toEqual([]);
    expect(segmentReps([0, 1, 2, 3], [NaN, Infinity, 1, -Infinity]).reps).toEqual([]);
  });
});
