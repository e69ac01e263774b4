import type { Flag } from '../types';
import { scalarFault, type RepFlagInput } from './flag_common';
import { FORWARD_LEAN_TORSO_DEG, FORWARD_LEAN_TRUNK_TIBIA_DEG } from './thresholds';

/**
 * Torso pitching forward: trunk leaning more than 20 deg past the shin line (NASM / Uplift,
 * thresholds.ts). The trunk-tibia difference allows for long femurs and good ankles, which
 * need a forward trunk with forward shins; the absolute torso angle is the fallback only
 * when the shins are not measurable.
 */
export function detectForwardLean(input: RepFlagInput): Flag | null {
  const byTrunkTibia = scalarFault('forward_lean', 'trunkTibiaDeg', FORWARD_LEAN_TRUNK_TIBIA_DEG, input);
  if (byTrunkTibia) return byTrunkTibia;
  const trunkTibia = input.peaks.trunkTibiaDeg;
  if (trunkTibia && !('left' in trunkTibia) && trunkTibia.confidence >= (input.minConfidence ?? 0.5)) return null;
  return scalarFault('forward_lean', 'torsoAngleDeg', FORWARD_LEAN_TORSO_DEG, input);
}
