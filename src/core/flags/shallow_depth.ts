import type { Flag } from '../types';
import { scalarPeak } from '../reps/rep_peaks';
import { makeFlag, type RepFlagInput } from './flag_common';
import { MIN_FLAG_CONFIDENCE, SHALLOW_DEPTH_THIGH_DEG, gradeDescending } from './thresholds';

/**
 * Not reaching parallel: the rep's deepest thigh angle (0 = parallel, positive = hip below
 * knee) against the depth rule in thresholds.ts. Only judged when the bottom of the rep was
 * seen (a clip cut mid-descent says nothing about depth).
 */
export function detectShallowDepth(input: RepFlagInput): Flag | null {
  if (!input.bottomSeen || input.unmeasurable?.has('thighAngleDeg')) return null;
  const p = scalarPeak(input.peaks, 'thighAngleDeg');
  if (!p || p.confidence < (input.minConfidence ?? MIN_FLAG_CONFIDENCE)) return null;
  const sev = gradeDescending(p.value, SHALLOW_DEPTH_THIGH_DEG);
  return sev ? makeFlag(input, 'shallow_depth', 'thighAngleDeg', null, sev, p, SHALLOW_DEPTH_THIGH_DEG.mild) : null;
}
