/**
 * The few things the history reads from an Analysis, in one place: a rep's measure of a metric,
 * a metric's measurability and view, which metrics have sides, and how an Analysis is stored and
 * backed up. Everything else in src/store goes through these, so a change of the Analysis
 * format touches this file only.
 */
import { analysisToJSON, parseAnalysis } from '../core/analysis_io';
import { METRIC_KEYS, isSidedMetric, metricDef, type PeakDirection } from '../core/metrics/registry';
import { repValue } from '../core/series';
import { ANALYSIS_FORMAT_VERSION, type Analysis, type MetricKey, type Rep, type Side, type ViewKind } from '../core/types';

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
  return metricDef(metric).peak;
}

export function metricMeasurability(analysis: Analysis, metric: MetricKey): MetricMeasurability {
  const m = analysis.measurability[metric];
  if (!m) return { measurable: false, reason: null, confidence: 0, view: null };
  return { measurable: m.measurable, reason: m.reason, confidence: m.confidence, view: m.view };
}

/** A rep's measure of a metric on one side (side null for a metric without sides); null when that rep could not measure it. */
export function repMeasure(rep: Rep, metric: MetricKey, side: Side | null): RepMeasureValue | null {
  const m = repValue(rep, metric, side);
  if (!m || !Number.isFinite(m.value)) return null;
  return { value: m.value, confidence: m.confidence, view: m.view };
}

/** The Analysis' format version (1 had `version: 1`, 2 has `formatVersion: 2`). */
export function analysisFormatVersion(analysis: unknown): number {
  const a = analysis as { formatVersion?: unknown; version?: unknown };
  if (typeof a.formatVersion === 'number') return a.formatVersion;
  if (typeof a.version === 'number') return a.version;
  return 0;
}

/** As stored in IndexedDB: the object itself (structured clone keeps the typed arrays as they are). */
export function toStoredAnalysis(analysis: Analysis): unknown {
  return analysis;
}

/** Reads a stored Analysis back; one stored in an older format is read through parseAnalysis. */
export function fromStoredAnalysis(stored: unknown): Analysis {
  if (analysisFormatVersion(stored) === ANALYSIS_FORMAT_VERSION) return stored as Analysis;
  return parseAnalysis(stored);
}

/** As plain JSON for a backup file (typed arrays as number arrays, NaN as null). */
export function analysisToBackupJSON(analysis: Analysis): unknown {
  return analysisToJSON(analysis);
}

/** Reads a backup's Analysis JSON (any format version parseAnalysis reads); throws saying what is wrong. */
export function analysisFromBackupJSON(json: unknown): Analysis {
  return parseAnalysis(json);
}
