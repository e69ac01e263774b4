/**
 * When is a left-right difference real? From one rep up, when it is far above what the keypoints
 * can tell apart, and beyond the pose model's own left/right bias; with three reps or more, also
 * beyond each side's rep-to-rep variation (REFERENCE.md §3).
 *
 *   real  <=>  |mean L - mean R| > max(k x sd_diff, bias floor)
 *              and, with >= 3 paired reps, > each side's rep-to-rep SD
 *   sd_diff = sqrt(sd_L^2 + sd_R^2) / sqrt(reps)
 *
 * - sd_L, sd_R: the metric's keypoint noise on each side, measured on the lifter's own standing
 *   frames (the robust SD of the metric while standing still: flags/standing_noise.ts). A rep's
 *   value is one sustained extreme, so its noise is about one standing SD; the mean of the reps'
 *   differences shrinks with the square root of their number.
 * - k = 3: the limit of detection, 3 SD of the blank (IUPAC; Long & Winefordner 1983, Anal Chem
 *   55:712A), the same rule as the flags' standing-noise gate. Not fitted.
 * - bias floor: the pose model's left/right bias is a bias, not noise (REFERENCE.md §6, MediaPipe
 *   issue 4125: one shank ~60 mm longer than the other in world landmarks across 160 people), so
 *   rep-to-rep variation does not expose it and no number of reps averages it away. Each metric's
 *   floor is in its registry entry (asymmetry.floor), with where it comes from.
 *
 * Confidence: the lowest confidence of the values compared x min(1, reps / 3). Three reps are
 * what the rep-to-rep test needs (two degrees of freedom for each side's SD); with one or two, a
 * difference far above keypoint noise is still reported, but it may be that rep rather than the
 * lifter's habit, and the confidence says so.
 */

export const ASYMMETRY_NOISE_K = 3;
export const ASYMMETRY_FULL_CONFIDENCE_REPS = 3;

export interface SidedRepValue {
  value: number;
  confidence: number;
}

export interface NoiseRuleInput {
  /** Per rep compared (already filtered to fair views and usable confidence): both sides. */
  pairs: ReadonlyArray<{ left: SidedRepValue; right: SidedRepValue }>;
  /** Each side's standing keypoint noise (1 SD, the metric's unit), or null when unknown. */
  noise: { left: number | null; right: number | null } | null;
  /** The metric's bias floor (its unit). */
  floor: number;
}

export interface NoiseRuleResult {
  pairedReps: number;
  meanLeft: number;
  meanRight: number;
  /** mean L - mean R */
  meanDifference: number;
  /** The difference it had to exceed (max of k x sd_diff and the floor; the rep-to-rep SDs with >= 3 reps). */
  threshold: number;
  /** k x sd_diff, or null when the noise is unknown. */
  noiseThreshold: number | null;
  real: boolean;
  confidence: number;
}

function meanSd(v: readonly number[]): { mean: number; sd: number } {
  const n = v.length;
  const mean = v.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1)) : 0;
  return { mean, sd };
}

export function asymmetryByNoise(input: NoiseRuleInput): NoiseRuleResult | null {
  const n = input.pairs.length;
  if (!n) return null;
  const L = meanSd(input.pairs.map((p) => p.left.value));
  const R = meanSd(input.pairs.map((p) => p.right.value));
  const diff = L.mean - R.mean;
  const sl = input.noise?.left, sr = input.noise?.right;
  const noiseThreshold = typeof sl === 'number' && typeof sr === 'number' && Number.isFinite(sl) && Number.isFinite(sr)
    ? (ASYMMETRY_NOISE_K * Math.hypot(sl, sr)) / Math.sqrt(n)
    : null;
  // Unknown noise (no standing frames): the floor alone, at half confidence below.
  let threshold = Math.max(noiseThreshold ?? 0, input.floor);
  if (n >= ASYMMETRY_FULL_CONFIDENCE_REPS) threshold = Math.max(threshold, L.sd, R.sd);
  const real = Math.abs(diff) > threshold;
  const seen = Math.min(...input.pairs.flatMap((p) => [p.left.confidence, p.right.confidence]));
  const confidence = seen * Math.min(1, n / ASYMMETRY_FULL_CONFIDENCE_REPS) * (noiseThreshold === null ? 0.5 : 1);
  return { pairedReps: n, meanLeft: L.mean, meanRight: R.mean, meanDifference: diff, threshold, noiseThreshold, real, confidence };
}
