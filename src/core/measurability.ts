/**
 * Per metric: can this clip measure it, and if not why, in words a lifter understands. Nobody
 * among the open tools labels every metric with its measurability for the current view
 * (REFERENCE.md §4); topset.dev marks "not measurable". Which view supports which metric is the
 * registry's (metrics/registry.ts `views`): valgus, knee offset, separation and hip shift need a
 * front (or 45-degree) view; torso, trunk-tibia, shin, depth and butt wink a side (or 45-degree)
 * view; heel lift either.
 */
import { clamp01 } from './geometry';
import { METRICS } from './metrics/registry';
import type { Measurability, MetricKey, ViewEstimate, ViewKind } from './types';

/** Frames with a value, and the sum of their (raw) confidences, per metric (both sides together). */
export interface MeasuredCount {
  count: number;
  confSum: number;
}

/**
 * Per-metric measurability for the whole clip from what was measured: `measured[key]` counts the
 * frames with a value and sums their confidences (buttWink is filled later by the rep stage:
 * its measurability is the view's).
 */
export function measurability(view: ViewEstimate, measured: Partial<Record<MetricKey, MeasuredCount>>): Record<MetricKey, Measurability> {
  const kinds = new Set<ViewKind>(view.segments.map((s) => s.kind));
  if (!kinds.size) kinds.add(view.kind);
  const out = {} as Record<MetricKey, Measurability>;
  for (const def of METRICS) {
    const sup = def.views;
    const supported = [...kinds].some((k) => sup[k] > 0);
    if (!supported) {
      out[def.key] = { measurable: false, reason: sup.needs, confidence: 0, view: null };
      continue;
    }
    const bestKind = [...kinds].reduce((a, b) => (sup[b] > sup[a] ? b : a));
    if (def.compute === 'rep-stage') {
      // Filled in by the rep analysis (a pelvic-tuck proxy): measurability here is the view's.
      out[def.key] = { measurable: true, reason: sup.obliqueNote ?? null, confidence: Math.max(...[...kinds].map((k) => sup[k])) * view.confidence, view: bestKind };
      continue;
    }
    const count = measured[def.key]?.count ?? 0;
    if (!count) {
      out[def.key] = { measurable: false, reason: sup.missing ?? `${sup.needs.split(' needs ')[0]} could not be measured: the joints it needs were not found clearly enough`, confidence: 0, view: null };
      continue;
    }
    const behind = view.fromBehind && bestKind !== 'side' ? sup.behindNote : undefined;
    const note = behind ?? (bestKind === 'oblique' ? sup.obliqueNote : bestKind === 'front' ? sup.frontNote : undefined);
    out[def.key] = { measurable: true, reason: note ?? null, confidence: clamp01((measured[def.key]?.confSum ?? 0) / count), view: bestKind };
  }
  return out;
}
