/**
 * The metric labels written beside the joints on the analysed video: the Analysis' own values
 * at the frame on screen, in the registry's words for a lifter ("knee bent 98°"). The flagged metric (when one is highlighted) comes first, in the
 * highlight colour; other metrics are labelled only where they have a value.
 */
import { isSidedMetric, metricDef } from '../core/metrics/registry';
import { columnValue, frameIndexAt } from '../core/series';
import type { Analysis, MetricKey, Side } from '../core/types';
import { METRIC_LABELS, NOT_MEASURABLE, metricAnchor } from '../ui/report/labels';
import type { OverlayLabel } from './draw_skeleton';

export interface OverlayHighlight {
  metric: MetricKey;
  side: Side | null;
}

/** Labels for the metrics at media time t: values from the Analysis frame on screen at t. */
export function overlayLabels(analysis: Analysis | null | undefined, t: number, metrics: readonly MetricKey[], highlight: OverlayHighlight | null | undefined): OverlayLabel[] {
  if (!analysis) return [];
  const index = frameIndexAt(analysis.series, t);
  if (index < 0) return [];
  const labels: OverlayLabel[] = [];
  const wanted: { metric: MetricKey; side: Side | null; emphasis: boolean }[] = metrics.map((metric) => ({ metric, side: null, emphasis: false }));
  if (highlight) wanted.unshift({ metric: highlight.metric, side: highlight.side, emphasis: true });
  const seen = new Set<string>();
  for (const { metric, side, emphasis } of wanted) {
    const sided = isSidedMetric(metric);
    const sides: (Side | null)[] = sided ? (side ? [side] : ['left', 'right']) : [null];
    for (const s of sides) {
      const anchor = metricAnchor(metric, s);
      const key = `${metric}:${anchor}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const number = columnValue(analysis.series, metric, s, index);
      // A joint the camera cannot see gets no label (the rep table says "not measurable"),
      // unless it is the metric the user asked about.
      if (number === null && !emphasis) continue;
      const prefix = s ? `${s === 'left' ? 'L' : 'R'} ` : '';
      // In a lifter's words ("L knee bent 98°", "R heel up about 2 cm"), as the report says it,
      // cut short where the report's words are too long to sit beside a joint ("L knee 3 cm in").
      const def = metricDef(metric);
      const text = number === null || !Number.isFinite(number) ? `${METRIC_LABELS[metric].label} ${NOT_MEASURABLE}` : (def.label ?? def.plain)(number);
      labels.push({ anchor, text: `${prefix}${text}`, emphasis, side: s });
    }
  }
  return labels;
}
