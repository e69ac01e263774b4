/**
 * The few things the history reads from an Analysis, in one place: a rep's measure of a metric,
 * a metric's measurability and view, which metrics have sides, and how an Analysis is stored and
 * backed up. Everything else in src/store goes through these, so a change of the Analysis
 * format touches this file only.
 */
import type { Analysis, MetricKey, Rep, Side, ViewKind } from '../core/types';
import { PEAK_DIRECTION, isSidedMetric, type PeakDirection } from '../core/reps/metric_direction';
import { METRIC_KEYS } from '../core/measurability';

/** A rep's value of one metric (the extreme that matters), how sure, and from which view. */
export interface RepMeasureValue {
  value: number;
  confidence: number;
  view: ViewKind;
}

export interface MetricMeasurability {
  measurable: boolean;
  reason: string | null;
  confidence: number;
  /** The view the metric is read from. */
  view: ViewKind | null;
}

/** Every metric the Analysis format knows. */
export function metricKeys(): readonly MetricKey[] {
  return METRIC_KEYS;
}

export function metricHasSides(metric: MetricKey): boolean {
  return isSidedMetric(metric);
}

/** Which extreme of the metric is the telling one over a rep. */
export function metricPeakDirection(metric: MetricKey): PeakDirection {
  return PEAK_DIRECTION[metric];
}

export function metricMeasurability(analysis: Analysis, metric: MetricKey): MetricMeasurability {
  const m = analysis.measurability[metric];
  if (!m) return { measurable: false, reason: null, confidence: 0, view: null };
  const view = (m as { view?: ViewKind | null }).view;
  return { measurable: m.measurable, reason: m.reason, confidence: m.confidence, view: view === undefined ? analysis.view.kind : view };
}

/**
 * A rep's measure of a metric on one side (side null for a metric without sides); null when that
 * rep could not measure it. Format 1 kept a bare number per rep: its confidence is then the
 * metric's measurability confidence and its view the clip's.
 */
export function repMeasure(analysis: Analysis, rep: Rep, metric: MetricKey, side: Side | null): RepMeasureValue | null {
  const peak = rep.peaks?.[metric] as unknown;
  const picked = side && peak !== null && typeof peak === 'object' ? (peak as Record<Side, unknown>)[side] : side ? null : peak;
  if (typeof picked !== 'number' || !Number.isFinite(picked)) return null;
  const m = metricMeasurability(analysis, metric);
  return { value: picked, confidence: m.confidence, view: m.view ?? analysis.view.kind };
}

/** The Analysis' format version (1 had `version: 1`, 2 has `formatVersion: 2`). */
export function analysisFormatVersion(analysis: unknown): number {
  const a = analysis as { formatVersion?: unknown; version?: unknown };
  if (typeof a.formatVersion === 'number') return a.formatVersion;
  if (typeof a.version === 'number') return a.version;
  return 0;
}

/** As stored in IndexedDB: the object itself (structured clone keeps typed arrays). */
export function toStoredAnalysis(analysis: Analysis): unknown {
  return analysis;
}

/** Reads a stored Analysis back. */
export function fromStoredAnalysis(stored: unknown): Analysis {
  return stored as Analysis;
}

/** As plain JSON for a backup file (no typed arrays, no NaN). */
export function analysisToBackupJSON(analysis: Analysis): unknown {
  return JSON.parse(JSON.stringify(analysis));
}

/** Reads a backup's Analysis JSON; throws with a plain message when it is not one. */
export function analysisFromBackupJSON(json: unknown): Analysis {
  const a = json as Partial<Analysis> | null;
  if (!a || typeof a !== 'object' || !Array.isArray(a.reps) || !a.measurability || !a.view || !a.source) {
    throw new Error('an analysis in the file is incomplete');
  }
  return a as Analysis;
}
