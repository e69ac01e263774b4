/**
 * What fusion reads from one video's Analysis, in one place: a rep's measure of a metric (value,
 * confidence, the frame's view), how well a view supports a metric, a per-side metric's
 * asymmetry rule and its label: all from the metric registry and the Analysis v2 rep measures.
 */
import { METRIC_KEYS, isSidedMetric, metricDef } from '../metrics/registry';
import { repValue } from '../series';
import type { Analysis, MetricKey, Rep, RepMeasure, Side, ViewKind } from '../types';

/** One rep's value of one metric as one video measured it (the Analysis' RepMeasure). */
export type ViewMeasure = RepMeasure;

export const FUSED_METRICS: readonly MetricKey[] = METRIC_KEYS;

export function isSided(key: MetricKey): boolean {
  return isSidedMetric(key);
}

/** Confidence factor of a view for a metric (0 = the view cannot measure it). */
export function viewSupport(key: MetricKey, view: ViewKind): number {
  return metricDef(key).views[view];
}

/** The metric's short name ("Heel lift"). */
export function metricLabel(key: MetricKey): string {
  return metricDef(key).display.label;
}

/** An amount of the metric in words ("12 deg", "5 % of foot length"); magnitude only. */
export function metricAmount(key: MetricKey, value: number): string {
  return metricDef(key).amount(value);
}

/** The rep's measure of a metric (side for a per-side metric), or null when not measured. */
export function measureOf(analysis: Analysis, rep: Rep, key: MetricKey, side: Side | null): ViewMeasure | null {
  if (analysis.measurability[key]?.measurable === false) return null;
  const m = repValue(rep, key, side);
  return m && Number.isFinite(m.value) ? m : null;
}

/** Left-right rule of a per-side metric: which way is worse, and the smallest difference that counts. */
export function asymmetryRule(key: MetricKey): { worse: 'higher' | 'lower'; floor: number } | null {
  const rule = metricDef(key).asymmetry;
  return rule ? { worse: rule.worse, floor: rule.floor } : null;
}

/** Why a metric is not measurable from this video (null when it is). */
export function notMeasurableReason(analysis: Analysis, key: MetricKey): string | null {
  const m = analysis.measurability[key];
  return m && !m.measurable ? (m.reason ?? metricDef(key).views.needs) : null;
}
