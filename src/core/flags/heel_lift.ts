import type { Flag } from '../types';
import { sidedFault, type RepFlagInput } from './flag_common';
import { HEEL_LIFT_FOOT_FRACTION } from './thresholds';

/**
 * Heel off the floor: each heel's rise above its own standing baseline (so both heels
 * lifting is seen, unlike comparing one foot with the other), per side.
 */
export function detectHeelLift(input: RepFlagInput): Flag | null {
  return sidedFault('heel_lift', 'heelLift', HEEL_LIFT_FOOT_FRACTION, input);
}
