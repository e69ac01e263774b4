/**
 * Metamorphic properties: changes to the picture that do not change the squat must not change
 * the metrics. Scaling the video (resolution), rolling the camera, and mirroring the picture
 * with the sides relabelled (the same squat seen by a mirror-image lifter).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFrameMetrics } from '../../../../src/core/frame_metrics';
import type { FrameMetrics, PoseTrack, Sided } from '../../../../src/core/types';
import { syntheticSquat } from '../../../support/synthetic_squat';
import { framesOf } from '../../../support/analysis_frames';

const ANGLES = ['torsoAngleDeg', 'trunkTibiaDeg', 'hipFlexionDeg', 'thighAngleDeg'] as const;
const SIDED = ['kneeValgusDeg', 'kneeFlexionDeg', 'shinAngleDeg'] as const;
const RATIOS = ['kneeSeparationRatio', 'depth'] as const;

function maxDiff(a: FrameMetrics[], b: FrameMetrics[], mirror = false) {
  let angle = 0, ratio = 0, nulls = 0;
  const d = (x: number | null, y: number | null, kind: 'a' | 'r') => {
    if ((x === null) !== (y === null)) { nulls++; return; }
    if (x === null || y === null) return;
    if (kind === 'a') angle = Math.max(angle, Math.abs(x - y));
    else ratio = Math.max(ratio, Math.abs(x - y));
  };
  a.forEach((m, i) => {
    const n = b[i];
    for (const k of ANGLES) d(m[k], n[k], 'a');
    for (const k of RATIOS) d(m[k], n[k], 'r');
    for (const k of SIDED) {
      const p = m[k] as Sided<number | null>, q = n[k] as Sided<number | null>;
      d(p.left, mirror ? q.right : q.left, 'a');
      d(p.right, mirror ? q.left : q.right, 'a');
    }
    for (const s of ['left', 'right'] as const) d(m.heelLift[s], n.heelLift[mirror ? (s === 'left' ? 'right' : 'left') : s], 'r');
    d(m.hipShift, n.hipShift === null ? null : mirror ? -n.hipShift : n.hipShift, 'r');
  });
  return { angle, ratio, nulls };
}

function transform(track: PoseTrack, f: (x: number, y: number) => [number, number], rename?: (n: string) => string, size?: [number, number]): PoseTrack {
  return {
    ...track,
    source: { ...track.source, width: size?.[0] ?? track.source.width, height: size?.[1] ?? track.source.height },
    frames: track.frames.map((fr) => ({
      t: fr.t,
      keypoints: fr.keypoints && fr.keypoints.map((k) => { const [x, y] = f(k.x, k.y); return { name: rename ? rename(k.name) : k.name, x, y, score: k.score }; }),
    })),
  };
}

const swapName = (n: string) => (n.startsWith('left') ? n.replace('left', 'right') : n.startsWith('right') ? n.replace('right', 'left') : n);

const squat = fc.record({
  view: fc.constantFrom('front', 'side') as fc.Arbitrary<'front' | 'side'>,
  valgusL: fc.integer({ min: 0, max: 15 }),
  valgusR: fc.integer({ min: 0, max: 15 }),
  heelL: fc.double({ min: 0, max: 0.2, noNaN: true }),
  lean: fc.integer({ min: 0, max: 20 }),
  shift: fc.double({ min: -0.2, max: 0.2, noNaN: true }),
});

describe('computeFrameMetrics invariances', () => {
  const make = (p: { view: 'front' | 'side'; valgusL: number; valgusR: number; heelL: number; lean: number; shift: number }) =>
    syntheticSquat({ reps: 1, view: p.view, valgusDeg: { left: p.valgusL, right: p.valgusR }, heelLift: { left: p.heelL, right: 0 }, trunkLeanDeg: p.lean, hipShift: p.shift, standS: 1 }).track;

  it('scaling the video changes nothing', () => {
    fc.assert(fc.property(squat, fc.double({ min: 0.4, max: 3, noNaN: true }), (p, k) => {
      const t = make(p);
      const a = framesOf(computeFrameMetrics(t)).map((f) => f.metrics);
      const b = framesOf(computeFrameMetrics(transform(t, (x, y) => [x * k, y * k], undefined, [t.source.width * k, t.source.height * k]))).map((f) => f.metrics);
      const d = maxDiff(a, b);
      expect(d.nulls).toBe(0);
      expect(d.angle).toBeLessThan(0.05);
      expect(d.ratio).toBeLessThan(0.002);
    }), { numRuns: 12 });
  });

  it('rolling the camera up to 15 deg changes angles by under 1 deg', () => {
    fc.assert(fc.property(squat, fc.integer({ min: -15, max: 15 }), (p, rollDeg) => {
      const t = make(p);
      const r = (rollDeg * Math.PI) / 180, cx = t.source.width / 2, cy = t.source.height / 2;
      const rolled = transform(t, (x, y) => { const dx = x - cx, dy = y - cy; return [cx + dx * Math.cos(r) + dy * Math.sin(r), cy - dx * Math.sin(r) + dy * Math.cos(r)]; });
      const res = computeFrameMetrics(rolled);
      expect(Math.abs(res.cameraRollDeg - rollDeg)).toBeLessThan(1);
      const d = maxDiff(framesOf(computeFrameMetrics(t)).map((f) => f.metrics), framesOf(res).map((f) => f.metrics));
      expect(d.angle).toBeLessThan(1);
      expect(d.ratio).toBeLessThan(0.02);
    }), { numRuns: 12 });
  });

  it('a mirrored picture with the sides relabelled swaps left and right, and nothing else', () => {
    fc.assert(fc.property(squat, (p) => {
      const t = make(p);
      const W = t.source.width;
      const a = framesOf(computeFrameMetrics(t)).map((f) => f.metrics);
      const b = framesOf(computeFrameMetrics(transform(t, (x, y) => [W - x, y], swapName))).map((f) => f.metrics);
      const d = maxDiff(a, b, true);
      expect(d.nulls).toBe(0);
      expect(d.angle).toBeLessThan(0.05);
      expect(d.ratio).toBeLessThan(0.002);
    }), { numRuns: 12 });
  });
});
