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
export function rejectSpikes(
  x: Float32Array, y: Float32Array, score: Float32Array, off: number, n: number, cfg: OutlierConfig,
): number {
  let rejected = 0;
  const thr = cfg.spikePx;
  for (let width = 1; width <= 2; width++) {
    for (let i = 1; i + width < n; i++) {
      const a = off + i - 1, b = off + i + width;
      if (score[a] < cfg.minScore || score[b] < cfg.minScore) continue;
      const mx = (x[a] + x[b]) / 2, my = (y[a] + y[b]) / 2;
      const neighbourJump = Math.sqrt((x[b] - x[a]) * (x[b] - x[a]) + (y[b] - y[a]) * (y[b] - y[a]));
      if (neighbourJump > thr * (width + 1) * 0.5) continue; // the neighbours themselves are moving fast
      let spike = true;
      for (let w = 0; w < width; w++) {
        const c = off + i + w;
        if (score[c] < cfg.minScore || Math.sqrt((x[c] - mx) * (x[c] - mx) + (y[c] - my) * (y[c] - my)) <= thr) {
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
