/**
 * Words and numbers for the progress view: how each progress metric is labelled and scaled for
 * display, and a trend as the column arrays uPlot draws. Display only: the values are the
 * sessions' stored summaries (src/store/history_trends.ts), scaled to the unit shown.
 */
import { metricDef } from '../../core/metrics/registry';
import type { MetricKey } from '../../core/types';
import type { ProgressMetricId, Trend } from '../../store/history_trends';
import type { SummarySide } from '../../store/history_types';

export interface ProgressLabel {
  label: string;
  unit: string;
  scale: number;
  digits: number;
  help: string;
}

const EXTRA: Record<'tempo' | 'reps', ProgressLabel> = {
  tempo: { label: 'Rep time', unit: 's', scale: 1, digits: 1, help: 'Median time of a complete rep, from leaving the top to standing again.' },
  reps: { label: 'Reps', unit: '', scale: 1, digits: 0, help: 'Reps counted in the set.' },
};

export function progressLabel(id: ProgressMetricId): ProgressLabel {
  if (id === 'tempo' || id === 'reps') return EXTRA[id];
  const { label, unit, scale, digits, help } = metricDef(id as MetricKey).display;
  return { label, unit, scale, digits, help };
}

/** "12 % foot", "4°", "2.3 s" for a value in the metric's own unit. */
export function formatProgressValue(id: ProgressMetricId, value: number): string {
  const { unit, scale, digits } = progressLabel(id);
  const shown = (value * scale).toFixed(digits).replace(/^-(0(\.0+)?)$/, '$1');
  if (!unit) return shown;
  return unit === '°' ? `${shown}°` : `${shown} ${unit}`;
}

/** A difference with its sign: "+3 % foot", "−2°", "0°". */
export function formatProgressChange(id: ProgressMetricId, delta: number): string {
  const text = formatProgressValue(id, delta);
  if (/^0(\.0+)?(\D|$)/.test(text)) return text;
  return delta > 0 ? `+${text}` : text.replace(/^-/, '−');
}

export function sideName(side: SummarySide): string {
  return side === 'none' ? '' : side;
}

export interface ProgressChartData {
  /** x (seconds since the epoch) then one array per side, scaled for display. */
  data: (number | null)[][];
  sides: SummarySide[];
}

export function progressChartData(trend: Trend): ProgressChartData {
  const { scale } = progressLabel(trend.metric.id);
  const x = trend.points.map((p) => p.t / 1000);
  const series = trend.sides.map((side) => trend.points.map((p) => (p.values[side] ? p.values[side]!.value * scale : null)));
  return { data: [x, ...series], sides: trend.sides };
}

const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** "12 Mar 2026, 18:05". */
export function formatSessionDate(ms: number): string {
  const d = new Date(ms);
  return `${dayFormat.format(d)}, ${timeFormat.format(d)}`;
}

const shortDayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

/** "12 Mar, 18:05": for the differences table, where the year is plain from the chart. */
export function formatShortSessionDate(ms: number): string {
  const d = new Date(ms);
  return `${shortDayFormat.format(d)}, ${timeFormat.format(d)}`;
}

export function formatBytes(n: number): string {
  if (n <= 0) return '0 kB';
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)} GB`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(n / 1e3))} kB`;
}

const VIEW_WORDS = { front: 'the front', side: 'the side', oblique: '45 degrees' } as const;
export function viewWords(view: keyof typeof VIEW_WORDS): string {
  return VIEW_WORDS[view];
}
