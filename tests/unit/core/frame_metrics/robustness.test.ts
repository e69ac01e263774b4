/**
 * Robustness: whatever the pose model hands over (NaN, Infinity, missing or swapped keypoints,
 * jitter, empty and one-frame tracks, broken times), computeFrameMetrics does not throw and
 * emits no NaN or Infinity anywhere: null (with confidence 0) instead of garbage.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFrameMetrics, type FrameMetricsResult } from '../../../../src/core/frame_metrics';
import { BLAZEPOSE_KEYPOINT_NAMES, type PoseFrame, type PoseTrack } from '../../../../src/core/types';
import { syntheticSquat } from '../../../support/synthetic_squat';
import { METRICS } from '../../../../src/core/metrics/registry';
import { columnValue } from '../../../../src/core/series';

/** Walks a value and returns the path of the first non-finite number, or null. */
function findNonFinite(v: unknown, p = '$', seen = new Set<unknown>()): string | null {
  if (typeof v === 'number') return Number.isFinite(v) ? null : p;
  if (!v || typeof v !== 'object' || seen.has(v)) return null;
  seen.add(v);
  if (ArrayBuffer.isView(v)) return null; // details: typed arrays may hold NaN for "unknown" by design
  for (const [k, x] of Object.entries(v)) {
    const r = findNonFinite(x, `${p}.${k}`, seen);
    if (r) return r;
  }
  return null;
}

function checkResult(r: FrameMetricsResult, n: number) {
  expect(r.series.t).toHaveLength(n);
  expect(r.clip.hipHeight).toHaveLength(n);
  expect(r.clip.viewCode).toHaveLength(n);
  expect(r.clip.fps >= 1 && r.clip.fps <= 1000).toBe(true);
  // series: typed columns, NaN = not measurable by design; checked column by column below.
  const { details, smoothed, series, clip, ...rest } = r;
  void details;
  void clip;
  expect(findNonFinite(rest)).toBeNull();
  expect(findNonFinite(JSON.parse(JSON.stringify(smoothed.frames)))).toBeNull();
  expect(Object.keys(series.columns).sort()).toEqual(METRICS.flatMap((d) => (d.sided ? [`${d.key}.left`, `${d.key}.right`] : [d.key])).sort());
  for (const [key, col] of Object.entries(series.columns)) {
    expect(col.value, key).toHaveLength(n);
    expect(col.confidence, key).toHaveLength(n);
    for (let i = 0; i < n; i++) {
      const v = col.value[i], c = col.confidence[i];
      expect(v === v ? Number.isFinite(v) : true, key).toBe(true);
      expect(c >= 0 && c <= 1, key).toBe(true);
      if (v !== v) expect(c, key).toBe(0);
    }
  }
  expect(r.poseCoverage >= 0 && r.poseCoverage <= 1).toBe(true);
}

const wildNumber = fc.oneof(
  fc.double({ min: -5000, max: 5000, noNaN: true }),
  fc.constantFrom(NaN, Infinity, -Infinity, 0, -0, 1e308),
);
const keypoint = fc.record({
  name: fc.oneof(fc.constantFrom(...BLAZEPOSE_KEYPOINT_NAMES), fc.string({ maxLength: 6 })),
  x: wildNumber,
  y: wildNumber,
  score: fc.oneof(fc.double({ min: -1, max: 2, noNaN: true }), fc.constant(NaN)),
});
const frame = fc.record({
  t: wildNumber,
  keypoints: fc.oneof(fc.constant(null), fc.array(keypoint, { maxLength: 40 })),
});

describe('computeFrameMetrics robustness', () => {
  it('empty and one-frame tracks', () => {
    const empty: PoseTrack = { source: { name: 'e', width: 0, height: 0, fps: 0, durationS: 0, frameCount: 0 }, model: 'x', frames: [] };
    checkResult(computeFrameMetrics(empty), 0);
    const one = syntheticSquat({ reps: 1 }).track;
    checkResult(computeFrameMetrics({ ...one, frames: one.frames.slice(0, 1) }), 1);
    checkResult(computeFrameMetrics({ ...one, frames: [{ t: 0, keypoints: null }] }), 1);
    // Not even a track.
    checkResult(computeFrameMetrics({} as PoseTrack), 0);
  });

  it('arbitrary garbage frames never throw and never produce NaN', () => {
    fc.assert(
      fc.property(fc.array(frame, { maxLength: 40 }), fc.constantFrom(0, NaN, 640, -3), fc.constantFrom('recorded', 'live') as fc.Arbitrary<'recorded' | 'live'>, (frames, size, mode) => {
        const track: PoseTrack = { source: { name: 'p', width: size, height: size, fps: NaN, durationS: 0, frameCount: frames.length }, model: 'x', frames: frames as PoseFrame[] };
        checkResult(computeFrameMetrics(track, { mode }), frames.length);
      }),
      { numRuns: 150 },
    );
  });

  it('a real squat with NaN, missing, swapped and jittering keypoints stays finite', () => {
    const base = syntheticSquat({ reps: 2, view: 'oblique', fps: 30 }).track;
    fc.assert(
      fc.property(
        fc.array(fc.record({ frame: fc.nat(base.frames.length - 1), kind: fc.constantFrom('nan', 'drop', 'swap', 'jitter', 'null') , amount: fc.double({ min: 0, max: 300, noNaN: true }) }), { maxLength: 60 }),
        fc.constantFrom('recorded', 'live') as fc.Arbitrary<'recorded' | 'live'>,
        (edits, mode) => {
          const frames: PoseFrame[] = base.frames.map((f) => ({ t: f.t, keypoints: f.keypoints ? f.keypoints.map((k) => ({ ...k })) : null }));
          for (const e of edits) {
            const f = frames[e.frame];
            if (!f.keypoints) continue;
            if (e.kind === 'null') f.keypoints = null;
            else if (e.kind === 'nan') f.keypoints[25].x = NaN;
            else if (e.kind === 'drop') f.keypoints.splice(27, 4);
            else if (e.kind === 'jitter') for (const k of f.keypoints) { k.x += (e.amount % 17) - 8; k.y -= (e.amount % 13) - 6; }
            else if (e.kind === 'swap') for (const k of f.keypoints) k.name = k.name.startsWith('left') ? k.name.replace('left', 'right') : k.name.replace('right', 'left');
          }
          checkResult(computeFrameMetrics({ ...base, frames }, { mode }), frames.length);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('a left/right swap of the legs for a few frames is undone by the swap guard', () => {
    const { track, truth } = syntheticSquat({ reps: 1, view: 'front', valgusDeg: { left: 12, right: 0 } });
    const bottom = truth.frames.findIndex((f) => f.phase > 0.6);
    const swapped: PoseFrame[] = track.frames.map((f, i) => ({
      t: f.t,
      keypoints: f.keypoints!.map((k) => {
        if (i < bottom || i >= bottom + 3 || !/knee|ankle|heel|foot_index/.test(k.name)) return { ...k };
        return { ...k, name: k.name.startsWith('left') ? k.name.replace('left', 'right') : k.name.replace('right', 'left') };
      }),
    }));
    const r = computeFrameMetrics({ ...track, frames: swapped });
    for (let i = bottom; i < bottom + 3; i++) {
      expect(columnValue(r.series, 'kneeOffset', 'left', i)!).toBeCloseTo(truth.frames[i].kneeOffset.left, 2);
    }
    expect(r.details.swapsFixed).toBeGreaterThanOrEqual(1);
  });
});
