/**
 * One metric across sessions (uPlot, time on x), per side. Every point is a button laid over the
 * chart at the point's position: click it, or tab to it and press Enter, to open that session's
 * report.
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Trend } from '../../store/history_trends';
import { SIDE_COLOURS } from '../../render/draw_skeleton';
import { GRID, inkColour } from '../charts/MetricChart';
import { formatProgressValue, formatSessionDate, progressChartData, progressLabel } from './progress_display';

export interface ProgressChartProps {
  trend: Trend;
  onOpenSession: (sessionId: string) => void;
  height?: number;
}

export function ProgressChart({ trend, onOpenSession, height = 220 }: ProgressChartProps) {
  const host = useRef<HTMLDivElement | null>(null);
  const onOpen = useRef(onOpenSession);
  onOpen.current = onOpenSession;

  useEffect(() => {
    const element = host.current;
    if (!element || trend.points.length === 0) return;
    const { data, sides } = progressChartData(trend);
    const meta = progressLabel(trend.metric.id);
    const ink = inkColour(element);
    const colour = (side: string) => (side === 'left' ? SIDE_COLOURS.left : side === 'right' ? SIDE_COLOURS.right : ink);
    const xs = data[0] as number[];
    // The time axis from the data, padded: half a day either side when the sessions are within a
    // day (or there is only one), else 5 % of the span.
    const first = Math.min(...xs);
    const last = Math.max(...xs);
    const pad = last - first < 86_400 ? 43_200 : (last - first) * 0.05;
    const xRange: uPlot.Range.MinMax = [first - pad, last + pad];
    const buttons: HTMLButtonElement[] = [];
    const place = (u: uPlot) => {
      for (const button of buttons) {
        const i = Number(button.dataset.index);
        const s = Number(button.dataset.series);
        const y = data[s]![i];
        if (y == null) continue;
        button.style.left = `${u.valToPos(xs[i]!, 'x')}px`;
        button.style.top = `${u.valToPos(y, 'y')}px`;
      }
    };
    const options: uPlot.Options = {
      width: Math.max(260, element.clientWidth || 600),
      height,
      legend: { show: sides.length > 1 },
      cursor: { drag: { x: false, y: false }, points: { show: false } },
      scales: { x: { time: true, range: xRange } },
      axes: [
        { stroke: ink, grid: GRID, ticks: GRID, size: 40 },
        { label: `${meta.label}${meta.unit ? ` (${meta.unit})` : ''}`, labelSize: 16, size: 52, stroke: ink, grid: GRID, ticks: GRID },
      ],
      series: [
        { label: 'session', value: (_u, v) => (v == null ? '–' : formatSessionDate(v * 1000)) },
        ...sides.map((side) => ({
          label: side === 'none' ? meta.label : side,
          stroke: colour(side),
          width: 2,
          spanGaps: true,
          points: { show: true, size: 9, fill: colour(side) },
          value: (_u: uPlot, v: number | null) => (v == null ? '–' : formatProgressValue(trend.metric.id, v / meta.scale)),
        })),
      ],
      hooks: { draw: [place] },
    };
    let plot: uPlot;
    try {
      plot = new uPlot(options, data as uPlot.AlignedData, element);
    } catch (error) {
      element.textContent = `Chart unavailable: ${String(error)}`;
      return;
    }
    trend.points.forEach((point, i) => {
      sides.forEach((side, k) => {
        const value = point.values[side];
        if (!value) return;
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'progress-point';
        button.dataset.index = String(i);
        button.dataset.series = String(k + 1);
        button.dataset.sessionId = point.sessionId;
        button.dataset.side = side;
        button.style.setProperty('--point-colour', colour(side));
        const sideText = side === 'none' ? '' : `${side}: `;
        button.setAttribute('aria-label', `${sideText}${formatProgressValue(trend.metric.id, value.value)} on ${formatSessionDate(point.t)} (${point.name}). Open its report.`);
        button.title = `${formatSessionDate(point.t)} · ${point.name}${point.note ? ` · ${point.note}` : ''}\n${sideText}${formatProgressValue(trend.metric.id, value.value)}`;
        button.addEventListener('click', () => onOpen.current(point.sessionId));
        plot.over.appendChild(button);
        buttons.push(button);
      });
    });
    place(plot);
    let resize: ResizeObserver | null = null;
    if (typeof ResizeObserver !== 'undefined') {
      resize = new ResizeObserver(() => {
        const w = Math.max(260, element.clientWidth);
        if (Math.abs(w - plot.width) > 2) plot.setSize({ width: w, height: plot.height });
      });
      resize.observe(element);
    }
    return () => {
      resize?.disconnect();
      plot.destroy();
    };
  }, [trend, height]);

  const meta = progressLabel(trend.metric.id);
  return (
    <figure className="progress-chart" data-metric={trend.metric.id} data-points={trend.points.length}>
      <div ref={host} className="progress-chart-plot" role="group" aria-label={`${meta.label} per session${trend.metric.sided ? ', left and right' : ''}. Each point opens its session's report.`} />
    </figure>
  );
}
