import type { Flag } from '../types';
import { scalarFault, type RepFlagInput } from './flag_common';
import { BUTT_WINK_DEG } from './thresholds';

/**
 * Pelvis tucking under at the bottom, from the late-descent trunk-thigh proxy
 * (src/core/butt_wink.ts). Advisory: no pose model sees the pelvis, so the flag's
 * confidence is the proxy's (already discounted there).
 */
export function detectButtWink(input: RepFlagInput): Flag | null {
  return scalarFault('butt_wink', 'buttWink', BUTT_WINK_DEG, input);
}
