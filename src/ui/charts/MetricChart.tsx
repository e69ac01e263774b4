/**
 * One metric over time (per side), drawn with uPlot: rep bands, threshold lines, a playhead
 * that follows the video, hover values in the legend, click to seek.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Analysis, MetricKey } from '../../core/types';
import { METRIC_LABELS } from '../report/labels';
import { SIDE_COLOURS } from '../../render/draw_skeleton';
import { flagThresholds, metricTimeSeries } from './chart_data';
import type { TimeStore } from './time_store';
import { thresholdLinesHook } from './threshold_lines';

export interface MetricChartProps {
  analysis: Analysis;
  metric: MetricKey;
  /** Extra reference lines in the shown unit (besides the thresholds the flags used). */
  thresholds?: readonly number[];
  time: TimeStore;
  onSeek: (t: number) => void;
  height?: number;
}

/** Text colour of the page (light or dark theme), for axes and single-series lines. */
export function inkColour(element: HTMLElement): string {
  const colour = typeof getComputedStyle === 'function' ? getComputedStyle(element).color : '';
  return colour || '#444';
}

export const GRID = { stroke: 'rgba(128,128,128,0.22)', width: 1 };

export function MetricChart(props: MetricChartProps) {
  const host = useRef<HTMLDivElement | null>(null);
  const { analysis, metric } = props;
  const meta = METRIC_LABELS[metric];
  const onSeek = useRef(props.onSeek);
  onSeek.current = props.onSeek;

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const series = metricTimeSeries(analysis, metric);
    const thresholds = [...new Set([...flagThresholds(analysis, metric), ...(props.thresholds ?? [])])];
    const flaggedReps = new Set(analysis.reps.filter((rep) => rep.flags.some((flag) => flag.metric === metric)).map((rep) => rep.index));
    const unit = meta.unit ? ` (${meta.unit})` : '';
    const width = Math.max(240, element.clientWidth || 600);
    const ink = inkColour(element);
    const seriesColour = { left: SIDE_COLOURS.left, right: SIDE_COLOURS.right, none: ink };
    const options: uPlot.Options = {
      width,
      height: props.height ?? 170,
      legend: { show: true, live: true },
      cursor: { drag: { x: false, y: false }, points: { size: 6 } },
      scales: {
        x: { time: false },
        // Keep the threshold lines in view even when the data never reach them.
        y: {
          range: (_u, min, max) => {
            const lo = Math.min(min, ...thresholds);
            const hi = Math.max(max, ...thresholds);
            const pad = (hi - lo || 1) * 0.08;
            return [lo - pad, hi + pad];
          },
        },
      },
      axes: [
        { label: 'time (s)', size: 34, labelSize: 14, stroke: ink, grid: GRID, ticks: GRID },
        { label: `${meta.label}${unit}`, size: 48, labelSize: 16, stroke: ink, grid: GRID, ticks: GRID },
      ],
      series: [
        { label: 't (s)', value: (_u, v) => (v == null ? '–' : v.toFixed(2)) },
        // Legend: '–' when not hovering; 'not measurable' only for a hovered frame without a value.
        ...series.series.map((s) => ({
          label: s.label,
          stroke: seriesColour[s.side ?? 'none'],
          width: 2,
          spanGaps: false,
          value: (_u: uPlot, v: number | null, _series: number, idx: number | null) =>
            idx == null ? '–' : v == null ? 'not measurable' : `${v.toFixed(meta.digits)}${meta.unit === '°' ? '°' : ''}`,
        })),
      ],
      hooks: {
        drawClear: [
          (u) => {
            const { ctx } = u;
            ctx.save();
            for (const rep of analysis.reps) {
              const x0 = u.valToPos(rep.start, 'x', true);
              const x1 = u.valToPos(rep.end, 'x', true);
              ctx.fillStyle = flaggedReps.has(rep.index) ? 'rgba(220, 60, 40, 0.12)' : 'rgba(60, 120, 200, 0.08)';
              ctx.fillRect(x0, u.bbox.top, x1 - x0, u.bbox.height);
              ctx.fillStyle = ink;
              ctx.font = `${Math.round(11 * devicePixelRatio)}px system-ui, sans-serif`;
              ctx.fillText(`rep ${rep.index + 1}`, x0 + 3 * devicePixelRatio, u.bbox.top + 12 * devicePixelRatio);
            }
            ctx.restore();
          },
        ],
        draw: [thresholdLinesHook(thresholds)],
      },
    };
    let plot: uPlot;
    try {
      plot = new uPlot(options, series.data as uPlot.AlignedData, element);
    } catch (error) {
      element.textContent = `Chart unavailable: ${String(error)}`;
      return;
    }
    const playhead = document.createElement('div');
    playhead.className = 'chart-playhead';
    plot.over.appendChild(playhead);
    const place = (t: number) => {
      const left = plot.valToPos(t, 'x');
      playhead.style.transform = `translateX(${Number.isFinite(left) ? left : -10}px)`;
    };
    place(props.time.get());
    const unsubscribe = props.time.subscribe(place);
    const onClick = () => {
      const left = plot.cursor.left;
      if (left == null || left < 0) return;
      onSeek.current(plot.posToVal(left, 'x'));
    };
    plot.over.addEventListener('click', onClick);
    let resize: ResizeObserver | null = null;
    if (typeof ResizeObserver !== 'undefined') {
      resize = new ResizeObserver(() => {
        const w = Math.max(240, element.clientWidth);
        if (Math.abs(w - plot.width) > 2) {
          plot.setSize({ width: w, height: plot.height });
          place(props.time.get());
        }
      });
      resize.observe(element);
    }
    return () => {
      resize?.disconnect();
      unsubscribe();
      plot.over.removeEventListener('click', onClick);
      plot.destroy();
    };
  }, [analysis, metric, props.time, props.height, props.thresholds, meta]);

  // Keyboard: the chart is one tab stop; arrows move the video a frame (Shift: a second).
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const step = event.shiftKey ? 1 : 1 / (analysis.source.fps || 30);
    const last = analysis.series.t.at(-1) ?? 0;
    const t = Math.min(last, Math.max(0, props.time.get() + (event.key === 'ArrowRight' ? step : -step)));
    onSeek.current(t);
  };

  return (
    <figure className="metric-chart" data-metric={metric}>
      <div
        ref={host}
        className="metric-chart-plot"
        role="img"
        tabIndex={0}
        onKeyDown={onKeyDown}
        aria-label={`${meta.label} over time, per side where measured. Click, or use the arrow keys, to move the video.`}
      />
    </figure>
  );
}
