/**
 * What every per-frame metric reads: roll-free, Y-up, filtered keypoints in typed arrays
 * (layout k * n + i, as keypoint_access.ts), the view per frame, and the lifter's standing
 * baselines. Each metric writes a value series (NaN = not measurable -> null in the output)
 * and a confidence series (0..1). No per-frame allocation.
 */
import type { StandingBaseline } from '../standing_baseline';
import type { FootVisibility } from './foot_visibility';

/**
 * The lifter's orientation in the picture, from BlazePose's 3D hips over the standing frames
 * (metrics/knee_drift.ts lifterOrientation): cx, sx = the picture-x components of the lifter's
 * left and forward directions.
 */
export interface LifterOrientation {
  cx: number;
  sx: number;
  /** '3d' from keypoints3D; 'front' when the track has none (assumed facing the camera, sx = 0). */
  source: '3d' | 'front';
  /** Each hip's standing sideways offset from its own ankle toward the lifter's left, per leg length (3D); null without 3D. */
  hipOverAnkle: { left: number; right: number } | null;
}

export interface MetricContext {
  n: number;
  X: Float32Array;
  /** Pixels, up positive, roll removed. */
  Y: Float32Array;
  score: Float32Array;
  /** Keypoints scoring below this are not used. */
  minScore: number;
  /** Per frame view code: 0 front, 1 side, 2 oblique, 255 unknown (view_detection.ts). */
  viewKind: Uint8Array;
  /** Per frame: |sin yaw| used to undo the foreshortening of forward distances in oblique views (1 in side views). */
  sagittalScale: Float32Array;
  /** Per frame: +1 when the lifter faces image-right, -1 image-left, 0 unknown. */
  facing: Int8Array;
  base: StandingBaseline;
  /** How well the camera sees each foot (the far one may stand behind the near one), from the standing stance. */
  feet: FootVisibility;
  /** Per frame hip-mid height over the ankles / standing (1 = standing; NaN unknown). */
  hipHeight: Float32Array;
  /** Per frame standing (heel Y - toe Y) of each foot, px (NaN where unknown). */
  heelToeBase: { left: Float32Array; right: Float32Array };
  /** Per frame standing (ankle Y - toe Y) of each foot, px (NaN where unknown). */
  ankleToeBase: { left: Float32Array; right: Float32Array };
  /** The lifter's orientation to the camera (null: no standing frame showed both hips). */
  lifter: LifterOrientation | null;
}

export interface MetricSeries {
  value: Float32Array;
  confidence: Float32Array;
}

export function newSeries(n: number): MetricSeries {
  return { value: new Float32Array(n).fill(NaN), confidence: new Float32Array(n) };
}

/**
 * Within this |sin yaw| (15 deg) of square to the camera a sideways offset is read from the
 * picture: the hips' ~0.2 m travel backward at depth leaks in by 0.2 sin(yaw) m, under hip shift's
 * mild tier there (flags/thresholds.ts HIP_SHIFT_HIP_WIDTH). Yaw from BlazePose's 3D hips
 * (metrics/knee_drift.ts lifterOrientation). Hip shift and knee drift's hip reference read it.
 */
export const SQUARE_MAX_ABS_SIN_YAW = 0.26;

export const VIEW_FRONT = 0;
export const VIEW_SIDE = 1;
export const VIEW_OBLIQUE = 2;

/** Score of keypoint k in frame i, or 0 when below the gate. */
export function usable(ctx: MetricContext, k: number, i: number): number {
  const s = ctx.score[k * ctx.n + i];
  return s >= ctx.minScore ? s : 0;
}

/**
 * Mid-point of a left/right pair into out[0..1]; uses the one side that is visible if only one
 * is (fine for sagittal metrics in a side view, where both project to nearly the same place).
 * Returns the score used (0 = neither visible).
 */
export function pairMid(ctx: MetricContext, l: number, r: number, i: number, out: Float64Array, requireBoth = false): number {
  const n = ctx.n;
  const sl = usable(ctx, l, i), sr = usable(ctx, r, i);
  if (sl && sr) {
    out[0] = (ctx.X[l * n + i] + ctx.X[r * n + i]) / 2;
    out[1] = (ctx.Y[l * n + i] + ctx.Y[r * n + i]) / 2;
    return Math.min(sl, sr);
  }
  if (requireBoth) return 0;
  const k = sl >= sr ? l : r;
  const s = Math.max(sl, sr);
  if (!s) return 0;
  out[0] = ctx.X[k * n + i];
  out[1] = ctx.Y[k * n + i];
  // One side standing in for the midpoint: a little less sure.
  return s * 0.9;
}

