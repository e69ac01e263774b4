import { MIN_FLAG_CONFIDENCE } from '../flags/thresholds';
import { metricDef } from '../metrics/registry';
import type { MetricPeaks } from '../reps/rep_peaks';
import { sidedPeak } from '../reps/rep_peaks';
import type { Asymmetry, Side, SidedMetricKey, ViewKind } from '../types';
import { symmetryIndex } from './symmetry_index';

function meanSd(v: number[]): { mean: number; sd: number } {
  const n = v.length;
  const mean = v.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1)) : 0;
  return { mean, sd };
}

const round = (v: number): number => Math.round(v * 1000) / 1000;

/** Extra detail the findings use (not part of the public Asymmetry). */
export interface AsymmetryDetail extends Asymmetry {
  meanLeft: number | null;
  meanRight: number | null;
  /** meanLeft - meanRight over the paired reps. */
  meanDifference: number | null;
  pairedReps: number;
}

/**
 * Left-right asymmetry of one sided metric over the set, from each rep's peak per side.
 * Only reps filmed from a view that treats both sides alike (the registry's fairViews: only the
 * front view, and only for frontal-plane and vertical measures) are compared; the
 * per-rep arrays still list every rep. Real ("beyondVariation") only when, over reps
 * measured on both sides:
 *   - there are at least `minReps` (3) of them,
 *   - |mean L - mean R| exceeds each side's rep-to-rep SD (REFERENCE.md §3: a difference
 *     smaller than a side's own variation cannot be told from it), and
 *   - it exceeds the metric's floor (the registry's asymmetry floor: keypoint error), so
 *     that noise-free or very consistent input does not make a tiny difference "real".
 */
export function repAsymmetry(
  metric: SidedMetricKey,
  repPeaks: MetricPeaks[],
  repViews?: readonly ViewKind[],
  // Three reps at least, so each side's rep-to-rep SD has two degrees of freedom.
  minReps = 3,
  minConfidence = MIN_FLAG_CONFIDENCE,
): AsymmetryDetail {
  // Per-rep values at the confidence a flag needs (a side seen too poorly to flag is not compared).
  const pick = (side: Side) =>
    repPeaks.map((p) => {
      const v = sidedPeak(p, metric, side);
      return v && v.confidence >= minConfidence ? round(v.value) : null;
    });
  const rule = metricDef(metric).asymmetry;
  if (!rule) throw new Error(`${metric} has no asymmetry rule`);
  const left = pick('left');
  const right = pick('right');
  const pl: number[] = [];
  const pr: number[] = [];
  for (let i = 0; i < left.length; i++) {
    if (repViews && !rule.fairViews.includes(repViews[i])) continue;
    const l = left[i];
    const r = right[i];
    if (l !== null && r !== null) {
      pl.push(l);
      pr.push(r);
    }
  }
  const floor = rule.floor;
  if (pl.length === 0) {
    return { metric, worseSide: null, left, right, symmetryIndex: null, beyondVariation: false, meanLeft: null, meanRight: null, meanDifference: null, pairedReps: 0 };
  }
  const L = meanSd(pl);
  const R = meanSd(pr);
  const diff = L.mean - R.mean;
  let worseSide: Side | null = null;
  if (Math.abs(diff) > 0) {
    const higher: Side = diff > 0 ? 'left' : 'right';
    worseSide = rule.worse === 'higher' ? higher : higher === 'left' ? 'right' : 'left';
  }
  const beyondVariation =
    pl.length >= minReps && Math.abs(diff) > L.sd && Math.abs(diff) > R.sd && Math.abs(diff) >= floor;
  const si = symmetryIndex(L.mean, R.mean, floor);
  return {
    metric,
    worseSide,
    left,
    right,
    symmetryIndex: si === null ? null : round(si),
    beyondVariation,
    meanLeft: round(L.mean),
    meanRight: round(R.mean),
    meanDifference: round(diff),
    pairedReps: pl.length,
  };
}
