import type { ViewKind } from '../types';
import type { MetricPeaks } from '../reps/rep_peaks';
import { SIDED_METRICS } from '../reps/metric_direction';
import { repAsymmetry, type AsymmetryDetail } from './rep_asymmetry';

export { repAsymmetry, WORSE_DIRECTION, FAIR_VIEWS, type AsymmetryDetail } from './rep_asymmetry';
export { symmetryIndex } from './symmetry_index';

/** Asymmetry of every sided metric measured on both sides in at least one rep. */
export function computeAsymmetries(repPeaks: MetricPeaks[], repViews?: readonly ViewKind[]): AsymmetryDetail[] {
  const out: AsymmetryDetail[] = [];
  for (const metric of SIDED_METRICS) {
    const a = repAsymmetry(metric, repPeaks, repViews);
    if (a.left.some((v) => v !== null) || a.right.some((v) => v !== null)) out.push(a);
  }
  return out;
}
