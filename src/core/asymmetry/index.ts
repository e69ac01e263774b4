import type { MetricPeaks } from '../reps/rep_peaks';
import { SIDED_METRICS } from '../reps/metric_direction';
import { repAsymmetry, type AsymmetryDetail } from './rep_asymmetry';

export { repAsymmetry, WORSE_DIRECTION, type AsymmetryDetail } from './rep_asymmetry';
export { symmetryIndex } from './symmetry_index';

/** Asymmetry of every sided metric measured on both sides in at least one rep. */
export function computeAsymmetries(repPeaks: MetricPeaks[]): AsymmetryDetail[] {
  const out: AsymmetryDetail[] = [];
  for (const metric of SIDED_METRICS) {
    const a = repAsymmetry(metric, repPeaks);
    if (a.pairedReps > 0) out.push(a);
  }
  return out;
}
