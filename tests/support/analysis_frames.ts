/**
 * Tests read and write per-frame metrics as objects ({t, metrics, confidence} per frame), the
 * way a person thinks of them; the Analysis keeps them as typed columns (FrameSeries). These
 * convert between the two through the core's own accessors.
 */
import { METRICS } from '../../src/core/metrics/registry';
import { columnKey, frameConfidenceAt, frameMetricsAt } from '../../src/core/series';
import type { FrameConfidence, FrameMetrics, FrameSeries, MetricColumn, Side } from '../../src/core/types';

export interface FrameView {
  t: number;
  metrics: FrameMetrics;
  confidence: FrameConfidence;
}

/** Every frame of a series as an object. */
export function framesOf(source: { series: FrameSeries }): FrameView[] {
  const out: FrameView[] = [];
  for (let i = 0; i < source.series.t.length; i++) {
    out.push({ t: source.series.t[i], metrics: frameMetricsAt(source, i), confidence: frameConfidenceAt(source, i) });
  }
  return out;
}

/** A series from per-frame objects (null -> NaN, confidence 0 there); metrics left out are not measurable. */
export function seriesFromFrames(frames: readonly { t: number; metrics: Partial<FrameMetrics>; confidence?: Partial<FrameConfidence> }[]): FrameSeries {
  const n = frames.length;
  const columns: Record<string, MetricColumn> = {};
  for (const def of METRICS) {
    for (const side of def.sided ? (['left', 'right'] as Side[]) : [null]) {
      const value = new Float32Array(n).fill(NaN);
      const confidence = new Float32Array(n);
      frames.forEach((f, i) => {
        const v = f.metrics[def.key] as unknown;
        const c = f.confidence?.[def.key] as unknown;
        const x = side ? (v as Record<Side, number | null> | undefined)?.[side] : (v as number | null | undefined);
        if (typeof x !== 'number' || !Number.isFinite(x)) return;
        value[i] = x;
        const k = side ? (c as Record<Side, number> | undefined)?.[side] : (c as number | undefined);
        confidence[i] = typeof k === 'number' ? k : 1;
      });
      columns[columnKey(def.key, side)] = { value, confidence };
    }
  }
  return { t: Float64Array.from(frames, (f) => f.t), columns };
}
