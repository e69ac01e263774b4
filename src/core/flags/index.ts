import type { Flag } from '../types';
import type { RepFlagInput } from './flag_common';
import { FAULTS } from './registry';

export type { RepFlagInput } from './flag_common';
export * from './thresholds';
export { FAULTS, faultDef, faultOfMetric, SEVERITY_RANK, worstSeverity, type FaultDef, type FaultWords } from './registry';

/** Flags for one rep: at most one per fault, in the registry's (kinetic-chain) order. */
export function detectRepFlags(input: RepFlagInput): Flag[] {
  const out: Flag[] = [];
  for (const def of FAULTS) {
    const f = def.detect(input);
    if (f) out.push(f);
  }
  return out;
}
