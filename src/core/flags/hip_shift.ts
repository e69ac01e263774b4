import type { Flag } from '../types';
import { scalarPeak } from '../reps/rep_peaks';
import { clearsNoise, makeFlag, type RepFlagInput } from './flag_common';
import { HIP_SHIFT_HIP_WIDTH, MIN_FLAG_CONFIDENCE, gradeAscending } from './thresholds';

/**
 * Hips sliding sideways: the rep's largest lateral hip-mid offset from the ankle-mid (in hip
 * widths), relative to where the hips were while standing just before the rep (the peak is
 * taken with that offset removed, see analyze_metrics.ts). side = the direction of the shift,
 * from the lifter's point of view (positive hipShift = toward the lifter's left).
 */
export function detectHipShift(input: RepFlagInput): Flag | null {
  if (input.unmeasurable?.has('hipShift')) return null;
  const p = scalarPeak(input.peaks, 'hipShift');
  if (!p || p.confidence < (input.minConfidence ?? MIN_FLAG_CONFIDENCE)) return null;
  if (!clearsNoise(input, 'hipShift', null, Math.abs(p.value))) return null;
  const sev = gradeAscending(Math.abs(p.value), HIP_SHIFT_HIP_WIDTH);
  if (!sev) return null;
  return makeFlag(input, 'hip_shift', 'hipShift', p.value > 0 ? 'left' : 'right', sev, p, HIP_SHIFT_HIP_WIDTH.mild);
}
