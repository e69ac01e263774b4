/**
 * Guards against left/right label swaps of the legs. BlazePose sometimes hands the left knee,
 * ankle, heel and toe the right side's labels for a few frames (most often in side views,
 * where the legs overlap). A swap shows as both legs jumping to where the other leg was in the
 * previous frame; we compare the frame with the last accepted one both ways and swap back the
 * whole leg group when the crossed assignment is much closer. The same idea as the identity
 * check in OpenPose-style trackers; Sports2D also re-orders left/right by continuity.
 */
import { KP, type KeypointSeries } from '../keypoint_access';

const LEG_PAIRS: readonly (readonly [number, number])[] = [
  [KP.leftKnee, KP.rightKnee],
  [KP.leftAnkle, KP.rightAnkle],
  [KP.leftHeel, KP.rightHeel],
  [KP.leftToe, KP.rightToe],
];

export interface SwapGuardConfig {
  minScore: number;
  /** The straight assignment must cost at least this many pixels before a swap is considered. */
  minCostPx: number;
  /** Swap when crossed cost < ratio x straight cost. */
  ratio: number;
}

/** Swaps leg keypoints back in place where the labels crossed. Returns the number of frames fixed. */
export function guardLeftRightSwaps(s: KeypointSeries, cfg: SwapGuardConfig): number {
  const { n, x, y, score } = s;
  if (n < 2) return 0;
  // Last accepted position of each leg keypoint (per pair: L then R).
  const lastX = new Float64Array(LEG_PAIRS.length * 2).fill(NaN);
  const lastY = new Float64Array(LEG_PAIRS.length * 2).fill(NaN);
  let fixed = 0;
  for (let i = 0; i < n; i++) {
    let straight = 0, crossed = 0, used = 0;
    for (let p = 0; p < LEG_PAIRS.length; p++) {
      const l = LEG_PAIRS[p][0], r = LEG_PAIRS[p][1];
      const lo = l * n + i, ro = r * n + i;
      if (score[lo] < cfg.minScore || score[ro] < cfg.minScore) continue;
      const plx = lastX[2 * p], ply = lastY[2 * p], prx = lastX[2 * p + 1], pry = lastY[2 * p + 1];
      if (!(plx === plx) || !(prx === prx)) continue;
      straight += Math.sqrt((x[lo] - plx) * (x[lo] - plx) + (y[lo] - ply) * (y[lo] - ply)) + Math.sqrt((x[ro] - prx) * (x[ro] - prx) + (y[ro] - pry) * (y[ro] - pry));
      crossed += Math.sqrt((x[lo] - prx) * (x[lo] - prx) + (y[lo] - pry) * (y[lo] - pry)) + Math.sqrt((x[ro] - plx) * (x[ro] - plx) + (y[ro] - ply) * (y[ro] - ply));
      used++;
    }
    if (used >= 2 && straight > cfg.minCostPx * used && crossed < cfg.ratio * straight) {
      for (let p = 0; p < LEG_PAIRS.length; p++) {
        const l = LEG_PAIRS[p][0], r = LEG_PAIRS[p][1];
        const lo = l * n + i, ro = r * n + i;
        let tmp = x[lo]; x[lo] = x[ro]; x[ro] = tmp;
        tmp = y[lo]; y[lo] = y[ro]; y[ro] = tmp;
        tmp = score[lo]; score[lo] = score[ro]; score[ro] = tmp;
      }
      fixed++;
    }
    for (let p = 0; p < LEG_PAIRS.length; p++) {
      const l = LEG_PAIRS[p][0], r = LEG_PAIRS[p][1];
      const lo = l * n + i, ro = r * n + i;
      if (score[lo] >= cfg.minScore) { lastX[2 * p] = x[lo]; lastY[2 * p] = y[lo]; }
      if (score[ro] >= cfg.minScore) { lastX[2 * p + 1] = x[ro]; lastY[2 * p + 1] = y[ro]; }
    }
  }
  return fixed;
}
