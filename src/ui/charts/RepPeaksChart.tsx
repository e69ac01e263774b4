/**
 * Small multiple: one metric's peak in each rep, per side, so a trend over the set
 * (fatigue) shows as a slope. uPlot, points joined by lines.
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import { thresholdLinesHook } from './threshold_lines';
import 'uplot/dist/uPlot.min.css';
import type { Analysis, MetricKey } from '../../core/types';
import { METRIC_LABELS } from '../report/labels';
import { SIDE_COLOURS } from '../../render/draw_skeleton';
import { flagThresholds, metricPeakSeries } from './chart_data';
import { GRID, inkColour } from './MetricChart';

export interface RepPeaksChartProps {
  analysis: Analysis;
  metric: MetricKey;
  onSelectRep?: (repIndex: number) => void;
}

export function RepPeaksChart(props: RepPeaksChartProps) {
  const host = useRef<HTMLDivElement | null>(null);
  const { analysis, metric } = props;
  const meta = METRIC_LABELS[metric];
  const onSelect = useRef(props.onSelectRep);
  onSelect.current = props.onSelectRep;

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const peaks = metricPeakSeries(analysis, metric);
    const thresholds = flagThresholds(analysis, metric);
    const ink = inkColour(element);
    const options: uPlot.Options = {
      width: Math.max(160, element.clientWidth || 220),
      height: 120,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false, range: (_u, min, max) => [min - 0.5, max + 0.5] } },
      axes: [
        { size: 24, stroke: ink, grid: GRID, ticks: GRID, incrs: [1], values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? `#${v}` : '')) },
        { size: 40, stroke: ink, grid: GRID, ticks: GRID },
      ],
      series: [
        {},
        ...peaks.series.map((s) => ({
          label: s.label,
          stroke: s.side ? SIDE_COLOURS[s.side] : ink,
          width: 2,
          points: { show: true, size: 7 },
        })),
      ],
      hooks: {
        draw: [thresholdLinesHook(thresholds)],
      },
    };
    let plot: uPlot;
    try {
      plot = new uPlot(options, peaks.data as uPlot.AlignedData, element);
    } catch (error) {
      element.textContent = `Chart unavailable: ${String(error)}`;
      return;
    }
    const onClick = () => {
      const idx = plot.cursor.idx;
      if (idx != null && idx >= 0) onSelect.current?.(analysis.reps[idx]!.index);
    };
    plot.over.addEventListener('click', onClick);
    return () => {
      plot.over.removeEventListener('click', onClick);
      plot.destroy();
    };
  }, [analysis, metric]);

  const unit = meta.unit ? ` (${meta.unit})` : '';
  return (
    <figure className="rep-peaks-chart" data-metric={metric}>
      <figcaption>
        {meta.label} peak{unit}
      </figcaption>
      <div ref={host} role="img" aria-label={`${meta.label}: peak of each rep, rep 1 to ${analysis.reps.length}`} />
    </figure>
  );
}
