/**
 * The one reader of a rep's numbers for everything the report shows (verdict, rep cards, left
 * and right, review table): the rep measure from the Analysis (rep.measures, the same field the
 * per-rep CSV writes), formatted by the registry (labels.ts formatMetric) and put in a lifter's
 * words (the registry's `plain`). A number is shown only where the Analysis says the metric is
 * measurable and the view it was read from supports it (registry views); otherwise "not
 * measurable", never a guess or a 0. Display only: nothing here measures.
 */
import { metricDef } from '../../core/metrics/registry';
import { repValue } from '../../core/series';
import type { Analysis, MetricKey, Rep, RepMeasure, Side, ViewKind } from '../../core/types';
import { NOT_MEASURABLE, formatMetric } from './labels';

export interface ShownValue {
  /** The rep measure shown; null = not measurable (nothing shown as a number). */
  measure: RepMeasure | null;
  /** "12 % foot", or "not measurable". */
  text: string;
  /** What the number means in a lifter's words ("heel up about 3 cm"); null when not measurable. */
  plain: string | null;
  /**
   * False when the words already state the number ("knee bent 87°" for 87°): then the words are
   * shown alone; true when they restate it in other units ("heel up about 3 cm" for 12 % foot).
   */
  numberAdds: boolean;
}

/** Whether `plain` already holds the number of `text` ("87" of "87°" in "knee bent 87°"). */
function statesNumber(plain: string, text: string): boolean {
  const number = /-?\d+(\.\d+)?/.exec(text)?.[0]?.replace(/^-/, '');
  if (!number) return false;
  return new RegExp(`(^|[^\\d.])${number.replace('.', '\\.')}([^\\d.]|$)`).test(plain);
}

/** True when the Analysis says this view can measure the metric at all. */
export function metricMeasurable(analysis: Pick<Analysis, 'measurability'>, key: MetricKey): boolean {
  return analysis.measurability[key]?.measurable === true;
}

/** A rep's value of a metric (side null for a whole-body metric), as the report shows it. */
export function repMeasureShown(analysis: Pick<Analysis, 'measurability'>, rep: Pick<Rep, 'measures'>, key: MetricKey, side: Side | null): ShownValue {
  const measure = repValue(rep, key, side);
  const supported =
    metricMeasurable(analysis, key) && measure !== null && Number.isFinite(measure.value) && (metricDef(key).views[measure.view] ?? 0) > 0;
  if (!supported) return { measure: null, text: NOT_MEASURABLE, plain: null, numberAdds: false };
  const text = formatMetric(key, measure.value);
  const plain = metricDef(key).plain(measure.value);
  return { measure, text, plain, numberAdds: !statesNumber(plain, text) };
}

/** How sure, in words, with the percentage: "fairly sure (72 %)". Display bins, not thresholds of any test. */
export function confidenceWords(confidence: number): string {
  const pct = Math.round(Math.max(0, Math.min(1, confidence)) * 100);
  const words = confidence >= 0.8 ? 'sure' : confidence >= 0.6 ? 'fairly sure' : 'not sure';
  return `${words} (${pct} %)`;
}

export const VIEW_NAMES: Record<ViewKind, string> = { front: 'front', side: 'side', oblique: '45-degree' };

/** "from the side", "from the front", "from 45 degrees". */
export function fromView(view: ViewKind): string {
  return view === 'oblique' ? 'from 45 degrees' : `from the ${view}`;
}
