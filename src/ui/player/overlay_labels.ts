/**
 * The metric labels written beside the joints on the analysed video: the Analysis' own values
 * at the frame on screen. The flagged metric (when one is highlighted) comes first, in the
 * highlight colour; other metrics are labelled only where they have a value.
 */
import type { Analysis, MetricKey, Side } from '../../core/types';
import { isSidedValue } from '../../export/metric_columns';
import { METRIC_LABELS, formatMetric, metricAnchor } from '../report/labels';
import type { OverlayLabel } from './draw_skeleton';
import { frameIndexAtTime } from './frame_at_time';

export interface OverlayHighlight {
  metric: MetricKey;
  side: Side | null;
}

/** Labels for the metrics at media time t: values from the Analysis frame on screen at t. */
export function overlayLabels(analysis: Analysis | null | undefined, t: number, metrics: readonly MetricKey[], highlight: OverlayHighlight | null | undefined): OverlayLabel[] {
  if (!analysis) return [];
  const index = frameIndexAtTime(analysis.frames, t);
  if (index < 0) return [];
  const frame = analysis.frames[index]!;
  const labels: OverlayLabel[] = [];
  const wanted: { metric: MetricKey; side: Side | null; emphasis: boolean }[] = metrics.map((metric) => ({ metric, side: null, emphasis: false }));
  if (highlight) wanted.unshift({ metric: highlight.metric, side: highlight.side, emphasis: true });
  const seen = new Set<string>();
  for (const { metric, side, emphasis } of wanted) {
    const value = frame.metrics[metric] as unknown;
    const sides: (Side | null)[] = isSidedValue(value) ? (side ? [side] : ['left', 'right']) : [null];
    for (const s of sides) {
      const anchor = metricAnchor(metric, s);
      const key = `${metric}:${anchor}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const number = isSidedValue(value) ? value[s ?? 'left'] : typeof value === 'number' ? value : null;
      // A joint the camera cannot see gets no label (the rep table says "not measurable"),
      // unless it is the metric the user asked about.
      if (number === null && !emphasis) continue;
      const prefix = s ? `${s === 'left' ? 'L' : 'R'} ` : '';
      labels.push({ anchor, text: `${prefix}${METRIC_LABELS[metric].label} ${formatMetric(metric, number)}`, emphasis, side: s });
    }
  }
  return labels;
}
