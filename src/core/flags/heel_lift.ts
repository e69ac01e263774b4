import type { Flag } from '../types';
import type { PeakInfo } from '../reps/rep_peaks';
import { column } from '../series';
import { sidedFault, type RepFlagInput } from './flag_common';
import { HEEL_LIFT_FOOT_FRACTION, MIN_FLAG_CONFIDENCE } from './thresholds';

/**
 * The foot-angle rise a heel lift at the mild threshold implies: a heel rising by a fraction
 * f of the foot's length while the toes stay down turns the heel-to-toe line by asin(f).
 */
export const HEEL_LIFT_MIN_FOOT_TURN_DEG = (Math.asin(HEEL_LIFT_FOOT_FRACTION.mild) * 180) / Math.PI;

/**
 * Heel off the floor: each heel's rise above its own standing baseline (so both heels
 * lifting is seen, unlike comparing one foot with the other), per side.
 *
 * Corroboration (REFERENCE.md §3 names both measures: heel rise and the heel-to-toe foot
 * angle): a heel that lifts pivots the foot about the toes, so where that foot's angle is
 * measured with flag confidence around the heel-lift peak it must also have turned heel-up
 * there by at least the angle the mild threshold implies (HEEL_LIFT_MIN_FOOT_TURN_DEG,
 * ~2.9 deg) relative to its standing angle. A
 * heel keypoint that rises together with the toe keypoint is the foot's keypoints drifting
 * (or the whole foot misplaced), not a heel lift.
 */
export function detectHeelLift(input: RepFlagInput): Flag | null {
  const minC = input.minConfidence ?? MIN_FLAG_CONFIDENCE;
  const corroborated = (side: 'left' | 'right', peak: PeakInfo) => {
    const standing = input.standingFootAngleDeg?.[side] ?? null;
    const foot = input.series && column(input.series, 'footAngleDeg', side);
    if (!foot || standing === null || input.unmeasurable?.has('footAngleDeg')) return true;
    // Foot angle around the heel-lift peak (median of +-2 frames with flag confidence).
    const vals: number[] = [];
    for (let i = Math.max(0, peak.frame - 2); i <= Math.min(foot.value.length - 1, peak.frame + 2); i++) {
      const v = foot.value[i];
      if (Number.isFinite(v) && foot.confidence[i] >= minC) vals.push(v);
    }
    if (!vals.length) return true; // foot angle not seen well enough to contradict
    vals.sort((a, b) => a - b);
    return vals[vals.length >> 1] - standing >= HEEL_LIFT_MIN_FOOT_TURN_DEG;
  };
  const flag = sidedFault('heel_lift', 'heelLift', HEEL_LIFT_FOOT_FRACTION, input, corroborated);
  // From the side the far foot is hidden behind the near one and BlazePose places its heel
  // and toe poorly (REFERENCE.md §3: "the heel and toe of an occluded foot are often
  // misplaced"). Its heel lift alone is not reported; it counts only with the near heel
  // (side "both").
  if (flag && input.view === 'side' && (flag.side === 'left' || flag.side === 'right')) {
    const far = farSide(input);
    if (far === flag.side) return null;
  }
  return flag;
}

/** The foot seen less well over the rep (lower mean heel-lift confidence), if clearly so. */
function farSide(input: RepFlagInput): 'left' | 'right' | null {
  const left = input.series && column(input.series, 'heelLift', 'left');
  const right = input.series && column(input.series, 'heelLift', 'right');
  if (!left || !right || !input.repRange) return null;
  let l = 0;
  let r = 0;
  for (let i = input.repRange[0]; i <= input.repRange[1]; i++) {
    l += left.value[i] === left.value[i] ? left.confidence[i] : 0;
    r += right.value[i] === right.value[i] ? right.confidence[i] : 0;
  }
  if (l === r) return null;
  return l < r ? 'left' : 'right';
}
