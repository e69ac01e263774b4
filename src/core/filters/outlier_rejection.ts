/**
 * Rejects single-frame spikes in one keypoint's series: a sample far from the midpoint of its
 * neighbours while the neighbours agree with each other. Pose models produce such one- or
 * two-frame jumps (a knee snapping to the other leg, a heel to a shadow); a low-pass filter
 * would smear them over several frames, so they are removed first and re-filled by gap_fill.
 * A cheap O(n) stand-in for a Hampel filter (Hampel 1974; used for gait keypoints by
 * e.g. Sports2D), fast enough for an hour of 60 fps video.
 */

export interface OutlierConfig {
  /** A jump larger than this (pixels) away from both neighbours' midpoint is a spike candidate. */
  spikePx: number;
  minScore: number;
}

/** Marks spikes as missing (score 0). Returns how many were rejected. Handles 1- and 2-frame spikes. */
/**
 * sqrt(d2) > limit, exactly as written with Math.sqrt, but without the square root except
 * within a hair of the boundary (where the rounding of limit * limit could decide otherwise):
 * this test runs twice per keypoint per frame, 13 million times for an hour of video.
 */
function farther(d2: number, limit: number, limit2: number): boolean {
  if (d2 > limit2 * (1 + 1e-9)) return true;
  if (d2 < limit2 * (1 - 1e-9)) return false;
  return Math.sqrt(d2) > limit;
}

/** sqrt(d2) <= limit, exactly (false for NaN, as Math.sqrt's comparison is). */
function within(d2: number, limit: number, limit2: number): boolean {
  if (d2 < limit2 * (1 - 1e-9)) return true;
  if (d2 > limit2 * (1 + 1e-9)) return false;
  return Math.sqrt(d2) <= limit;
}

export function rejectSpikes(
  x: Float32Array, y: Float32Array, score: Float32Array, off: number, n: number, cfg: OutlierConfig,
): number {
  let rejected = 0;
  const thr = cfg.spikePx, thr2 = thr * thr, minScore = cfg.minScore;
  for (let width = 1; width <= 2; width++) {
    const jumpLimit = thr * (width + 1) * 0.5, jumpLimit2 = jumpLimit * jumpLimit;
    for (let i = 1; i + width < n; i++) {
      const a = off + i - 1, b = off + i + width;
      if (score[a] < minScore || score[b] < minScore) continue;
      const mx = (x[a] + x[b]) / 2, my = (y[a] + y[b]) / 2;
      // the neighbours themselves are moving fast
      if (farther((x[b] - x[a]) * (x[b] - x[a]) + (y[b] - y[a]) * (y[b] - y[a]), jumpLimit, jumpLimit2)) continue;
      let spike = true;
      for (let w = 0; w < width; w++) {
        const c = off + i + w;
        if (score[c] < minScore || within((x[c] - mx) * (x[c] - mx) + (y[c] - my) * (y[c] - my), thr, thr2)) {
          spike = false;
          break;
        }
      }
      if (!spike) continue;
      for (let w = 0; w < width; w++) score[off + i + w] = 0;
      rejected += width;
    }
  }
  return rejected;
}
