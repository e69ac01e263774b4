/**
 * Frontal-plane knee measures for the evaluations, on plain arrays (no core types), so the
 * same formulas run on the labelled CSV (MediaPipe normalised coordinates, unknown frame size)
 * and on our PoseTracks (pixels). y points down, as in pictures.
 *
 * The measures (mean of the two knees where a single number is needed):
 * - fppaDeg: baseline A, the frontal plane projection angle (thigh vs shank), + = knee on the
 *   midline side of the hip-ankle line (Willson & Davis 2008).
 * - perpOffset: baseline B numerator, the signed perpendicular distance of the knee from the
 *   hip-ankle line (divided by the standing leg length by the caller).
 * - medialOffsetX: the horizontal distance of the knee from the hip-ankle line at the knee's own
 *   height, + = toward the other hip. Invariant to an unknown frame aspect ratio: the line's x at
 *   the knee's height uses only the fraction (knee y - hip y) / (ankle y - hip y), unchanged when
 *   y is scaled, and dividing by a horizontal length (the lifter's standing hip width) cancels the
 *   x scale. Baselines A and B mix x and y and so change with the assumed frame size.
 */

export interface P2 {
  x: number;
  y: number;
}

/** One frame's points used here; NaN coordinates where a keypoint is not usable. */
export interface LegFrame {
  lHip: P2; rHip: P2; lKnee: P2; rKnee: P2; lAnkle: P2; rAnkle: P2; lShoulder: P2; rShoulder: P2;
}

export type Side = 'left' | 'right';

function leg(f: LegFrame, side: Side): { h: P2; k: P2; a: P2; oh: P2 } {
  return side === 'left' ? { h: f.lHip, k: f.lKnee, a: f.lAnkle, oh: f.rHip } : { h: f.rHip, k: f.rKnee, a: f.rAnkle, oh: f.lHip };
}

const medialSign = (h: P2, oh: P2): number => (oh.x >= h.x ? 1 : -1);

/** Horizontal offset of the knee from the hip-ankle line at the knee's height; + = medial. */
export function medialOffsetX(f: LegFrame, side: Side): number {
  const { h, k, a, oh } = leg(f, side);
  const dy = a.y - h.y;
  if (!(Math.abs(dy) > 0)) return NaN;
  const lineX = h.x + ((a.x - h.x) * (k.y - h.y)) / dy;
  return (k.x - lineX) * medialSign(h, oh);
}

/** Signed perpendicular distance of the knee from the hip-ankle line; + = medial. */
export function perpOffset(f: LegFrame, side: Side): number {
  const { h, k, a } = leg(f, side);
  const lx = a.x - h.x, ly = a.y - h.y;
  const l = Math.hypot(lx, ly);
  if (!(l > 0)) return NaN;
  const d = Math.abs(lx * (k.y - h.y) - ly * (k.x - h.x)) / l;
  const side1 = medialOffsetX(f, side);
  return side1 >= 0 ? d : -d;
}

/** Frontal plane projection angle, degrees, + = medial (valgus). */
export function fppaDeg(f: LegFrame, side: Side): number {
  const { h, k, a } = leg(f, side);
  const tx = k.x - h.x, ty = k.y - h.y, sx = a.x - k.x, sy = a.y - k.y;
  const c = (tx * sx + ty * sy) / (Math.hypot(tx, ty) * Math.hypot(sx, sy));
  const ang = (Math.acos(Math.max(-1, Math.min(1, c))) * 180) / Math.PI;
  const s = medialOffsetX(f, side);
  return s >= 0 ? ang : -ang;
}

export const thighLen = (f: LegFrame, side: Side): number => {
  const { h, k } = leg(f, side);
  return Math.hypot(k.x - h.x, k.y - h.y);
};
export const shankLen = (f: LegFrame, side: Side): number => {
  const { k, a } = leg(f, side);
  return Math.hypot(a.x - k.x, a.y - k.y);
};
export const hipWidthX = (f: LegFrame): number => Math.abs(f.lHip.x - f.rHip.x);
export const shoulderWidthX = (f: LegFrame): number => Math.abs(f.lShoulder.x - f.rShoulder.x);

/** Hip-mid height above the ankle-mid (y down, so ankle y - hip y). */
export const hipHeight = (f: LegFrame): number => (f.lAnkle.y + f.rAnkle.y) / 2 - (f.lHip.y + f.rHip.y) / 2;

export function percentileOf(v: readonly number[], p: number): number {
  const s = v.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const x = p * (s.length - 1);
  const i = Math.floor(x);
  return i + 1 < s.length ? s[i] + (x - i) * (s[i + 1] - s[i]) : s[i];
}

const med = (v: readonly number[]): number => percentileOf(v, 0.5);

