import type { Flag } from '../types';
import type { RepFlagInput } from './flag_common';
import { detectButtWink } from './butt_wink';
import { detectForwardLean } from './forward_lean';
import { detectHeelLift } from './heel_lift';
import { detectHipShift } from './hip_shift';
import { detectKneeValgus } from './knee_valgus';
import { detectShallowDepth } from './shallow_depth';

export type { RepFlagInput } from './flag_common';
export * from './thresholds';

/** All fault detectors, in the kinetic-chain order findings read them (ankle up). */
export const FAULT_DETECTORS = [
  detectHeelLift,
  detectKneeValgus,
  detectHipShift,
  detectButtWink,
  detectForwardLean,
  detectShallowDepth,
] as const;

/** Flags for one rep: at most one per fault. */
export function detectRepFlags(input: RepFlagInput): Flag[] {
  const out: Flag[] = [];
  for (const detect of FAULT_DETECTORS) {
    const f = detect(input);
    if (f) out.push(f);
  }
  return out;
}
