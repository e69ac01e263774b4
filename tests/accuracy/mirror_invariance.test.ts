/**
 * Mirror invariance through the real model (issue 10, item 3): a shared clip and its mirror
 * image (ffmpeg hflip before pose), each through the pipeline `npm run analyze` runs. Filmed in
 * a mirror, a lifter's left becomes their right: a consistent analyzer swaps every side and
 * changes nothing else. BlazePose is not exactly mirror-symmetric (a keypoint lands 2-4 % of a
 * leg length apart between a clip and its mirror image, median over fixtures/tracks), so
 * numbers are compared within that noise:
 *   - the same view, the same reps (bottoms within 0.25 s);
 *   - heel lift: the same feet measurable with flag confidence (>= 0.5; a hidden foot stays
 *     hidden, its label swapped), and each foot's rep value within 0.15 foot lengths (two
 *     keypoints, each +-0.1 foot lengths: 3 % of a leg over a foot of 0.31 leg);
 *   - flags: every flag has its counterpart (same rep and fault, side swapped), unless its value
 *     lies within the metric's noise of the threshold (then one pass may flag and the other not):
 *     angles 7 deg (BlazePose knee-angle error, REFERENCE.md §3), heel lift 0.15, ratios 0.1.
 * Skips, saying why, without ../shared/fixtures or ffmpeg.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze';
import { repValue } from '../../src/core/series';
import type { Analysis, Flag, MetricKey, Rep } from '../../src/core/types';
import { swapSide } from './mirror_compare';
import { disposeEstimators, trackOfClip } from './pipeline';
import { pipelineUnavailable } from './track_files';

const unavailable = pipelineUnavailable();
if (unavailable) console.warn(`mirror_invariance: skipped: ${unavailable}`);

/** A side view, a 45-degree front view with real heel lifts, a 45-degree rear view (the AVI). */
const CLIPS = ['side-deep-good-rotated.mp4', 'oblique-heel-lift.mp4', 'gym-rear-oblique-barbell.avi'];

/** Known gaps, owned elsewhere: the test is expected to fail until fixed. */
const KNOWN_FLAG_GAPS: Record<string, string> = {};

const NOISE: Partial<Record<MetricKey, number>> = {
  heelLift: 0.15, kneeOffset: 0.1, kneeSeparationRatio: 0.1, hipShift: 0.1, depth: 0.1,
};
const ANGLE_NOISE_DEG = 7;
const noiseOf = (m: MetricKey) => NOISE[m] ?? ANGLE_NOISE_DEG;

/** Flags of `a` with no counterpart in `b` (rep, fault, swapped side) that are clearly over the threshold. */
function unmatchedFlags(a: Analysis, b: Analysis): string[] {
  const out: string[] = [];
  for (const r of a.reps) {
    for (const f of r.flags) {
      const twin = b.reps[r.index]?.flags.find((g: Flag) => g.fault === f.fault && g.side === swapSide(f.side));
      if (twin) continue;
      // Same fault on the other side of a 'both' flag counts as a counterpart when one side is near its threshold.
      const partial = b.reps[r.index]?.flags.find((g) => g.fault === f.fault && (g.side === 'both' || f.side === 'both'));
      const margin = f.metric === 'thighAngleDeg' ? f.threshold - f.value : f.value - f.threshold;
      if (partial || margin <= noiseOf(f.metric)) continue;
      out.push(`rep ${r.index + 1} ${f.fault}/${f.side} ${f.severity} ${f.value} (threshold ${f.threshold})`);
    }
  }
  return out;
}

describe.skipIf(unavailable !== null)('mirror invariance through the real model (blazepose-full)', () => {
  const pairs = new Map<string, { o: Analysis; m: Analysis }>();

  beforeAll(async () => {
    for (const clip of CLIPS) {
      const o = analyze(await trackOfClip(clip, { model: 'full' }));
      const m = analyze(await trackOfClip(clip, { model: 'full', mirror: true }));
      pairs.set(clip, { o, m });
      const heel = (a: Analysis, swap: boolean) => a.reps.map((r) => {
        const v = (side: 'left' | 'right') => repValue(r, 'heelLift', side)?.value.toFixed(3) ?? '-';
        return swap ? `L ${v('right')} R ${v('left')}` : `L ${v('left')} R ${v('right')}`;
      }).join('; ');
      const flags = (a: Analysis, swap: boolean) => a.reps.flatMap((r) => r.flags.map((f) => `r${r.index + 1} ${f.fault}/${swap ? swapSide(f.side) : f.side} ${f.severity}`)).join(', ') || 'none';
      console.log(`${clip}: view ${o.view.kind} / ${m.view.kind}, reps ${o.reps.length} / ${m.reps.length}\n  heel lift original: ${heel(o, false)}\n  heel lift mirrored (sides swapped back): ${heel(m, true)}\n  flags original: ${flags(o, false)}\n  flags mirrored (sides swapped back): ${flags(m, true)}`);
    }
  }, 30 * 60_000);

  afterAll(async () => {
    await disposeEstimators();
  });

  for (const clip of CLIPS) {
    it(`${clip}: same view and reps`, () => {
      const { o, m } = pairs.get(clip)!;
      expect(m.view.kind).toBe(o.view.kind);
      expect(m.reps.length).toBe(o.reps.length);
      o.reps.forEach((r, i) => expect(Math.abs(m.reps[i].bottom - r.bottom)).toBeLessThan(0.25));
    });

    it(`${clip}: heel lift swaps sides, the same feet measurable, values within keypoint noise`, () => {
      const { o, m } = pairs.get(clip)!;
      o.reps.forEach((r, i) => {
        const v = (rep: Rep, side: 'left' | 'right') => {
          const m = repValue(rep, 'heelLift', side);
          return m && m.confidence >= 0.5 ? m.value : null;
        };
        for (const [x, y, side] of [[v(r, 'left'), v(m.reps[i], 'right'), 'left'], [v(r, 'right'), v(m.reps[i], 'left'), 'right']] as const) {
          expect(x === null, `rep ${i + 1} ${side} measurable in one pass only (${x} vs ${y})`).toBe(y === null);
          if (x !== null && y !== null) expect(Math.abs(x - y), `rep ${i + 1} ${side}: ${x} vs ${y}`).toBeLessThan(NOISE.heelLift!);
        }
      });
    });

    const gap = KNOWN_FLAG_GAPS[clip];
    (gap ? it.fails : it)(`${clip}: every flag has its mirror twin (side swapped) unless within noise of its threshold${gap ? ` (known gap: ${gap})` : ''}`, () => {
      const { o, m } = pairs.get(clip)!;
      expect([...unmatchedFlags(o, m), ...unmatchedFlags(m, o).map((s) => `mirrored: ${s}`)]).toEqual([]);
    });
  }
});
