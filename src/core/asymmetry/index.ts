import { SIDED_METRICS, metricDef } from '../metrics/registry';
import type { MetricPeaks } from '../reps/rep_peaks';
import type { SidedMetricKey, ViewKind } from '../types';
import { repAsymmetry, type AsymmetryDetail } from './rep_asymmetry';

export { repAsymmetry, type AsymmetryDetail } from './rep_asymmetry';
export { symmetryIndex } from './symmetry_index';
export { asymmetryByNoise, ASYMMETRY_NOISE_K } from './noise_rule';

/**
 * Asymmetry of every sided metric measured on both sides in at least one rep; `noise` gives each
 * metric's standing keypoint noise per side (flags/standing_noise.ts standingNoiseSided).
 */
export function computeAsymmetries(
  repPeaks: MetricPeaks[],
  repViews?: readonly ViewKind[],
  noise?: (metric: SidedMetricKey) => { left: number | null; right: number | null } | null,
): AsymmetryDetail[] {
  const out: AsymmetryDetail[] = [];
  for (const metric of SIDED_METRICS) {
    if (!metricDef(metric).asymmetry) continue;
    const a = repAsymmetry(metric, repPeaks, repViews, noise ? noise(metric) : null);
    if (a.left.some((v) => v !== null) || a.right.some((v) => v !== null)) out.push(a);
  }
  return out;
}
