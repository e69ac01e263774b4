import { SIDED_METRICS, metricDef } from '../metrics/registry';
import type { MetricPeaks } from '../reps/rep_peaks';
import type { ViewKind } from '../types';
import { repAsymmetry, type AsymmetryDetail } from './rep_asymmetry';

export { repAsymmetry, type AsymmetryDetail } from './rep_asymmetry';
export { symmetryIndex } from './symmetry_index';

/** Asymmetry of every sided metric measured on both sides in at least one rep. */
export function computeAsymmetries(repPeaks: MetricPeaks[], repViews?: readonly ViewKind[]): AsymmetryDetail[] {
  const out: AsymmetryDetail[] = [];
  for (const metric of SIDED_METRICS) {
    if (!metricDef(metric).asymmetry) continue;
    const a = repAsymmetry(metric, repPeaks, repViews);
    if (a.left.some((v) => v !== null) || a.right.some((v) => v !== null)) out.push(a);
  }
  return out;
}
