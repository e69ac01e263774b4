/**
 * Reading an Analysis' per-frame columns and rep measures without poking at them: every
 * consumer (report, charts, overlay, exports, CLI, tests) goes through these, so the typed
 * arrays and the NaN convention stay an implementation detail of the core.
 */
import { METRICS } from './metrics/registry';
import type {
  ColumnKey, FrameConfidence, FrameMetrics, FrameSeries, MetricColumn, MetricKey, Rep, RepMeasure, RepMeasureEntry, Side, Sided,
} from './types';

/** The column key of a metric and side: "depth", "heelLift.left". */
export function columnKey(key: MetricKey, side: Side | null): ColumnKey {
  return side ? `${key}.${side}` : key;
}

/** The column of a metric and side (side null for a whole-body metric), if present. */
export function column(series: FrameSeries, key: MetricKey, side: Side | null): MetricColumn | undefined {
  return series.columns[columnKey(key, side)];
}

/** A frame's value of a metric; null = not measurable in that frame. */
export function columnValue(series: FrameSeries, key: MetricKey, side: Side | null, i: number): number | null {
  const v = column(series, key, side)?.value[i];
  return v === undefined || v !== v ? null : v;
}

/** A frame's confidence of a metric, 0..1 (0 where not measurable). */
export function columnConfidence(series: FrameSeries, key: MetricKey, side: Side | null, i: number): number {
  const col = column(series, key, side);
  if (!col) return 0;
  const v = col.value[i];
  return v === undefined || v !== v ? 0 : col.confidence[i];
}

/**
 * Half a millisecond: absorbs float rounding between a container's time base and a media clock,
 * far below any frame interval.
 */
export const FRAME_TIME_TOLERANCE_S = 0.0005;

/**
 * Index of the last of `count` frames whose time (timeOf(i), ascending) is at or before t
 * (within FRAME_TIME_TOLERANCE_S); -1 before the first frame.
 */
export function indexAtTime(count: number, timeOf: (i: number) => number, t: number): number {
  if (count === 0 || t + FRAME_TIME_TOLERANCE_S < timeOf(0)) return -1;
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (timeOf(mid) <= t + FRAME_TIME_TOLERANCE_S) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The frame on screen at media time t: the last frame at or before t; -1 before the first. */
export function frameIndexAt(series: FrameSeries, t: number): number {
  const times = series.t;
  return indexAtTime(times.length, (i) => times[i], t);
}

/** One frame as an object of every registry metric, {left, right} for sided ones, read by `read`. */
function frameObject<T>(series: FrameSeries, i: number, read: (series: FrameSeries, key: MetricKey, side: Side | null, i: number) => T): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const def of METRICS) {
    out[def.key] = def.sided ? { left: read(series, def.key, 'left', i), right: read(series, def.key, 'right', i) } : read(series, def.key, null, i);
  }
  return out;
}

/** One frame's metrics as an object ({left, right} for sided metrics; null = not measurable). */
export function frameMetricsAt(analysis: { series: FrameSeries }, i: number): FrameMetrics {
  return frameObject(analysis.series, i, columnValue) as FrameMetrics;
}

/** One frame's metric confidences as an object (same keys as frameMetricsAt). */
export function frameConfidenceAt(analysis: { series: FrameSeries }, i: number): FrameConfidence {
  return frameObject(analysis.series, i, columnConfidence) as FrameConfidence;
}

/** True for a per-side entry ({left, right}). */
export function isSidedEntry(entry: unknown): entry is Sided<unknown> {
  return typeof entry === 'object' && entry !== null && 'left' in entry && 'right' in entry;
}

/** A rep's measure of a metric on one side (side null for a whole-body metric); null = not measurable. */
export function repValue(rep: Pick<Rep, 'measures'>, key: MetricKey, side: Side | null): RepMeasure | null {
  const entry: RepMeasureEntry | undefined = rep.measures[key];
  if (!entry) return null;
  if (isSidedEntry(entry)) return side ? ((entry as Sided<RepMeasure | null>)[side] ?? null) : null;
  return entry as RepMeasure;
}

/** The number of a rep's measure (side null for a whole-body metric); null = not measurable. */
export function repNumber(rep: Pick<Rep, 'measures'>, key: MetricKey, side: Side | null): number | null {
  return repValue(rep, key, side)?.value ?? null;
}
