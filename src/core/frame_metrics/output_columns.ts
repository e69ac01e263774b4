/**
 * Every registry metric computed once into its per-frame series, then turned, in place, into
 * the Analysis' output columns (FrameSeries), counting what was measured for measurability.
 */
import type { MeasuredCount } from '../measurability';
import { type MetricContext, type MetricSeries, newSeries } from '../metrics/metric_context';
import { METRICS, metricDef, type RegistryMetricKey } from '../metrics/registry';
import { columnKey } from '../series';
import type { MetricColumn, MetricKey, Side } from '../types';

const SIDES: readonly Side[] = ['left', 'right'];

/**
 * Every registry metric's series ("key" or "key.left"/"key.right"), each computed once: a derived
 * metric asks for its inputs through seriesOf, which computes them first if needed. A metric the
 * rep stage fills ('rep-stage') starts empty.
 */
export function computeMetricSeries(ctx: MetricContext): Map<string, MetricSeries> {
  const computed = new Map<string, MetricSeries>();
  const seriesOf = (key: string, side: Side | null): MetricSeries => {
    const ck = columnKey(key as RegistryMetricKey, side);
    let out = computed.get(ck);
    if (!out) {
      const compute = metricDef(key as RegistryMetricKey).compute;
      out = compute === 'rep-stage' ? newSeries(ctx.n) : compute(ctx, side, seriesOf);
      computed.set(ck, out);
    }
    return out;
  };
  for (const def of METRICS) for (const side of def.sided ? SIDES : [null]) seriesOf(def.key, side);
  return computed;
}

/**
 * The output columns, in place (value NaN and confidence 0 where not finite, confidence clamped
 * to 0..1), with per metric the frames that have a value and the sum of their raw confidences
 * (left then right into one count).
 */
export function outputColumns(computed: Map<string, MetricSeries>): { columns: Record<string, MetricColumn>; measured: Partial<Record<MetricKey, MeasuredCount>> } {
  const measured: Partial<Record<MetricKey, MeasuredCount>> = {};
  const columns: Record<string, MetricColumn> = {};
  for (const def of METRICS) {
    const acc: MeasuredCount = (measured[def.key] = { count: 0, confSum: 0 });
    for (const side of def.sided ? SIDES : [null]) {
      const ck = columnKey(def.key, side);
      columns[ck] = toOutputColumn(computed.get(ck)!, acc);
    }
  }
  return { columns, measured };
}

/**
 * A computed series as an output column, in place: value NaN and confidence 0 where the value is
 * not finite, confidence clamped to 0..1. Counts into `acc` the frames with a value (anything
 * but NaN) and the sum of their raw confidences.
 */
function toOutputColumn(series: MetricSeries, acc: MeasuredCount): MetricColumn {
  const { value, confidence } = series;
  let count = acc.count, confSum = acc.confSum;
  for (let i = 0; i < value.length; i++) {
    const x = value[i];
    if (x === x) { count++; confSum += confidence[i]; }
    if (x === x && x !== Infinity && x !== -Infinity) {
      const k = confidence[i];
      confidence[i] = k > 0 ? (k < 1 ? k : 1) : 0;
    } else {
      value[i] = NaN;
      confidence[i] = 0;
    }
  }
  acc.count = count;
  acc.confSum = confSum;
  return series;
}
