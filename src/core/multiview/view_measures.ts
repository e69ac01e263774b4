/**
 * What fusion reads from one video's Analysis, in one place: a rep's value of a metric with its
 * confidence and view, how well a view supports a metric, and a per-side metric's asymmetry
 * rule. The only file here that knows the Analysis' rep layout.
 */
import { METRIC_KEYS, VIEW_SUPPORT } from '../measurability';
import { WORSE_DIRECTION } from '../asymmetry/rep_asymmetry';
import { ASYMMETRY_FLOOR } from '../flags/thresholds';
import { isSidedMetric } from '../reps/metric_direction';
import type { Analysis, MetricKey, Rep, Side, ViewKind } from '../types';

/** One rep's value of one metric as one video measured it. */
export interface ViewMeasure {
  value: number;
  /** 0..1. */
  confidence: number;
  /** Seconds on that video's own clock: the frame it was read at. */
  t: number;
  view: ViewKind;
}

export const FUSED_METRICS: readonly MetricKey[] = METRIC_KEYS;

export function isSided(key: MetricKey): boolean {
  return isSidedMetric(key);
}

/** Confidence factor of a view for a metric (0 = the view cannot measure it). */
export function viewSupport(key: MetricKey, view: ViewKind): number {
  return VIEW_SUPPORT[key][view];
}

/** Why the view cannot measure it, in a lifter's words. */
export function viewNeeds(key: MetricKey): string {
  return VIEW_SUPPORT[key].needs;
}

/** The rep's value of a metric (side for a per-side metric), or null when not measured. */
export function measureOf(analysis: Analysis, rep: Rep, key: MetricKey, side: Side | null): ViewMeasure | null {
  const m = analysis.measurability[key];
  if (!m?.measurable) return null;
  const peak = rep.peaks[key];
  const value = side ? (peak && typeof peak === 'object' ? peak[side] : null) : typeof peak === 'number' ? peak : null;
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return { value, confidence: m.confidence, t: rep.bottom, view: analysis.view.kind };
}

/** Left-right rule of a per-side metric: which way is worse, and the smallest difference that counts. */
export function asymmetryRule(key: MetricKey): { worse: 'higher' | 'lower'; floor: number } | null {
  if (!isSidedMetric(key)) return null;
  return { worse: WORSE_DIRECTION[key], floor: ASYMMETRY_FLOOR[key] };
}

/** Why a metric is not measurable from this video (null when it is). */
export function notMeasurableReason(analysis: Analysis, key: MetricKey): string | null {
  const m = analysis.measurability[key];
  return m && !m.measurable ? (m.reason ?? viewNeeds(key)) : null;
}
