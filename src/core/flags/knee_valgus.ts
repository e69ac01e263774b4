import type { Flag } from '../types';
import { sidedFault, type RepFlagInput } from './flag_common';
import { KNEE_VALGUS_DEG } from './thresholds';

/**
 * Knees moving in: the rep's sustained peak frontal-plane projection angle per side
 * (positive = knee inside the hip-ankle line) against Herrington & Munro's norms
 * (thresholds.ts). Only front and oblique views give this metric (nulls otherwise).
 */
export function detectKneeValgus(input: RepFlagInput): Flag | null {
  return sidedFault('knee_valgus', 'kneeValgusDeg', KNEE_VALGUS_DEG, input);
}
