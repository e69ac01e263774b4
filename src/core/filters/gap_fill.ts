/**
 * Fills short gaps in one keypoint's series by linear interpolation (recorded video only).
 * A pose model loses a keypoint for a frame or two when a hand passes or the body turns;
 * bridging up to `maxGapS` keeps filters and peaks continuous, while longer gaps stay
 * missing: a guess over half a second would be invented motion. Filled samples get the lower
 * of the two neighbouring scores times `scorePenalty`, so confidence shows they were filled.
 * (Sports2D does the same, cubic over at most 10 frames: Pagnon et al., JOSS 2023.)
 */

export interface GapFillConfig {
  /** Longest gap bridged, seconds. */
  maxGapS: number;
  /** Scores below this count as missing. */
  minScore: number;
  scorePenalty: number;
}

export const DEFAULT_GAP_FILL: GapFillConfig = { maxGapS: 0.25, minScore: 0.3, scorePenalty: 0.8 };

/** In place on x[off .. off+n), y, score. t = frame times. */
export function fillGaps(
  x: Float32Array, y: Float32Array, score: Float32Array, off: number, n: number, t: Float64Array,
  cfg: GapFillConfig = DEFAULT_GAP_FILL,
): void {
  let last = -1; // last good index
  for (let i = 0; i < n; i++) {
    const good = score[off + i] >= cfg.minScore;
    if (!good) continue;
    if (last >= 0 && i - last > 1 && t[i] - t[last] <= cfg.maxGapS + 1e-9) {
      const x0 = x[off + last], y0 = y[off + last], x1 = x[off + i], y1 = y[off + i];
      const s = Math.min(score[off + last], score[off + i]) * cfg.scorePenalty;
      const span = t[i] - t[last];
      for (let j = last + 1; j < i; j++) {
        const u = span > 0 ? (t[j] - t[last]) / span : (j - last) / (i - last);
        x[off + j] = x0 + (x1 - x0) * u;
        y[off + j] = y0 + (y1 - y0) * u;
        score[off + j] = s;
      }
    }
    last = i;
  }
}
