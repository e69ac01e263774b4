import type { Flag } from '../types';
import { sidedFault, type RepFlagInput } from './flag_common';
import { KNEE_DRIFT_LEG, KNEE_DRIFT_OBLIQUE_ALLOWANCE, type Tiers } from './thresholds';

const OBLIQUE_TIERS: Tiers = {
  mild: KNEE_DRIFT_LEG.mild + KNEE_DRIFT_OBLIQUE_ALLOWANCE,
  moderate: KNEE_DRIFT_LEG.moderate + KNEE_DRIFT_OBLIQUE_ALLOWANCE,
  severe: KNEE_DRIFT_LEG.severe + KNEE_DRIFT_OBLIQUE_ALLOWANCE,
};

/**
 * Knees moving in: the rep's sustained peak knee drift per side (the knee's inward travel over
 * its own foot since the lifter stood, leg lengths) against FPPA norms turned into travel
 * (thresholds.ts KNEE_DRIFT_LEG); from a 45-degree view the tiers are raised by that view's
 * error. Front, 45-degree and rear views give the metric (the side view does not).
 */
export function detectKneeValgus(input: RepFlagInput): Flag | null {
  return sidedFault('knee_valgus', 'kneeDrift', input.view === 'oblique' ? OBLIQUE_TIERS : KNEE_DRIFT_LEG, input);
}
