/**
 * Which view supports which metric, and why not, in words a lifter understands. Nobody among
 * the open tools labels every metric with its measurability for the current view
 * (REFERENCE.md §4); topset.dev marks "not measurable". The table follows issue 3: valgus,
 * knee offset, separation and hip shift need a front (or 45-degree) view; torso, trunk-tibia,
 * shin, depth and butt wink a side (or 45-degree) view; heel lift either.
 */
import type { Measurability, MetricKey, ViewEstimate, ViewKind } from './types';

interface Support {
  /** Confidence factor of each view; 0 = cannot measure from it. */
  front: number;
  side: number;
  oblique: number;
  /** Why not, when the view cannot. */
  needs: string;
  /** What limits it from a 45-degree view, if anything. */
  obliqueNote?: string;
  frontNote?: string;
}

export const VIEW_SUPPORT: Record<MetricKey, Support> = {
  kneeValgusDeg: { front: 1, side: 0, oblique: 0, needs: 'knee valgus angle needs a front view: from the side or at 45 degrees the knees moving forward look like moving in or out (knee width is still measured at 45 degrees)' },
  kneeOffset: { front: 1, side: 0, oblique: 0, needs: 'knee drift needs a front view: from the side or at 45 degrees the knees moving forward look like moving in or out' },
  kneeSeparationRatio: { front: 1, side: 0, oblique: 0.7, needs: 'knee width needs a front or 45-degree view with the feet apart' },
  heelLift: { front: 0.7, side: 1, oblique: 0.9, needs: 'heel lift needs the heels in the picture', frontNote: 'from the front the heels are partly hidden: a side view shows heel lift best' },
  footAngleDeg: { front: 0, side: 1, oblique: 0.5, needs: 'foot angle needs a side or 45-degree view' },
  torsoAngleDeg: { front: 0, side: 1, oblique: 0.7, needs: 'torso lean needs a side or 45-degree view' },
  trunkTibiaDeg: { front: 0, side: 1, oblique: 0.7, needs: 'trunk-to-shin angle needs a side or 45-degree view' },
  buttWink: { front: 0, side: 1, oblique: 0.7, needs: 'butt wink needs a side or 45-degree view', obliqueNote: 'butt wink is an estimate: no pose model sees the pelvis' },
  kneeFlexionDeg: { front: 0, side: 1, oblique: 0.7, needs: 'knee bend needs a side or 45-degree view' },
  hipFlexionDeg: { front: 0, side: 1, oblique: 0.7, needs: 'hip bend needs a side or 45-degree view' },
  shinAngleDeg: { front: 0, side: 1, oblique: 0.7, needs: 'shin angle (ankle bend) needs a side or 45-degree view' },
  depth: { front: 0.6, side: 1, oblique: 0.7, needs: 'depth needs the hips and knees in the picture', frontNote: 'from the front depth is approximate: a side view measures it best' },
  thighAngleDeg: { front: 0, side: 1, oblique: 0.7, needs: 'thigh angle needs a side or 45-degree view' },
  hipShift: { front: 1, side: 0, oblique: 0, needs: 'hip shift needs a front view: from the side or at 45 degrees the hips moving back look like moving sideways' },
};

export const METRIC_KEYS = Object.keys(VIEW_SUPPORT) as MetricKey[];

const MISSING_WORDS: Partial<Record<MetricKey, string>> = {
  heelLift: 'the heels were not found clearly enough in the picture',
  footAngleDeg: 'the heels and toes were not found clearly enough in the picture',
  kneeSeparationRatio: 'the knees and ankles were not found clearly enough, or the feet were together',
};

/**
 * Per-metric measurability for the whole clip. `valueCount` = frames with a value;
 * `meanConfidence` = mean confidence over those frames.
 */
export function measurability(
  view: ViewEstimate, valueCount: Record<MetricKey, number>, meanConfidence: Record<MetricKey, number>,
): Record<MetricKey, Measurability> {
  const kinds = new Set<ViewKind>(view.segments.map((s) => s.kind));
  if (!kinds.size) kinds.add(view.kind);
  const out = {} as Record<MetricKey, Measurability>;
  for (const key of METRIC_KEYS) {
    const sup = VIEW_SUPPORT[key];
    const supported = [...kinds].some((k) => sup[k] > 0);
    if (!supported) {
      out[key] = { measurable: false, reason: sup.needs, confidence: 0 };
      continue;
    }
    if (key === 'buttWink') {
      // Filled in by the rep analysis (a pelvic-tuck proxy): measurability here is the view's.
      out[key] = { measurable: true, reason: sup.obliqueNote ?? null, confidence: Math.max(...[...kinds].map((k) => sup[k])) * view.confidence };
      continue;
    }
    if (!valueCount[key]) {
      out[key] = { measurable: false, reason: MISSING_WORDS[key] ?? `${sup.needs.split(' needs ')[0]} could not be measured: the joints it needs were not found clearly enough`, confidence: 0 };
      continue;
    }
    const bestKind = [...kinds].reduce((a, b) => (sup[b] > sup[a] ? b : a));
    const note = bestKind === 'oblique' ? sup.obliqueNote : bestKind === 'front' ? sup.frontNote : undefined;
    out[key] = { measurable: true, reason: note ?? null, confidence: meanConfidence[key] };
  }
  return out;
}
