import { MIN_FLAG_CONFIDENCE } from '../flags/thresholds';
import { metricDef } from '../metrics/registry';
import type { MetricPeaks } from '../reps/rep_peaks';
import { sidedPeak } from '../reps/rep_peaks';
import type { Asymmetry, Side, SidedMetricKey, ViewKind } from '../types';
import { asymmetryByNoise, type SidedRepValue } from './noise_rule';
import { symmetryIndex } from './symmetry_index';

const round = (v: number): number => Math.round(v * 1000) / 1000;

/** Extra detail the findings use (not part of the public Asymmetry). */
export interface AsymmetryDetail extends Asymmetry {
  meanLeft: number | null;
  meanRight: number | null;
  /** meanLeft - meanRight over the paired reps. */
  meanDifference: number | null;
  pairedReps: number;
  /** 0..1 (noise_rule.ts: the values' confidence x min(1, reps / 3)). */
  confidence: number;
  /** The difference it had to exceed, the metric's unit; null when nothing was compared. */
  threshold: number | null;
}

/**
 * Left-right asymmetry of one sided metric over the set, from each rep's value per side. Only
 * reps filmed from a view that treats both sides alike (the registry's fairViews) and seen well
 * enough to flag (minConfidence) are compared; the per-rep arrays still list every rep. Real
 * ("beyondVariation") by the noise rule (noise_rule.ts): from one rep up when the difference is
 * far above the metric's standing keypoint noise and its bias floor, and with three reps or more
 * also beyond each side's rep-to-rep SD.
 */
export function repAsymmetry(
  metric: SidedMetricKey,
  repPeaks: MetricPeaks[],
  repViews?: readonly ViewKind[],
  noise: { left: number | null; right: number | null } | null = null,
  minConfidence = MIN_FLAG_CONFIDENCE,
): AsymmetryDetail {
  const pick = (side: Side) =>
    repPeaks.map((p) => {
      const v = sidedPeak(p, metric, side);
      return v && v.confidence >= minConfidence ? { value: round(v.value), confidence: v.confidence } : null;
    });
  const rule = metricDef(metric).asymmetry;
  if (!rule) throw new Error(`${metric} has no asymmetry rule`);
  const l = pick('left');
  const r = pick('right');
  const left = l.map((v) => v?.value ?? null);
  const right = r.map((v) => v?.value ?? null);
  const pairs: Array<{ left: SidedRepValue; right: SidedRepValue }> = [];
  let oblique = false;
  for (let i = 0; i < l.length; i++) {
    if (repViews && !rule.fairViews.includes(repViews[i])) continue;
    const a = l[i], b = r[i];
    if (a && b) {
      pairs.push({ left: a, right: b });
      if (repViews?.[i] === 'oblique') oblique = true;
    }
  }
  const floor = oblique && rule.obliqueFloor !== undefined ? Math.max(rule.floor, rule.obliqueFloor) : rule.floor;
  const res = asymmetryByNoise({ pairs, noise, floor });
  if (!res) {
    return { metric, worseSide: null, left, right, symmetryIndex: null, beyondVariation: false, meanLeft: null, meanRight: null, meanDifference: null, pairedReps: 0, confidence: 0, threshold: null };
  }
  const diff = res.meanDifference;
  let worseSide: Side | null = null;
  if (Math.abs(diff) > 0) {
    const higher: Side = diff > 0 ? 'left' : 'right';
    worseSide = rule.worse === 'higher' ? higher : higher === 'left' ? 'right' : 'left';
  }
  const si = symmetryIndex(res.meanLeft, res.meanRight, floor);
  return {
    metric,
    worseSide,
    left,
    right,
    symmetryIndex: si === null ? null : round(si),
    beyondVariation: res.real,
    meanLeft: round(res.meanLeft),
    meanRight: round(res.meanRight),
    meanDifference: round(diff),
    pairedReps: res.pairedReps,
    confidence: round(res.confidence),
    threshold: round(res.threshold),
  };
}
