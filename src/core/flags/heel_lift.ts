import type { Flag } from '../types';
import { sidedFault, type RepFlagInput } from './flag_common';
import { HEEL_LIFT_FOOT_FRACTION } from './thresholds';

/**
 * Heel off the floor: each foot's heel lift (metrics/heel_lift.ts: the rear foot's rise about
 * the toe, heel and ankle agreeing, against that foot's own standing posture), per side. The
 * foot the camera cannot see is not measured there, so it is never flagged.
 */
export function detectHeelLift(input: RepFlagInput): Flag | null {
  return sidedFault('heel_lift', 'heelLift', HEEL_LIFT_FOOT_FRACTION, input);
}
