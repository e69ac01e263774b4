/**
 * Time alignment on synthetic truth: the generator's 3D squat filmed by two cameras with a known
 * offset (fractions of a frame), different frame rates, picture sizes, starts and ends.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../../src/core/analyze';
import { LOW_CONFIDENCE, alignTracks, matchReps, nudgeAlignment, parabolicPeak } from '../../../../src/core/multiview/time_alignment';
import { syntheticTwoView, type CameraSpec } from '../../../support/synthetic_two_view';
import type { SyntheticSquatSpec } from '../../../support/synthetic_squat';

/** Real lifters' reps differ in depth and tempo from one to the next. */
const VARIED_SET: SyntheticSquatSpec = {
  reps: 5,
  noisePx: 1.5,
  perRep: (r) => ({
    bottomThighAngleDeg: [-5, 8, 0, 12, -10][r],
    descentS: [1.2, 1.0, 1.4, 1.1, 1.3][r],
    bottomS: [0.3, 0.1, 0.5, 0.2, 0.4][r],
    pauseS: [0.8, 1.2, 0.6, 1.0, 0.9][r],
  }),
};

const CASES: { name: string; a: CameraSpec; b: CameraSpec }[] = [
  { name: 'front 30 fps, side 60 fps starting 24.74 frames later', a: { view: 'front', fps: 30 }, b: { view: 'side', fps: 60, startS: 0.4123 } },
  {
    name: 'front 30 fps starting later, side 25 fps ending earlier',
    a: { view: 'front', fps: 30, startS: 1.23 },
    b: { view: 'side', fps: 25, startS: 0.017, endS: 14 },
  },
  {
    name: 'left side 24 fps ending early, right side 30 fps starting 2.71 s later',
    a: { view: 'side', fps: 24, endS: 12 },
    b: { view: 'side', yawDeg: -180, fps: 30, startS: 2.71 },
  },
  {
    name: 'portrait front with 4 deg roll, small 45-degree 59.94 fps',
    a: { view: 'front', fps: 30, rollDeg: 4, width: 1080, height: 1920 },
    b: { view: 'oblique', fps: 59.94, startS: 3.3333, width: 480, height: 640 },
  },
];

describe('alignTracks on two synthetic cameras of one set', () => {
  for (const c of CASES) {
    it(`${c.name}: offset within half a frame of the faster camera`, () => {
      const set = syntheticTwoView(VARIED_SET, c.a, c.b);
      const alignment = alignTracks(set.a.track, set.b.track);
      const halfFrame = 0.5 / Math.max(c.a.fps, c.b.fps);
      expect(alignment.method).toBe('motion');
      expect(Math.abs(alignment.offsetS - set.offsetS)).toBeLessThan(halfFrame);
      expect(alignment.confidence).toBeGreaterThanOrEqual(LOW_CONFIDENCE);
      expect(alignment.reason).toBeNull();
      expect(alignment.offsetFrames.b).toBeCloseTo(alignment.offsetS * c.b.fps, 9);
    });
  }

  it('gives the same offset, negated, whichever video is A', () => {
    const set = syntheticTwoView(VARIED_SET, CASES[0].a, CASES[0].b);
    const ab = alignTracks(set.a.track, set.b.track);
    const ba = alignTracks(set.b.track, set.a.track);
    expect(ba.offsetS).toBeCloseTo(-ab.offsetS, 3);
  });

  it('matches the same reps in both videos once aligned', () => {
    const c = CASES[1];
    const set = syntheticTwoView(VARIED_SET, c.a, c.b);
    const alignment = alignTracks(set.a.track, set.b.track);
    const repsA = analyze(set.a.track).reps;
    const repsB = analyze(set.b.track).reps;
    const pairs = matchReps(repsA, repsB, alignment.offsetS);
    // Truth: a rep is the same movement when its bottom is at the same moment of the set.
    const setTimeA = (t: number) => t + (c.a.startS ?? 0);
    const setTimeB = (t: number) => t + (c.b.startS ?? 0);
    expect(pairs.length).toBeGreaterThanOrEqual(3);
    for (const p of pairs) {
      const ra = repsA.find((r) => r.index === p.a)!;
      const rb = repsB.find((r) => r.index === p.b)!;
      expect(Math.abs(setTimeA(ra.bottom) - setTimeB(rb.bottom))).toBeLessThan(0.2);
      expect(Math.abs(p.bottomDeltaS)).toBeLessThan(0.2);
    }
    // Reps filmed by only one camera stay unmatched.
    expect(pairs.length).toBeLessThanOrEqual(Math.min(repsA.length, repsB.length));
  });

  it('says it is unsure when identical reps match one rep further on almost as well', () => {
    // Five identical reps; B films only reps 2 and 3: moved one rep period either way, B matches
    // reps 1-2 or 3-4 of A just as well, over just as long an overlap.
    const set = syntheticTwoView({ reps: 5, noisePx: 1.5 }, { view: 'front', fps: 30 }, { view: 'side', fps: 30, startS: 4.5, endS: 11 });
    const alignment = alignTracks(set.a.track, set.b.track);
    expect(alignment.confidence).toBeLessThan(LOW_CONFIDENCE);
    expect(alignment.runnerUp).not.toBeNull();
    expect(alignment.reason).toMatch(/further|loosely/);
  });

  it('finds nothing to match when the lifter only stands, and says so', () => {
    const set = syntheticTwoView({ reps: 0, standS: 3 }, { view: 'front', fps: 30 }, { view: 'side', fps: 30, startS: 0.5 });
    const alignment = alignTracks(set.a.track, set.b.track);
    expect(alignment.method).toBe('none');
    expect(alignment.confidence).toBe(0);
    expect(alignment.reason).toMatch(/no movement/);
  });

  it('a manual nudge moves the offset by whole frames of video B', () => {
    const set = syntheticTwoView(VARIED_SET, CASES[0].a, CASES[0].b);
    const alignment = alignTracks(set.a.track, set.b.track);
    const nudged = nudgeAlignment(alignment, -3, 30, 60);
    expect(nudged.offsetS).toBeCloseTo(alignment.offsetS - 3 / 60, 12);
    expect(nudged.method).toBe('manual');
    expect(nudged.offsetFrames.a).toBeCloseTo(nudged.offsetS * 30, 12);
  });
});

describe('parabolicPeak', () => {
  it('finds the vertex of a sampled parabola', () => {
    const f = (x: number) => -((x - 0.3) ** 2);
    expect(parabolicPeak(f(-1), f(0), f(1))).toBeCloseTo(0.3, 12);
  });
  it('stays at the sample when the three points are not a peak', () => {
    expect(parabolicPeak(1, 1, 1)).toBe(0);
    expect(parabolicPeak(0, 1, 2)).toBe(0);
  });
});
