/**
 * Knee drift as the analyzer computes it (src/core/metrics/knee_drift.ts, through
 * computeFrameMetrics: filtering, roll, standing baseline, view), read into plain arrays for the
 * evaluation scripts, with the deep halves of the reps and the sustained rep value the flags use.
 */
import { computeFrameMetrics } from '../../src/core/frame_metrics';
import { column } from '../../src/core/series';
import type { PoseTrack } from '../../src/core/types';

export interface KneeDriftSeries {
  /** Per frame, + = toward the midline, in leg lengths; NaN = not measurable. */
  left: Float64Array;
  right: Float64Array;
  confidenceLeft: Float64Array;
  confidenceRight: Float64Array;
  /** Per frame hip-mid height above the ankle-mid / standing (1 = standing). */
  hipHeight: Float64Array;
  /** Picture-x share of the lifter's left direction (signed cos yaw) and of forward; NaN unknown. */
  cx: number;
  sx: number;
  /** Standing leg length in pixels (thigh + shank). */
  legPx: number;
  standingFrames: number;
}

export function kneeDriftSeries(track: PoseTrack): KneeDriftSeries {
  const fm = computeFrameMetrics(track);
  const n = fm.series.t.length;
  const f64 = (a: ArrayLike<number> | undefined) => (a ? Float64Array.from(a) : new Float64Array(n).fill(NaN));
  const l = column(fm.series, 'kneeDrift', 'left'), r = column(fm.series, 'kneeDrift', 'right');
  return {
    left: f64(l?.value), right: f64(r?.value), confidenceLeft: f64(l?.confidence), confidenceRight: f64(r?.confidence),
    hipHeight: Float64Array.from(fm.clip.hipHeight),
    cx: fm.details.lifter?.cx ?? NaN, sx: fm.details.lifter?.sx ?? NaN,
    legPx: fm.clip.standing.legPx,
    standingFrames: fm.clip.standing.standingCount,
  };
}

/**
 * Reps as the deep parts of the squat: runs of frames whose hip is below the midpoint between
 * standing (1) and the clip's lowest hip height, if that drops below 0.9 (src/core's 10 % rule).
 * Returns [from, to] frame ranges of the lower half of each rep (analyze_metrics.ts deepWindow).
 */
export function deepHalves(hipHeight: Float64Array): Array<[number, number]> {
  const seen = Array.from(hipHeight).filter(Number.isFinite);
  if (!seen.length) return [];
  const low = Math.min(...seen);
  if (!(low < 0.9)) return [];
  const mid = 1 - 0.5 * (1 - low);
  const out: Array<[number, number]> = [];
  let a = -1;
  for (let i = 0; i <= hipHeight.length; i++) {
    const deep = i < hipHeight.length && hipHeight[i] <= mid;
    if (deep && a < 0) a = i;
    else if (!deep && a >= 0) {
      out.push([a, i - 1]);
      a = -1;
    }
  }
  return out;
}

/** Largest value held over `hold` consecutive measurable frames within [from, to] (rep_peaks.ts sustainedPeak). */
export function sustainedMax(v: Float64Array, from: number, to: number, hold: number): number {
  let best = -Infinity;
  const win: number[] = [];
  for (let i = from; i <= to; i++) {
    if (!Number.isFinite(v[i])) { win.length = 0; continue; }
    win.push(v[i]);
    if (win.length > hold) win.shift();
    if (win.length === hold) best = Math.max(best, Math.min(...win));
  }
  return Number.isFinite(best) ? best : NaN;
}
