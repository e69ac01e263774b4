import type { Flag } from '../types';
import { DEFAULT_DEPTH_TARGET, DEPTH_TARGET_THIGH_DEG, THIGH_ANGLE_ERROR_DEG, judgeRepDepth } from '../depth_judgement';
import { scalarPeak } from '../reps/rep_peaks';
import { makeFlag, type RepFlagInput } from './flag_common';
import { MIN_FLAG_CONFIDENCE } from './thresholds';

/**
 * Short of the depth the lifter aims for: the rep's thigh angle at the bottom (0 = parallel,
 * + = hip below knee) against the target, flagged only when short by more than the view's error
 * (depth_judgement.ts). Side and 45-degree views only (a front view cannot read the thigh angle:
 * its depth statement reads the hip height, in the findings). Only when the bottom was seen.
 */
export function detectShallowDepth(input: RepFlagInput): Flag | null {
  if (!input.bottomSeen || input.unmeasurable?.has('thighAngleDeg')) return null;
  const view = input.view;
  if (view !== 'side' && view !== 'oblique') return null;
  const p = scalarPeak(input.peaks, 'thighAngleDeg');
  const minConfidence = input.minConfidence ?? MIN_FLAG_CONFIDENCE;
  if (!p) return null;
  const target = input.depthTarget ?? DEFAULT_DEPTH_TARGET;
  const d = judgeRepDepth({ view, thighAngleDeg: { value: p.value, confidence: p.confidence }, bottomHipHeight: null, bottomSeen: true, minConfidence }, target);
  if (d.verdict !== 'short' || !d.severity) return null;
  return makeFlag(input, 'shallow_depth', 'thighAngleDeg', null, d.severity, p, DEPTH_TARGET_THIGH_DEG[target] - THIGH_ANGLE_ERROR_DEG[view]);
}
