/** Each measurable metric over time (uPlot), and per-rep peaks as small multiples. */
import { CHART_ORDER } from '../../core/metrics/registry';
import type { Analysis, MetricKey } from '../../core/types';
import { MetricChart } from '../charts/MetricChart';
import { RepPeaksChart } from '../charts/RepPeaksChart';
import { metricPeakSeries, metricTimeSeries } from '../charts/chart_data';
import type { TimeStore } from '../charts/time_store';
import { METRIC_LABELS } from './labels';

export function chartableMetrics(analysis: Analysis): { shown: MetricKey[]; notMeasurable: MetricKey[] } {
  const shown: MetricKey[] = [];
  const notMeasurable: MetricKey[] = [];
  for (const metric of CHART_ORDER) {
    const measurable = analysis.measurability[metric]?.measurable ?? false;
    if (measurable && metricTimeSeries(analysis, metric).hasValues) shown.push(metric);
    else notMeasurable.push(metric);
  }
  return { shown, notMeasurable };
}

export function ChartsSection({ analysis, time, onSeek, onSelectRep }: { analysis: Analysis; time: TimeStore; onSeek: (t: number) => void; onSelectRep: (rep: number) => void }) {
  const { shown, notMeasurable } = chartableMetrics(analysis);
  const peaks = shown.filter((metric) => metricPeakSeries(analysis, metric).hasValues);
  return (
    <>
      <div className="charts">
        <h3 id="charts-heading">Over time</h3>
        <p className="muted small no-print">
          <span className="swatch side-left-bg" /> left · <span className="swatch side-right-bg" /> right · shaded = reps (red tint = flagged) · dashed = threshold ·
          hover for values, click to move the video.
        </p>
        {shown.map((metric) => (
          <MetricChart key={metric} analysis={analysis} metric={metric} time={time} onSeek={onSeek} />
        ))}
        {notMeasurable.length > 0 && (
          <p className="muted small">
            Not measurable from this view (no chart): {notMeasurable.map((metric) => METRIC_LABELS[metric].label).join(', ')}.
          </p>
        )}
      </div>
      {analysis.reps.length > 1 && peaks.length > 0 && (
        <div className="rep-peaks" aria-labelledby="peaks-heading">
          <h3 id="peaks-heading">Each rep's peak</h3>
          <p className="muted small">A slope across the set shows fatigue.</p>
          <div className="small-multiples">
            {peaks.map((metric) => (
              <RepPeaksChart key={metric} analysis={analysis} metric={metric} onSelectRep={onSelectRep} />
            ))}
          </div>
        </div>
      )}
    </>
  );
}
