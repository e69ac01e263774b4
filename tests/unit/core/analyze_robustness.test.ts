/**
 * analyze() never throws and never puts NaN or Infinity in its output (outside the per-frame
 * columns, where NaN means "not measurable"), and its JSON reads back as the same Analysis,
 * whatever the track: empty, one frame, NaN / missing / swapped / jittering keypoints, frames
 * without a person.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyze } from '../../../src/core/analyze';
import { analysisToJSON, parseAnalysis } from '../../../src/core/analysis_io';
import { BLAZEPOSE_KEYPOINT_NAMES, type Keypoint, type PoseFrame, type PoseTrack } from '../../../src/core/types';
import { syntheticSquat } from '../../support/synthetic_squat';

/** Paths to every non-finite number in a value (JSON.stringify would hide them as null). */
function nonFinite(v: unknown, path = '$', out: string[] = []): string[] {
  if (out.length > 5) return out;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) out.push(`${path}=${v}`);
  } else if (Array.isArray(v)) {
    v.forEach((x, i) => nonFinite(x, `${path}[${i}]`, out));
  } else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) nonFinite(x, `${path}.${k}`, out);
  }
  return out;
}

function track(frames: PoseFrame[], fps = 30): PoseTrack {
  return {
    source: { name: 'prop', width: 720, height: 1280, fps, durationS: frames.length / fps, frameCount: frames.length },
    model: 'synthetic',
    frames,
  };
}

function checkAnalysis(t: PoseTrack) {
  const a = analyze(t);
  // The series holds NaN for "not measurable" by design; its JSON form (and everything else) none.
  expect(nonFinite({ ...a, series: null })).toEqual([]);
  const json = analysisToJSON(a);
  expect(nonFinite(json)).toEqual([]);
  expect(a.series.t).toHaveLength(t.frames.length);
  // JSON -> Analysis -> JSON is the identity (JSON has no -0, so the comparison is on the text).
  const text = JSON.stringify(json);
  expect(JSON.stringify(analysisToJSON(parseAnalysis(JSON.parse(text))))).toBe(text);
  for (const r of a.reps) {
    expect(r.start).toBeLessThanOrEqual(r.bottom);
    expect(r.bottom).toBeLessThanOrEqual(r.ascentStart);
    expect(r.ascentStart).toBeLessThanOrEqual(r.end);
  }
  return a;
}

const base = syntheticSquat({ reps: 2, fps: 15, view: 'oblique', standS: 0.8, pauseS: 0.3 }).track;

const weirdNumber = fc.oneof(
  fc.double({ min: -5000, max: 5000, noNaN: true }),
  fc.constantFrom(NaN, Infinity, -Infinity, 0, -0, 1e308),
);

describe('analyze() robustness', () => {
  it('handles empty and one-frame tracks', () => {
    expect(checkAnalysis(track([])).reps).toEqual([]);
    expect(checkAnalysis(track([{ t: 0, keypoints: null }])).reps).toEqual([]);
    checkAnalysis(track([base.frames[0]]));
  });

  it('handles tracks where nobody is ever found, and tracks without heels', () => {
    checkAnalysis(track(Array.from({ length: 60 }, (_, i) => ({ t: i / 30, keypoints: null }))));
    const noHeels = syntheticSquat({ reps: 2, view: 'front', keypointNames: BLAZEPOSE_KEYPOINT_NAMES.filter((n) => !n.includes('heel') && !n.includes('foot')) });
    checkAnalysis(noHeels.track);
  });

  it('never throws or emits NaN whatever happens to the keypoints', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            frame: fc.nat({ max: base.frames.length - 1 }),
            kp: fc.nat({ max: 32 }),
            kind: fc.constantFrom('nan', 'drop', 'swap', 'jitter', 'score', 'null-frame', 'value'),
            value: weirdNumber,
          }),
          { maxLength: 60 },
        ),
        (edits) => {
          const frames: PoseFrame[] = base.frames.map((f) => ({ t: f.t, keypoints: f.keypoints ? f.keypoints.map((k) => ({ ...k })) : null }));
          for (const e of edits) {
            const f = frames[e.frame];
            if (e.kind === 'null-frame') {
              f.keypoints = null;
              continue;
            }
            const kps = f.keypoints;
            if (!kps || !kps.length) continue;
            const k = kps[e.kp % kps.length];
            if (e.kind === 'nan') k.x = NaN;
            else if (e.kind === 'drop') kps.splice(e.kp % kps.length, 1);
            else if (e.kind === 'swap') {
              const other = kps[(e.kp + 1) % kps.length];
              const { x, y } = k;
              k.x = other.x;
              k.y = other.y;
              other.x = x;
              other.y = y;
            } else if (e.kind === 'jitter') {
              k.x += Number.isFinite(e.value) ? e.value / 10 : 0;
              k.y -= Number.isFinite(e.value) ? e.value / 10 : 0;
            } else if (e.kind === 'score') k.score = e.value;
            else k.y = e.value;
          }
          checkAnalysis(track(frames, 15));
        },
      ),
      { numRuns: 60, seed: 42 },
    );
  });

  it('never throws on arbitrary short tracks of random keypoints and times', () => {
    const kp = fc.record({
      name: fc.constantFrom(...BLAZEPOSE_KEYPOINT_NAMES, 'bogus'),
      x: weirdNumber,
      y: weirdNumber,
      score: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(NaN, -1, 2)),
    }) as fc.Arbitrary<Keypoint>;
    fc.assert(
      fc.property(
        fc.array(fc.record({ t: weirdNumber, keypoints: fc.option(fc.array(kp, { maxLength: 40 }), { nil: null }) }), { maxLength: 25 }),
        (frames) => {
          checkAnalysis(track(frames as PoseFrame[]));
        },
      ),
      { numRuns: 80, seed: 7 },
    );
  });
});
