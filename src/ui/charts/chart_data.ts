/**
 * Turns an Analysis into the column arrays uPlot draws. Display only: values are the
 * Analysis' own, scaled to the unit shown (e.g. heel lift fraction -> % of foot); null
 * stays null so uPlot leaves a gap where a metric was not measurable.
 */
import { isSidedMetric } from '../../core/metrics/registry';
import { column, repNumber } from '../../core/series';
import type { Analysis, MetricKey, Side } from '../../core/types';
import { METRIC_LABELS } from '../report/labels';

export interface ChartSeriesData {
  /** x then one array per series. */
  data: (number | null)[][];
  series: { label: string; side: 'left' | 'right' | null }[];
  /** True when at least one value is not null. */
  hasValues: boolean;
}

function scaled(value: number | null, scale: number): number | null {
  return value !== null && Number.isFinite(value) ? value * scale : null;
}

const SIDE_SERIES = [{ label: 'left', side: 'left' }, { label: 'right', side: 'right' }] as const;

export function metricTimeSeries(analysis: Analysis, metric: MetricKey): ChartSeriesData {
  const { scale } = METRIC_LABELS[metric];
  const x = Array.from(analysis.series.t);
  let hasValues = false;
  const values = (side: Side | null) => {
    const col = column(analysis.series, metric, side);
    return x.map((_, i) => {
      const v = col ? scaled(col.value[i], scale) : null;
      if (v !== null) hasValues = true;
      return v;
    });
  };
  if (isSidedMetric(metric)) return { data: [x, values('left'), values('right')], series: [...SIDE_SERIES], hasValues };
  return { data: [x, values(null)], series: [{ label: METRIC_LABELS[metric].label, side: null }], hasValues };
}

/** Per-rep measures (rep number 1..n on x), per side where sided. */
export function metricPeakSeries(analysis: Analysis, metric: MetricKey): ChartSeriesData {
  const { scale } = METRIC_LABELS[metric];
  const x = analysis.reps.map((rep) => rep.index + 1);
  let hasValues = false;
  const values = (side: Side | null) =>
    analysis.reps.map((rep) => {
      const v = scaled(repNumber(rep, metric, side), scale);
      if (v !== null) hasValues = true;
      return v;
    });
  if (isSidedMetric(metric)) return { data: [x, values('left'), values('right')], series: [...SIDE_SERIES], hasValues };
  return { data: [x, values(null)], series: [{ label: METRIC_LABELS[metric].label, side: null }], hasValues };
}

/** Threshold values (scaled) used by this Analysis' flags on this metric, for reference lines. */
export function flagThresholds(analysis: Analysis, metric: MetricKey): number[] {
  const { scale } = METRIC_LABELS[metric];
  const values = new Set<number>();
  for (const rep of analysis.reps) for (const flag of rep.flags) if (flag.metric === metric && Number.isFinite(flag.threshold)) values.add(flag.threshold * scale);
  return [...values].sort((a, b) => a - b);
}
