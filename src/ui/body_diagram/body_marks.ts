/**
 * Which joints to mark on the body diagram, from the Analysis' own flags and asymmetries.
 * The chain links come from the core's fault and metric registries; no measuring here.
 */
import { faultDef, SEVERITY_RANK } from '../../core/flags/registry';
import { metricDef } from '../../core/metrics/registry';
import type { Analysis, ChainLink, Fault, Severity, Side } from '../../core/types';

export type MarkSide = Side | 'centre';

export interface BodyMark {
  link: ChainLink;
  side: MarkSide;
  severity: Severity;
  /** Why it is marked, in words. */
  reasons: string[];
}

/** Links that exist once (centre line) rather than per side. */
const CENTRE_LINKS = new Set<ChainLink>(['pelvis', 'lumbar', 'torso']);

export function bodyMarksFromAnalysis(analysis: Analysis, labelOf: (fault: Fault) => string): BodyMark[] {
  const marks = new Map<string, BodyMark>();
  const add = (link: ChainLink, side: MarkSide, severity: Severity, reason: string) => {
    const s: MarkSide = CENTRE_LINKS.has(link) ? 'centre' : side;
    const key = `${link}:${s}`;
    const existing = marks.get(key);
    if (!existing) marks.set(key, { link, side: s, severity, reasons: [reason] });
    else {
      if (SEVERITY_RANK[severity] > SEVERITY_RANK[existing.severity]) existing.severity = severity;
      if (!existing.reasons.includes(reason)) existing.reasons.push(reason);
    }
  };
  for (const rep of analysis.reps) {
    for (const flag of rep.flags) {
      // A flag without a side (or on both) on a per-side joint marks that joint on both sides.
      const sides: Side[] = flag.side === 'left' || flag.side === 'right' ? [flag.side] : ['left', 'right'];
      for (const link of faultDef(flag.fault).chain) {
        if (CENTRE_LINKS.has(link)) add(link, 'centre', flag.severity, labelOf(flag.fault));
        else for (const side of sides) add(link, side, flag.severity, labelOf(flag.fault));
      }
    }
  }
  for (const asymmetry of analysis.asymmetries) {
    const link = metricDef(asymmetry.metric).bodyPart;
    if (!link || !asymmetry.beyondVariation || !asymmetry.worseSide) continue;
    add(link, asymmetry.worseSide, 'mild', 'left/right difference');
  }
  return [...marks.values()];
}