/**
 * Standing frames of one lifter's run: the hips within 8 % of their standing height (>= 0.92 x
 * the run's 90th percentile: src/core/standing_baseline.ts's rule) and both legs straight in the
 * picture (projected thigh >= 0.8 x projected shank; thigh and shank are equally long, Winter
 * 2009, so a shorter thigh is pitched toward the camera: the lifter is not standing). A run that
 * starts and ends in the squat has no standing frames, and so no standing reference.
 */
export function standingMask(frames: readonly LegFrame[]): boolean[] {
  const hh = frames.map(hipHeight);
  const top = percentileOf(hh, 0.9);
  return frames.map((f, i) => {
    if (!(hh[i] >= 0.92 * top)) return false;
    return (['left', 'right'] as const).every((s) => thighLen(f, s) >= 0.8 * shankLen(f, s));
  });
}

/** Horizontal offset of the knee from its own ankle; + = medial (toward the other hip). */
export function kneeOverAnkleX(f: LegFrame, side: Side): number {
  const { h, k, a, oh } = leg(f, side);
  return (k.x - a.x) * medialSign(h, oh);
}

/** The lifter's own standing reference: medians over standing frames; null without any. */
export interface StandingReference {
  hipWidthX: number;
  legLen: number;
  medialOffsetX: Record<Side, number>;
  kneeOverAnkleX: Record<Side, number>;
  frames: number;
}

export function standingReference(frames: readonly LegFrame[]): StandingReference | null {
  const m = standingMask(frames);
  const st = frames.filter((_, i) => m[i]);
  if (st.length < 3) return null;
  return {
    hipWidthX: med(st.map(hipWidthX)),
    legLen: med(st.map((f) => (thighLen(f, 'left') + shankLen(f, 'left') + thighLen(f, 'right') + shankLen(f, 'right')) / 2)),
    medialOffsetX: { left: med(st.map((f) => medialOffsetX(f, 'left'))), right: med(st.map((f) => medialOffsetX(f, 'right'))) },
    kneeOverAnkleX: { left: med(st.map((f) => kneeOverAnkleX(f, 'left'))), right: med(st.map((f) => kneeOverAnkleX(f, 'right'))) },
    frames: st.length,
  };
}

/**
 * Knee drift per frame and side: how far the knee has moved toward the midline, horizontally,
 * from where it sat relative to its own hip-ankle line while this lifter stood, in standing hip
 * widths. Removes what is the lifter's or the model's and not the movement: a wide stance or a
 * hip keypoint placed lateral of the joint puts the straight-legged knee 10 deg "inside" the line
 * (front-two-reps-good, whose knees then go out in the squat).
 */
export function kneeDrift(frames: readonly LegFrame[], ref: StandingReference, side: Side): number[] {
  return frames.map((f) => (medialOffsetX(f, side) - ref.medialOffsetX[side]) / ref.hipWidthX);
}

/**
 * Knee-over-foot drift per frame and side: the knee's horizontal travel toward the midline relative
 * to its own ankle since the lifter stood, in standing hip widths. The front-view case of the
 * product's knee drift (scripts/eval/knee_drift.ts), whose oblique solution needs BlazePose 3D
 * hips that the CSV does not have.
 */
export function kneeOverFootDrift(frames: readonly LegFrame[], ref: StandingReference, side: Side): number[] {
  return frames.map((f) => (kneeOverAnkleX(f, side) - ref.kneeOverAnkleX[side]) / ref.hipWidthX);
}

/**
 * The rep's value of a per-frame series as the analyzer takes it (src/core/analyze_metrics.ts):
 * frames whose hip is in the lower half of the run's hip travel (the loaded part), and there the
 * largest value held for `hold` consecutive frames (reps/rep_peaks.ts sustainedPeak, 0.1 s).
 */
export function deepSustainedMax(series: readonly number[], frames: readonly LegFrame[], hold: number): number {
  return deepSustainedMaxBy(series, frames.map(hipHeight), hold);
}

/** deepSustainedMax with the hip heights given (any unit: only their range is used). */
export function deepSustainedMaxBy(series: readonly number[], hh: readonly number[], hold: number): number {
  const top = percentileOf(hh, 0.9);
  const bottom = percentileOf(hh, 0);
  const mid = top - 0.5 * (top - bottom);
  let best = -Infinity;
  let run: number[] = [];
  for (let i = 0; i < series.length; i++) {
    const v = series[i];
    if (!(hh[i] <= mid) || !Number.isFinite(v)) {
      run = [];
      continue;
    }
    run.push(v);
    if (run.length > hold) run.shift();
    if (run.length === hold) best = Math.max(best, Math.min(...run));
  }
  return Number.isFinite(best) ? best : NaN;
}
