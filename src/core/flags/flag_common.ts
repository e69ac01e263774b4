import type { DepthTarget, Fault, Flag, FrameSeries, MetricKey, Severity, ViewKind } from '../types';
import type { MetricPeaks, PeakInfo } from '../reps/rep_peaks';
import { scalarPeak, sidedPeak } from '../reps/rep_peaks';
import { MIN_FLAG_CONFIDENCE, gradeAscending, type Tiers } from './thresholds';

/** What a fault detector sees for one rep. */
export interface RepFlagInput {
  /** Rep index. */
  rep: number;
  peaks: MetricPeaks;
  /** False when the clip cut the rep before its bottom was seen (no depth verdict then). */
  bottomSeen: boolean;
  minConfidence?: number;
  /**
   * Per metric (and side), the smallest peak that stands out from the metric's own noise
   * while the lifter stands still (standing_noise.ts); a peak below it is not flagged
   * whatever the threshold says. Absent = unknown (no standing frames).
   */
  noiseFloor?: Partial<Record<MetricKey, number | { left: number | null; right: number | null } | null>>;
  /** Camera view at the rep's bottom. */
  view?: ViewKind;
  /** Camera view of frame i (a flag carries its evidence frame's view); default: `view`, else front. */
  viewAt?: (frame: number) => ViewKind;
  /** Frame range [start, end] of the rep. */
  repRange?: readonly [number, number];
  /** The per-frame metrics (peaks point into them by index), for checks at a peak's time. */
  series?: FrameSeries;
  /** Metrics the view cannot support (computeFrameMetrics' measurability): never flagged. */
  unmeasurable?: ReadonlySet<MetricKey>;
  /** The depth the lifter aims for (default 'parallel'). */
  depthTarget?: DepthTarget;
}

/** Whether a peak clears the metric's standing-noise floor (true when the floor is unknown). */
export function clearsNoise(input: RepFlagInput, metric: MetricKey, side: 'left' | 'right' | null, value: number): boolean {
  const f = input.noiseFloor?.[metric];
  if (f === undefined || f === null) return true;
  const floor = typeof f === 'number' ? f : side ? f[side] : null;
  return floor === null || !Number.isFinite(floor) || value >= floor;
}

const round = (v: number): number => Math.round(v * 1000) / 1000;

export function makeFlag(
  input: RepFlagInput,
  fault: Fault,
  metric: MetricKey,
  side: Flag['side'],
  severity: Severity,
  peak: PeakInfo,
  threshold: number,
  confidence = peak.confidence,
): Flag {
  return {
    fault,
    side,
    severity,
    value: round(peak.value),
    threshold,
    t: peak.t,
    confidence: round(Math.max(0, Math.min(1, confidence))),
    rep: input.rep,
    metric,
    view: input.viewAt ? input.viewAt(peak.frame) : (input.view ?? 'front'),
  };
}

/**
 * A per-side fault: each side graded on its own peak; one flag per rep with side left,
 * right or both (both sides over the mild threshold), carrying the worse side's value.
 */
export function sidedFault(
  fault: Fault,
  metric: MetricKey,
  tiers: Tiers,
  input: RepFlagInput,
  corroborated: (side: 'left' | 'right', peak: PeakInfo) => boolean = () => true,
): Flag | null {
  const minC = input.minConfidence ?? MIN_FLAG_CONFIDENCE;
  if (input.unmeasurable?.has(metric)) return null;
  const graded = (['left', 'right'] as const).map((side) => {
    const p = sidedPeak(input.peaks, metric, side);
    if (!p || p.confidence < minC || !clearsNoise(input, metric, side, p.value) || !corroborated(side, p)) return null;
    const sev = gradeAscending(p.value, tiers);
    return sev ? { side, p, sev } : null;
  });
  const [l, r] = graded;
  if (!l && !r) return null;
  if (l && r) {
    const worse = l.p.value >= r.p.value ? l : r;
    return makeFlag(input, fault, metric, 'both', worse.sev, worse.p, tiers.mild, Math.min(l.p.confidence, r.p.confidence));
  }
  const one = (l ?? r)!;
  return makeFlag(input, fault, metric, one.side, one.sev, one.p, tiers.mild);
}

/** A whole-body fault graded on one scalar peak. */
export function scalarFault(fault: Fault, metric: MetricKey, tiers: Tiers, input: RepFlagInput): Flag | null {
  const minC = input.minConfidence ?? MIN_FLAG_CONFIDENCE;
  if (input.unmeasurable?.has(metric)) return null;
  const p = scalarPeak(input.peaks, metric);
  if (!p || p.confidence < minC || !clearsNoise(input, metric, null, p.value)) return null;
  const sev = gradeAscending(p.value, tiers);
  return sev ? makeFlag(input, fault, metric, null, sev, p, tiers.mild) : null;
}
