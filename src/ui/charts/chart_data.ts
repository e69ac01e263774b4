/**
 * Turns an Analysis into the column arrays uPlot draws. Display only: values are the
 * Analysis' own, scaled to the unit shown (e.g. heel lift fraction -> % of foot); null
 * stays null so uPlot leaves a gap where a metric was not measurable.
 */
import type { Analysis, MetricKey } from '../../core/types';
import { isSidedValue } from '../../export/metric_columns';
import { METRIC_LABELS } from '../report/labels';

export interface ChartSeriesData {
  /** x then one array per series. */
  data: (number | null)[][];
  series: { label: string; side: 'left' | 'right' | null }[];
  /** True when at least one value is not null. */
  hasValues: boolean;
}

function scaled(value: unknown, scale: number): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value * scale : null;
}

export function metricIsSided(analysis: Analysis, metric: MetricKey): boolean {
  const first = analysis.frames[0]?.metrics[metric] as unknown;
  return isSidedValue(first);
}

export function metricTimeSeries(analysis: Analysis, metric: MetricKey): ChartSeriesData {
  const { scale } = METRIC_LABELS[metric];
  const x = analysis.frames.map((frame) => frame.t);
  let hasValues = false;
  const note = (v: number | null) => {
    if (v !== null) hasValues = true;
    return v;
  };
  if (metricIsSided(analysis, metric)) {
    const left = analysis.frames.map((frame) => note(scaled((frame.metrics[metric] as { left: unknown }).left, scale)));
    const right = analysis.frames.map((frame) => note(scaled((frame.metrics[metric] as { right: unknown }).right, scale)));
    return { data: [x, left, right], series: [{ label: 'left', side: 'left' }, { label: 'right', side: 'right' }], hasValues };
  }
  const values = analysis.frames.map((frame) => note(scaled(frame.metrics[metric], scale)));
  return { data: [x, values], series: [{ label: METRIC_LABELS[metric].label, side: null }], hasValues };
}

/** Per-rep peaks (rep number 1..n on x), per side where sided. */
export function metricPeakSeries(analysis: Analysis, metric: MetricKey): ChartSeriesData {
  const { scale } = METRIC_LABELS[metric];
  const x = analysis.reps.map((rep) => rep.index + 1);
  let hasValues = false;
  const note = (v: number | null) => {
    if (v !== null) hasValues = true;
    return v;
  };
  const sided = analysis.reps.some((rep) => isSidedValue(rep.peaks[metric])) || metricIsSided(analysis, metric);
  if (sided) {
    const side = (s: 'left' | 'right') =>
      analysis.reps.map((rep) => {
        const peak = rep.peaks[metric];
        return note(isSidedValue(peak) ? scaled(peak[s], scale) : null);
      });
    return { data: [x, side('left'), side('right')], series: [{ label: 'left', side: 'left' }, { label: 'right', side: 'right' }], hasValues };
  }
  const values = analysis.reps.map((rep) => note(scaled(rep.peaks[metric], scale)));
  return { data: [x, values], series: [{ label: METRIC_LABELS[metric].label, side: null }], hasValues };
}

/** Threshold values (scaled) used by this Analysis' flags on this metric, for reference lines. */
export function flagThresholds(analysis: Analysis, metric: MetricKey): number[] {
  const { scale } = METRIC_LABELS[metric];
  const values = new Set<number>();
  for (const rep of analysis.reps) for (const flag of rep.flags) if (flag.metric === metric && Number.isFinite(flag.threshold)) values.add(flag.threshold * scale);
  return [...values].sort((a, b) => a - b);
}
