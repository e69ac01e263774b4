/**
 * The few numbers of one analysed set that the progress view compares across sessions, taken
 * from the Analysis' own per-rep measures: per metric and side, the median over the reps of each
 * rep's measure (the typical rep: one odd rep does not move a session's point) and the worst rep.
 * Computing nothing new: every value is one the report showed for some rep.
 */
import type { Analysis, Fault, MetricKey, Side } from '../core/types';
import { metricHasSides, metricKeys, metricMeasurability, metricPeakDirection, repMeasure } from './analysis_access';
import type { MetricSummary, SessionSummary, SummarySide, SummaryValue, TempoSummary } from './history_types';

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function summariseValues(analysis: Analysis, metric: MetricKey, side: Side | null): SummaryValue | null {
  const measures = analysis.reps.map((rep) => repMeasure(rep, metric, side)).filter((m) => m !== null);
  if (measures.length === 0) return null;
  const values = measures.map((m) => m.value);
  const direction = metricPeakDirection(metric);
  const worst = direction === 'min' ? Math.min(...values) : direction === 'absmax' ? values.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a)) : Math.max(...values);
  return {
    value: median(values),
    worst,
    confidence: measures.reduce((sum, m) => sum + m.confidence, 0) / measures.length,
    reps: measures.length,
  };
}

function summariseMetric(analysis: Analysis, metric: MetricKey): MetricSummary {
  const m = metricMeasurability(analysis, metric);
  const values: Partial<Record<SummarySide, SummaryValue>> = {};
  if (m.measurable) {
    const sides: [SummarySide, Side | null][] = metricHasSides(metric) ? [['left', 'left'], ['right', 'right']] : [['none', null]];
    for (const [key, side] of sides) {
      const v = summariseValues(analysis, metric, side);
      if (v) values[key] = v;
    }
  }
  return { measurable: m.measurable, view: m.view, reason: m.reason, values };
}

function summariseTempo(analysis: Analysis): TempoSummary | null {
  const reps = analysis.reps.filter((rep) => !rep.partial);
  if (reps.length === 0) return null;
  return {
    repS: median(reps.map((rep) => rep.end - rep.start)),
    descentS: median(reps.map((rep) => rep.tempo.descentS)),
    bottomS: median(reps.map((rep) => rep.tempo.bottomS)),
    ascentS: median(reps.map((rep) => rep.tempo.ascentS)),
  };
}

export function summariseAnalysis(analysis: Analysis): SessionSummary {
  const metrics: Record<string, MetricSummary> = {};
  for (const metric of metricKeys()) metrics[metric] = summariseMetric(analysis, metric);
  const flaggedReps: Partial<Record<Fault, number>> = {};
  for (const rep of analysis.reps) {
    for (const fault of new Set(rep.flags.map((flag) => flag.fault))) flaggedReps[fault] = (flaggedReps[fault] ?? 0) + 1;
  }
  return {
    repCount: analysis.reps.length,
    view: analysis.view.kind,
    viewConfidence: analysis.view.confidence,
    poseCoverage: analysis.poseCoverage,
    tempo: summariseTempo(analysis),
    metrics,
    flaggedReps,
  };
}
