/**
 * Symmetry index SI = |R - L| / (0.5 (R + L)) x 100 (Bishop et al. 2016, Strength Cond J;
 * REFERENCE.md §3). Computed on magnitudes; null when the mean of the two is too close to
 * zero for a percentage to mean anything (e.g. valgus of 0.3 deg vs 0.1 deg).
 */
export function symmetryIndex(left: number, right: number, minMean: number): number | null {
  if (!Number.isFinite(left) || !Number.isFinite(right)) return null;
  const mean = 0.5 * (Math.abs(left) + Math.abs(right));
  if (!(mean > 0) || mean < minMean) return null;
  return (Math.abs(right - left) / mean) * 100;
}
